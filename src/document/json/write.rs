//! A whole document as Bokeh's `Document.to_json()` writes it.

use serde_json::{json, Value as Json};

use super::buffers::BufferMode;
use super::value::Encoder;
use super::{Encoded, JsonError, MAX_DEPTH};
use crate::document::{Document, ModelId};

/// The Bokeh release whose formats rokeh writes (and was checked against).
pub const BOKEH_VERSION: &str = "3.9.2";

/// `{version, title, config, roots, callbacks}`, each model defined where it first
/// appears (`callbacks`, the document's own, only when it has some).
/// With [`BufferMode::Binary`] the arrays' bytes are in the returned buffers (a
/// PULL-DOC-REPLY); with [`BufferMode::Inline`] the JSON stands alone.
///
/// A document whose models nest deeper than [`MAX_DEPTH`] (see [`check_depth`]) is
/// written without the definitions past it: rokeh refuses input that would make one.
pub fn to_json(doc: &Document, mode: BufferMode) -> Encoded {
    let nothing_known = |_: &ModelId| false;
    let mut encoder = Encoder::new(doc, mode, &nothing_known);
    let json = document_json(doc, &mut encoder);
    Encoded {
        json,
        buffers: encoder.buffers,
    }
}

/// Whether `doc` can be written whole within [`MAX_DEPTH`]: its models reach each other
/// by references, and Bokeh's JSON defines a model inside the first one to mention it, so
/// a long chain of them nests as deep as it is long, past what any reader takes.
pub fn check_depth(doc: &Document) -> Result<(), JsonError> {
    let nothing_known = |_: &ModelId| false;
    let mut encoder = Encoder::dry(doc, &nothing_known);
    // As `document_json` writes them, each dropped once measured: no tree of the whole.
    for any in doc.anchors() {
        drop(encoder.model(doc.model_id(any)));
    }
    if encoder.too_deep {
        return Err(JsonError::TooDeep(MAX_DEPTH));
    }
    Ok(())
}

fn document_json(doc: &Document, encoder: &mut Encoder<'_>) -> Json {
    // Bokeh's readers take the keys in the order written, which is the keys' order here:
    // a model is defined where it is first met in that order (callbacks, config, roots).
    let callbacks: Vec<Json> = (doc.document_callbacks().iter())
        .map(|(name, list)| {
            let list: Vec<Json> = list
                .iter()
                .map(|c| encoder.model(doc.model_id(*c)))
                .collect();
            json!([name, list])
        })
        .collect();
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
    let mut json = json!({
        "version": BOKEH_VERSION,
        "title": doc.title(),
        "config": config,
        "roots": roots,
    });
    // As Bokeh's: only when there are some, in its map form.
    if !callbacks.is_empty() {
        json["callbacks"] = json!({"type": "map", "entries": callbacks});
    }
    json
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
