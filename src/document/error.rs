//! What can go wrong when a document is changed. Every error leaves the document as it was.

use super::ModelId;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DocumentError {
    #[error("unknown model id {0}")]
    UnknownModel(ModelId),
    #[error("model {id} is a {actual}, not a {expected}")]
    WrongModelType {
        id: ModelId,
        expected: &'static str,
        actual: String,
    },
    #[error("{model_type} has no property '{attr}'")]
    UnknownProperty { model_type: String, attr: String },
    #[error("{model_type}.{attr} expects {expected}, got {got}")]
    WrongType {
        model_type: String,
        attr: String,
        expected: String,
        /// The value given, shortly (`string "fast"`).
        got: String,
    },
    #[error("{model_type}.{attr}: {message}")]
    OutOfDomain {
        model_type: String,
        attr: String,
        message: String,
    },
    #[error("{model_type}.{attr} refers to unknown model id {target}")]
    DanglingReference {
        model_type: String,
        attr: String,
        target: ModelId,
    },
    #[error(
        "column '{column}' of {source_id} has {len} rows where the other columns have {expected}"
    )]
    RaggedColumns {
        source_id: ModelId,
        column: String,
        len: usize,
        expected: usize,
    },
    #[error("{source_id}: {message}")]
    BadColumnUpdate { source_id: ModelId, message: String },
    #[error("{0} is not a ColumnDataSource with a data map")]
    NotASource(ModelId),
    #[error("a model with id {0} already exists")]
    DuplicateId(ModelId),
    #[error("{model_type}.{attr} is required and was never set")]
    Unset { model_type: String, attr: String },
    #[error("model handle {0} outlived its model (removed, or the document was replaced)")]
    StaleHandle(u32),
    #[error("an app callback panicked: {0}")]
    CallbackPanicked(String),
}
