//! A client that behaves like a browser where it matters to the server: a
//! cookie jar, redirects followed, and an `Origin` header on form posts.

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::redirect::Policy;

#[derive(Clone)]
pub struct Browser {
    client: reqwest::Client,
    pub base: String,
}

/// What came back, after any redirects.
#[derive(Debug, Clone)]
pub struct Page {
    pub status: u16,
    /// The path (and query) the browser ended on.
    pub path: String,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn contains(&self, text: &str) -> bool {
        self.body.contains(text)
    }

    /// Panics with the page if `text` is missing.
    pub fn expect(&self, text: &str) -> &Self {
        assert!(
            self.body.contains(text),
            "expected {text:?} on {} ({}):\n{}",
            self.path,
            self.status,
            self.body
        );
        self
    }

    /// Panics with the page unless some table row has these cells side by
    /// side, compared as text (tags and their attributes left out, spaces
    /// folded), so a test says what a row shows, not how it is marked up.
    /// A cell expected as `"……"` (ending in `…`) need only start so.
    pub fn expect_row(&self, cells: &[&str]) -> &Self {
        let rows = table_rows(&self.body);
        let fits = |row: &[String]| {
            row.windows(cells.len()).any(|w| {
                w.iter()
                    .zip(cells)
                    .all(|(got, want)| match want.strip_suffix('…') {
                        Some(start) => got.starts_with(start),
                        None => got == want,
                    })
            })
        };
        assert!(
            rows.iter().any(|r| fits(r)),
            "expected a row with {cells:?} on {} ({}); its rows are {rows:#?}",
            self.path,
            self.status,
        );
        self
    }

    /// The value of the first `name="…" value="…"` hidden input.
    pub fn input_value(&self, name: &str) -> Option<String> {
        // The attribute may come anywhere in the tag (the form macros put
        // `type` between `name` and `value`).
        let at = self.body.find(&format!("name=\"{name}\""))?;
        let tag_start = self.body[..at].rfind('<')?;
        let tag_end = at + self.body[at..].find('>')?;
        let tag = &self.body[tag_start..tag_end];
        let start = tag.find(" value=\"")? + " value=\"".len();
        let end = tag[start..].find('"')? + start;
        Some(tag[start..end].to_string())
    }
}

/// Field errors must say which field and what to do ("Enter the hours"),
/// so every page any test sees is checked for the catalogue's general
/// messages, which name nothing: a form that shows one needs its own
/// `error-<code>--<field>` message in both languages.
fn unnamed_field_messages_are_never_shown(path: &str, body: &str) {
    use lyceum_domain::i18n::{Lang, catalogue};
    for lang in [Lang::En, Lang::Es] {
        for key in ["error-required", "error-choose-one"] {
            let general = catalogue().text(lang, key);
            assert!(
                !body.contains(&general),
                "{path} shows the general {key} message {general:?}, which does not name its field: \
                 add error-{}--<field> to both locales",
                &key["error-".len()..]
            );
        }
    }
}

impl Browser {
    pub fn new(base: &str) -> Browser {
        Self::build(base, Policy::limited(10))
    }

    /// One that stops at redirects, to look at them.
    pub fn no_redirects(base: &str) -> Browser {
        Self::build(base, Policy::none())
    }

    fn build(base: &str, policy: Policy) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(policy)
                .build()
                .unwrap(),
            base: base.trim_end_matches('/').to_string(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        let r = self.client.get(self.url(path)).send().await.unwrap();
        Self::page(r).await
    }

    /// A GET as a browser sends it when someone follows a link on one of
    /// our pages (fetch metadata: a navigation from our own origin).
    pub async fn navigate(&self, path: &str) -> Page {
        let r = self
            .client
            .get(self.url(path))
            .header("sec-fetch-mode", "navigate")
            .header("sec-fetch-site", "same-origin")
            .header("sec-fetch-dest", "document")
            .send()
            .await
            .unwrap();
        Self::page(r).await
    }

    /// Posts a form as a same-origin page would.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Page {
        self.post_with(path, form, &[("origin", &self.base.clone())])
            .await
    }

    pub async fn post_with(
        &self,
        path: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Page {
        let mut h = HeaderMap::new();
        for (k, v) in headers {
            h.insert(
                reqwest::header::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        let r = self
            .client
            .post(self.url(path))
            .headers(h)
            .form(form)
            .send()
            .await
            .unwrap();
        Self::page(r).await
    }

    /// Posts a multipart form (file inputs) as a same-origin page would.
    pub async fn post_multipart(&self, path: &str, form: reqwest::multipart::Form) -> Page {
        let r = self
            .client
            .post(self.url(path))
            .header("origin", self.base.clone())
            .multipart(form)
            .send()
            .await
            .unwrap();
        Self::page(r).await
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> Page {
        let page = self
            .post("/sign-in", &[("email", email), ("password", password)])
            .await;
        assert_eq!(
            page.status, 200,
            "sign-in of {email} failed:\n{}",
            page.body
        );
        // Signed in, in whichever language the account reads.
        page.expect("action=\"/sign-out\"");
        page
    }

    /// Sends a request as-is (any method, headers, body), for API tests.
    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client.request(method, self.url(path))
    }

    async fn page(r: reqwest::Response) -> Page {
        let status = r.status().as_u16();
        let url = r.url().clone();
        let path = match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        };
        let headers = r.headers().clone();
        let body = r.text().await.unwrap_or_default();
        unnamed_field_messages_are_never_shown(&path, &body);
        Page {
            status,
            path,
            headers,
            body,
        }
    }
}

/// Each table row of `html` as the text of its cells (`td` and `th`).
fn table_rows(html: &str) -> Vec<Vec<String>> {
    let opens = |rest: &str, tag: &str| {
        rest.strip_prefix(tag)
            .is_some_and(|after| after.starts_with([' ', '>']))
    };
    html.split("<tr")
        .skip(1)
        .map(|row| {
            let row = row.split("</tr>").next().unwrap_or_default();
            let mut cells = Vec::new();
            let mut rest = row;
            while let Some(at) = rest.find('<') {
                rest = &rest[at..];
                if opens(rest, "<td") || opens(rest, "<th") {
                    let inner = rest.split_once('>').map_or("", |(_, inner)| inner);
                    let end = ["</td>", "</th>"]
                        .iter()
                        .filter_map(|close| inner.find(close))
                        .min()
                        .unwrap_or(inner.len());
                    cells.push(text_of(&inner[..end]));
                    rest = &inner[end..];
                } else {
                    rest = &rest[1..];
                }
            }
            cells
        })
        .collect()
}

/// Markup's text: tags dropped, runs of white space as one space.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
