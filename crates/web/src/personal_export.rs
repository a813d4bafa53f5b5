//! The personal data export as a download, for the account page and the
//! API alike: read and zipped on the blocking pool into a temporary file
//! (deleted by the system when closed), one stored file in memory at a
//! time, then streamed out in chunks.

use crate::error::AppError;
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::http::HeaderValue;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_TYPE};
use axum::response::Response;
use futures_util::StreamExt;
use lyceum_db::personal_data::{self, PersonalData};
use lyceum_db::users::UserRow;
use lyceum_db::{DbConn, DbError};
use lyceum_domain::personal_data::{AREAS, ExportZip, FORMAT};
use lyceum_domain::{Timestamp, UserId};
use serde_json::json;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

/// Bytes read from the temporary file per chunk sent.
const CHUNK: usize = 256 * 1024;

/// Why writing the archive failed (the database is `DbError`).
type WriteError = Box<dyn std::error::Error + Send + Sync>;

/// The person's whole export as a zip download.
pub async fn download(state: &AppState, user: UserRow) -> Result<Response, AppError> {
    let now = state.clock.now();
    let (file, len) = state
        .db
        .read(move |c| {
            let data = personal_data::gather(c, &user, now)?;
            write(c, user.id(), data, now)
        })
        .await?;
    let mut r = Response::new(Body::from_stream(chunks(file).fuse()));
    let h = r.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    h.insert(
        CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"lyceum-my-data.zip\""),
    );
    h.insert(CONTENT_LENGTH, HeaderValue::from(len));
    Ok(r)
}

/// Writes the archive into a fresh temporary file, rewound, with its length.
fn write(
    conn: &mut DbConn,
    user: UserId,
    data: PersonalData,
    now: Timestamp,
) -> Result<(File, u64), DbError> {
    let failed = |e: WriteError| DbError::task_from("writing the personal data export", e);
    let tmp = tempfile::tempfile().map_err(|e| failed(e.into()))?;
    let mut zip = ExportZip::new(tmp);
    let manifest = json!({
        "format": FORMAT,
        "exported_at": now.to_rfc3339(),
        "areas": AREAS.iter().map(|a| format!("{a}.json")).collect::<Vec<_>>(),
        "files": data.files.iter().map(|f| &f.path).collect::<Vec<_>>(),
    });
    zip.json("manifest", &manifest)
        .map_err(|e| failed(e.into()))?;
    for (name, value) in &data.areas {
        zip.json(name, value).map_err(|e| failed(e.into()))?;
    }
    for file in &data.files {
        // Read one at a time: a person's files together may be large.
        if let Some(bytes) = personal_data::file_bytes(conn, user, file)? {
            zip.file(&file.path, &bytes).map_err(|e| failed(e.into()))?;
        }
    }
    let mut out = zip.finish().map_err(|e| failed(e.into()))?;
    let len = out.stream_position().map_err(|e| failed(e.into()))?;
    out.seek(SeekFrom::Start(0)).map_err(|e| failed(e.into()))?;
    Ok((out, len))
}

/// The file, a chunk at a time, each read on the blocking pool.
fn chunks(file: File) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> + Send {
    futures_util::stream::try_unfold(file, |mut file| async move {
        let (file, buf) = tokio::task::spawn_blocking(move || {
            let mut buf = vec![0; CHUNK];
            let n = file.read(&mut buf)?;
            buf.truncate(n);
            Ok::<_, std::io::Error>((file, buf))
        })
        .await
        .map_err(std::io::Error::other)??;
        Ok((!buf.is_empty()).then(|| (Bytes::from(buf), file)))
    })
}
