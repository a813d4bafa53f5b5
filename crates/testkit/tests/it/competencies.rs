//! Competency frameworks: the default is there on every new database, pages
//! show it in both languages, and CASE packages import all or nothing.

use lyceum_db::competencies;
use lyceum_server::content::import_case;
use lyceum_testkit::TestApp;
use serde_json::{Value, json};

fn link(id: &str) -> Value {
    json!({ "title": id, "identifier": id, "uri": format!("https://case.example.org/uri/{id}") })
}

fn child(n: u32, item: &str, parent: &str) -> Value {
    json!({
        "identifier": format!("assoc-{n}"), "associationType": "isChildOf", "sequenceNumber": n,
        "originNodeURI": link(item), "destinationNodeURI": link(parent),
    })
}

/// A state's framework, written in Spanish: one strand with two items.
fn package(items: &[(&str, &str)]) -> Value {
    let mut cf_items = vec![json!({
        "identifier": "strand-1", "fullStatement": "Comprender la IA en el aula", "CFItemType": "Strand",
    })];
    let mut assocs = vec![child(1, "strand-1", "doc-nm")];
    for (n, (id, text)) in items.iter().enumerate() {
        cf_items.push(json!({ "identifier": id, "fullStatement": text, "humanCodingScheme": format!("1.{}", n + 1) }));
        assocs.push(child(n as u32 + 2, id, "strand-1"));
    }
    json!({
        "CFDocument": { "identifier": "doc-nm", "title": "Marco de IA de Nuevo México", "creator": "NMPED", "language": "es" },
        "CFItems": cf_items,
        "CFAssociations": assocs,
    })
}

async fn import(app: &TestApp, doc: &Value, dry_run: bool) -> anyhow::Result<String> {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), doc.to_string()).unwrap();
    import_case(&app.db, &app.clock, file.path(), dry_run).await
}

#[tokio::test]
async fn the_default_framework_is_shown_in_both_languages() {
    let app = TestApp::start().await;
    let b = app.browser();
    b.get("/competencies")
        .await
        .expect("AI competencies")
        .expect("href=\"/competencies/unesco%2Dai%2Dcft%2D2024\"")
        .expect("AI competency framework for teachers");
    let page = b.get("/competencies/unesco-ai-cft-2024").await;
    assert_eq!(page.status, 200);
    page.expect("<h1>AI competency framework for teachers</h1>")
        .expect("UNESCO (2024), doi:10.54675/ZJTE2084, CC BY-SA 3.0 IGO.")
        .expect("The summaries and the Spanish text are written for Lyceum.")
        .expect("<th scope=\"col\"><span>Deepen</span></th>")
        .expect("<th scope=\"row\"><span>Ethics of AI</span></th>")
        .expect("Human agency");
    assert_eq!(
        page.body.matches("<th scope=\"row\">").count(),
        5,
        "five aspects"
    );
    assert_eq!(
        page.body.matches("<strong>").count(),
        15,
        "fifteen competencies"
    );

    b.post("/language", &[("lang", "es"), ("return_to", "/")])
        .await;
    b.get("/competencies/unesco-ai-cft-2024")
        .await
        .expect("Marco de competencias en IA para docentes")
        .expect("Profundizar")
        .expect("Agencia humana")
        .expect("Ética de la IA");
    assert_eq!(b.get("/competencies/no-such-framework").await.status, 404);

    // Loading it again changes nothing.
    let now = app.clock.now();
    let saved = app
        .db
        .write(move |c| {
            competencies::save(
                c,
                &lyceum_domain::competency::unesco::default_framework(),
                now,
            )
        })
        .await
        .unwrap();
    assert_eq!(
        (
            saved.new_framework,
            saved.unchanged,
            saved.created,
            saved.updated
        ),
        (false, 20, 0, 0)
    );
}

#[tokio::test]
async fn a_case_package_imports_all_or_nothing_and_keeps_its_ids() {
    let app = TestApp::start().await;
    let two = package(&[
        ("c-1", "Explica cómo falla un modelo"),
        ("c-2", "Protege los datos de sus estudiantes"),
    ]);

    let said = import(&app, &two, true).await.unwrap();
    assert!(
        said.contains("3 items") && said.contains("nothing was written"),
        "{said}"
    );
    assert!(
        app.db
            .read(|c| competencies::load(c, "doc-nm"))
            .await
            .unwrap()
            .is_none()
    );

    let said = import(&app, &two, false).await.unwrap();
    assert!(
        said.contains("Imported: 3 added, 0 updated, 0 unchanged, 0 retired"),
        "{said}"
    );
    let b = app.browser();
    let page = b.get("/competencies/doc-nm").await;
    assert_eq!(page.status, 200);
    // Read in English, the Spanish text says it is Spanish.
    page.expect("<h1 lang=\"es\">Marco de IA de Nuevo México</h1>")
        .expect("<ul><li><strong><span lang=\"es\">Comprender la IA en el aula</span></strong><ul><li><span class=\"meta\">1.1</span>")
        .expect("</li></ul></li></ul>");
    b.get("/competencies").await.expect("NMPED");

    // A new version: one item reworded, one gone (retired, not deleted), one new.
    let next = package(&[
        ("c-1", "Explica por qué falla un modelo"),
        ("c-3", "Enseña a verificar respuestas"),
    ]);
    let said = import(&app, &next, false).await.unwrap();
    assert!(
        said.contains("Updated: 1 added, 1 updated, 1 unchanged, 1 retired"),
        "{said}"
    );
    let f = app
        .db
        .read(|c| competencies::load(c, "doc-nm"))
        .await
        .unwrap()
        .unwrap();
    let ids: Vec<&str> = f.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["strand-1", "c-1", "c-3"]);

    // Broken references, or another framework's id: refused, nothing changed.
    let mut broken = package(&[("c-1", "x")]);
    broken["CFAssociations"][1]["destinationNodeURI"]["identifier"] = json!("nowhere");
    let err = import(&app, &broken, false).await.unwrap_err().to_string();
    // The broken reference, and the item it leaves out of the tree.
    assert!(err.contains("2 problem(s)"), "{err}");
    let mut thief = package(&[("unesco-ai-cft-2024/human-agency", "mine now")]);
    thief["CFDocument"]["identifier"] = json!("doc-other");
    thief["CFAssociations"][0]["destinationNodeURI"]["identifier"] = json!("doc-other");
    thief["CFItems"][0]["identifier"] = json!("strand-2");
    thief["CFAssociations"][0]["originNodeURI"]["identifier"] = json!("strand-2");
    thief["CFAssociations"][1]["destinationNodeURI"]["identifier"] = json!("strand-2");
    for dry_run in [true, false] {
        let err = import(&app, &thief, dry_run).await.unwrap_err().to_string();
        assert!(err.contains("1 problem(s)"), "{err}");
    }
    assert!(
        app.db
            .read(|c| competencies::load(c, "doc-other"))
            .await
            .unwrap()
            .is_none()
    );
    let after = app
        .db
        .read(|c| competencies::load(c, "doc-nm"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after, f, "unchanged by the refused imports");
}
