//! `rokeh serve` with real websocket clients on loopback: pulling the document, patches
//! relayed to the other connections of a session and never echoed, callbacks run where
//! the change was made, sessions kept apart and expired.
#![cfg(not(target_arch = "wasm32"))] // the server and its clients are native

mod server_support;

use std::time::Duration;

use rokeh::protocol::{Body, Message, MsgId};
use serde_json::json;
use server_support::*;

fn set_frequency(slider: &str, value: f64) -> serde_json::Value {
    json!([{"kind": "ModelChanged", "model": {"id": slider}, "attr": "value", "new": value}])
}

#[tokio::test]
async fn pull_doc_gives_the_sliders_document_with_binary_columns() {
    let server = Server::start(&[]);
    let mut client = Client::join(&server, &new_session_id(), "").await;
    let (json, doc) = client.pull().await;
    assert_eq!(json["title"], "Sliders");
    assert_eq!(json["version"], "3.9.2");
    let x = column(&doc, "x");
    let y = column(&doc, "y");
    assert_eq!(x.len(), 200);
    assert!(x.iter().zip(&y).all(|(x, y)| (x.sin() - y).abs() < 1e-12));
    assert_eq!(frequency(&doc), 1.0);
}

#[tokio::test]
async fn server_info_reply_names_the_protocol() {
    let server = Server::start(&[]);
    let mut client = Client::join(&server, &new_session_id(), "").await;
    let (before, reply) = client.request(Body::ServerInfoReq).await;
    assert!(before.is_empty());
    let Body::ServerInfoReply(info) = reply.body else {
        panic!("{:?}", reply.body)
    };
    assert_eq!(info.bokeh, "3.9.2");
    assert!(info.server.starts_with("rokeh"));
}

/// A Python-like client (the server runs callbacks): the sender gets the consequences but
/// not its own change; the other connection gets both.
#[tokio::test]
async fn plain_client_patch_runs_callbacks_and_reaches_the_others_without_echo() {
    let server = Server::start(&[]);
    let id = new_session_id();
    let mut a = Client::join(&server, &id, "").await;
    let mut b = Client::join(&server, &id, "").await;
    let (_, doc) = a.pull().await;
    let slider = find_id(&doc, "Slider", Some("frequency"));

    let (before_ok, ok) = a.patch(set_frequency(&slider, 2.0)).await;
    assert_eq!(ok.body, Body::Ok);
    let kinds: Vec<Vec<String>> = before_ok.iter().map(event_kinds).collect();
    assert_eq!(
        kinds,
        [["ColumnDataChanged"]],
        "sender gets the consequences only"
    );

    // One patch per request: the change and what the callback made of it, in order.
    let first = b.recv().await;
    assert_eq!(event_kinds(&first), ["ModelChanged", "ColumnDataChanged"]);
    let Body::PatchDoc { events } = &first.body else {
        unreachable!()
    };
    assert_eq!(events[0]["new"], 2.0);

    let (_, doc) = b.pull().await;
    assert_eq!(frequency(&doc), 2.0);
    let (x, y) = (column(&doc, "x"), column(&doc, "y"));
    assert!(x
        .iter()
        .zip(&y)
        .all(|(x, y)| ((2.0 * x).sin() - y).abs() < 1e-12));
    a.expect_silence(Duration::from_millis(200)).await;
}

/// A rokeh page ran the callbacks itself and sends the change with its consequences: the
/// server must not run them again, and relays both.
#[tokio::test]
async fn rokeh_page_patch_is_relayed_as_sent_without_running_callbacks() {
    let server = Server::start(&[]);
    let id = new_session_id();
    let mut page = Client::join(&server, &id, "?client=rokeh").await;
    let mut other = Client::join(&server, &id, "").await;
    let (_, doc) = page.pull().await;
    let slider = find_id(&doc, "Slider", Some("frequency"));
    let source = find_id(&doc, "ColumnDataSource", None);
    // Not sin(3x): if the server ran the callback, y would be recomputed.
    let marker: Vec<f64> = (0..200).map(|i| i as f64).collect();
    let events = json!([
        {"kind": "ModelChanged", "model": {"id": slider}, "attr": "value", "new": 3.0},
        {"kind": "ColumnDataChanged", "model": {"id": source}, "attr": "data", "cols": ["y"],
         "data": {"type": "map", "entries": [["y", marker]]}},
    ]);
    let (before_ok, ok) = page.patch(events).await;
    assert_eq!(ok.body, Body::Ok);
    assert!(
        before_ok.is_empty(),
        "nothing echoed, nothing computed: {before_ok:?}"
    );

    let relayed = other.recv().await;
    assert_eq!(event_kinds(&relayed), ["ModelChanged", "ColumnDataChanged"]);
    let (_, doc) = other.pull().await;
    assert_eq!(frequency(&doc), 3.0);
    assert_eq!(column(&doc, "y"), marker);
    assert_eq!(column(&doc, "x").len(), 200, "the other columns are kept");
}

