//! What can be wrong with incoming frames. Each error text is sent back in an ERROR
//! message, so it says what was expected.

use std::fmt;

use super::MsgId;

/// The frame of a message being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FramePart {
    /// The header: msgid, msgtype, reqid, num_buffers.
    Header,
    /// The metadata (free-form).
    Metadata,
    /// The content, typed by the msgtype.
    Content,
    /// A buffer's header: its id.
    BufferHeader,
    /// A buffer's bytes.
    BufferPayload,
}

impl fmt::Display for FramePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FramePart::Header => "header",
            FramePart::Metadata => "metadata",
            FramePart::Content => "content",
            FramePart::BufferHeader => "buffer header",
            FramePart::BufferPayload => "buffer payload",
        })
    }
}

/// Why an incoming message was refused. The text says what was expected; see
/// [`ProtocolError::ends_connection`] for the errors after which no frame can be trusted.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProtocolError {
    /// A binary frame where a text one was due.
    #[error("expected a text frame for the message {0}, got a binary frame")]
    ExpectedText(FramePart),
    /// A text frame where the payload of this buffer was due.
    #[error("expected a binary frame for the payload of buffer '{0}', got a text frame")]
    ExpectedBinary(String),
    /// A text frame that is not JSON.
    #[error("message {part} is not valid JSON: {reason}")]
    BadJson {
        /// Which frame.
        part: FramePart,
        /// The parser's complaint.
        reason: String,
    },
    /// JSON that is not an object.
    #[error("message {0} must be a JSON object")]
    NotAnObject(FramePart),
    /// A header without a valid msgid, msgtype or reqid.
    #[error("message header: {0}")]
    BadHeader(String),
    /// A msgtype Bokeh does not have.
    #[error("unknown msgtype '{0}'")]
    UnknownMsgType(String),
    /// Content that does not fit its msgtype.
    #[error("{msgtype} content: {reason}")]
    BadContent {
        /// The message's type: `"PATCH-DOC"`.
        msgtype: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A buffer header that is not `{"id": "..."}`.
    #[error("malformed buffer header {0}: expected {{\"id\": \"...\"}}")]
    BadBufferHeader(String),
    /// More buffers announced than [`MAX_BUFFERS`](super::MAX_BUFFERS).
    #[error("num_buffers {0} is more than the {max} a message may carry", max = super::MAX_BUFFERS)]
    TooManyBuffers(u64),
    /// A `num_buffers` that is not a count.
    #[error("message header: 'num_buffers' must be a non-negative integer, got {0}")]
    BadBufferCount(String),
    /// A message only the server sends (a reply), sent to it by a client.
    #[error("a {0} message is sent by the server, not by a client")]
    NotARequest(&'static str),
    /// A message past the receiver's size limit.
    #[error("message is larger than the {max} bytes a message may be (header, content and buffers together)")]
    TooBig {
        /// The limit, in bytes.
        max: usize,
    },
}

impl ProtocolError {
    /// Whether the error lost the count of the message's frames (a frame of the wrong
    /// kind, a header whose buffer count is unknown, a bad buffer header, a message past
    /// its size), so the connection cannot go on: the next frame could not be told apart
    /// from the rest of this message.
    pub fn ends_connection(&self) -> bool {
        matches!(
            self,
            ProtocolError::ExpectedText(_)
                | ProtocolError::ExpectedBinary(_)
                | ProtocolError::BadJson {
                    part: FramePart::Header,
                    ..
                }
                | ProtocolError::NotAnObject(FramePart::Header)
                | ProtocolError::TooManyBuffers(_)
                | ProtocolError::BadBufferCount(_)
                | ProtocolError::BadBufferHeader(_)
                | ProtocolError::TooBig { .. }
        )
    }
}

/// A message that could not be read, with the id of the request it came in as (when its
/// header got that far), so the ERROR reply can name it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{error}")]
pub struct Rejected {
    /// The refused message's msgid, when its header was read: the ERROR reply's reqid.
    pub reqid: Option<MsgId>,
    /// What was wrong.
    pub error: ProtocolError,
}
