//! What can be wrong with incoming frames. Each error text is sent back in an ERROR
//! message, so it says what was expected.

use std::fmt;

use super::MsgId;

/// The frame of a message being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FramePart {
    Header,
    Metadata,
    Content,
    BufferHeader,
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

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProtocolError {
    #[error("expected a text frame for the message {0}, got a binary frame")]
    ExpectedText(FramePart),
    #[error("expected a binary frame for the payload of buffer '{0}', got a text frame")]
    ExpectedBinary(String),
    #[error("message {part} is not valid JSON: {reason}")]
    BadJson { part: FramePart, reason: String },
    #[error("message {0} must be a JSON object")]
    NotAnObject(FramePart),
    #[error("message header: {0}")]
    BadHeader(String),
    #[error("unknown msgtype '{0}'")]
    UnknownMsgType(String),
    #[error("{msgtype} content: {reason}")]
    BadContent {
        msgtype: &'static str,
        reason: String,
    },
    #[error("malformed buffer header {0}: expected {{\"id\": \"...\"}}")]
    BadBufferHeader(String),
    #[error("num_buffers {0} is more than the {max} a message may carry", max = super::MAX_BUFFERS)]
    TooManyBuffers(u64),
    #[error("message header: 'num_buffers' must be a non-negative integer, got {0}")]
    BadBufferCount(String),
    #[error("a {0} message is sent by the server, not by a client")]
    NotARequest(&'static str),
    #[error("message is larger than the {max} bytes a message may be (header, content and buffers together)")]
    TooBig { max: usize },
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
    pub reqid: Option<MsgId>,
    pub error: ProtocolError,
}
