//! Allocation budgets: with a counting global allocator, the peak memory a message costs
//! while it is read, applied and broadcast, as a server session handles it, is at most a
//! small multiple of its size (what its own bytes take to decode, never a copy of the
//! document per event). Figures are printed; the bounds are asserted.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use rokeh::document::json::{read_json, Buffers, SyncedModels};
use rokeh::document::{Document, PeerId};
use rokeh::protocol::{Body, Buffer, Frame, Message, MsgId, Receiver};
use rokeh::sync::wire::{apply_patch, patch_for};
use rokeh::sync::PeerKind;
use serde_json::{json, Value as Json};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = NOW.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grew(new_size);
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Bytes allocated at the peak of `f`, above what was allocated when it started (the
/// message's frames, which the connection holds anyway, are in that).
fn peak_of<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let start = NOW.load(Ordering::Relaxed);
    PEAK.store(start, Ordering::Relaxed);
    let result = f();
    (PEAK.load(Ordering::Relaxed) - start, result)
}

fn size(frames: &[Frame]) -> usize {
    frames
        .iter()
        .map(|f| match f {
            Frame::Text(t) => t.len(),
            Frame::Binary(b) => b.len(),
        })
        .sum()
}

/// Handles `frames` as a session does a plain client's request: read, applied, the
/// change encoded for another connection, the reply written. The peak is over the frames
/// (which the connection holds before the message is complete).
fn handle(doc: &mut Document, frames: Vec<Frame>, limit: usize) -> (usize, bool) {
    let bytes = size(&frames);
    let (peak, ok) = peak_of(move || {
        let mut receiver = Receiver::with_max_message_size(limit);
        let mut message = None;
        for frame in frames {
            message = receiver.consume(frame).expect("a valid message");
        }
        let message = message.expect("a whole message");
        let mut buffers = Buffers::with_array_limit(limit);
        for Buffer { id, data } in message.buffers {
            buffers.insert(rokeh::document::json::BufferId(id), data);
        }
        let ok = match message.body {
            Body::PatchDoc { events } => {
                let peer = PeerId(1);
                let applied = apply_patch(doc, events, &buffers, PeerKind::Plain.actor(peer));
                let changes = doc.take_changes();
                let synced = SyncedModels::of(doc);
                let patch = patch_for(doc, &changes, &synced, None, PeerKind::Plain);
                drop(patch.map(|m| m.to_frames()));
                applied.is_ok()
            }
            Body::PushDoc { doc: json } => {
                let pushed = read_json(&json, &buffers, doc.registry());
                if let Ok(pushed) = pushed {
                    doc.replace(pushed);
                    doc.take_changes();
                    true
                } else {
                    false
                }
            }
            other => panic!("not a request here: {other:?}"),
        };
        let reply = Message::new(MsgId::next(), Body::Ok).to_frames();
        drop(reply);
        ok
    });
    (peak, ok && bytes > 0)
}

fn patch(events: Json, buffers: Vec<Buffer>) -> Vec<Frame> {
    let Json::Array(events) = events else {
        unreachable!()
    };
    Message::new(MsgId::next(), Body::PatchDoc { events })
        .with_buffers(buffers)
        .to_frames()
}

/// A pushed document holding source `s` with float columns `x` and `y` of `rows` rows.
fn push_source(rows: usize) -> Vec<Frame> {
    let column = |id: &str| {
        json!({"type": "ndarray", "array": {"type": "bytes", "data": {"id": id}},
               "shape": [rows], "dtype": "float64", "order": "little"})
    };
    let doc = json!({"roots": [{"type": "object", "name": "ColumnDataSource", "id": "s",
        "attributes": {"data": {"type": "map", "entries": [["x", column("bx")], ["y", column("by")]]}}}]});
    let bytes: Vec<u8> = (0..rows).flat_map(|i| (i as f64).to_le_bytes()).collect();
    let buffer = |id: &str| Buffer {
        id: id.into(),
        data: bytes.clone(),
    };
    Message::new(MsgId::next(), Body::PushDoc { doc })
        .with_buffers(vec![buffer("bx"), buffer("by")])
        .to_frames()
}

fn column_change(array: Json) -> Json {
    json!([{"kind": "ColumnDataChanged", "model": {"id": "s"}, "attr": "data", "cols": ["y"],
            "data": {"type": "map", "entries": [["y", array]]}}])
}

