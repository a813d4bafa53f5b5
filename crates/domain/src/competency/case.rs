//! 1EdTech CASE 1.0 packages (JSON): a `CFDocument`, its `CFItems`, and the
//! `CFAssociations` between them. The tree is made of `isChildOf`
//! associations (origin: the child; destination: its parent, an item or the
//! document), ordered by `sequenceNumber`. Other association types may point
//! outside the package and are not used here.
//!
//! Every problem is reported with its JSON path; a package with any problem
//! yields no framework.

use super::{Framework, Item, MAX_NAME, MAX_SUMMARY, Source, Text, check};
use crate::i18n::Lang;
use crate::json_input::{Problem, Reader};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Reads a CASE package. The document's `language` (`en` or `es`, else
/// English) is the language of its text.
pub fn parse(json: &[u8]) -> Result<Framework, Vec<Problem>> {
    let root: Value = serde_json::from_slice(json)
        .map_err(|e| vec![Problem::new("", format!("not readable JSON: {e}"))])?;
    let mut p = Reader::default();
    let Some(root) = root.as_object() else {
        return Err(vec![Problem::new(
            "",
            "expected a JSON object with CFDocument, CFItems and CFAssociations",
        )]);
    };
    let doc = match root.get("CFDocument").and_then(Value::as_object) {
        Some(d) => d,
        None => {
            return Err(vec![Problem::new(
                "CFDocument",
                "missing, or not an object",
            )]);
        }
    };
    let doc_id = p.id(doc, "CFDocument", "identifier");
    let title = p.text(doc, "CFDocument", "title", MAX_NAME);
    let creator = p.text(doc, "CFDocument", "creator", MAX_NAME);
    let lang = match doc.get("language").and_then(Value::as_str) {
        Some(l) if l.to_ascii_lowercase().starts_with("es") => Lang::Es,
        _ => Lang::En,
    };
    let licence = doc
        .get("licenseURI")
        .and_then(|l| l.get("title").or(Some(l)))
        .and_then(Value::as_str)
        .map(str::to_string);

    let items = p.array(root, "", "CFItems");
    let mut nodes: Vec<(String, Item)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, raw) in items.iter().enumerate() {
        let at = format!("CFItems[{i}]");
        let Some(obj) = raw.as_object() else {
            p.problem(&at, "not an object");
            continue;
        };
        let id = p.id(obj, &at, "identifier");
        let statement = p.text(obj, &at, "fullStatement", MAX_SUMMARY);
        let short = match obj.get("abbreviatedStatement").and_then(Value::as_str) {
            Some(s) if !s.trim().is_empty() => {
                p.check_text(&format!("{at}.abbreviatedStatement"), s, MAX_NAME)
            }
            _ => None,
        };
        let code = obj
            .get("humanCodingScheme")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        let kind = obj
            .get("CFItemType")
            .and_then(Value::as_str)
            .map(|k| k.trim().to_lowercase())
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| "competency".into());
        let (Some(id), Some(statement)) = (id, statement) else {
            continue;
        };
        if id == doc_id.as_deref().unwrap_or("") {
            p.problem(
                &format!("{at}.identifier"),
                "is the document's own identifier",
            );
            continue;
        }
        if index.contains_key(&id) {
            p.problem(
                &format!("{at}.identifier"),
                format!("{id} is used by an earlier item"),
            );
            continue;
        }
        // A short statement is the name and the full one its summary;
        // otherwise the full statement is the name.
        let (name, summary) = match short {
            Some(s) => (Text::new(lang, s), Text::new(lang, statement)),
            None => (Text::new(lang, statement), Text::default()),
        };
        index.insert(id.clone(), nodes.len());
        nodes.push((
            at,
            Item {
                id,
                parent: None,
                kind,
                code,
                level: None,
                name,
                summary,
            },
        ));
    }

    // The tree: each item's parent and its place among its siblings.
    let mut place: HashMap<String, f64> = HashMap::new();
    let mut parent_at: HashMap<String, String> = HashMap::new();
    for (i, raw) in p.array(root, "", "CFAssociations").iter().enumerate() {
        let at = format!("CFAssociations[{i}]");
        let Some(obj) = raw.as_object() else {
            p.problem(&at, "not an object");
            continue;
        };
        match obj.get("associationType").and_then(Value::as_str) {
            Some("isChildOf") => {}
            Some(_) => continue,
            None => {
                p.problem(&format!("{at}.associationType"), "missing");
                continue;
            }
        }
        let child = p.node_ref(obj, &at, "originNodeURI");
        let parent = p.node_ref(obj, &at, "destinationNodeURI");
        let (Some(child), Some(parent)) = (child, parent) else {
            continue;
        };
        let Some(&c) = index.get(&child) else {
            p.problem(
                &format!("{at}.originNodeURI.identifier"),
                format!("no CFItem has the identifier {child}"),
            );
            continue;
        };
        let parent = if Some(&parent) == doc_id.as_ref() {
            None
        } else if index.contains_key(&parent) {
            Some(parent)
        } else {
            p.problem(
                &format!("{at}.destinationNodeURI.identifier"),
                format!("no CFItem or CFDocument has the identifier {parent}"),
            );
            continue;
        };
        if let Some(first) = parent_at.get(&child) {
            p.problem(
                &format!("{at}.originNodeURI.identifier"),
                format!("{child} already has a parent ({first})"),
            );
            continue;
        }
        parent_at.insert(child.clone(), at.clone());
        if let Some(n) = obj.get("sequenceNumber").and_then(Value::as_f64) {
            place.insert(child.clone(), n);
        }
        nodes[c].1.parent = parent;
    }
    for (at, item) in &nodes {
        if !parent_at.contains_key(&item.id) {
            p.problem(
                at,
                format!(
                    "{} is not placed in the tree: no isChildOf association has it as origin",
                    item.id
                ),
            );
        }
    }

    // Parents before children, siblings by sequence number then file order;
    // an item that is its own ancestor is never reached.
    let mut ordered = Vec::with_capacity(nodes.len());
    let mut reached = HashSet::new();
    let mut stack: Vec<Option<String>> = vec![None];
    let mut children: HashMap<Option<String>, Vec<usize>> = HashMap::new();
    for (i, (_, item)) in nodes.iter().enumerate() {
        children.entry(item.parent.clone()).or_default().push(i);
    }
    for list in children.values_mut() {
        list.sort_by(|a, b| {
            let key = |i: &usize| place.get(&nodes[*i].1.id).copied().unwrap_or(f64::MAX);
            key(a).total_cmp(&key(b)).then(a.cmp(b))
        });
    }
    let mut pending: Vec<usize> = Vec::new();
    while let Some(parent) = stack.pop() {
        for &i in children.get(&parent).into_iter().flatten().rev() {
            pending.push(i);
        }
        while let Some(i) = pending.pop() {
            if reached.insert(i) {
                ordered.push(nodes[i].1.clone());
                for &c in children
                    .get(&Some(nodes[i].1.id.clone()))
                    .into_iter()
                    .flatten()
                    .rev()
                {
                    pending.push(c);
                }
            }
        }
    }
    for (i, (at, item)) in nodes.iter().enumerate() {
        if !reached.contains(&i) && parent_at.contains_key(&item.id) {
            p.problem(
                at,
                format!("{} is inside a loop of isChildOf associations", item.id),
            );
        }
    }

    let (Some(id), Some(title), Some(creator)) = (doc_id, title, creator) else {
        return Err(p.problems);
    };
    if !p.problems.is_empty() {
        return Err(p.problems);
    }
    let attribution = match licence {
        Some(l) => format!("{creator}, {l}"),
        None => creator.clone(),
    };
    let framework = Framework {
        id,
        title: Text::new(lang, title),
        publisher: creator,
        attribution,
        source: Source::Case,
        levels: Vec::new(),
        items: ordered,
    };
    let problems = check(&framework);
    if problems.is_empty() {
        Ok(framework)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn link(id: &str) -> Value {
        json!({ "title": "x", "identifier": id, "uri": format!("https://case.example.org/uri/{id}") })
    }

    fn child(assoc: &str, child_id: &str, parent: &str, n: u32) -> Value {
        json!({
            "identifier": assoc, "associationType": "isChildOf", "sequenceNumber": n,
            "originNodeURI": link(child_id), "destinationNodeURI": link(parent),
        })
    }

    fn package() -> Value {
        json!({
            "CFDocument": {
                "identifier": "d0c", "title": "Marco de IA del estado", "creator": "Departamento de Educación",
                "language": "es", "licenseURI": { "title": "CC BY 4.0", "identifier": "l1", "uri": "https://x" },
            },
            "CFItems": [
                { "identifier": "b", "fullStatement": "Usa la IA con sus estudiantes.", "humanCodingScheme": "1.2", "CFItemType": "Competency" },
                { "identifier": "a", "fullStatement": "Comprender la IA en el aula.", "abbreviatedStatement": "Comprender", "CFItemType": "Strand" },
                { "identifier": "c", "fullStatement": "Explica cómo falla un modelo.", "humanCodingScheme": "1.1" },
            ],
            "CFAssociations": [
                child("x1", "a", "d0c", 1),
                child("x2", "b", "a", 2),
                child("x3", "c", "a", 1),
                { "identifier": "x4", "associationType": "exactMatchOf",
                  "originNodeURI": link("c"), "destinationNodeURI": link("somewhere-else") },
            ],
        })
    }

    fn read(v: &Value) -> Result<Framework, Vec<String>> {
        parse(v.to_string().as_bytes()).map_err(|ps| ps.iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn a_package_becomes_an_ordered_tree_in_its_language() {
        let f = read(&package()).unwrap();
        assert_eq!(f.id, "d0c");
        assert_eq!(f.source, Source::Case);
        assert_eq!(f.title.es.as_deref(), Some("Marco de IA del estado"));
        assert_eq!(f.title.en, None);
        assert_eq!(f.attribution, "Departamento de Educación, CC BY 4.0");
        let order: Vec<(&str, Option<&str>)> = f
            .items
            .iter()
            .map(|i| (i.id.as_str(), i.parent.as_deref()))
            .collect();
        assert_eq!(order, [("a", None), ("c", Some("a")), ("b", Some("a"))]);
        let strand = &f.items[0];
        assert_eq!(strand.kind, "strand");
        assert_eq!(
            strand.name.get(Lang::En),
            "Comprender",
            "falls back to Spanish"
        );
        assert_eq!(
            strand.summary.es.as_deref(),
            Some("Comprender la IA en el aula.")
        );
        assert_eq!(f.items[1].code.as_deref(), Some("1.1"));
        assert_eq!(f.items[1].kind, "competency");
    }

    #[test]
    fn broken_references_and_shapes_are_named_by_path() {
        let mut p = package();
        p["CFAssociations"][1]["destinationNodeURI"]["identifier"] = json!("nowhere");
        p["CFAssociations"][2]["originNodeURI"]["identifier"] = json!("ghost");
        p["CFItems"][0]["fullStatement"] = json!("   ");
        p["CFItems"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "identifier": "a", "fullStatement": "again" }));
        p["CFItems"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "identifier": "lonely", "fullStatement": "alone" }));
        let problems = read(&p).unwrap_err();
        assert_eq!(
            problems,
            [
                "CFItems[0].fullStatement: is empty",
                "CFItems[3].identifier: a is used by an earlier item",
                "CFAssociations[1].originNodeURI.identifier: no CFItem has the identifier b",
                "CFAssociations[2].originNodeURI.identifier: no CFItem has the identifier ghost",
                "CFItems[2]: c is not placed in the tree: no isChildOf association has it as origin",
                "CFItems[4]: lonely is not placed in the tree: no isChildOf association has it as origin",
            ]
        );
    }

    #[test]
    fn loops_two_parents_and_missing_parts_are_refused() {
        let mut p = package();
        p["CFAssociations"] = json!([
            child("x1", "a", "b", 1),
            child("x2", "b", "a", 1),
            child("x3", "c", "d0c", 1),
            child("x4", "c", "a", 2),
        ]);
        let problems = read(&p).unwrap_err();
        assert_eq!(
            problems,
            [
                "CFAssociations[3].originNodeURI.identifier: c already has a parent (CFAssociations[2])",
                "CFItems[0]: b is inside a loop of isChildOf associations",
                "CFItems[1]: a is inside a loop of isChildOf associations",
            ]
        );
        assert_eq!(
            read(&json!({})).unwrap_err(),
            ["CFDocument: missing, or not an object"]
        );
        let no_items = json!({ "CFDocument": { "identifier": "d", "title": "T", "creator": "C" } });
        assert_eq!(
            read(&no_items).unwrap_err(),
            ["CFItems: missing", "CFAssociations: missing"]
        );
        assert!(
            parse(b"[1,").unwrap_err()[0]
                .message
                .starts_with("not readable JSON")
        );
    }
}