#[tokio::test]
async fn sessions_are_apart() {
    let server = Server::start(&[]);
    let mut a = Client::join(&server, &new_session_id(), "").await;
    let mut b = Client::join(&server, &new_session_id(), "").await;
    let (_, doc) = a.pull().await;
    let slider = find_id(&doc, "Slider", Some("frequency"));
    a.patch(set_frequency(&slider, 4.0)).await;
    b.expect_silence(Duration::from_millis(200)).await;
    let (_, doc_b) = b.pull().await;
    assert_eq!(frequency(&doc_b), 1.0);
}

#[tokio::test]
async fn unused_sessions_expire_and_used_ones_stay() {
    let server = Server::start(&["--unused-session-lifetime", "300"]);
    let id = new_session_id();
    let mut a = Client::join(&server, &id, "").await;
    let (_, doc) = a.pull().await;
    let slider = find_id(&doc, "Slider", Some("frequency"));
    a.patch(set_frequency(&slider, 2.0)).await;

    // Still connected after the lifetime: the session lives on.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut b = Client::join(&server, &id, "").await;
    assert_eq!(frequency(&b.pull().await.1), 2.0);

    // Rejoined within the lifetime: still the same session.
    drop(a);
    drop(b);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let mut c = Client::join(&server, &id, "").await;
    assert_eq!(frequency(&c.pull().await.1), 2.0);

    // Unused past the lifetime: gone, and its id starts a fresh session.
    drop(c);
    tokio::time::sleep(Duration::from_millis(800)).await;
    let mut d = Client::join(&server, &id, "").await;
    assert_eq!(frequency(&d.pull().await.1), 1.0);
}

#[tokio::test]
async fn logs_read_like_bokehs() {
    let server = Server::start(&[]);
    let client = Client::join(&server, &new_session_id(), "").await;
    drop(client);
    server.wait_for_log("WebSocket connection opened");
    server.wait_for_log("ServerConnection created");
    server.wait_for_log("WebSocket connection closed");
    let line = server.wait_for_log("GET /sliders/ws");
    // "2026-11-25 20:38:21,123 101 GET /sliders/ws (127.0.0.1) 0.27ms"
    let words: Vec<&str> = line.split(' ').collect();
    assert_eq!(
        words[2..6],
        ["101", "GET", "/sliders/ws", "(127.0.0.1)"],
        "{line}"
    );
    assert!(words[6].ends_with("ms") && words[6].trim_end_matches("ms").parse::<f64>().is_ok());
    let start = server.wait_for_log("Starting rokeh server version");
    assert!(start.contains(env!("CARGO_PKG_VERSION")));
}

#[tokio::test]
async fn ctrl_c_closes_connections_and_exits_cleanly() {
    let mut server = Server::start(&[]);
    let mut client = Client::join(&server, &new_session_id(), "").await;
    server.interrupt();
    match client.next(WAIT).await {
        Some(Err(Ended::Closed(Some(code), reason))) => {
            assert_eq!(u16::from(code), 1001);
            assert_eq!(reason, "server shutting down");
        }
        other => panic!("expected a close 1001, got {other:?}"),
    }
    let status = server
        .wait_exit(Duration::from_secs(5))
        .expect("the server exits");
    assert!(status.success(), "{status:?}");
}

