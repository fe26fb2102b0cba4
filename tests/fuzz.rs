//! Fuzz harnesses for everything a client's input reaches. `cargo test` runs each on its
//! committed corpus (`tests/__fuzz__/<harness>/corpus/`) and on random inputs for a
//! second (`make test` on the corpus alone, the same inputs each run); `make fuzz` runs
//! them coverage-guided (cargo bolero, libFuzzer) for longer.
//!
//! - the websocket message receiver over arbitrary frame sequences;
//! - PATCH-DOC events on the sliders document, structured and as raw JSON: on error the
//!   document and its buffers are byte-identical to before; on success it round-trips
//!   through its JSON, and the app's callbacks ran without panicking;
//! - PUSH-DOC of part of the document, then events;
//! - the inline array decoder, within its limit;
//! - session tokens and ids, and websocket origin patterns.
//!
//! (The static file paths' harness is with them, in `src/server/page.rs`.)
#![cfg(not(target_arch = "wasm32"))] // bolero runs natively

use bolero::{check, TypeGenerator};
use rokeh::document::json::{
    apply_json_events, changes_to_json, read_json, to_json, BufferId, BufferMode, Buffers,
    JsonError, SyncedModels,
};
use rokeh::document::{Actor, Document, DocumentError, PeerId};
use rokeh::protocol::token::{decode_token, generate_token, SecretKey, SessionId, SessionIds};
use rokeh::protocol::{Frame, Receiver};
use rokeh::server::{AllowedOrigins, OriginPattern};
use serde_json::{json, Value as Json};

/// What the document and its buffers look like, byte for byte.
fn snapshot(doc: &Document) -> (String, Vec<(BufferId, Vec<u8>)>) {
    let encoded = to_json(doc, BufferMode::Binary);
    (
        encoded.json.to_string(),
        encoded.buffers.into_iter().collect(),
    )
}

/// The message limit the harnesses read with: small, so a bomb is refused fast.
const LIMIT: usize = 1 << 20;

/// Applies `events` as a peer whose changes run the app's callbacks, and checks the
/// promises: all or nothing, a document that reads back as it writes, no callback panic.
fn apply_and_check(doc: &mut Document, events: &Json) {
    let before = snapshot(doc);
    let buffers = Buffers::with_array_limit(LIMIT);
    let result = doc.acting_as(Actor::peer(PeerId(1)), |doc| {
        apply_json_events(doc, events, &buffers)
    });
    match result {
        Err(e) => {
            assert!(
                !matches!(
                    e,
                    JsonError::Model {
                        source: DocumentError::CallbackPanicked(_),
                        ..
                    } | JsonError::Document(DocumentError::CallbackPanicked(_))
                ),
                "an app callback panicked: {e}"
            );
            assert_eq!(
                snapshot(doc),
                before,
                "a refused patch changed the document"
            );
            assert!(
                doc.take_changes().is_empty(),
                "a refused patch left changes"
            );
        }
        Ok(()) => {
            let changes = doc.take_changes();
            changes_to_json(doc, &changes, &SyncedModels::default(), BufferMode::Binary);
            let encoded = to_json(doc, BufferMode::Binary);
            let back = read_json(&encoded.json, &encoded.buffers, doc.registry())
                .unwrap_or_else(|e| panic!("the document does not read back: {e}"));
            // The config aside: a document without one is written with an empty one.
            let without_config = |mut json: Json| {
                json["config"] = Json::Null;
                json
            };
            assert_eq!(
                without_config(to_json(&back, BufferMode::Binary).json),
                without_config(encoded.json),
                "the document does not round-trip"
            );
        }
    }
}

fn sliders() -> Document {
    let mut doc = Document::new();
    rokeh_gallery::sliders(&mut doc);
    doc.take_changes();
    doc
}

/// Frames from bytes: each a kind byte (even: text, odd: binary), a length (two bytes,
/// little-endian) and that many bytes. Corpus files are written in this form.
fn frames(mut bytes: &[u8]) -> Vec<Frame> {
    let mut frames = Vec::new();
    while let [kind, lo, hi, rest @ ..] = bytes {
        let len = usize::from(u16::from_le_bytes([*lo, *hi])).min(rest.len());
        let (data, tail) = rest.split_at(len);
        frames.push(if kind % 2 == 0 {
            Frame::Text(String::from_utf8_lossy(data).into_owned())
        } else {
            Frame::Binary(data.to_vec())
        });
        bytes = tail;
    }
    frames
}

