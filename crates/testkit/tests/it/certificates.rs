//! Certificates a district office accepts, end to end over HTTP: the PDF
//! anyone downloads (its text as a reader extracts it — name, course,
//! hours, competencies, issuer, the verification address — in English and
//! Spanish, accents included; a revoked one says so), its QR code and the
//! page's decoded back to that address, the link to copy, and the
//! transcript that links each certificate and carries, for print, the
//! educator's school and district, the day printed and where to check.

use super::api::{call, token_for};
use super::credit_api::{complete, import_agency_course};
use lyceum_testkit::{PASSWORD, TestApp};
use reqwest::Method;
use serde_json::json;

/// GET `path` with no session, in `lang`: status, content type, body.
async fn fetch(app: &TestApp, path: &str, lang: &str) -> (u16, String, Vec<u8>) {
    let resp = reqwest::Client::new()
        .get(format!("{}{path}", app.url))
        .header("Accept-Language", lang)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let kind = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, kind, resp.bytes().await.unwrap().to_vec())
}

/// The text of a PDF as a reader extracts it, spaces made single.
fn pdf_text(bytes: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(bytes).expect("a PDF whose text can be read");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes a QR code given as dark unit squares at (column, row).
fn decode_squares(squares: &[(i64, i64)]) -> String {
    assert!(!squares.is_empty(), "no QR code");
    let (x0, y0) = (
        squares.iter().map(|s| s.0).min().unwrap(),
        squares.iter().map(|s| s.1).min().unwrap(),
    );
    let (x1, y1) = (
        squares.iter().map(|s| s.0).max().unwrap(),
        squares.iter().map(|s| s.1).max().unwrap(),
    );
    // A QR code is square; its finder patterns reach every edge.
    assert_eq!(x1 - x0, y1 - y0, "a square code");
    let modules = usize::try_from(x1 - x0 + 1).unwrap();
    let (quiet, scale) = (4, 4);
    let size = (modules + 2 * quiet) * scale;
    let mut dark = vec![false; (modules + 2 * quiet) * (modules + 2 * quiet)];
    for (x, y) in squares {
        let (c, r) = (
            usize::try_from(x - x0).unwrap() + quiet,
            usize::try_from(y - y0).unwrap() + quiet,
        );
        dark[r * (modules + 2 * quiet) + c] = true;
    }
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
        if dark[(y / scale) * (modules + 2 * quiet) + x / scale] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("a QR code that decodes").1
}

/// The QR code on the certificate page: our SVG's `M{x} {y}h1v1h-1z` squares.
fn page_qr(html: &str) -> String {
    let svg = html
        .split("<svg class=\"qr\"")
        .nth(1)
        .expect("a QR code on the page");
    let d = svg
        .split(" d=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let squares: Vec<(i64, i64)> = d
        .split('M')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let at = s.split('h').next().unwrap();
            let (x, y) = at.split_once(' ').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect();
    decode_squares(&squares)
}

/// The PDF's tag tree, in reading order: each structure element's type,
/// with its alternative text if it has one (`Figure: QR code of …`).
fn pdf_tags(bytes: &[u8]) -> Vec<String> {
    use lopdf::{Document, Object};
    fn walk(doc: &Document, o: &Object, out: &mut Vec<String>) {
        let o = match o {
            Object::Reference(r) => doc.get_object(*r).unwrap(),
            o => o,
        };
        match o {
            Object::Array(items) => items.iter().for_each(|i| walk(doc, i, out)),
            Object::Dictionary(d) => {
                if let Ok(Object::Name(kind)) = d.get(b"S") {
                    let mut tag = String::from_utf8_lossy(kind).into_owned();
                    if let Ok(alt) = d.get(b"Alt").and_then(lopdf::decode_text_string) {
                        tag.push_str(": ");
                        tag.push_str(&alt);
                    }
                    out.push(tag);
                }
                if let Ok(kids) = d.get(b"K") {
                    walk(doc, kids, out);
                }
            }
            _ => {}
        }
    }
    let doc = Document::load_mem(bytes).unwrap();
    let root = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .expect("a tagged PDF")
        .clone();
    let mut out = Vec::new();
    walk(&doc, &root, &mut out);
    out
}

/// The QR code in the PDF: the filled squares of its page's content
/// stream (`m`, three `l`, `h`), placed by the transformation in force,
/// read back onto a grid of modules.
fn pdf_qr(bytes: &[u8]) -> String {
    use lopdf::Object;
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let page = *doc.get_pages().values().next().unwrap();
    let content = doc.get_and_decode_page_content(page).unwrap();
    let num = |o: &Object| match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        other => panic!("not a number: {other:?}"),
    };
    type M = [f64; 6];
    let concat = |a: M, b: M| -> M {
        [
            a[0] * b[0] + a[1] * b[2],
            a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4],
            a[4] * b[1] + a[5] * b[3] + b[5],
        ]
    };
    let mut ctm: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    let mut stack = Vec::new();
    let mut points: Vec<(f64, f64)> = Vec::new();
    let mut rects: Vec<(f64, f64, f64)> = Vec::new(); // left, top, side
    for op in &content.operations {
        let args: Vec<f64> = op
            .operands
            .iter()
            .filter(|o| matches!(o, Object::Integer(_) | Object::Real(_)))
            .map(num)
            .collect();
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap(),
            "cm" => ctm = concat([args[0], args[1], args[2], args[3], args[4], args[5]], ctm),
            "m" => points = vec![(args[0], args[1])],
            "l" => points.push((args[0], args[1])),
            "h" if points.len() == 4 => {
                let placed: Vec<(f64, f64)> = points
                    .iter()
                    .map(|(x, y)| {
                        (
                            x * ctm[0] + y * ctm[2] + ctm[4],
                            x * ctm[1] + y * ctm[3] + ctm[5],
                        )
                    })
                    .collect();
                let left = placed.iter().map(|p| p.0).fold(f64::MAX, f64::min);
                let right = placed.iter().map(|p| p.0).fold(f64::MIN, f64::max);
                // PDF space goes up the page: the top is the greatest y.
                let top = placed.iter().map(|p| p.1).fold(f64::MIN, f64::max);
                rects.push((left, top, right - left));
                points.clear();
            }
            "re" => {
                let (x, y, w, h) = (args[0], args[1], args[2], args[3]);
                let (x, y) = (
                    x * ctm[0] + y * ctm[2] + ctm[4],
                    x * ctm[1] + y * ctm[3] + ctm[5],
                );
                rects.push((x, y + h.abs() * ctm[3].abs(), w.abs() * ctm[0].abs()));
            }
            _ => {}
        }
    }
    let module = rects.iter().map(|r| r.2).fold(f64::MAX, f64::min);
    assert!(module > 0.5, "QR modules of a printable size: {module}");
    let left = rects.iter().map(|r| r.0).fold(f64::MAX, f64::min);
    let top = rects.iter().map(|r| r.1).fold(f64::MIN, f64::max);
    let squares: Vec<(i64, i64)> = rects
        .iter()
        .map(|(x, y, _)| {
            (
                ((x - left) / module).round() as i64,
                ((top - y) / module).round() as i64,
            )
        })
        .collect();
    decode_squares(&squares)
}

