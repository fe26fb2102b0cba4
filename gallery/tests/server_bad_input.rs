//! Bad input to `rokeh serve`: each gets an ERROR with a clear text (or a refused
//! handshake), the session's document stays as it was, and other sessions never notice.
//! (Framing errors, which also end the connection, are in server_hostile.rs.)
#![cfg(not(target_arch = "wasm32"))] // the server and its clients are native

mod server_support;

use std::time::Duration;

use rokeh::protocol::token::{generate_token, SecretKey, SessionId, SessionIds};
use rokeh::protocol::{Body, Frame, Message, MsgId};
use serde_json::json;
use server_support::*;

/// Sends `frames` and returns the ERROR text it gets back.
async fn error_text(client: &mut Client, frames: Vec<Frame>) -> String {
    client.send_frames(frames).await;
    let reply = client.recv().await;
    match reply.body {
        Body::Error { text, .. } => text,
        other => panic!("expected ERROR, got {other:?}"),
    }
}

fn text(s: &str) -> Frame {
    Frame::Text(s.into())
}

fn patch_frames(msgid: &str, events: serde_json::Value) -> Vec<Frame> {
    vec![
        text(&json!({"msgid": msgid, "msgtype": "PATCH-DOC"}).to_string()),
        text("{}"),
        text(&json!({ "events": events }).to_string()),
    ]
}

