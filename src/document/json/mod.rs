//! Bokeh 3's document JSON, read and written exactly: whole documents (PULL-DOC-REPLY,
//! files, the page's boot), change events (PATCH-DOC), and the binary buffers arrays
//! travel in beside a message.
//!
//! - [`to_json`] / [`from_json`]: a whole document.
//! - [`changes_to_json`] / [`apply_json_events`]: the events of a patch, both ways;
//!   applying is all or nothing.
//! - [`sync_from_json`]: brings a document that already ran the app locally to a
//!   session's state, by id, keeping its handles and callbacks.
//!
//! Models of types rokeh has no schema for, and the Bokeh properties rokeh does not
//! render, are kept as they came and written back unchanged.

mod buffers;
mod events;
mod read;
mod value;
mod write;

pub use buffers::{BufferId, BufferMode, Buffers};
pub use events::{apply_json_events, changes_to_json, SyncedModels};
pub use read::{from_json, sync_from_json};
pub use write::{to_json, BOKEH_VERSION};

use super::{DocumentError, ModelId};

/// JSON and the binary buffers it refers to, as one message carries them.
#[derive(Clone, Debug, PartialEq)]
pub struct Encoded {
    pub json: serde_json::Value,
    /// Empty unless written with [`BufferMode::Binary`].
    pub buffers: Buffers,
}

/// Why JSON could not be read or applied. The document is left as it was.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum JsonError {
    #[error("malformed Bokeh JSON: {0}")]
    Malformed(String),
    #[error("invalid bytes: {0}")]
    BadBytes(String),
    #[error("unknown buffer id {0}")]
    UnknownBuffer(BufferId),
    #[error("unsupported ndarray dtype '{0}'")]
    UnsupportedDType(String),
    #[error("unknown event kind '{0}'")]
    UnknownEvent(String),
    #[error("model {id}: {source}")]
    Model { id: ModelId, source: DocumentError },
    #[error("model {id}, attribute '{attr}': {source}")]
    InAttribute {
        id: ModelId,
        attr: String,
        source: Box<JsonError>,
    },
    #[error("model {id} is a {theirs} there but a {ours} here")]
    TypeMismatch {
        id: ModelId,
        ours: String,
        theirs: String,
    },
    #[error("event {index} ({kind}): {source}")]
    Event {
        index: usize,
        kind: String,
        source: Box<JsonError>,
    },
    #[error(transparent)]
    Document(#[from] DocumentError),
}