#[test]
fn a_message_costs_a_small_multiple_of_its_size() {
    const ROWS: usize = 1 << 20;
    const LIMIT: usize = 64 << 20;
    let mut doc = Document::new();
    let mut check = |what: &str, frames: Vec<Frame>, times: f64, plus: usize| {
        let bytes = size(&frames);
        let (peak, ok) = handle(&mut doc, frames, LIMIT);
        let ratio = peak as f64 / bytes as f64;
        println!(
            "{what}: {:.2} MiB message, peak {:.2} MiB allocated beyond it ({ratio:.1}x){}",
            bytes as f64 / 1048576.0,
            peak as f64 / 1048576.0,
            if ok { "" } else { ", refused" }
        );
        assert!(
            peak as f64 <= times * bytes as f64 + plus as f64,
            "{what}: peak {peak} bytes for a {bytes}-byte message (at most {times}x + {plus})"
        );
    };

    check(
        "PUSH-DOC, two 8 MiB columns in buffers",
        push_source(ROWS),
        3.0,
        1 << 20,
    );

    let bytes: Vec<u8> = (0..ROWS)
        .flat_map(|i| (-(i as f64)).to_le_bytes())
        .collect();
    let binary = json!({"type": "ndarray", "array": {"type": "bytes", "data": {"id": "b"}},
                        "shape": [ROWS], "dtype": "float64", "order": "little"});
    let buffer = Buffer {
        id: "b".into(),
        data: bytes.clone(),
    };
    check(
        "PATCH-DOC, an 8 MiB column in a buffer",
        patch(column_change(binary), vec![buffer]),
        4.0,
        1 << 20,
    );

    use base64::Engine;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::none());
    std::io::Write::write_all(&mut gz, &bytes).unwrap();
    let inline = base64::engine::general_purpose::STANDARD.encode(gz.finish().unwrap());
    let inline = json!({"type": "ndarray", "array": {"type": "bytes", "data": inline},
                        "shape": [ROWS], "dtype": "float64", "order": "little"});
    check(
        "PATCH-DOC, an 8 MiB column inline (base64 of gzip)",
        patch(column_change(inline), vec![]),
        5.0,
        1 << 20,
    );

    let list: Vec<f64> = (0..ROWS).map(|i| i as f64).collect();
    check(
        "PATCH-DOC, a column as a JSON list of 1M numbers",
        patch(column_change(json!(list)), vec![]),
        40.0,
        1 << 20,
    );

    let cells: Vec<Json> = (0..150)
        .map(|i| {
            json!({"kind": "ColumnsPatched", "model": {"id": "s"}, "attr": "data",
                   "patches": {"type": "map", "entries": [["x", [[i * 1000, -1.0]]]]}})
        })
        .collect();
    check(
        "PATCH-DOC, 150 one-cell patches of an 8 MiB column",
        patch(Json::Array(cells), vec![]),
        30.0,
        1 << 20,
    );

    // A source with a list column of 1,000 strings of 10 KB (10 MB), then 100
    // replacements of its other, small column: none copies or keeps the list.
    let names: Vec<String> = (0..1000).map(|i| format!("{i:>10000}")).collect();
    let doc_json = json!({"roots": [{"type": "object", "name": "ColumnDataSource", "id": "t",
        "attributes": {"data": {"type": "map", "entries": [["names", names], ["n", vec![0.0; 1000]]]}}}]});
    let push = Message::new(MsgId::next(), Body::PushDoc { doc: doc_json }).to_frames();
    check(
        "PUSH-DOC, a list column of 1,000 10 KB strings",
        push,
        8.0,
        1 << 20,
    );
    let replace: Vec<Json> = (0..100)
        .map(|i| {
            json!({"kind": "ColumnDataChanged", "model": {"id": "t"}, "attr": "data",
                   "cols": ["n"], "data": {"type": "map", "entries": [["n", vec![f64::from(i); 1000]]]}})
        })
        .collect();
    // bokeh.client is sent a source's whole data (it ignores `cols`): the list goes out once
    // per message, written a few times over (values, JSON, text), never once per event.
    check(
        "PATCH-DOC, 100 replacements of a small column beside a 10 MB list column",
        patch(Json::Array(replace), vec![]),
        30.0,
        4 * (10 << 20),
    );

    let roots: Vec<Json> = (0..20_000)
        .map(|i| json!({"kind": "RootAdded", "model": {"type": "object", "name": "Spacer", "id": format!("r{i}")}}))
        .collect();
    // Many small JSON objects: serde_json's tree costs about ten times their text (a
    // B-tree node each), and the message's and the broadcast's trees are both made.
    check(
        "PATCH-DOC, 20,000 roots added",
        patch(Json::Array(roots), vec![]),
        48.0,
        1 << 20,
    );
}