#[test]
fn receiver() {
    check!().for_each(|bytes: &[u8]| {
        let mut receiver = Receiver::with_max_message_size(2048);
        for frame in frames(bytes) {
            match receiver.consume(frame) {
                Ok(Some(message)) => {
                    // A message read is one that writes and reads back the same.
                    let mut again = Receiver::new();
                    let mut read = None;
                    for frame in message.to_frames() {
                        read = again.consume(frame).expect("a message reads back");
                    }
                    assert_eq!(read.as_ref(), Some(&message));
                }
                Ok(None) => {}
                Err(rejected) => {
                    // The connection ends on these: nothing more is read.
                    if rejected.error.ends_connection() {
                        return;
                    }
                }
            }
        }
    });
}

/// An index into a list the harness picks from.
type Pick = u8;

#[derive(Debug, TypeGenerator)]
enum Val {
    Null,
    Bool(bool),
    Int(i64),
    Small(u8),
    Float(f64),
    NaN,
    Str(String),
    List(Vec<u8>),
    Ref(Pick),
    Def {
        name: Pick,
        attr: Pick,
        value: u8,
    },
    Map(Vec<(Pick, u8)>),
    Array {
        dtype: Pick,
        shape: Vec<u32>,
        bytes: Vec<u8>,
    },
}

#[derive(Debug, TypeGenerator)]
enum Idx {
    Row(u16),
    Slice {
        start: Option<u16>,
        stop: Option<u16>,
        step: Option<u8>,
    },
    Negative(i64),
}

#[derive(Debug, TypeGenerator)]
enum Ev {
    Set {
        model: Pick,
        attr: Pick,
        value: Val,
    },
    Data {
        cols: Vec<Pick>,
        rows: u16,
        value: Val,
    },
    Stream {
        rows: u8,
        rollover: Option<u16>,
        value: Val,
    },
    Patch {
        column: Pick,
        index: Idx,
        value: Val,
    },
    Title(String),
    RootAdded {
        model: Pick,
        new: bool,
    },
    RootRemoved {
        model: Pick,
    },
    Click {
        model: Pick,
    },
    Unknown(String),
}

const ATTRS: &[&str] = &[
    "value",
    "start",
    "end",
    "step",
    "title",
    "text",
    "data",
    "children",
    "visible",
    "width",
    "renderers",
    "x_range",
    "value_throttled",
    "line_width",
    "nope",
];
const COLUMNS: &[&str] = &["x", "y", "z"];
const TYPES: &[&str] = &[
    "Slider",
    "Spacer",
    "Title",
    "ColumnDataSource",
    "Link",
    "Range1d",
];
const DTYPES: &[&str] = &[
    "float64", "int32", "uint8", "bool", "float32", "object", "int64",
];

struct Events {
    ids: Vec<String>,
    source: String,
    fresh: usize,
}

impl Events {
    fn id(&self, pick: Pick) -> String {
        self.ids[usize::from(pick) % self.ids.len()].clone()
    }

    fn value(&mut self, v: &Val) -> Json {
        match v {
            Val::Null => Json::Null,
            Val::Bool(b) => json!(b),
            Val::Int(i) => json!(i),
            Val::Small(n) => json!(f64::from(*n) / 10.0),
            Val::Float(f) if f.is_finite() => json!(f),
            Val::Float(f) => {
                json!({"type": "number", "value": if *f > 0.0 { "+inf" } else { "-inf" }})
            }
            Val::NaN => json!({"type": "number", "value": "nan"}),
            Val::Str(s) => json!(s),
            Val::List(items) => json!(items.iter().map(|i| f64::from(*i)).collect::<Vec<_>>()),
            Val::Ref(pick) => json!({"id": self.id(*pick)}),
            Val::Def { name, attr, value } => {
                self.fresh += 1;
                let id = format!("fuzz{}", self.fresh);
                let name = TYPES[usize::from(*name) % TYPES.len()];
                let attr = ATTRS[usize::from(*attr) % ATTRS.len()];
                json!({"type": "object", "name": name, "id": id,
                       "attributes": {attr: f64::from(*value) / 10.0}})
            }
            Val::Map(entries) => json!({"type": "map", "entries": entries
                .iter()
                .map(|(k, v)| json!([COLUMNS[usize::from(*k) % COLUMNS.len()], [f64::from(*v)]]))
                .collect::<Vec<_>>()}),
            Val::Array {
                dtype,
                shape,
                bytes,
            } => {
                use base64::Engine;
                json!({"type": "ndarray", "dtype": DTYPES[usize::from(*dtype) % DTYPES.len()],
                   "shape": shape, "order": "little",
                   "array": {"type": "bytes",
                             "data": base64::engine::general_purpose::STANDARD.encode(bytes)}})
            }
        }
    }

