//! One Bokeh protocol message: header, metadata, content and buffers, with the content
//! typed by msgtype so that a decoded message is a valid one.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{json, Map, Value as Json};

use super::error::{FramePart, ProtocolError};

/// One websocket frame of a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Frame {
    /// A text frame: a header, metadata, content or buffer header (JSON).
    Text(String),
    /// A binary frame: a buffer's bytes.
    Binary(Vec<u8>),
}

/// A message id: the client's are UUID hex, the server's "p1234"-style counters.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MsgId(pub String);

impl fmt::Display for MsgId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl MsgId {
    /// A fresh id, unique within this process, numbered as Bokeh's `make_id` does.
    pub fn next() -> MsgId {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        MsgId(format!("m{}", NEXT.fetch_add(1, Ordering::Relaxed)))
    }
}

/// Bokeh 3's message types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MsgType {
    /// `ACK`: the server's first message on a connection.
    Ack,
    /// `OK`: a request succeeded.
    Ok,
    /// `ERROR`: a request failed.
    Error,
    /// `PULL-DOC-REQ`: a client asks for the session's document.
    PullDocReq,
    /// `PULL-DOC-REPLY`: the document, whole.
    PullDocReply,
    /// `PUSH-DOC`: a client replaces the session's document with its own.
    PushDoc,
    /// `PATCH-DOC`: changes to the document, either way.
    PatchDoc,
    /// `SERVER-INFO-REQ`: a client asks for the versions.
    ServerInfoReq,
    /// `SERVER-INFO-REPLY`: the versions.
    ServerInfoReply,
}

impl MsgType {
    const ALL: [MsgType; 9] = [
        MsgType::Ack,
        MsgType::Ok,
        MsgType::Error,
        MsgType::PullDocReq,
        MsgType::PullDocReply,
        MsgType::PushDoc,
        MsgType::PatchDoc,
        MsgType::ServerInfoReq,
        MsgType::ServerInfoReply,
    ];

    /// The msgtype as the header spells it: `"PATCH-DOC"`.
    pub fn as_str(self) -> &'static str {
        match self {
            MsgType::Ack => "ACK",
            MsgType::Ok => "OK",
            MsgType::Error => "ERROR",
            MsgType::PullDocReq => "PULL-DOC-REQ",
            MsgType::PullDocReply => "PULL-DOC-REPLY",
            MsgType::PushDoc => "PUSH-DOC",
            MsgType::PatchDoc => "PATCH-DOC",
            MsgType::ServerInfoReq => "SERVER-INFO-REQ",
            MsgType::ServerInfoReply => "SERVER-INFO-REPLY",
        }
    }

    /// The msgtype the header spells `name`, if Bokeh has it.
    pub fn parse(name: &str) -> Option<MsgType> {
        MsgType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// What SERVER-INFO-REPLY tells.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionInfo {
    /// The Bokeh version whose protocol is spoken.
    pub bokeh: String,
    /// The server's own version.
    pub server: String,
}

/// A message's type and content together, so no message has the wrong content.
/// Document JSON (`doc`, `events`) stays JSON here: the document layer reads it.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// `ACK`: no content.
    Ack,
    /// `OK`: no content.
    Ok,
    /// `ERROR`.
    Error {
        /// What went wrong, for people.
        text: String,
        /// Where, when the sender tells (Python's traceback).
        traceback: Option<String>,
    },
    /// `PULL-DOC-REQ`: no content.
    PullDocReq,
    /// `PULL-DOC-REPLY`.
    PullDocReply {
        /// The document, as [`to_json`](crate::document::json::to_json) writes it.
        doc: Json,
    },
    /// `PUSH-DOC`.
    PushDoc {
        /// The document that replaces the session's.
        doc: Json,
    },
    /// `PATCH-DOC`.
    PatchDoc {
        /// The change events, as
        /// [`changes_to_json`](crate::document::json::changes_to_json) writes them.
        events: Vec<Json>,
    },
    /// `SERVER-INFO-REQ`: no content.
    ServerInfoReq,
    /// `SERVER-INFO-REPLY`.
    ServerInfoReply(VersionInfo),
}

impl Body {
    /// The message type this content belongs to.
    pub fn msgtype(&self) -> MsgType {
        match self {
            Body::Ack => MsgType::Ack,
            Body::Ok => MsgType::Ok,
            Body::Error { .. } => MsgType::Error,
            Body::PullDocReq => MsgType::PullDocReq,
            Body::PullDocReply { .. } => MsgType::PullDocReply,
            Body::PushDoc { .. } => MsgType::PushDoc,
            Body::PatchDoc { .. } => MsgType::PatchDoc,
            Body::ServerInfoReq => MsgType::ServerInfoReq,
            Body::ServerInfoReply(_) => MsgType::ServerInfoReply,
        }
    }

    fn content_json(&self) -> Json {
        match self {
            Body::Ack | Body::Ok | Body::PullDocReq | Body::ServerInfoReq => json!({}),
            Body::Error { text, traceback } => json!({ "text": text, "traceback": traceback }),
            Body::PullDocReply { doc } | Body::PushDoc { doc } => json!({ "doc": doc }),
            Body::PatchDoc { events } => json!({ "events": events }),
            Body::ServerInfoReply(v) => {
                json!({ "version_info": { "bokeh": v.bokeh, "server": v.server } })
            }
        }
    }

