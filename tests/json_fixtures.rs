//! Bokeh's document JSON against real Bokeh 3.9.2 captures (../shared/fixtures/bokeh):
//! read → write → read gives the same document, messages with binary buffers decode,
//! the browser's patch applies, bad patches are refused and change nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rokeh::document::json::{
    apply_json_events, changes_to_json, to_json, BufferId, BufferMode, Buffers, JsonError,
    SyncedModels,
};
use rokeh::document::{Actor, Document, Model, ModelId, Origin, PeerId, Value};
use serde_json::{json, Value as Json};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bokeh")
}

fn read_json(name: &str) -> Json {
    let text = std::fs::read_to_string(fixtures().join(name)).expect("fixture present");
    serde_json::from_str(&text).expect("fixture is JSON")
}

/// A message fixture's JSON and its `.buffer<i>_<id>.bin` files.
fn message(stem: &str) -> (Json, Buffers) {
    let json = read_json(&format!("{stem}.json"));
    let mut found: Vec<(String, BufferId, Vec<u8>)> = std::fs::read_dir(fixtures())
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            let rest = name.strip_prefix(&format!("{stem}.buffer"))?;
            let (_, id) = rest.strip_suffix(".bin")?.split_once('_')?;
            let bytes = std::fs::read(fixtures().join(&name)).ok()?;
            Some((name.clone(), BufferId(id.to_owned()), bytes))
        })
        .collect();
    found.sort();
    let mut buffers = Buffers::new();
    for (_, id, bytes) in found {
        buffers.insert(id, bytes);
    }
    (json, buffers)
}

/// Everything that makes a document what it is, comparable.
fn state(doc: &Document) -> (String, Vec<ModelId>, BTreeMap<ModelId, Model>) {
    let roots = doc
        .roots()
        .iter()
        .map(|r| doc.model_id(*r).clone())
        .collect();
    let models = doc
        .models()
        .map(|(_, m)| (m.id.clone(), m.clone()))
        .collect();
    (doc.title().to_owned(), roots, models)
}

fn model_id(s: &str) -> ModelId {
    ModelId(s.to_owned())
}

fn attr(doc: &Document, id: &str, attr: &str) -> Value {
    let any = doc.lookup(&model_id(id)).expect("model present");
    doc.get_attr(any, attr).unwrap()
}

fn sine_x(doc: &Document, source: &str) -> Vec<f64> {
    match attr(doc, source, "data").map_get("x") {
        Some(Value::Array(a)) => a.as_f64().unwrap().to_vec(),
        other => panic!("x column: {other:?}"),
    }
}

#[test]
fn sliders_doc_reads_every_model_and_its_inline_gzip_columns() {
    let doc = Document::from_json(&read_json("sliders_doc.json"), &Buffers::new()).unwrap();
    assert_eq!(doc.title(), "Sliders");
    assert_eq!(doc.models().count(), 39);
    assert_eq!(doc.model_id(doc.roots()[0]).as_str(), "p1053");
    assert_eq!(attr(&doc, "p1052", "value"), Value::Float(1.0));
    let x = sine_x(&doc, "p1008");
    assert_eq!(x.len(), 200);
    assert!(
        (x[199] - 4.0 * std::f64::consts::PI).abs() < 1e-12,
        "{}",
        x[199]
    );
    // Unknown to rokeh, kept as it came: a BoxAnnotation's NaN and its line_dash.
    assert!(matches!(attr(&doc, "p1036", "left"), Value::Float(f) if f.is_nan()));
    assert_eq!(
        attr(&doc, "p1036", "line_dash"),
        Value::List(vec![Value::Int(4), Value::Int(4)])
    );
    assert!(doc.config().is_some());
}