#[tokio::test]
async fn a_certificate_prints_as_a_pdf_whose_text_and_qr_code_lead_to_its_check() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    import_agency_course(&app).await;
    let educator = token_for(&app, s.email("educator")).await;
    complete(&app, &educator).await;
    let (_, mine) = call(
        &app,
        Method::GET,
        "/api/v1/certificates",
        Some(&educator),
        None,
    )
    .await;
    let code = mine[0]["code"].as_str().unwrap().to_string();
    let name = mine[0]["recipient"].as_str().unwrap().to_string();
    let address = format!("{}/certificates/{code}", app.url);

    // The page: its address to copy (a read-only field; the button needs
    // script), the PDF's link, and a QR code of the address.
    let (status, _, html) = fetch(&app, &format!("/certificates/{code}"), "en").await;
    assert_eq!(status, 200);
    let html = String::from_utf8(html).unwrap();
    assert!(
        html.contains(&format!("readonly value=\"{address}\"")),
        "{html}"
    );
    assert!(html.contains(&format!("href=\"/certificates/{code}/pdf\"")));
    assert!(html.contains("Copy link"));
    assert_eq!(page_qr(&html), address);

    // The PDF, for anyone: real text, and the same address in its QR code.
    let (status, kind, pdf) = fetch(&app, &format!("/certificates/{code}/pdf"), "en").await;
    assert_eq!(status, 200);
    assert_eq!(kind, "application/pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    for want in [
        "Certificate",
        "This certificate is valid.",
        name.as_str(),
        "Agency basics",
        "1.5 PD hours",
        "Issued by",
        &address,
    ] {
        assert!(text.contains(want), "{want:?} in the PDF's text: {text}");
    }
    assert_eq!(pdf_qr(&pdf), address);
    // Tagged, for screen readers: a heading, paragraphs, and the QR code
    // as a figure whose words are its address.
    let tags = pdf_tags(&pdf);
    assert_eq!(
        tags.iter().find(|t| *t != "Document").map(String::as_str),
        Some("H1"),
        "{tags:?}"
    );
    assert!(tags.iter().filter(|t| *t == "P").count() >= 5, "{tags:?}");
    assert!(
        tags.iter()
            .any(|t| t.starts_with("Figure: QR code") && t.ends_with(&address)),
        "{tags:?}"
    );

    // In Spanish, accents and all; the API gives the same document.
    let (status, kind, pdf) = fetch(&app, &format!("/api/v1/certificates/{code}/pdf"), "es").await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    let text = pdf_text(&pdf);
    for want in [
        "Certificado",
        "Este certificado es válido.",
        "Compruébelo en",
        "1,5 horas de desarrollo profesional",
        &address,
    ] {
        assert!(text.contains(want), "{want:?} in the PDF's text: {text}");
    }
    assert_eq!(pdf_qr(&pdf), address);

    // No certificate, no PDF.
    assert_eq!(fetch(&app, "/certificates/nope/pdf", "en").await.0, 404);
    assert_eq!(
        fetch(&app, "/api/v1/certificates/nope/pdf", "en").await.0,
        404
    );

    // Revoked: the PDF says so, when and why, and no longer that it is valid.
    let dadmin = token_for(&app, s.email("dadmin")).await;
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("/api/v1/orgs/{}/certificates/{code}/revoke", s.district.0),
        Some(&dadmin),
        Some(json!({ "reason": "Issued in error." })),
    )
    .await;
    assert_eq!(status, 200);
    let (_, _, pdf) = fetch(&app, &format!("/certificates/{code}/pdf"), "en").await;
    let text = pdf_text(&pdf);
    assert!(text.contains("This certificate was revoked."), "{text}");
    assert!(text.contains("Why: Issued in error."), "{text}");
    assert!(!text.contains("is valid"), "{text}");

    // Making PDFs is CPU work anyone may ask for: one network gets a
    // minute's allowance (refilling as the minute goes), then a clear 429
    // on the page and in the API, while a code that names nothing still
    // answers 404.
    let mut made = 3;
    let refused = loop {
        let (status, _, body) =
            fetch(&app, &format!("/api/v1/certificates/{code}/pdf"), "en").await;
        if status != 200 || made > 100 {
            break (status, String::from_utf8_lossy(&body).into_owned());
        }
        made += 1;
    };
    assert_eq!(refused.0, 429, "after {made} PDFs");
    assert!(refused.1.contains("rate_limited"), "{}", refused.1);
    assert!(made >= 30, "refused after only {made} PDFs");
    // The page's PDF shares the allowance (a refill may let one through).
    let mut page = 200;
    for _ in 0..3 {
        page = fetch(&app, &format!("/certificates/{code}/pdf"), "en")
            .await
            .0;
        if page != 200 {
            break;
        }
    }
    assert_eq!(page, 429);
    assert_eq!(fetch(&app, "/certificates/nope/pdf", "en").await.0, 404);
}

