//! A package as a zip file: its CSV files by name, unpacked one entry at a
//! time under limits checked while the bytes come out of the decompressor
//! (never the sizes the archive declares), so a crafted archive cannot
//! exhaust memory. Unpacking bytes in memory is not IO, but it is slow work:
//! callers run it off the async threads. Files Lyceum does not read are
//! listed by name and never unpacked.

use super::plan;
use super::problem::{Problem, code};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// How much a roster package may unpack to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZipLimits {
    /// Entries in the archive, folders and unread files included.
    pub entries: usize,
    /// Bytes one file may unpack to.
    pub entry_bytes: u64,
    /// Bytes all the files read may unpack to together.
    pub total_bytes: u64,
    /// How many times its packed size a file may unpack to.
    pub ratio: u64,
}

/// A OneRoster 1.2 package has 13 files; an archive with more than this is
/// not a roster.
pub const MAX_ENTRIES: usize = 100;
/// The largest file of the programme-wide roster (400,000 educators),
/// `users.csv`, is about 40 MB; a file four times that is not a roster.
pub const MAX_ENTRY_BYTES: u64 = 256 * 1024 * 1024;
/// The whole programme-wide roster is 76 MB of CSV (BENCHMARKS.md); this
/// leaves room for growth and for the optional columns.
pub const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;
/// Roster CSV deflates 4 to 20 times; a file packed more than 100 times is
/// made to expand (a "zip bomb").
pub const MAX_RATIO: u64 = 100;
/// Below this, a file is not refused for its ratio: tiny files (a manifest)
/// and files of one repeated row pack unevenly, and cost nothing.
const RATIO_FLOOR_BYTES: u64 = 1024 * 1024;

impl ZipLimits {
    /// What every roster import allows, from the upload page or the command line.
    pub const ROSTER: ZipLimits = ZipLimits {
        entries: MAX_ENTRIES,
        entry_bytes: MAX_ENTRY_BYTES,
        total_bytes: MAX_UNPACKED_BYTES,
        ratio: MAX_RATIO,
    };
}

