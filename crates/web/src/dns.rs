//! Looking up the TXT records an organisation publishes to prove an email
//! domain is its own, behind a small trait so tests answer from a zone of
//! their own.

use hickory_resolver::proto::rr::RData;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// What a TXT lookup found: the records' texts (each record's strings
/// joined), or why there was no answer.
pub type TxtAnswer = Result<Vec<String>, String>;

/// Finds the TXT records at a name.
pub trait TxtLookup: Send + Sync + 'static {
    /// The texts of the TXT records at `name`; none is an empty list, not
    /// an error.
    fn txt<'a>(&'a self, name: &'a str) -> Pin<Box<dyn Future<Output = TxtAnswer> + Send + 'a>>;
}

/// A [`TxtLookup`] to hand around (the configuration is `Debug`).
#[derive(Clone)]
pub struct TxtSource(pub Arc<dyn TxtLookup>);

impl std::fmt::Debug for TxtSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TxtSource")
    }
}

/// The system's resolvers (`/etc/resolv.conf`), through hickory.
pub struct SystemDns {
    resolver: Result<hickory_resolver::TokioResolver, String>,
}

impl SystemDns {
    pub fn new() -> Self {
        let resolver = hickory_resolver::TokioResolver::builder_tokio()
            .map_err(|e| e.to_string())
            .and_then(|b| b.build().map_err(|e| e.to_string()));
        SystemDns { resolver }
    }
}

impl Default for SystemDns {
    fn default() -> Self {
        Self::new()
    }
}

impl TxtLookup for SystemDns {
    fn txt<'a>(&'a self, name: &'a str) -> Pin<Box<dyn Future<Output = TxtAnswer> + Send + 'a>> {
        Box::pin(async move {
            let resolver = self
                .resolver
                .as_ref()
                .map_err(|e| format!("no resolver: {e}"))?;
            // A trailing dot: the name as given, never under a search domain.
            let fqdn = format!("{}.", name.trim_end_matches('.'));
            match resolver.txt_lookup(fqdn).await {
                Ok(found) => Ok(found
                    .answers()
                    .iter()
                    .filter_map(|record| match &record.data {
                        RData::TXT(txt) => Some(
                            txt.txt_data
                                .iter()
                                .map(|part| String::from_utf8_lossy(part).into_owned())
                                .collect::<String>(),
                        ),
                        _ => None,
                    })
                    .collect()),
                Err(e) if e.is_no_records_found() || e.is_nx_domain() => Ok(Vec::new()),
                Err(e) => Err(e.to_string()),
            }
        })
    }
}