#[test]
fn every_fixture_document_reads_writes_and_reads_the_same() {
    let documents = [(read_json("sliders_doc.json"), Buffers::new()), {
        let (reply, buffers) = message("pull_doc_reply");
        (reply["content"]["doc"].clone(), buffers)
    }];
    for (json, buffers) in documents {
        let doc = Document::from_json(&json, &buffers).unwrap();
        for mode in [BufferMode::Inline, BufferMode::Binary] {
            let written = to_json(&doc, mode);
            assert_eq!(written.buffers.is_empty(), mode == BufferMode::Inline);
            let again = Document::from_json(&written.json, &written.buffers).unwrap();
            assert_eq!(state(&again), state(&doc), "{mode:?}");
        }
    }
}

#[test]
fn pull_doc_reply_columns_come_from_its_binary_buffers() {
    let (reply, buffers) = message("pull_doc_reply");
    assert_eq!(
        buffers.len(),
        reply["header"]["num_buffers"].as_u64().unwrap() as usize
    );
    let doc = Document::from_json(&reply["content"]["doc"], &buffers).unwrap();
    let x = sine_x(&doc, "p13637");
    let raw = buffers.get(&BufferId("p13685".into())).unwrap();
    assert_eq!(x.len(), 200);
    assert_eq!(x[1].to_le_bytes(), raw[8..16]);
}

#[test]
fn missing_buffer_is_named() {
    let (reply, _) = message("pull_doc_reply");
    let err = Document::from_json(&reply["content"]["doc"], &Buffers::new()).unwrap_err();
    assert!(
        err.to_string().contains("unknown buffer id p13685"),
        "{err}"
    );
}

#[test]
fn browser_patch_applies_to_the_pulled_document() {
    let (reply, buffers) = message("pull_doc_reply");
    let mut doc = Document::from_json(&reply["content"]["doc"], &buffers).unwrap();
    let (patch, none) = message("patch_doc_from_client");
    let peer = Origin::Peer(PeerId(7));
    doc.acting_as(
        Actor {
            origin: peer,
            run_callbacks: true,
        },
        |d| apply_json_events(d, &patch["content"]["events"], &none),
    )
    .unwrap();
    assert_eq!(attr(&doc, "p13681", "value"), Value::Float(2.0));
    let changes = doc.take_changes();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].origin, peer);
}

#[test]
fn server_patch_with_buffers_replaces_the_columns() {
    let (reply, buffers) = message("pull_doc_reply");
    let mut doc = Document::from_json(&reply["content"]["doc"], &buffers).unwrap();
    let (patch, patch_buffers) = message("patch_doc_from_server");
    assert_eq!(patch_buffers.len(), 2);
    let events = &patch["content"]["events"];
    doc.acting_as(
        Actor {
            origin: Origin::Local,
            run_callbacks: false,
        },
        |d| apply_json_events(d, events, &patch_buffers),
    )
    .unwrap();
    let y = match attr(&doc, "p13637", "data").map_get("y") {
        Some(Value::Array(a)) => a.as_f64().unwrap().to_vec(),
        other => panic!("{other:?}"),
    };
    let raw = patch_buffers.get(&BufferId("p13689".into())).unwrap();
    assert_eq!(y[1].to_le_bytes(), raw[8..16]);
    // Written back, the event has the server's shape.
    let synced = SyncedModels::of(&doc);
    let changes = doc.take_changes();
    let out = changes_to_json(&doc, &changes, &synced, BufferMode::Binary);
    let event = &out.json[0];
    assert_eq!(event["kind"], "ColumnDataChanged");
    assert_eq!(event["model"], json!({"id": "p13637"}));
    assert_eq!(event["cols"], Json::Null);
    assert_eq!(event["data"]["entries"][1][1]["dtype"], "float64");
    assert_eq!(out.buffers.len(), 2);
}

fn pulled() -> Document {
    let (reply, buffers) = message("pull_doc_reply");
    Document::from_json(&reply["content"]["doc"], &buffers).unwrap()
}

fn rejected(events: Json) -> JsonError {
    let mut doc = pulled();
    let before = state(&doc);
    let err = doc
        .acting_as(Actor::LOCAL, |d| {
            apply_json_events(d, &events, &Buffers::new())
        })
        .expect_err("bad patch refused");
    assert_eq!(state(&doc), before, "the document changed: {err}");
    assert!(doc.take_changes().is_empty());
    err
}