/// The `.csv` files of a zip, by file name (folders inside are ignored),
/// within [`ZipLimits::ROSTER`].
pub fn files_from_zip(bytes: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, Problem> {
    files_from_zip_within(bytes, &ZipLimits::ROSTER)
}

/// [`files_from_zip`] with other limits (tests use small ones).
pub fn files_from_zip_within(
    bytes: &[u8],
    limits: &ZipLimits,
) -> Result<BTreeMap<String, Vec<u8>>, Problem> {
    let unreadable = |e: &dyn std::fmt::Display| {
        Problem::new("", 0, code::BAD_ZIP).with("reason", e.to_string())
    };
    let too_many = || Problem::new("", 0, code::ZIP_TOO_MANY_FILES).with("max", limits.entries);
    // Indexing an archive costs memory per entry its directory lists, and
    // every entry the index holds starts with this signature: an archive
    // with far more of them than the limit is refused before it is indexed.
    // (Compressed data may hold the four bytes by chance, hence the margin.)
    if central_headers(bytes) > limits.entries.saturating_mul(2) {
        return Err(too_many());
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    if archive.len() > limits.entries {
        return Err(too_many());
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
        if !plan::is_read(&name) {
            // Listed as present (the manifest may name it), never unpacked.
            files.insert(name, Vec::new());
            continue;
        }
        // The most this entry may unpack to, whichever limit is nearest.
        // `compressed_size` is how much the decompressor is given, so the
        // ratio is measured against what it really reads.
        let by_ratio = entry
            .compressed_size()
            .saturating_mul(limits.ratio)
            .max(RATIO_FLOOR_BYTES);
        let left = limits.total_bytes.saturating_sub(total);
        let allowed = limits.entry_bytes.min(left).min(by_ratio);
        let mut content = Vec::new();
        (&mut entry)
            .take(allowed.saturating_add(1))
            .read_to_end(&mut content)
            .map_err(|e| unreadable(&e))?;
        let unpacked = content.len() as u64;
        if unpacked > allowed {
            return Err(if allowed == by_ratio {
                Problem::new(&name, 0, code::ZIP_RATIO).with("max", limits.ratio)
            } else if allowed == limits.entry_bytes {
                Problem::new(&name, 0, code::ZIP_FILE_TOO_LARGE)
                    .with("max", megabytes(limits.entry_bytes))
            } else {
                Problem::new("", 0, code::ZIP_TOO_LARGE).with("max", megabytes(limits.total_bytes))
            });
        }
        total += unpacked;
        files.insert(name, content);
    }
    Ok(files)
}

/// How many times the central directory header signature occurs.
fn central_headers(bytes: &[u8]) -> usize {
    const SIGNATURE: &[u8; 4] = b"PK\x01\x02";
    bytes.windows(4).filter(|w| w == SIGNATURE).count()
}

/// `512 MB`, as problems say sizes.
pub fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes / (1024 * 1024))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zipped(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in files {
            w.start_file(*name, opts).unwrap();
            w.write_all(body).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    /// Text that deflates about as well as a roster (not at all repetitive).
    fn roster_like(len: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(len);
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        while out.len() < len {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            out.extend_from_slice(format!("u{x},,,true,{},Ana,Rivera\n", x % 9973).as_bytes());
        }
        out.truncate(len);
        out
    }

    const SMALL: ZipLimits = ZipLimits {
        entries: 5,
        entry_bytes: 3 * 1024 * 1024,
        total_bytes: 5 * 1024 * 1024,
        ratio: 100,
    };

    #[test]
    fn unpacks_the_files_it_reads_and_lists_the_others() {
        let zip = zipped(&[
            ("roster/manifest.csv", b"propertyName,value\n"),
            ("roster/users.csv", b"sourcedId\nu1\n"),
            ("roster/enrollments.csv", b"sourcedId\ne1\n"),
            ("__MACOSX/roster/._users.csv", b"junk"),
            ("readme.txt", b"hello"),
        ]);
        let files = files_from_zip(&zip).unwrap();
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            ["enrollments.csv", "manifest.csv", "users.csv"]
        );
        assert_eq!(files["users.csv"], b"sourcedId\nu1\n");
        assert!(files["enrollments.csv"].is_empty(), "never unpacked");
    }

    #[test]
    fn refuses_a_file_that_unpacks_far_beyond_its_packed_size() {
        let bomb = vec![b'\n'; 4 * 1024 * 1024];
        let zip = zipped(&[("users.csv", &bomb)]);
        let p = files_from_zip_within(
            &zip,
            &ZipLimits {
                entry_bytes: u64::MAX,
                total_bytes: u64::MAX,
                ..SMALL
            },
        )
        .unwrap_err();
        assert_eq!((p.file.as_str(), p.code), ("users.csv", code::ZIP_RATIO));
        assert_eq!(p.arg("max"), Some("100"));
        // Tiny files are not held to the ratio.
        assert!(files_from_zip_within(&zipped(&[("users.csv", &bomb[..1000])]), &SMALL).is_ok());
    }

    #[test]
    fn refuses_a_file_too_large_and_a_package_too_large() {
        let big = roster_like(3 * 1024 * 1024 + 1);
        let p = files_from_zip_within(&zipped(&[("users.csv", &big)]), &SMALL).unwrap_err();
        assert_eq!(
            (p.file.as_str(), p.code),
            ("users.csv", code::ZIP_FILE_TOO_LARGE)
        );
        assert_eq!(p.arg("max"), Some("3 MB"));

        let part = roster_like(2 * 1024 * 1024);
        let zip = zipped(&[
            ("orgs.csv", &part),
            ("users.csv", &part),
            ("roles.csv", &part),
        ]);
        let p = files_from_zip_within(&zip, &SMALL).unwrap_err();
        assert_eq!((p.file.as_str(), p.code), ("", code::ZIP_TOO_LARGE));
        assert_eq!(p.arg("max"), Some("5 MB"));
    }

    #[test]
    fn refuses_too_many_entries_before_indexing_them() {
        let names: Vec<String> = (0..12).map(|i| format!("f{i}.txt")).collect();
        let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
        let zip = zipped(&files);
        let p = files_from_zip_within(&zip, &SMALL).unwrap_err();
        assert_eq!(p.code, code::ZIP_TOO_MANY_FILES);
        assert_eq!(p.arg("max"), Some("5"));
        // Within the margin the index is read, and its count decides.
        let p = files_from_zip_within(&zipped(&files[..6]), &SMALL).unwrap_err();
        assert_eq!(p.code, code::ZIP_TOO_MANY_FILES);
        assert!(files_from_zip_within(&zipped(&files[..5]), &SMALL).is_ok());
    }

    #[test]
    fn the_roster_limits_take_a_programme_wide_roster() {
        let limits = ZipLimits::ROSTER;
        assert!(limits.entry_bytes >= 4 * 40 * 1024 * 1024);
        assert!(limits.total_bytes >= 4 * 76 * 1024 * 1024);
        assert!(limits.entries >= 13);
    }

    #[test]
    fn says_what_cannot_be_read() {
        let p = files_from_zip(b"not a zip").unwrap_err();
        assert_eq!(p.code, code::BAD_ZIP);
    }
}
