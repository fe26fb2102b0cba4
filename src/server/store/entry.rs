//! What a shared session keeps in Redis, as bytes both ways: the log's entries, the
//! requests servers forward to the session's owner, and the snapshot. Pure, so every
//! shape is tested without a Redis.

use std::collections::BTreeMap;

use serde_json::{json, Value as Json};

use crate::protocol::Buffer;
use crate::sync::PeerKind;

/// A request's place: the server it came in on, that server's number for it (rising,
/// for the life of the server process), and the connection that sent it there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Requester {
    pub server: String,
    pub rid: u64,
    pub peer: u64,
}

/// One entry of a session's log: the `n`th change of its document, in the one order
/// every server applies.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entry {
    pub n: u64,
    /// The request this entry answers; `None` for a periodic callback's changes.
    pub requester: Option<Requester>,
    pub body: EntryBody,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum EntryBody {
    /// Bokeh's events, in runs: those the requester made (never echoed to it) and those
    /// the owner's callbacks made of them.
    Changes(Vec<Run>),
    /// A PUSH-DOC: the session's new document (Bokeh's JSON, arrays inline).
    Replaced(Json),
    /// The owner refused the request; nothing changed.
    Refused(String),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Run {
    pub by_requester: bool,
    /// A PATCH-DOC's `events` list, arrays inline.
    pub events: Json,
}

/// A request a server forwards to the session's owner: a change its connection asked for.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Forwarded {
    pub requester: Requester,
    pub kind: PeerKind,
    pub change: Change,
    pub buffers: Vec<Buffer>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Change {
    Patch(Vec<Json>),
    Push(Json),
}

/// The session's document as of entry `n` (whose log id is `at`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Snapshot {
    /// Made anew each time the session is created in Redis: a server holding another
    /// epoch's state must start again from this one.
    pub epoch: String,
    /// Bokeh's document JSON, arrays inline.
    pub doc: String,
    /// Whether it is the app's document (not one a PUSH-DOC replaced).
    pub app: bool,
    pub n: u64,
    pub at: String,
    /// The highest request number handled, by server: a request forwarded twice (its
    /// first answer lost with a connection) is done once.
    pub handled: BTreeMap<String, u64>,
    /// The latest refusals (server, request number, why): a server whose request's entry
    /// was trimmed before it read it learns the verdict here (else it was applied).
    pub refused: Vec<(String, u64, String)>,
}

/// Why bytes read from Redis are not what a server wrote.
#[derive(Debug, thiserror::Error)]
#[error("unreadable {what} in Redis: {reason}")]
pub(crate) struct Unreadable {
    what: &'static str,
    reason: String,
}

impl Unreadable {
    pub(super) fn new(what: &'static str, reason: impl ToString) -> Unreadable {
        Unreadable {
            what,
            reason: reason.to_string(),
        }
    }
}

fn unreadable(what: &'static str, reason: impl ToString) -> Unreadable {
    Unreadable::new(what, reason)
}

impl Requester {
    fn to_json(&self) -> Json {
        json!({"server": self.server, "rid": self.rid, "peer": self.peer})
    }

    fn from_json(value: &Json) -> Option<Requester> {
        Some(Requester {
            server: value.get("server")?.as_str()?.to_owned(),
            rid: value.get("rid")?.as_u64()?,
            peer: value.get("peer")?.as_u64()?,
        })
    }
}

impl Entry {
    pub(crate) fn encode(&self) -> String {
        let mut out = json!({"n": self.n});
        if let Some(r) = &self.requester {
            out["requester"] = r.to_json();
        }
        match &self.body {
            EntryBody::Changes(runs) => {
                let runs: Vec<Json> = runs
                    .iter()
                    .map(|r| json!({"mine": r.by_requester, "events": r.events}))
                    .collect();
                out["runs"] = Json::Array(runs);
            }
            EntryBody::Replaced(doc) => out["replaced"] = doc.clone(),
            EntryBody::Refused(text) => out["refused"] = Json::String(text.clone()),
        }
        out.to_string()
    }

