//! Assembles messages from frames, as Bokeh's `Receiver` does, validating each one.
//!
//! A bad message is still read to its end (its three text frames and the buffers its
//! header announces) before it is refused, so one bad message costs one ERROR and the
//! next message is read from its first frame. A frame of the wrong kind, an unreadable
//! buffer header, or a message past its size limit loses the count: the error says so
//! ([`ProtocolError::ends_connection`]), and the connection must end, as Bokeh's does,
//! since the next frame cannot be told apart from the rest of this message.
//!
//! The size limit is the whole message's (header, metadata, content and every buffer),
//! so no message holds more than that however its bytes are split into frames.

use serde_json::{Map, Value as Json};

use super::error::{FramePart, ProtocolError, Rejected};
use super::message::{parse_object, Body, Buffer, Frame, Message, MsgId, MsgType};

/// More buffers than this in one message is refused. Bokeh sets no such limit and sends an
/// array per buffer: two for the sliders, 6,316 for its choropleth example (a county's
/// outline is two arrays). Each buffer costs its two frames' bytes, which the size limit
/// counts, and about 100 bytes of bookkeeping beside them, which it does not: this bounds
/// that to about 10 MB a connection.
pub const MAX_BUFFERS: u64 = 100_000;

/// Room made at once for the buffers a header announces; more grows as they arrive.
const BUFFERS_AHEAD: usize = 1024;

/// Reads messages frame by frame, as they come off a websocket: give it each frame with
/// [`Receiver::consume`]; it returns a message once that frame completes one.
///
/// ```
/// use rokeh::protocol::{Body, Message, MsgId, Receiver};
/// let sent = Message::new(MsgId("1".into()), Body::PullDocReq);
/// let mut receiver = Receiver::new();
/// let mut read = None;
/// for frame in sent.to_frames() {
///     read = receiver.consume(frame)?;
/// }
/// assert_eq!(read, Some(sent));
/// # Ok::<(), rokeh::protocol::Rejected>(())
/// ```
#[derive(Debug)]
pub struct Receiver {
    state: State,
    /// Bytes of the message being read so far.
    bytes: usize,
    max_message_size: usize,
}

impl Default for Receiver {
    fn default() -> Receiver {
        Receiver::with_max_message_size(usize::MAX)
    }
}

#[derive(Debug, Default)]
enum State {
    #[default]
    Header,
    Metadata {
        header: String,
    },
    Content {
        header: String,
        metadata: String,
    },
    Buffers(Partial),
}

/// A message whose text frames are read and judged, waiting for its buffers.
#[derive(Debug)]
struct Partial {
    msgid: Option<MsgId>,
    expected: usize,
    buffers: Vec<Buffer>,
    /// The id from the buffer header just read, whose payload comes next.
    pending_id: Option<String>,
    judged: Result<Message, ProtocolError>,
}

impl Receiver {
    /// A receiver that takes messages of any size (a page reading its own server).
    pub fn new() -> Receiver {
        Receiver::default()
    }

    /// A receiver that refuses a message whose frames add up to more than `max` bytes.
    pub fn with_max_message_size(max: usize) -> Receiver {
        Receiver {
            state: State::Header,
            bytes: 0,
            max_message_size: max,
        }
    }

    /// Takes the next frame. Returns a message when this frame completes one.
    pub fn consume(&mut self, frame: Frame) -> Result<Option<Message>, Rejected> {
        let result = self.step(frame);
        if !matches!(result, Ok(None)) {
            self.bytes = 0;
        }
        result
    }

