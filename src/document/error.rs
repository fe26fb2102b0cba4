//! What can go wrong when a document is changed. Every error leaves the document as it was.

use super::ModelId;

/// Why a document refused a change or a read. The document is left as it was.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DocumentError {
    /// A reference names a model the document does not have.
    #[error("unknown model id {0}")]
    UnknownModel(ModelId),
    /// Neither rokeh's nor Bokeh's schema of the type has the property.
    #[error("{model_type} has no property '{attr}'")]
    UnknownProperty {
        /// The model's type name.
        model_type: String,
        /// The property asked for.
        attr: String,
    },
    /// The value is not of the kind the property takes.
    #[error("{model_type}.{attr} expects {expected}, got {got}")]
    WrongType {
        /// The model's type name.
        model_type: String,
        /// The property.
        attr: String,
        /// What the property takes, in words (`a number`).
        expected: String,
        /// The value given, shortly (`string "fast"`).
        got: String,
    },
    /// The value is of the right kind but outside what the model allows (a slider's
    /// value outside its range, a source's columns of different lengths).
    #[error("{model_type}.{attr}: {message}")]
    OutOfDomain {
        /// The model's type name.
        model_type: String,
        /// The property.
        attr: String,
        /// What is wrong.
        message: String,
    },
    /// The value refers to a model the document does not have.
    #[error("{model_type}.{attr} refers to unknown model id {target}")]
    DanglingReference {
        /// The model's type name.
        model_type: String,
        /// The property.
        attr: String,
        /// The id referred to.
        target: ModelId,
    },
    /// A stream, patch or column update that cannot apply (an unknown column, an index
    /// past the end, a value that does not fit the column's type).
    #[error("{source_id}: {message}")]
    BadColumnUpdate {
        /// The ColumnDataSource.
        source_id: ModelId,
        /// What is wrong.
        message: String,
    },
    /// A column operation on a model that is not a ColumnDataSource.
    #[error("{0} is not a ColumnDataSource with a data map")]
    NotASource(ModelId),
    /// A model with that id is in the document already.
    #[error("a model with id {0} already exists")]
    DuplicateId(ModelId),
    /// A required property (no default) was read before it was set.
    #[error("{model_type}.{attr} is required and was never set")]
    Unset {
        /// The model's type name.
        model_type: String,
        /// The property.
        attr: String,
    },
    /// A handle to a model the document forgot once the change that detached it from
    /// every root was handed out (`take_changes`), as Bokeh's document forgets a model
    /// nothing references; `Document::keep` keeps one app code will attach again.
    #[error(
        "{model_type} {id} was detached from every root and forgotten when that change was \
         handed out (take_changes), as Bokeh forgets a model nothing references; to attach \
         it again, keep it first with Document::keep"
    )]
    Forgotten {
        /// The model's type name.
        model_type: String,
        /// The id it had.
        id: ModelId,
    },
    /// A handle to a model that was removed, or kept across a document replacement.
    #[error("model handle {0} outlived its model (removed, or the document was replaced)")]
    StaleHandle(u32),
    /// An app callback panicked; the panic's message. The change that ran it is undone.
    #[error("an app callback panicked: {0}")]
    CallbackPanicked(String),
}
