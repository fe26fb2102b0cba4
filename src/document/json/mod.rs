//! Bokeh 3's document JSON, read and written exactly: whole documents (PULL-DOC-REPLY,
//! files, the page's boot), change events (PATCH-DOC), and the binary buffers arrays
//! travel in beside a message.
//!
//! - [`to_json`] / [`read_json`]: a whole document (`Document::from_json` reads one with
//!   the standard registry).
//! - [`changes_to_json`] / [`apply_json_events`]: the events of a patch, both ways;
//!   applying is all or nothing, as the document's current actor.
//! - [`sync_from_json`]: brings a document that already ran the app locally to a
//!   session's state, by id, keeping its handles and callbacks.
//!
//! Models of types rokeh has no schema for, and the Bokeh properties rokeh does not
//! render, are kept as they came and written back unchanged.
//!
//! Choices, all checked against Python Bokeh 3.9.2 (tests/json_python.rs):
//! - Arrays are `ndarray`s, little-endian. [`BufferMode::Binary`] puts their bytes in
//!   [`Buffers`] (ids `b1`, `b2`, … per message), as Bokeh's server does;
//!   [`BufferMode::Inline`] writes base64 of a gzip member of *stored* blocks: Bokeh's
//!   Python reader requires gzip, and deflating float columns is slow for little gain.
//!   Reading takes inline bytes gzip'd (any level) or plain, and buffer references.
//! - A model is defined in full where a message first mentions it and referenced by id
//!   after; a patch defines in full only the models its peer lacks ([`SyncedModels`]).
//! - JSON object keys come out sorted; definitions are written in that same order, so
//!   a definition always precedes its references, which Bokeh's reader needs.
//! - Dicts read as they were written: `map` as a map, plain objects as objects.

mod apply;
mod buffers;
mod events;
mod read;
mod value;
mod write;

pub use apply::apply_json_events;
pub use buffers::{BufferId, BufferMode, Buffers};
pub use events::{changes_to_json, SyncedModels};
pub use read::{read_json, sync_from_json};
pub use write::{check_depth, to_json, BOKEH_VERSION};

use super::{DocumentError, ModelId};

/// How deep a document's or an event's JSON may nest, counting from the value (a root,
/// an event's new value): readers and writers keep to it, so rokeh never writes what its
/// own reader refuses (serde_json parses 128 levels, and a message wraps the document in a
/// few more), and neither recurses deeper whatever the input. A chain of models, each
/// defined inside the one before, nests two levels a link.
pub const MAX_DEPTH: usize = 100;

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
    #[error("too large: {0}")]
    TooLarge(String),
    #[error("nested deeper than the {0} levels Bokeh's JSON may have here")]
    TooDeep(usize),
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
