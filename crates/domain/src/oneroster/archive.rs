//! A package as a zip file: its CSV files by name, with limits so a crafted
//! archive cannot exhaust memory. (Unpacking bytes in memory is not IO.)

use super::problem::{Problem, code};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// The most a package may unpack to: a programme-wide roster is ~100 MB.
pub const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;
const MAX_ENTRIES: usize = 100;

/// The `.csv` files of a zip, by file name (folders inside are ignored).
pub fn files_from_zip(bytes: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, Problem> {
    let unreadable = |e: &dyn std::fmt::Display| {
        Problem::new("", 0, code::BAD_ZIP).with("reason", e.to_string())
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    if archive.len() > MAX_ENTRIES {
        return Err(Problem::new("", 0, code::BAD_ZIP)
            .with("reason", format!("more than {MAX_ENTRIES} files")));
    }
    let mut files = BTreeMap::new();
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| unreadable(&e))?;
        let path = entry.name().map_err(|e| unreadable(&e))?.to_string();
        let name = path.rsplit('/').next().unwrap_or("").to_string();
        if entry.is_dir() || !name.ends_with(".csv") || path.starts_with("__MACOSX") {
            continue;
        }
        // Read no more than the budget left, whatever the entry claims.
        let budget = MAX_UNPACKED_BYTES - total;
        let mut content = Vec::new();
        (&mut entry)
            .take(budget + 1)
            .read_to_end(&mut content)
            .map_err(|e| unreadable(&e))?;
        total += content.len() as u64;
        if total > MAX_UNPACKED_BYTES {
            return Err(
                Problem::new("", 0, code::BAD_ZIP).with("reason", "it unpacks to more than 512 MB")
            );
        }
        files.insert(name, content);
    }
    Ok(files)
}
