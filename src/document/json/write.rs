//! A whole document as Bokeh's `Document.to_json()` writes it.

use serde_json::{json, Value as Json};

use super::buffers::BufferMode;
use super::value::Encoder;
use super::Encoded;
use crate::document::{Document, ModelId};

/// The Bokeh release whose formats rokeh writes (and was checked against).
pub const BOKEH_VERSION: &str = "3.9.2";

/// `{version, title, config, roots}`, each model defined where it first appears.
/// With [`BufferMode::Binary`] the arrays' bytes are in the returned buffers (a
/// PULL-DOC-REPLY); with [`BufferMode::Inline`] the JSON stands alone.
pub fn to_json(doc: &Document, mode: BufferMode) -> Encoded {
    let nothing_known = |_: &ModelId| false;
    let mut encoder = Encoder::new(doc, mode, &nothing_known);
    let config = match doc.config() {
        Some(config) => encoder.model(doc.model_id(config)),
        // Bokeh's reader requires a config; an empty one takes its defaults.
        None => json!({
            "type": "object",
            "name": "DocumentConfig",
            "id": unused_id(doc, "config"),
            "attributes": {},
        }),
    };
    let roots: Vec<Json> = doc
        .roots()
        .iter()
        .map(|root| encoder.model(doc.model_id(*root)))
        .collect();
    let json = json!({
        "version": BOKEH_VERSION,
        "title": doc.title(),
        "config": config,
        "roots": roots,
    });
    Encoded {
        json,
        buffers: encoder.buffers,
    }
}

/// `base`, or `base` with a number, whichever no model of `doc` has.
fn unused_id(doc: &Document, base: &str) -> String {
    let mut id = base.to_owned();
    let mut n = 1;
    while doc.lookup(&ModelId(id.clone())).is_some() {
        n += 1;
        id = format!("{base}{n}");
    }
    id
}