    fn step(&mut self, frame: Frame) -> Result<Option<Message>, Rejected> {
        let len = match &frame {
            Frame::Text(t) => t.len(),
            Frame::Binary(b) => b.len(),
        };
        let total = self.bytes.saturating_add(len);
        if total > self.max_message_size {
            let reqid = match std::mem::take(&mut self.state) {
                State::Buffers(partial) => partial.msgid,
                _ => None,
            };
            return Err(Rejected {
                reqid,
                error: ProtocolError::TooBig {
                    max: self.max_message_size,
                },
            });
        }
        self.bytes = total;
        match (std::mem::take(&mut self.state), frame) {
            (State::Header, Frame::Text(header)) => {
                self.state = State::Metadata { header };
                Ok(None)
            }
            (State::Metadata { header }, Frame::Text(metadata)) => {
                self.state = State::Content { header, metadata };
                Ok(None)
            }
            (State::Content { header, metadata }, Frame::Text(content)) => {
                let partial = judge(&header, &metadata, &content)?;
                self.finish_or_wait(partial)
            }
            (State::Buffers(mut partial), Frame::Text(text)) if partial.pending_id.is_none() => {
                match buffer_id(&text) {
                    Ok(id) => {
                        partial.pending_id = Some(id);
                        self.state = State::Buffers(partial);
                        Ok(None)
                    }
                    Err(error) => Err(Rejected {
                        reqid: partial.msgid,
                        error,
                    }),
                }
            }
            (State::Buffers(mut partial), Frame::Binary(data)) if partial.pending_id.is_some() => {
                let id = partial.pending_id.take().expect("checked by the guard");
                partial.buffers.push(Buffer { id, data });
                self.finish_or_wait(partial)
            }
            (State::Buffers(partial), Frame::Text(_)) => Err(Rejected {
                error: ProtocolError::ExpectedBinary(partial.pending_id.unwrap_or_default()),
                reqid: partial.msgid,
            }),
            (State::Buffers(partial), Frame::Binary(_)) => Err(Rejected {
                reqid: partial.msgid,
                error: ProtocolError::ExpectedText(FramePart::BufferHeader),
            }),
            (state, Frame::Binary(_)) => Err(Rejected {
                reqid: None,
                error: ProtocolError::ExpectedText(match state {
                    State::Header => FramePart::Header,
                    State::Metadata { .. } => FramePart::Metadata,
                    _ => FramePart::Content,
                }),
            }),
        }
    }

    fn finish_or_wait(&mut self, partial: Partial) -> Result<Option<Message>, Rejected> {
        if partial.buffers.len() < partial.expected {
            self.state = State::Buffers(partial);
            return Ok(None);
        }
        match partial.judged {
            Ok(message) => Ok(Some(message.with_buffers(partial.buffers))),
            Err(error) => Err(Rejected {
                reqid: partial.msgid,
                error,
            }),
        }
    }
}

/// Reads a message's three text frames. An error here means the buffer count is unknown:
/// the message is refused at once. Errors in a message whose count is known are kept in
/// `judged` until its buffers have gone by.
fn judge(header: &str, metadata: &str, content: &str) -> Result<Partial, Rejected> {
    let header =
        parse_object(FramePart::Header, header).map_err(|error| Rejected { reqid: None, error })?;
    let msgid = match header.get("msgid") {
        Some(Json::String(id)) => Some(MsgId(id.clone())),
        _ => None,
    };
    let expected = num_buffers(&header).map_err(|error| Rejected {
        reqid: msgid.clone(),
        error,
    })?;
    let judged = (|| {
        let msgid = msgid
            .clone()
            .ok_or_else(|| ProtocolError::BadHeader("'msgid' must be a string".into()))?;
        let msgtype = match header.get("msgtype") {
            Some(Json::String(name)) => {
                MsgType::parse(name).ok_or_else(|| ProtocolError::UnknownMsgType(name.clone()))?
            }
            _ => {
                return Err(ProtocolError::BadHeader(
                    "'msgtype' must be a string".into(),
                ))
            }
        };
        let reqid = match header.get("reqid") {
            None | Some(Json::Null) => None,
            Some(Json::String(id)) => Some(MsgId(id.clone())),
            Some(_) => return Err(ProtocolError::BadHeader("'reqid' must be a string".into())),
        };
        let metadata = parse_object(FramePart::Metadata, metadata)?;
        let body = Body::from_content(msgtype, parse_object(FramePart::Content, content)?)?;
        Ok(Message {
            msgid,
            reqid,
            metadata,
            body,
            buffers: Vec::new(),
        })
    })();
    Ok(Partial {
        msgid,
        expected,
        buffers: Vec::with_capacity(expected.min(BUFFERS_AHEAD)),
        pending_id: None,
        judged,
    })
}

