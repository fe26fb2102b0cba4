//! The session's document as Bokeh JSON, through `document::json`.
//! PLACEHOLDER until branch `json` is merged: every call reports that.

use serde_json::Value as Json;

use crate::document::{Change, Document, Origin};
use crate::protocol::{Buffer, Message};

const NOT_YET: &str = "document JSON is not built into this server yet";

/// The whole document, its arrays in binary buffers (PULL-DOC-REPLY).
pub(crate) fn document(_doc: &Document) -> (Json, Vec<Buffer>) {
    (serde_json::json!({ "error": NOT_YET }), Vec::new())
}

/// Applies a PATCH-DOC's events, all or nothing.
pub(crate) fn apply_patch(
    _doc: &mut Document,
    _events: &[Json],
    _buffers: Vec<Buffer>,
    _origin: Origin,
    _run_callbacks: bool,
) -> Result<(), String> {
    Err(NOT_YET.into())
}

/// Replaces the document's contents with a pushed one (PUSH-DOC).
pub(crate) fn replace_document(
    _doc: &mut Document,
    _json: &Json,
    _buffers: Vec<Buffer>,
) -> Result<(), String> {
    Err(NOT_YET.into())
}

/// One PATCH-DOC carrying `changes`, or none when there is nothing to send.
pub(crate) fn patch_message(_changes: &[Change]) -> Option<Message> {
    None
}
