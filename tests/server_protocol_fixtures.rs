//! The protocol layer against frames captured from a real Bokeh 3.9.2 server
//! (shared/fixtures/bokeh/ws_transcript.json): each side's frames assemble into the
//! messages Bokeh meant, and re-encoding them gives the same JSON.

use std::path::PathBuf;

use rokeh::protocol::{Body, Frame, Message, MsgType, Receiver};
use serde_json::Value as Json;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bokeh")
}

fn read_json(name: &str) -> Json {
    serde_json::from_str(&std::fs::read_to_string(fixtures().join(name)).unwrap()).unwrap()
}

/// The captured buffers, by id ("p13685" → bytes), from the `.buffer*_<id>.bin` files.
fn buffer_bytes(id: &str) -> Vec<u8> {
    let file = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(&format!("_{id}.bin")))
        .unwrap_or_else(|| panic!("no fixture buffer for {id}"));
    std::fs::read(file).unwrap()
}

/// Replays one direction of the transcript through a receiver.
fn messages(dir: &str) -> Vec<(Message, Vec<Json>)> {
    let transcript = read_json("ws_transcript.json");
    let mut receiver = Receiver::new();
    let mut out = Vec::new();
    let mut texts = Vec::new();
    let mut last_buffer_id = String::new();
    for f in transcript["frames"].as_array().unwrap() {
        if f["dir"] != dir {
            continue;
        }
        let frame = if f["opcode"] == 1 {
            let text = f["text"].as_str().unwrap().to_owned();
            let json: Json = serde_json::from_str(&text).unwrap();
            if let Some(id) = json.get("id").and_then(Json::as_str) {
                last_buffer_id = id.to_owned();
            }
            texts.push(json);
            Frame::Text(text)
        } else {
            let bytes = buffer_bytes(&last_buffer_id);
            assert_eq!(bytes.len() as u64, f["len"].as_u64().unwrap());
            Frame::Binary(bytes)
        };
        if let Some(msg) = receiver
            .consume(frame)
            .expect("real Bokeh frames are valid")
        {
            out.push((msg, std::mem::take(&mut texts)));
        }
    }
    out
}

#[test]
fn server_side_frames_assemble_into_bokehs_messages() {
    let msgs = messages("recv");
    let types: Vec<MsgType> = msgs.iter().map(|(m, _)| m.msgtype()).collect();
    assert_eq!(
        types,
        [
            MsgType::Ack,
            MsgType::PullDocReply,
            MsgType::PatchDoc,
            MsgType::Ok
        ]
    );
    let (reply, _) = &msgs[1];
    assert_eq!(
        reply.reqid.as_ref().unwrap().0,
        "DFBDAB66FAF24930BB868F78AD71D4BC"
    );
    let Body::PullDocReply { doc } = &reply.body else {
        panic!("not a reply")
    };
    assert_eq!(doc["title"], "Sliders");
    let ids: Vec<&str> = reply.buffers.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["p13685", "p13686"]);
    assert!(reply.buffers.iter().all(|b| b.data.len() == 1600));
    let (patch, _) = &msgs[2];
    let Body::PatchDoc { events } = &patch.body else {
        panic!("not a patch")
    };
    assert_eq!(events[0]["kind"], "ColumnDataChanged");
    assert_eq!(patch.buffers.len(), 2);
}

#[test]
fn client_side_frames_assemble_into_bokehs_messages() {
    let msgs = messages("sent");
    assert_eq!(msgs[0].0.body, Body::PullDocReq);
    let Body::PatchDoc { events } = &msgs[1].0.body else {
        panic!("not a patch")
    };
    assert_eq!(
        events[0],
        serde_json::json!({"kind":"ModelChanged","model":{"id":"p13681"},"attr":"value","new":2.0})
    );
}

#[test]
fn re_encoding_gives_the_same_json_and_bytes() {
    for dir in ["recv", "sent"] {
        for (msg, texts) in messages(dir) {
            let frames = msg.to_frames();
            let (ours_text, ours_bin): (Vec<_>, Vec<_>) =
                frames.iter().partition(|f| matches!(f, Frame::Text(_)));
            let ours: Vec<Json> = ours_text
                .iter()
                .map(|f| match f {
                    Frame::Text(t) => serde_json::from_str(t).unwrap(),
                    Frame::Binary(_) => unreachable!(),
                })
                .collect();
            assert_eq!(ours, texts, "{:?}", msg.msgtype());
            let bytes: Vec<&Vec<u8>> = ours_bin
                .iter()
                .map(|f| match f {
                    Frame::Binary(b) => b,
                    Frame::Text(_) => unreachable!(),
                })
                .collect();
            let theirs: Vec<&Vec<u8>> = msg.buffers.iter().map(|b| &b.data).collect();
            assert_eq!(bytes, theirs);
        }
    }
}