    fn event(&mut self, ev: &Ev) -> Json {
        let source = self.source.clone();
        match ev {
            Ev::Set { model, attr, value } => json!({"kind": "ModelChanged",
                "model": {"id": self.id(*model)}, "attr": ATTRS[usize::from(*attr) % ATTRS.len()],
                "new": self.value(value)}),
            Ev::Data { cols, rows, value } => {
                let cols: Vec<&str> = cols
                    .iter()
                    .map(|c| COLUMNS[usize::from(*c) % COLUMNS.len()])
                    .collect();
                let column = match value {
                    Val::Small(n) => json!(vec![f64::from(*n); usize::from(*rows) % 300]),
                    other => self.value(other),
                };
                let entries: Vec<Json> = cols.iter().map(|c| json!([c, column])).collect();
                json!({"kind": "ColumnDataChanged", "model": {"id": source}, "attr": "data",
                       "cols": cols, "data": {"type": "map", "entries": entries}})
            }
            Ev::Stream {
                rows,
                rollover,
                value,
            } => {
                let column = match value {
                    Val::Small(n) => json!(vec![f64::from(*n); usize::from(*rows) % 8]),
                    other => self.value(other),
                };
                json!({"kind": "ColumnsStreamed", "model": {"id": source}, "attr": "data",
                       "data": {"type": "map", "entries": [["x", column], ["y", column]]},
                       "rollover": rollover})
            }
            Ev::Patch {
                column,
                index,
                value,
            } => {
                let index = match index {
                    Idx::Row(i) => json!(i),
                    Idx::Slice { start, stop, step } => {
                        json!({"type": "slice", "start": start, "stop": stop, "step": step})
                    }
                    Idx::Negative(i) => json!(i),
                };
                json!({"kind": "ColumnsPatched", "model": {"id": source}, "attr": "data",
                       "patches": {"type": "map", "entries": [[
                           COLUMNS[usize::from(*column) % COLUMNS.len()],
                           [[index, self.value(value)]]]]}})
            }
            Ev::Title(title) => json!({"kind": "TitleChanged", "title": title}),
            Ev::RootAdded { model, new } => {
                let model = if *new {
                    self.fresh += 1;
                    json!({"type": "object", "name": "Spacer", "id": format!("root{}", self.fresh)})
                } else {
                    json!({"id": self.id(*model)})
                };
                json!({"kind": "RootAdded", "model": model})
            }
            Ev::RootRemoved { model } => {
                json!({"kind": "RootRemoved", "model": {"id": self.id(*model)}})
            }
            Ev::Click { model } => json!({"kind": "MessageSent", "msg_type": "bokeh_event",
                "msg_data": {"type": "event", "name": "button_click",
                             "values": {"type": "map", "entries": [["model", {"id": self.id(*model)}]]}}}),
            Ev::Unknown(kind) => json!({"kind": kind}),
        }
    }
}

fn events_for(doc: &Document, evs: &[Ev]) -> Json {
    let mut ids: Vec<String> = doc.models().map(|(_, m)| m.id.0.clone()).collect();
    ids.push("missing".into());
    let source = doc
        .models()
        .find(|(_, m)| m.type_name == "ColumnDataSource")
        .map_or("missing".into(), |(_, m)| m.id.0.clone());
    let mut events = Events {
        ids,
        source,
        fresh: 0,
    };
    Json::Array(evs.iter().map(|e| events.event(e)).collect())
}

#[test]
fn patch_events() {
    check!().with_type::<Vec<Ev>>().for_each(|evs| {
        let mut doc = sliders();
        let events = events_for(&doc, evs);
        apply_and_check(&mut doc, &events);
    });
}

#[test]
fn patch_json() {
    check!().for_each(|bytes: &[u8]| {
        if let Ok(events) = serde_json::from_slice::<Json>(bytes) {
            apply_and_check(&mut sliders(), &events);
        }
    });
}

/// Which part of the sliders document a client pushes back.
#[derive(Debug, TypeGenerator)]
enum Pushed {
    Whole,
    RootsOfType(Pick),
    Models(Vec<Pick>),
    Raw(String),
}