#[tokio::test]
async fn bad_messages_get_errors_and_change_nothing() {
    let server = Server::start(&[]);
    let id = new_session_id();
    let mut client = Client::join(&server, &id, "").await;
    let mut bystander = Client::join(&server, &new_session_id(), "").await;
    let (before, doc) = client.pull().await;
    let slider = find_id(&doc, "Slider", Some("frequency"));
    let source = find_id(&doc, "ColumnDataSource", None);

    let cases: Vec<(&str, Vec<Frame>, &str)> = vec![
        (
            "malformed content JSON",
            vec![
                text(r#"{"msgid":"c1","msgtype":"PATCH-DOC"}"#),
                text("{}"),
                text("{\"events\": ["),
            ],
            "message content is not valid JSON",
        ),
        (
            "unknown msgtype",
            vec![
                text(r#"{"msgid":"c2","msgtype":"FROBNICATE"}"#),
                text("{}"),
                text("{}"),
            ],
            "unknown msgtype 'FROBNICATE'",
        ),
        (
            "a server-only message",
            vec![
                text(r#"{"msgid":"c3","msgtype":"ACK"}"#),
                text("{}"),
                text("{}"),
            ],
            "a ACK message is sent by the server",
        ),
        (
            "patch on an unknown id",
            patch_frames(
                "c4",
                json!([{"kind": "ModelChanged", "model": {"id": "nope"}, "attr": "value", "new": 2.0}]),
            ),
            "unknown model id nope",
        ),
        (
            "wrong type",
            patch_frames(
                "c5",
                json!([{"kind": "ModelChanged", "model": {"id": slider}, "attr": "value", "new": "fast"}]),
            ),
            "Slider.value expects",
        ),
        (
            "unknown property",
            patch_frames(
                "c6",
                json!([{"kind": "ModelChanged", "model": {"id": slider}, "attr": "colour", "new": 1}]),
            ),
            "Slider has no property 'colour'",
        ),
        (
            "unknown event kind",
            patch_frames("c7", json!([{"kind": "Explode", "model": {"id": slider}}])),
            "unknown event kind 'Explode'",
        ),
        (
            "a good change then a bad one: all or nothing",
            patch_frames(
                "c8",
                json!([
                    {"kind": "ModelChanged", "model": {"id": slider}, "attr": "value", "new": 2.0},
                    {"kind": "ModelChanged", "model": {"id": slider}, "attr": "value", "new": "x"},
                ]),
            ),
            "event 1 (ModelChanged)",
        ),
        (
            "ragged columns",
            patch_frames(
                "c9",
                json!([{"kind": "ColumnDataChanged", "model": {"id": source}, "attr": "data", "cols": ["y"],
                        "data": {"type": "map", "entries": [["y", [1.0, 2.0]]]}}]),
            ),
            "rows",
        ),
        (
            "a buffer reference with no buffer",
            patch_frames(
                "c10",
                json!([{"kind": "ColumnDataChanged", "model": {"id": source}, "attr": "data", "cols": ["y"],
                        "data": {"type": "map", "entries": [["y", {"type": "ndarray",
                          "array": {"type": "bytes", "data": {"id": "missing"}},
                          "shape": [200], "dtype": "float64", "order": "little"}]]}}]),
            ),
            "unknown buffer id missing",
        ),
    ];
    for (what, frames, expected) in cases {
        let text = error_text(&mut client, frames).await;
        assert!(
            text.contains(expected),
            "{what}: error text {text:?} lacks {expected:?}"
        );
    }

    // Errors name the request they answer.
    let msg = Message::new(
        MsgId::next(),
        Body::PatchDoc {
            events: vec![json!({"kind": "Nope"})],
        },
    );
    client.send(&msg).await;
    let reply = client.recv().await;
    assert!(matches!(reply.body, Body::Error { .. }));
    assert_eq!(reply.reqid, Some(msg.msgid));

    // The connection still works and the document is exactly as it was.
    let (after, doc) = client.pull().await;
    assert_eq!(after, before);
    assert_eq!(frequency(&doc), 1.0);
    bystander.expect_silence(Duration::from_millis(100)).await;
    assert_eq!(frequency(&bystander.pull().await.1), 1.0);
}

#[tokio::test]
async fn oversize_messages_are_refused_not_hung() {
    let server = Server::start(&["--websocket-max-message-size", "4096"]);
    let mut client = Client::join(&server, &new_session_id(), "").await;
    client.send_frames(vec![text(&"x".repeat(10_000))]).await;
    let mut saw = Vec::new();
    loop {
        match client.next(WAIT).await {
            Some(Ok(m)) => saw.push(m),
            Some(Err(Ended::Closed(code, reason))) => {
                assert_eq!(code.map(u16::from), Some(1009), "{reason}");
                break;
            }
            other => panic!("expected ERROR and a close, got {other:?} after {saw:?}"),
        }
    }
    let Some(Body::Error { text, .. }) = saw.first().map(|m| &m.body) else {
        panic!("expected an ERROR first, got {saw:?}")
    };
    assert!(text.contains("too long"), "{text}");
    // The server itself is fine.
    let mut other = Client::join(&server, &new_session_id(), "").await;
    assert_eq!(frequency(&other.pull().await.1), 1.0);
}

#[tokio::test]
async fn handshakes_without_a_good_token_or_origin_are_refused() {
    let server = Server::start(&[]);
    let id = new_session_id();
    let status = |r: Result<Client, tokio_tungstenite::tungstenite::Error>| match r {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => response.status().as_u16(),
        Err(e) => panic!("expected an HTTP refusal, got {e}"),
        Ok(_) => panic!("expected a refusal, the websocket opened"),
    };
    let url = server.ws_url();
    let token = unsigned_token(&id);
    let foreign = Client::connect_with(&url, &token, Some("http://evil.example:5006")).await;
    assert_eq!(status(foreign), 403);
    server.wait_for_log("Refusing websocket connection from Origin 'http://evil.example:5006'");
    let own = format!("http://127.0.0.1:{}", server.port);
    assert!(Client::connect_with(&url, &token, Some(&own)).await.is_ok());

    assert_eq!(status(Client::connect_with(&url, "!!", None).await), 400);
    let expired = generate_token(&id, unix_now() - 1, None, &SessionIds::Unsigned);
    assert_eq!(
        status(Client::connect_with(&url, &expired, None).await),
        403
    );
}

#[tokio::test]
async fn signed_session_ids_need_the_servers_key() {
    let key = "a test key";
    let server = Server::start_with_env(&["--session-ids", "signed"], &[("ROKEH_SECRET_KEY", key)]);
    let url = server.ws_url();
    let signed = SessionIds::Signed(SecretKey::new(key));
    let refused = |r: Result<Client, _>| matches!(r, Err(tokio_tungstenite::tungstenite::Error::Http(resp)) if resp.status() == 403);

    let unsigned_id = new_session_id();
    assert!(refused(
        Client::connect_with(&url, &unsigned_token(&unsigned_id), None).await
    ));
    let wrong_key = SessionIds::Signed(SecretKey::new("another key"));
    let forged = SessionId::generate(|n| rand::random_range(0..n), &wrong_key);
    let forged_token = generate_token(&forged, unix_now() + 60, None, &wrong_key);
    assert!(refused(
        Client::connect_with(&url, &forged_token, None).await
    ));

    let good = SessionId::generate(|n| rand::random_range(0..n), &signed);
    let token = generate_token(&good, unix_now() + 60, None, &signed);
    let mut client = Client::connect_with(&url, &token, None)
        .await
        .expect("a signed token opens");
    assert_eq!(client.recv().await.body, Body::Ack);

    // The page route checks a given id the same way.
    let (page, _) = http_get(&server.http(&format!("/sliders?bokeh-session-id={unsigned_id}")));
    assert_eq!(page, 403);
}