    pub(crate) fn decode(bytes: &[u8]) -> Result<Entry, Unreadable> {
        let bad = |reason: &str| unreadable("log entry", reason);
        let mut value: Json =
            serde_json::from_slice(bytes).map_err(|e| unreadable("log entry", e))?;
        let n = value["n"].as_u64().ok_or_else(|| bad("no n"))?;
        let requester = match value.get("requester") {
            None => None,
            Some(r) => Some(Requester::from_json(r).ok_or_else(|| bad("a bad requester"))?),
        };
        let body = if let Some(runs) = value.get_mut("runs") {
            let Json::Array(runs) = runs.take() else {
                return Err(bad("runs are not a list"));
            };
            let runs = runs
                .into_iter()
                .map(|mut run| {
                    let by_requester = run["mine"]
                        .as_bool()
                        .ok_or_else(|| bad("a run without mine"))?;
                    let events = run["events"].take();
                    if !events.is_array() {
                        return Err(bad("a run's events are not a list"));
                    }
                    Ok(Run {
                        by_requester,
                        events,
                    })
                })
                .collect::<Result<_, _>>()?;
            EntryBody::Changes(runs)
        } else if let Some(doc) = value.get_mut("replaced") {
            EntryBody::Replaced(doc.take())
        } else if let Some(Json::String(text)) = value.get_mut("refused") {
            EntryBody::Refused(std::mem::take(text))
        } else {
            return Err(bad("no runs, document or refusal"));
        };
        Ok(Entry { n, requester, body })
    }
}

/// The stream field a request's header is in; buffers follow as `b0`, `b1`, ….
pub(crate) const REQUEST_FIELD: &str = "r";
/// The stream field an entry is in.
pub(crate) const ENTRY_FIELD: &str = "e";

impl Forwarded {
    /// The fields of its stream entry.
    pub(crate) fn encode(&self) -> Vec<(String, Vec<u8>)> {
        let kind = match self.kind {
            PeerKind::RunsCallbacks => "page",
            PeerKind::Plain => "plain",
        };
        let (what, content) = match &self.change {
            Change::Patch(events) => ("patch", Json::Array(events.clone())),
            Change::Push(doc) => ("push", doc.clone()),
        };
        let ids: Vec<&str> = self.buffers.iter().map(|b| b.id.as_str()).collect();
        let header = json!({
            "requester": self.requester.to_json(),
            "kind": kind,
            what: content,
            "buffers": ids,
        });
        let mut fields = vec![(REQUEST_FIELD.to_owned(), header.to_string().into_bytes())];
        for (i, b) in self.buffers.iter().enumerate() {
            fields.push((format!("b{i}"), b.data.clone()));
        }
        fields
    }

