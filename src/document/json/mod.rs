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
pub use read::{read_json, read_json_as, sync_from_json};
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
    /// The JSON, with references (`{"id": "b1"}`) to the buffers.
    pub json: serde_json::Value,
    /// Empty unless written with [`BufferMode::Binary`].
    pub buffers: Buffers,
}

/// Why JSON could not be read or applied. The document is left as it was.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum JsonError {
    /// Not in the shape Bokeh writes; says what is wrong.
    #[error("malformed Bokeh JSON: {0}")]
    Malformed(String),
    /// Bytes that do not decode (bad base64 or gzip, a length that does not fit).
    #[error("invalid bytes: {0}")]
    BadBytes(String),
    /// Arrays that would decode past the buffers' limit ([`Buffers::with_array_limit`]).
    #[error("too large: {0}")]
    TooLarge(String),
    /// Nested deeper than [`MAX_DEPTH`].
    #[error("nested deeper than the {0} levels Bokeh's JSON may have here")]
    TooDeep(usize),
    /// A reference to a buffer the message did not carry.
    #[error("unknown buffer id {0}")]
    UnknownBuffer(BufferId),
    /// An array of an element type rokeh does not read.
    #[error("unsupported ndarray dtype '{0}'")]
    UnsupportedDType(String),
    /// A patch event of an unknown kind.
    #[error("unknown event kind '{0}'")]
    UnknownEvent(String),
    /// A model the document refused.
    #[error("model {id}: {source}")]
    Model {
        /// The model.
        id: ModelId,
        /// Why it was refused.
        source: DocumentError,
    },
    /// Something wrong inside one attribute of a model's definition.
    #[error("model {id}, attribute '{attr}': {source}")]
    InAttribute {
        /// The model.
        id: ModelId,
        /// The attribute.
        attr: String,
        /// What is wrong with it.
        source: Box<JsonError>,
    },
    /// A model whose id the document has with another type.
    #[error("model {id} is a {theirs} there but a {ours} here")]
    TypeMismatch {
        /// The model.
        id: ModelId,
        /// Its type in this document.
        ours: String,
        /// Its type in the JSON.
        theirs: String,
    },
    /// One event of a patch could not apply; none of the patch did.
    #[error("event {index} ({kind}): {source}")]
    Event {
        /// Its position in the patch, from 0.
        index: usize,
        /// Its kind: `"ModelChanged"`.
        kind: String,
        /// Why it could not apply.
        source: Box<JsonError>,
    },
    /// The document refused a change.
    #[error(transparent)]
    Document(#[from] DocumentError),
}