#[tokio::test]
async fn the_transcript_links_each_certificate_and_carries_school_district_and_date_to_print() {
    let app = TestApp::start().await;
    let s = app.seed().await;
    import_agency_course(&app).await;
    let educator = token_for(&app, s.email("educator")).await;
    complete(&app, &educator).await;
    let (_, mine) = call(
        &app,
        Method::GET,
        "/api/v1/certificates",
        Some(&educator),
        None,
    )
    .await;
    let code = mine[0]["code"].as_str().unwrap().to_string();

    let b = app.browser();
    b.sign_in(s.email("educator"), PASSWORD).await;
    let page = b.get("/transcript").await;
    page.expect(&format!("href=\"/certificates/{code}\""))
        .expect(&format!("{}/certificates/{code}", app.url))
        .expect("Lincoln Elementary")
        .expect("Columbus City Schools")
        .expect("Printed on");
    // Screen-only links are marked so, for print to hide them.
    page.expect("<p class=\"screen-only\"><a href=\"/transcript.csv\"");

    // The API says the same.
    let (status, t) = call(
        &app,
        Method::GET,
        "/api/v1/transcript",
        Some(&educator),
        None,
    )
    .await;
    assert_eq!(status, 200, "{t}");
    assert_eq!(t["school"], "Lincoln Elementary");
    assert_eq!(t["district"], "Columbus City Schools");
    assert_eq!(
        t["entries"][0]["certificate_path"],
        format!("/certificates/{code}")
    );

    // Someone in the district but no school: the district alone.
    let b = app.browser();
    b.sign_in(s.email("dadmin"), PASSWORD).await;
    let page = b.get("/transcript").await;
    page.expect("Columbus City Schools");
    assert!(!page.contains("Lincoln Elementary"), "{}", page.body);
}