    /// Reads the content of a message of type `msgtype`.
    pub(crate) fn from_content(
        msgtype: MsgType,
        mut content: Map<String, Json>,
    ) -> Result<Body, ProtocolError> {
        let bad = |reason: &str| ProtocolError::BadContent {
            msgtype: msgtype.as_str(),
            reason: reason.to_owned(),
        };
        let mut take = |key: &str| content.remove(key);
        Ok(match msgtype {
            MsgType::Ack => Body::Ack,
            MsgType::Ok => Body::Ok,
            MsgType::PullDocReq => Body::PullDocReq,
            MsgType::ServerInfoReq => Body::ServerInfoReq,
            MsgType::Error => {
                let Some(Json::String(text)) = take("text") else {
                    return Err(bad("'text' must be a string"));
                };
                let traceback = match take("traceback") {
                    None | Some(Json::Null) => None,
                    Some(Json::String(t)) => Some(t),
                    Some(_) => return Err(bad("'traceback' must be a string or null")),
                };
                Body::Error { text, traceback }
            }
            MsgType::PullDocReply | MsgType::PushDoc => {
                let doc = match take("doc") {
                    Some(doc @ Json::Object(_)) => doc,
                    _ => return Err(bad("'doc' must be a document object")),
                };
                if msgtype == MsgType::PushDoc {
                    Body::PushDoc { doc }
                } else {
                    Body::PullDocReply { doc }
                }
            }
            MsgType::PatchDoc => match take("events") {
                Some(Json::Array(events)) => Body::PatchDoc { events },
                _ => return Err(bad("'events' must be a list")),
            },
            MsgType::ServerInfoReply => {
                let info = take("version_info");
                let field = |key: &str| {
                    info.as_ref()
                        .and_then(|i| i.get(key))
                        .and_then(Json::as_str)
                        .map(str::to_owned)
                        .ok_or_else(|| bad(&format!("'version_info.{key}' must be a string")))
                };
                Body::ServerInfoReply(VersionInfo {
                    bokeh: field("bokeh")?,
                    server: field("server")?,
                })
            }
        })
    }
}

/// A binary buffer a message carries, referred to by id from its content.
#[derive(Clone, Debug, PartialEq)]
pub struct Buffer {
    /// The id the content refers to it by.
    pub id: String,
    /// Its bytes.
    pub data: Vec<u8>,
}

/// One message of Bokeh's protocol, decoded and valid: build one with [`Message::new`],
/// [`Message::reply`] or [`Message::error`]; [`Message::to_frames`] writes it and a
/// [`Receiver`](super::Receiver) reads it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Its id, unique per sender.
    pub msgid: MsgId,
    /// The request this message answers (OK, ERROR, *-REPLY).
    pub reqid: Option<MsgId>,
    /// Free-form; Bokeh does not read it.
    pub metadata: Map<String, Json>,
    /// Its type and content.
    pub body: Body,
    /// The binary buffers its content refers to, in the order they travel.
    pub buffers: Vec<Buffer>,
}

impl Message {
    /// A message that answers nothing, with no metadata and no buffers.
    pub fn new(msgid: MsgId, body: Body) -> Message {
        Message {
            msgid,
            reqid: None,
            metadata: Map::new(),
            body,
            buffers: Vec::new(),
        }
    }

    /// A reply to the request `reqid`.
    pub fn reply(msgid: MsgId, reqid: MsgId, body: Body) -> Message {
        Message {
            reqid: Some(reqid),
            ..Message::new(msgid, body)
        }
    }

    /// An ERROR reply: `reqid` names the request when it could be read that far.
    pub fn error(msgid: MsgId, reqid: Option<MsgId>, text: impl Into<String>) -> Message {
        Message {
            reqid,
            ..Message::new(
                msgid,
                Body::Error {
                    text: text.into(),
                    traceback: None,
                },
            )
        }
    }

    /// The same message carrying `buffers`.
    pub fn with_buffers(self, buffers: Vec<Buffer>) -> Message {
        Message { buffers, ..self }
    }

    /// Its type.
    pub fn msgtype(&self) -> MsgType {
        self.body.msgtype()
    }

    /// The message as the frames that carry it, in order.
    pub fn to_frames(&self) -> Vec<Frame> {
        let mut header = Map::new();
        header.insert("msgid".into(), Json::String(self.msgid.0.clone()));
        header.insert(
            "msgtype".into(),
            Json::String(self.msgtype().as_str().into()),
        );
        if let Some(reqid) = &self.reqid {
            header.insert("reqid".into(), Json::String(reqid.0.clone()));
        }
        if !self.buffers.is_empty() {
            header.insert("num_buffers".into(), self.buffers.len().into());
        }
        let mut frames = Vec::with_capacity(3 + 2 * self.buffers.len());
        frames.push(Frame::Text(Json::Object(header).to_string()));
        frames.push(Frame::Text(Json::Object(self.metadata.clone()).to_string()));
        frames.push(Frame::Text(self.body.content_json().to_string()));
        for buffer in &self.buffers {
            frames.push(Frame::Text(json!({ "id": buffer.id }).to_string()));
            frames.push(Frame::Binary(buffer.data.clone()));
        }
        frames
    }
}

/// Parses one text frame as a JSON object.
pub(crate) fn parse_object(
    part: FramePart,
    text: &str,
) -> Result<Map<String, Json>, ProtocolError> {
    match serde_json::from_str(text) {
        Ok(Json::Object(map)) => Ok(map),
        Ok(_) => Err(ProtocolError::NotAnObject(part)),
        Err(e) => Err(ProtocolError::BadJson {
            part,
            reason: e.to_string(),
        }),
    }
}
