//! A DNS zone of the test's own for TXT lookups (proving email domains):
//! what the test publishes is what Lyceum finds.

use lyceum_web::dns::{TxtAnswer, TxtLookup};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;

#[derive(Default)]
pub struct FakeDns {
    records: Mutex<HashMap<String, Vec<String>>>,
    /// Names whose lookup fails (a resolver that does not answer).
    failing: Mutex<Vec<String>>,
}

impl FakeDns {
    /// Publishes a TXT record at `name` (replacing those there).
    pub fn publish(&self, name: &str, text: &str) {
        self.records
            .lock()
            .unwrap()
            .insert(name.to_ascii_lowercase(), vec![text.to_string()]);
    }

    /// Lookups of `name` fail from now on.
    pub fn fail(&self, name: &str) {
        self.failing.lock().unwrap().push(name.to_ascii_lowercase());
    }
}

impl TxtLookup for FakeDns {
    fn txt<'a>(&'a self, name: &'a str) -> Pin<Box<dyn Future<Output = TxtAnswer> + Send + 'a>> {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        let answer = if self.failing.lock().unwrap().contains(&name) {
            Err("SERVFAIL".to_string())
        } else {
            Ok(self
                .records
                .lock()
                .unwrap()
                .get(&name)
                .cloned()
                .unwrap_or_default())
        };
        Box::pin(async move { answer })
    }
}