    /// Reads a request from its stream entry's fields (`field` gives one by name).
    pub(crate) fn decode(
        mut field: impl FnMut(&str) -> Option<Vec<u8>>,
    ) -> Result<Forwarded, Unreadable> {
        let bad = |reason: &str| unreadable("forwarded request", reason);
        let header = field(REQUEST_FIELD).ok_or_else(|| bad("no header"))?;
        let mut header: Json =
            serde_json::from_slice(&header).map_err(|e| unreadable("forwarded request", e))?;
        let requester =
            Requester::from_json(&header["requester"]).ok_or_else(|| bad("a bad requester"))?;
        let kind = match header["kind"].as_str() {
            Some("page") => PeerKind::RunsCallbacks,
            Some("plain") => PeerKind::Plain,
            _ => return Err(bad("a bad kind")),
        };
        let change = if let Some(Json::Array(events)) = header.get_mut("patch") {
            Change::Patch(std::mem::take(events))
        } else if let Some(doc) = header.get_mut("push") {
            Change::Push(doc.take())
        } else {
            return Err(bad("neither a patch nor a push"));
        };
        let ids = header["buffers"]
            .as_array()
            .ok_or_else(|| bad("no buffer ids"))?;
        let buffers = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                Ok(Buffer {
                    id: id
                        .as_str()
                        .ok_or_else(|| bad("a bad buffer id"))?
                        .to_owned(),
                    data: field(&format!("b{i}")).ok_or_else(|| bad("a buffer is missing"))?,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Forwarded {
            requester,
            kind,
            change,
            buffers,
        })
    }
}

impl Snapshot {
    /// The hash fields it is stored as.
    pub(crate) fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("epoch", self.epoch.clone()),
            ("doc", self.doc.clone()),
            ("app", u8::from(self.app).to_string()),
            ("n", self.n.to_string()),
            ("at", self.at.clone()),
            ("handled", json!(self.handled).to_string()),
            ("refused", json!(self.refused).to_string()),
        ]
    }

    /// Reads it back from its hash fields.
    pub(crate) fn from_fields(
        fields: impl IntoIterator<Item = (String, Vec<u8>)>,
    ) -> Result<Snapshot, Unreadable> {
        let fields: BTreeMap<String, Vec<u8>> = fields.into_iter().collect();
        let text = |name: &str| {
            fields
                .get(name)
                .and_then(|v| std::str::from_utf8(v).ok())
                .ok_or_else(|| unreadable("snapshot", format!("no {name}")))
        };
        let number = |name: &str| {
            text(name)?
                .parse::<u64>()
                .map_err(|e| unreadable("snapshot", format!("{name}: {e}")))
        };
        let handled: BTreeMap<String, u64> =
            serde_json::from_str(text("handled")?).map_err(|e| unreadable("snapshot", e))?;
        let refused: Vec<(String, u64, String)> =
            serde_json::from_str(text("refused")?).map_err(|e| unreadable("snapshot", e))?;
        Ok(Snapshot {
            epoch: text("epoch")?.to_owned(),
            doc: text("doc")?.to_owned(),
            app: text("app")? == "1",
            n: number("n")?,
            at: text("at")?.to_owned(),
            handled,
            refused,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requester() -> Requester {
        Requester {
            server: "s1".into(),
            rid: 7,
            peer: 3,
        }
    }

    #[test]
    fn entries_read_back_as_written() {
        let events =
            json!([{"kind": "ModelChanged", "model": {"id": "p1"}, "attr": "value", "new": 2.0}]);
        for body in [
            EntryBody::Changes(vec![
                Run {
                    by_requester: true,
                    events: events.clone(),
                },
                Run {
                    by_requester: false,
                    events: json!([]),
                },
            ]),
            EntryBody::Replaced(json!({"roots": [], "title": "t"})),
            EntryBody::Refused("no such model".into()),
        ] {
            for requester in [None, Some(requester())] {
                let entry = Entry {
                    n: 12,
                    requester,
                    body: body.clone(),
                };
                assert_eq!(Entry::decode(entry.encode().as_bytes()).unwrap(), entry);
            }
        }
        for bad in [
            &b"{}"[..],
            b"not json",
            br#"{"n": 1}"#,
            br#"{"n": 1, "runs": [{"events": []}]}"#,
        ] {
            assert!(
                Entry::decode(bad).is_err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn forwarded_requests_keep_their_buffers() {
        let request = Forwarded {
            requester: requester(),
            kind: PeerKind::Plain,
            change: Change::Patch(vec![json!({"kind": "ColumnDataChanged"})]),
            buffers: vec![
                Buffer {
                    id: "1".into(),
                    data: vec![0, 255, 3],
                },
                Buffer {
                    id: "x".into(),
                    data: vec![],
                },
            ],
        };
        let fields: BTreeMap<String, Vec<u8>> = request.encode().into_iter().collect();
        let back = Forwarded::decode(|name| fields.get(name).cloned()).unwrap();
        assert_eq!(back, request);
        let push = Forwarded {
            kind: PeerKind::RunsCallbacks,
            change: Change::Push(json!({"roots": []})),
            buffers: vec![],
            ..request
        };
        let fields: BTreeMap<String, Vec<u8>> = push.encode().into_iter().collect();
        assert_eq!(
            Forwarded::decode(|name| fields.get(name).cloned()).unwrap(),
            push
        );
        // A buffer the header names but the entry lacks.
        let mut fields: BTreeMap<String, Vec<u8>> = Forwarded {
            buffers: vec![Buffer {
                id: "1".into(),
                data: vec![1],
            }],
            ..push.clone()
        }
        .encode()
        .into_iter()
        .collect();
        fields.remove("b0");
        assert!(Forwarded::decode(|name| fields.get(name).cloned()).is_err());
    }

    #[test]
    fn snapshots_read_back_from_their_fields() {
        let snapshot = Snapshot {
            epoch: "e1".into(),
            doc: r#"{"roots":[]}"#.into(),
            app: true,
            n: 40,
            at: "1700000000000-3".into(),
            handled: [("s1".to_owned(), 9), ("s2".to_owned(), 1)].into(),
            refused: vec![("s1".into(), 8, "no such model".into())],
        };
        let fields = snapshot
            .fields()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.into_bytes()));
        assert_eq!(Snapshot::from_fields(fields).unwrap(), snapshot);
        let partial = snapshot
            .fields()
            .into_iter()
            .filter(|(k, _)| *k != "n")
            .map(|(k, v)| (k.to_owned(), v.into_bytes()));
        assert!(Snapshot::from_fields(partial).is_err());
    }
}
