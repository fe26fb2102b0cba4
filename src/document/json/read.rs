//! A whole document from Bokeh's JSON: a new one, or an existing one brought up to it.

use std::collections::BTreeSet;

use serde_json::Value as Json;

use super::buffers::Buffers;
use super::value::{malformed, Decoder};
use super::write::check_depth;
use super::JsonError;
use crate::core::Registry;
use crate::document::{AnyId, Document, DocumentError, Model, Value};

/// Reads a document as Bokeh's `Document.to_json()` writes it (a PULL-DOC-REPLY's `doc`,
/// with the message's buffers), knowing the model types of `registry`. Every model of a
/// known type is validated against its schema; the new document has no recorded changes.
pub fn read_json(
    json: &Json,
    buffers: &Buffers,
    registry: &'static Registry,
) -> Result<Document, JsonError> {
    read_into(json, buffers, Document::with_registry(registry))
}

/// [`read_json`], knowing the model types `like` knows: its registry's and those it learnt
/// (a [`Document::lean`] knows only the types its app made). Models of those types are
/// validated; others are kept as they came.
pub fn read_json_as(
    json: &Json,
    buffers: &Buffers,
    like: &Document,
) -> Result<Document, JsonError> {
    read_into(json, buffers, like.blank())
}

/// The document `json` describes, read into `doc`, an empty one.
fn read_into(json: &Json, buffers: &Buffers, mut doc: Document) -> Result<Document, JsonError> {
    let obj = json
        .as_object()
        .ok_or_else(|| malformed("a document is not an object"))?;
    let title = match obj.get("title") {
        None => None,
        Some(Json::String(title)) => Some(title.clone()),
        Some(_) => return Err(malformed("the title is not a string")),
    };
    let mut decoder = Decoder::new(buffers);
    let config = obj.get("config").map(|c| decoder.value(c)).transpose()?;
    let roots = match obj.get("roots") {
        None => Vec::new(),
        Some(Json::Array(roots)) => roots
            .iter()
            .map(|r| decoder.value(r))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(malformed("the roots are not a list")),
    };
    let callbacks = obj.get("callbacks").map(|c| decoder.value(c)).transpose()?;
    insert_defs(&mut doc, decoder.defs)?;
    for root in &roots {
        let any = resolve(&doc, root, "a root")?;
        doc.roots.push(any);
    }
    if let Some(config) = &config {
        doc.config = Some(resolve(&doc, config, "the config")?);
    }
    if let Some(callbacks) = &callbacks {
        doc.document_callbacks = document_callbacks(&doc, callbacks)?;
    }
    if let Some(title) = title {
        doc.title = title;
    }
    doc.changes.clear();
    doc.reindex_changes();
    check_depth(&doc)?;
    Ok(doc)
}

/// A document's own callbacks (`{"document_ready": [CustomJS, …]}`, Bokeh's map form or
/// an object): each event name with the callbacks it names, in order.
fn document_callbacks(
    doc: &Document,
    value: &Value,
) -> Result<Vec<(String, Vec<AnyId>)>, JsonError> {
    let entries: Vec<(&str, &Value)> = match value {
        Value::Map(entries) => entries
            .iter()
            .map(|(k, v)| {
                Ok((
                    k.as_str()
                        .ok_or_else(|| malformed("a callback's event name is not a string"))?,
                    v,
                ))
            })
            .collect::<Result<_, JsonError>>()?,
        Value::Object(fields) => fields.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        _ => return Err(malformed("the document's callbacks are not a map")),
    };
    entries
        .into_iter()
        .map(|(name, list)| {
            let list = list
                .as_list()
                .ok_or_else(|| malformed(format!("the callbacks of {name} are not a list")))?;
            let list = list
                .iter()
                .map(|c| resolve(doc, c, "a document callback"))
                .collect::<Result<_, _>>()?;
            Ok((name.to_owned(), list))
        })
        .collect()
}

/// The model a reference names.
pub(super) fn resolve(doc: &Document, value: &Value, what: &str) -> Result<AnyId, JsonError> {
    let id = value
        .as_ref_id()
        .ok_or_else(|| malformed(format!("{what} is not a model")))?;
    doc.lookup(id)
        .ok_or_else(|| DocumentError::UnknownModel(id.clone()).into())
}