fn model_changed(id: &str, attr: &str, new: Json) -> Json {
    json!({"kind": "ModelChanged", "model": {"id": id}, "attr": attr, "new": new})
}

#[test]
fn bad_patches_are_refused_naming_what_is_wrong_and_change_nothing() {
    let cases = [
        (
            model_changed("p999", "value", json!(2.0)),
            "unknown model id p999",
        ),
        (
            model_changed("p13681", "colour", json!(2.0)),
            "model p13681: Slider has no property 'colour'",
        ),
        (
            model_changed("p13681", "value", json!("fast")),
            r#"model p13681: Slider.value expects a number, got string "fast""#,
        ),
        (
            model_changed("p13681", "value", json!(9.0)),
            "9 is outside the slider's range 0.1..5.1",
        ),
    ];
    for (event, expected) in cases {
        // A good change first: it must be undone too.
        let good = model_changed("p13681", "title", json!("f"));
        let err = rejected(json!([good, event]));
        let message = err.to_string();
        assert!(message.starts_with("event 1 (ModelChanged)"), "{message}");
        assert!(message.contains(expected), "{message}");
    }
}

#[test]
fn a_reference_to_no_model_is_refused_on_any_type() {
    // A Toolbar: a type rokeh keeps verbatim.
    let toolbar = pulled()
        .models()
        .find(|(_, m)| m.type_name == "Toolbar")
        .map(|(_, m)| m.id.as_str().to_owned())
        .unwrap();
    let err = rejected(json!([model_changed(
        &toolbar,
        "active_drag",
        json!({"id": "p404"})
    )]));
    assert!(
        err.to_string().contains("refers to unknown model id p404"),
        "{err}"
    );
}

#[test]
fn a_bokeh_property_rokeh_does_not_render_may_be_patched() {
    let mut doc = pulled();
    let events = json!([model_changed("p13681", "bar_color", json!("red"))]);
    doc.acting_as(Actor::LOCAL, |d| {
        apply_json_events(d, &events, &Buffers::new())
    })
    .unwrap();
    assert_eq!(attr(&doc, "p13681", "bar_color"), Value::str("red"));
}

#[test]
fn bad_column_events_are_refused() {
    let stream = |data: Json| {
        json!([{"kind": "ColumnsStreamed", "model": {"id": "p13637"}, "attr": "data",
                "data": data, "rollover": null}])
    };
    let err = rejected(stream(
        json!({"type": "map", "entries": [["x", [1.0]], ["y", [1.0, 2.0]]]}),
    ));
    assert!(
        err.to_string()
            .contains("column 'y' streams 2 rows where the others stream 1"),
        "{err}"
    );
    let err = rejected(stream(json!({"type": "map", "entries": [["x", [1.0]]]})));
    assert!(
        err.to_string().contains("stream is missing column 'y'"),
        "{err}"
    );
    let patch = json!([{"kind": "ColumnsPatched", "model": {"id": "p13637"}, "attr": "data",
        "patches": {"type": "map", "entries": [["y", [[200, 1.0]]]]}}]);
    let err = rejected(patch);
    assert!(
        err.to_string()
            .contains("index 200 is past the end (200 rows)"),
        "{err}"
    );
    let patch = json!([{"kind": "ColumnsPatched", "model": {"id": "p13637"}, "attr": "data",
        "patches": {"type": "map", "entries": [["y", [[3, "high"]]]]}}]);
    let err = rejected(patch);
    assert!(
        err.to_string()
            .contains("string value does not fit a float64 column"),
        "{err}"
    );
}

#[test]
fn unknown_event_kinds_and_malformed_events_are_refused() {
    let err = rejected(json!([{"kind": "Teleported"}]));
    assert_eq!(
        err.to_string(),
        "event 0 (Teleported): unknown event kind 'Teleported'"
    );
    let err = rejected(json!([{"kind": "ModelChanged", "model": {"id": "p13681"}}]));
    assert!(err.to_string().contains("'attr'"), "{err}");
}