fn num_buffers(header: &Map<String, Json>) -> Result<usize, ProtocolError> {
    match header.get("num_buffers") {
        None | Some(Json::Null) => Ok(0),
        Some(n) => match n.as_u64() {
            Some(n) if n <= MAX_BUFFERS => Ok(n as usize),
            Some(n) => Err(ProtocolError::TooManyBuffers(n)),
            None => Err(ProtocolError::BadBufferCount(n.to_string())),
        },
    }
}

/// A buffer header is `{"id": "..."}` and nothing else, as Bokeh requires.
fn buffer_id(text: &str) -> Result<String, ProtocolError> {
    let bad = || ProtocolError::BadBufferHeader(text.chars().take(100).collect());
    let mut header = parse_object(FramePart::BufferHeader, text).map_err(|_| bad())?;
    match (header.remove("id"), header.is_empty()) {
        (Some(Json::String(id)), true) => Ok(id),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Frame {
        Frame::Text(s.into())
    }

    fn feed(r: &mut Receiver, frames: Vec<Frame>) -> Vec<Result<Option<Message>, Rejected>> {
        frames.into_iter().map(|f| r.consume(f)).collect()
    }

    #[test]
    fn reads_a_pull_doc_req_and_resets_for_the_next() {
        let mut r = Receiver::new();
        for _ in 0..2 {
            let out = feed(
                &mut r,
                vec![
                    text(r#"{"msgid":"A1","msgtype":"PULL-DOC-REQ"}"#),
                    text("{}"),
                    text("{}"),
                ],
            );
            assert_eq!(out[0], Ok(None));
            assert_eq!(out[1], Ok(None));
            let msg = out[2].clone().unwrap().unwrap();
            assert_eq!(msg.body, Body::PullDocReq);
            assert_eq!(msg.msgid, MsgId("A1".into()));
        }
    }

    #[test]
    fn binary_frame_in_place_of_header_is_refused() {
        let mut r = Receiver::new();
        let err = r.consume(Frame::Binary(vec![1, 2])).unwrap_err();
        assert_eq!(err.error, ProtocolError::ExpectedText(FramePart::Header));
        assert_eq!(err.reqid, None);
    }

    #[test]
    fn unknown_msgtype_is_refused_after_its_buffers_and_names_the_request() {
        let mut r = Receiver::new();
        let out = feed(
            &mut r,
            vec![
                text(r#"{"msgid":"X","msgtype":"FROB","num_buffers":1}"#),
                text("{}"),
                text("{}"),
                text(r#"{"id":"b1"}"#),
                Frame::Binary(vec![0; 8]),
            ],
        );
        assert!(out[..4].iter().all(|o| o == &Ok(None)));
        let err = out[4].clone().unwrap_err();
        assert_eq!(err.error, ProtocolError::UnknownMsgType("FROB".into()));
        assert_eq!(err.reqid, Some(MsgId("X".into())));
        // In step again: the next message reads fine.
        let out = feed(
            &mut r,
            vec![
                text(r#"{"msgid":"Y","msgtype":"SERVER-INFO-REQ"}"#),
                text("{}"),
                text("{}"),
            ],
        );
        assert_eq!(out[2].clone().unwrap().unwrap().body, Body::ServerInfoReq);
    }

    #[test]
    fn malformed_content_json_is_refused_with_its_reason() {
        let mut r = Receiver::new();
        let out = feed(
            &mut r,
            vec![
                text(r#"{"msgid":"X","msgtype":"PATCH-DOC"}"#),
                text("{}"),
                text(r#"{"events": [ }"#),
            ],
        );
        let err = out[2].clone().unwrap_err();
        assert!(matches!(
            err.error,
            ProtocolError::BadJson {
                part: FramePart::Content,
                ..
            }
        ));
        assert!(
            err.to_string().contains("content is not valid JSON"),
            "{err}"
        );
    }

    #[test]
    fn patch_doc_without_events_list_is_refused() {
        let mut r = Receiver::new();
        let out = feed(
            &mut r,
            vec![
                text(r#"{"msgid":"X","msgtype":"PATCH-DOC"}"#),
                text("{}"),
                text(r#"{"events": {}}"#),
            ],
        );
        assert_eq!(
            out[2].clone().unwrap_err().to_string(),
            "PATCH-DOC content: 'events' must be a list"
        );
    }

    #[test]
    fn buffer_header_with_extra_keys_is_refused() {
        let mut r = Receiver::new();
        let out = feed(
            &mut r,
            vec![
                text(r#"{"msgid":"X","msgtype":"PATCH-DOC","num_buffers":1}"#),
                text("{}"),
                text(r#"{"events":[]}"#),
                text(r#"{"id":"b","extra":1}"#),
            ],
        );
        assert!(matches!(
            out[3].clone().unwrap_err().error,
            ProtocolError::BadBufferHeader(_)
        ));
    }

    #[test]
    fn text_frame_where_a_buffer_payload_belongs_is_refused() {
        let mut r = Receiver::new();
        let out = feed(
            &mut r,
            vec![
                text(r#"{"msgid":"X","msgtype":"PATCH-DOC","num_buffers":1}"#),
                text("{}"),
                text(r#"{"events":[]}"#),
                text(r#"{"id":"b"}"#),
                text("{}"),
            ],
        );
        assert_eq!(
            out[4].clone().unwrap_err().error,
            ProtocolError::ExpectedBinary("b".into())
        );
    }

    #[test]
    fn a_message_with_an_array_per_county_is_read_whole() {
        // Bokeh's choropleth example pushes 6,316 buffers in one message.
        let mut r = Receiver::new();
        let n = 6_316;
        let mut frames = vec![
            text(&format!(
                r#"{{"msgid":"X","msgtype":"PATCH-DOC","num_buffers":{n}}}"#
            )),
            text("{}"),
            text(r#"{"events":[]}"#),
        ];
        for i in 0..n {
            frames.push(text(&format!(r#"{{"id":"b{i}"}}"#)));
            frames.push(Frame::Binary(vec![0; 16]));
        }
        let out = feed(&mut r, frames);
        let message = out.last().unwrap().clone().unwrap().unwrap();
        assert_eq!(message.buffers.len(), n);
        assert!(out[..out.len() - 1].iter().all(|o| *o == Ok(None)));
    }

    #[test]
    fn absurd_buffer_count_is_refused_at_once() {
        let mut r = Receiver::new();
        let out = feed(
            &mut r,
            vec![
                text(r#"{"msgid":"X","msgtype":"PATCH-DOC","num_buffers":99999999}"#),
                text("{}"),
                text(r#"{"events":[]}"#),
            ],
        );
        assert_eq!(
            out[2].clone().unwrap_err().error,
            ProtocolError::TooManyBuffers(99999999)
        );
    }

    #[test]
    fn the_size_limit_is_the_whole_messages_and_ends_the_connection() {
        let mut r = Receiver::with_max_message_size(100);
        let out = feed(
            &mut r,
            vec![
                text(r#"{"msgid":"X","msgtype":"PATCH-DOC","num_buffers":2}"#),
                text("{}"),
                text(r#"{"events":[]}"#),
                text(r#"{"id":"a"}"#),
                Frame::Binary(vec![0; 20]),
                text(r#"{"id":"b"}"#),
            ],
        );
        let err = out[5].clone().unwrap_err();
        assert_eq!(err.error, ProtocolError::TooBig { max: 100 });
        assert_eq!(err.reqid, Some(MsgId("X".into())));
        assert!(err.error.ends_connection());
        // Each frame alone was small: the count is of the message's frames together, and
        // starts again with the next message.
        let out = feed(
            &mut r,
            vec![
                text(r#"{"msgid":"Y","msgtype":"SERVER-INFO-REQ"}"#),
                text("{}"),
                text("{}"),
            ],
        );
        assert_eq!(out[2].clone().unwrap().unwrap().body, Body::ServerInfoReq);
        assert!(!ProtocolError::UnknownMsgType("x".into()).ends_connection());
    }

    #[test]
    fn frames_round_trip_through_the_receiver() {
        let msg = Message::reply(
            MsgId("m7".into()),
            MsgId("REQ".into()),
            Body::PullDocReply {
                doc: serde_json::json!({"title": "Sliders", "roots": []}),
            },
        )
        .with_buffers(vec![
            Buffer {
                id: "p1".into(),
                data: vec![1, 2, 3],
            },
            Buffer {
                id: "p2".into(),
                data: vec![],
            },
        ]);
        let mut r = Receiver::new();
        let mut last = None;
        for frame in msg.to_frames() {
            last = r.consume(frame).unwrap();
        }
        assert_eq!(last, Some(msg));
    }
}