#[test]
fn push_then_events() {
    check!()
        .with_type::<(Pushed, Vec<Ev>)>()
        .for_each(|(pushed, evs)| {
            let mut doc = sliders();
            let whole = to_json(&doc, BufferMode::Inline).json;
            let json = match pushed {
                Pushed::Whole => whole,
                Pushed::RootsOfType(pick) => {
                    let name = TYPES[usize::from(*pick) % TYPES.len()];
                    let roots: Vec<Json> = doc
                        .models()
                        .filter(|(_, m)| m.type_name == name)
                        .map(|(_, m)| {
                            let attrs = m.attrs.iter().filter(|(_, v)| v.as_f64().is_some());
                            let attributes: serde_json::Map<String, Json> =
                                attrs.map(|(k, v)| (k.clone(), json!(v.as_f64()))).collect();
                            json!({"type": "object", "name": name, "id": m.id.0,
                                   "attributes": attributes})
                        })
                        .collect();
                    json!({"version": "3.9.2", "title": "part", "roots": roots})
                }
                Pushed::Models(picks) => {
                    let models: Vec<_> = doc.models().map(|(any, _)| any).collect();
                    let roots: Vec<Json> = picks
                        .iter()
                        .map(|p| models[usize::from(*p) % models.len()])
                        .map(|any| json!({"id": doc.model_id(any).0}))
                        .collect();
                    let mut json = whole;
                    json["roots"] = Json::Array(roots);
                    json
                }
                Pushed::Raw(text) => serde_json::from_str(text).unwrap_or(Json::Null),
            };
            let buffers = Buffers::with_array_limit(LIMIT);
            if let Ok(pushed) = read_json(&json, &buffers, doc.registry()) {
                doc.replace(pushed);
                doc.take_changes();
                let events = events_for(&doc, evs);
                apply_and_check(&mut doc, &events);
            }
        });
}

#[test]
fn inline_arrays() {
    check!()
        .with_type::<(Pick, Vec<u32>, bool, Vec<u8>)>()
        .for_each(|(dtype, shape, gzip, bytes)| {
            use base64::Engine;
            use std::io::Write;
            let data = if *gzip {
                let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                gz.write_all(bytes).unwrap();
                gz.finish().unwrap()
            } else {
                bytes.clone()
            };
            let text = base64::engine::general_purpose::STANDARD.encode(data);
            let source = json!({"type": "object", "name": "ColumnDataSource", "id": "s",
                "attributes": {"data": {"type": "map", "entries": [["z", {"type": "ndarray",
                    "array": {"type": "bytes", "data": text}, "shape": shape,
                    "dtype": DTYPES[usize::from(*dtype) % DTYPES.len()], "order": "little"}]]}}});
            let json = json!({"roots": [source]});
            let limit = 64;
            if let Ok(doc) = read_json(
                &json,
                &Buffers::with_array_limit(limit),
                Document::new().registry(),
            ) {
                assert!(
                    bytes.len() <= limit,
                    "{} bytes passed a limit of {limit}",
                    bytes.len()
                );
                assert_eq!(snapshot(&doc), snapshot(&doc));
            }
        });
}

#[test]
fn tokens() {
    let signed = SessionIds::Signed(SecretKey::new("fuzz"));
    check!().for_each(|bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes);
        let _ = decode_token(&text);
        assert!(!signed.check_token(&text) || decode_token(&text).is_ok());
        if let Ok(id) = SessionId::parse(&text) {
            let token = generate_token(&id, 7, None, &SessionIds::Unsigned);
            assert_eq!(decode_token(&token).map(|p| p.session_id), Ok(id));
        }
    });
}

#[test]
fn origins() {
    check!()
        .with_type::<(String, String)>()
        .for_each(|(pattern, origin)| {
            let allowed = |p: OriginPattern| AllowedOrigins::new(vec![p], "127.0.0.1", 5006);
            if let Ok(p) = OriginPattern::parse(pattern) {
                let _ = allowed(p).allows(origin);
            }
            // A plain host:port allows itself and nothing longer.
            let host: String = pattern
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
                .collect();
            if !host.is_empty() && !host.starts_with('.') {
                let p = OriginPattern::parse(&format!("{host}:8080")).unwrap();
                assert!(allowed(p.clone()).allows(&format!("http://{host}:8080")));
                assert!(!allowed(p).allows(&format!("http://{host}.evil:8080")));
            }
        });
}