/// PUSH-DOC replaces the session's document, as Bokeh's does: the other connections hear
/// the roots go and come, and the app's callbacks went with the old document.
#[tokio::test]
async fn push_doc_replaces_the_document_and_its_callbacks() {
    let server = Server::start(&[]);
    let id = new_session_id();
    let mut a = Client::join(&server, &id, "").await;
    let mut b = Client::join(&server, &id, "").await;
    let (_, doc) = a.pull().await;
    let slider = find_id(&doc, "Slider", Some("frequency"));
    let (_, reply) = a.request(Body::PullDocReq).await;
    let Body::PullDocReply { doc: mut json } = reply.body else {
        panic!("{:?}", reply.body)
    };
    set_slider_value(&mut json, &slider, 4.0);
    // The document's columns travel as the reply's buffers, and go back with the push.
    let push = Message::new(MsgId::next(), Body::PushDoc { doc: json }).with_buffers(reply.buffers);
    let (_, ok) = a.send_request(push).await;
    assert_eq!(ok.body, Body::Ok);
    let heard = b.recv().await;
    assert_eq!(
        event_kinds(&heard),
        ["RootRemoved", "RootAdded", "TitleChanged"]
    );
    let (_, pulled) = b.pull().await;
    assert_eq!(frequency(&pulled), 4.0);
    let y_before = column(&pulled, "y");

    // The pushed document has no app callbacks: a change is kept, the sine is not redrawn.
    b.patch(set_frequency(&slider, 2.0)).await;
    let (_, doc) = b.pull().await;
    assert_eq!(frequency(&doc), 2.0);
    assert_eq!(column(&doc, "y"), y_before);

    // A pushed document that is not one is refused and changes nothing.
    let (_, refused) = a
        .request(Body::PushDoc {
            doc: json!({"roots": 7}),
        })
        .await;
    assert!(
        matches!(refused.body, Body::Error { .. }),
        "{:?}",
        refused.body
    );
    assert_eq!(frequency(&a.pull().await.1), 2.0);
}

/// Sets `value` on the model `id` wherever it is defined in a document's JSON.
fn set_slider_value(json: &mut serde_json::Value, id: &str, value: f64) {
    match json {
        serde_json::Value::Object(map) => {
            if map.get("id").and_then(|v| v.as_str()) == Some(id) {
                if let Some(attrs) = map.get_mut("attributes").and_then(|a| a.as_object_mut()) {
                    attrs.insert("value".into(), json!(value));
                }
            }
            map.values_mut()
                .for_each(|v| set_slider_value(v, id, value));
        }
        serde_json::Value::Array(items) => items
            .iter_mut()
            .for_each(|v| set_slider_value(v, id, value)),
        _ => {}
    }
}

/// A push that keeps the slider an app callback listens to (same id, same type) but drops
/// everything the callback reads, then a change of that slider: the callback went with the
/// app's document, so nothing panics; the change is kept and the session goes on.
#[tokio::test]
async fn a_push_then_a_change_of_a_kept_slider_leaves_the_session_running() {
    let server = Server::start(&[]);
    let id = new_session_id();
    let mut a = Client::join(&server, &id, "").await;
    let (_, doc) = a.pull().await;
    let slider = find_id(&doc, "Slider", Some("frequency"));
    let only_the_slider = json!({
        "version": "3.9.2",
        "title": "only a slider",
        "roots": [{"type": "object", "name": "Slider", "id": slider, "attributes": {
            "title": "frequency", "value": 1.0, "start": 0.1, "end": 5.1, "step": 0.1}}],
    });
    let (_, ok) = a
        .request(Body::PushDoc {
            doc: only_the_slider,
        })
        .await;
    assert_eq!(ok.body, Body::Ok);
    let (_, ok) = a.patch(set_frequency(&slider, 2.0)).await;
    assert_eq!(ok.body, Body::Ok);
    // Another connection finds the session alive, holding the pushed document.
    let mut b = Client::join(&server, &id, "").await;
    let (json, doc) = b.pull().await;
    assert_eq!(json["title"], "only a slider");
    assert_eq!(frequency(&doc), 2.0);
    let log = server.log.lock().unwrap().join("\n");
    assert!(!log.contains("panicked"), "{log}");
}
