//! Bokeh's wire protocol: messages, framing with binary buffers, session tokens. No I/O.
//!
//! A message travels as websocket frames: header, metadata and content as text, then
//! `num_buffers` pairs of a buffer header (text) and its bytes (binary). [`Message`] is
//! one decoded and validated message, [`Receiver`] assembles messages from frames, and
//! [`token`] builds and checks session ids and tokens as `bokeh.util.token` does.

mod error;
mod message;
pub mod page_link;
mod receiver;
pub mod token;

pub use error::{FramePart, ProtocolError, Rejected};
pub use message::{Body, Buffer, Frame, Message, MsgId, MsgType, VersionInfo};
pub use receiver::{Receiver, MAX_BUFFERS};
