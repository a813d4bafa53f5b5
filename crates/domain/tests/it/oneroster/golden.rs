//! Each folder under `tests/oneroster/` is a package; its `expected.txt` is
//! what reading it must give: the package, or every problem. Run with
//! `UPDATE_GOLDEN=1` to rewrite them, then read the diff before committing.

use super::{render_package, render_problems};
use lyceum_domain::oneroster::read_package;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const EXPECTED: &str = "expected.txt";

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oneroster");
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

pub fn read_case(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name() != EXPECTED)
        .map(|e| {
            let name = e.file_name().into_string().unwrap();
            (name, fs::read(e.path()).unwrap())
        })
        .collect()
}

pub fn render_case(dir: &Path) -> String {
    match read_package(&read_case(dir)) {
        Ok(package) => render_package(&package),
        Err(problems) => render_problems(&problems),
    }
}

#[test]
fn golden_packages() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let cases = cases();
    assert!(cases.len() >= 10, "fixtures missing: {cases:?}");
    let mut failures = Vec::new();
    for dir in cases {
        let actual = render_case(&dir);
        let expected_path = dir.join(EXPECTED);
        if update {
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "── {} ──\nexpected:\n{expected}\nactual:\n{actual}",
                dir.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