/// Adds the models defined in a message that the document does not have yet (one it has
/// keeps its state, as in Bokeh), then checks each new one against its schema, once all
/// are in so they may refer to each other (each property on its own: see
/// [`Document::validate_with`]). A definition of a model the document has must
/// agree with it: the same type, attributes valid for it (else it is refused, not ignored).
pub(super) fn insert_defs(doc: &mut Document, defs: Vec<Model>) -> Result<(), JsonError> {
    let mut inserted = Vec::new();
    let mut known = Vec::new();
    for def in defs {
        match doc.lookup(&def.id) {
            None => inserted.push(doc.insert_model(def)?),
            Some(any) => known.push((any, def)),
        }
    }
    for any in inserted {
        let model = doc.model(any);
        for (attr, value) in &model.attrs {
            doc.validate_with(any, attr, value, false)
                .map_err(|source| JsonError::Model {
                    id: model.id.clone(),
                    source,
                })?;
        }
    }
    for (any, def) in known {
        let ours = &doc.model(any).type_name;
        if *ours != def.type_name {
            return Err(JsonError::TypeMismatch {
                id: def.id,
                ours: ours.clone(),
                theirs: def.type_name,
            });
        }
        for (attr, value) in &def.attrs {
            doc.validate(any, attr, value)
                .map_err(|source| JsonError::Model {
                    id: def.id.clone(),
                    source,
                })?;
        }
    }
    Ok(())
}

/// Brings `doc` to the state `json` describes, matching models by id, without running
/// callbacks: a model with the same id is updated in place (its handles and callbacks
/// stay valid), a new one is added, one `json` lacks is removed; roots, title and config
/// follow. This is how a page that ran the app locally joins a server's session whose
/// document is the app's.
///
/// Each difference is recorded as a change from the document's current actor (so views
/// refresh and the sync layer does not send it back). All or nothing: on error `doc` is
/// unchanged.
pub fn sync_from_json(doc: &mut Document, json: &Json, buffers: &Buffers) -> Result<(), JsonError> {
    let theirs = read_json_as(json, buffers, doc)?;
    for (_, model) in theirs.models() {
        if let Some(any) = doc.lookup(&model.id) {
            let ours = &doc.model(any).type_name;
            if *ours != model.type_name {
                return Err(JsonError::TypeMismatch {
                    id: model.id.clone(),
                    ours: ours.clone(),
                    theirs: model.type_name.clone(),
                });
            }
        }
    }
    doc.atomically(|doc| {
        for (_, model) in theirs.models() {
            match doc.lookup(&model.id) {
                None => {
                    doc.insert_model(model.clone())?;
                }
                Some(any) => update_attrs(doc, any, model),
            }
        }
        let gone: Vec<AnyId> = doc
            .models()
            .filter(|(_, m)| theirs.lookup(&m.id).is_none())
            .map(|(any, _)| any)
            .collect();
        for any in gone {
            doc.remove_root(any);
            doc.remove_model(any);
        }
        let local = |any: AnyId| doc.lookup(theirs.model_id(any)).expect("added above");
        let roots: Vec<AnyId> = theirs.roots().iter().map(|r| local(*r)).collect();
        let config = theirs.config().map(local);
        let callbacks = (theirs.document_callbacks().iter())
            .map(|(name, list)| (name.clone(), list.iter().map(|c| local(*c)).collect()))
            .collect();
        for &root in doc.roots.clone().iter().filter(|r| !roots.contains(r)) {
            doc.remove_root(root);
        }
        for &root in &roots {
            doc.add_root(root);
        }
        if doc.roots != roots {
            let old = std::mem::replace(&mut doc.roots, roots);
            doc.journal(|| super::super::journal::Undo::Roots(old));
        }
        doc.set_config(config);
        doc.set_document_callbacks(callbacks);
        doc.set_title(theirs.title());
        Ok::<(), JsonError>(())
    })
}

/// Makes the attributes of `doc`'s model `any` those of `theirs`, recording each change.
fn update_attrs(doc: &mut Document, any: AnyId, theirs: &Model) {
    // Inserted one by one: collecting into a set compiles a sort for the iterator.
    let mut names = BTreeSet::new();
    for name in doc.model(any).attrs.keys().chain(theirs.attrs.keys()) {
        names.insert(name.clone());
    }
    for name in names {
        let new = theirs.attrs.get(&name);
        if doc.model(any).attrs.get(&name) == new {
            continue;
        }
        match new {
            Some(value) => {
                doc.write_attr(any, &name, value.clone());
            }
            None => doc.unset_attr(any, &name),
        }
        let value = doc.get_attr(any, &name).unwrap_or(Value::Null);
        let event = doc.attr_event(any, &name, value);
        doc.record(event);
    }
}
