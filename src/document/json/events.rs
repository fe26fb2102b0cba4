//! Change events <-> the `events` of Bokeh's PATCH-DOC.

use std::collections::HashSet;

use serde_json::{json, Map, Value as Json};

use super::buffers::{BufferMode, Buffers};
use super::read::{insert_defs, resolve};
use super::value::{malformed, Decoder, Encoder};
use super::{Encoded, JsonError};
use crate::document::{Change, ColumnPatches, Document, Event, ModelId, Origin, PatchIndex, Value};

/// The models a peer already has (Bokeh's "synced references"): a change that refers to
/// any other model carries its full definition. Take it of the document after sending
/// it whole (PULL-DOC-REPLY) and again after each patch sent to every peer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyncedModels(HashSet<ModelId>);

impl SyncedModels {
    /// Every model `doc` has now.
    pub fn of(doc: &Document) -> SyncedModels {
        SyncedModels(doc.models().map(|(_, m)| m.id.clone()).collect())
    }

    pub fn contains(&self, id: &ModelId) -> bool {
        self.0.contains(id)
    }
}

/// The `events` list of a PATCH-DOC for `changes`, in Bokeh's shapes. Models the peer
/// lacks (not in `synced`) are defined in full where first referenced, with their
/// current state; so a change to such a model on its own is left out (the definition
/// carries it). Filter `changes` by origin first to avoid echoing a peer's own changes.
pub fn changes_to_json(
    doc: &Document,
    changes: &[Change],
    synced: &SyncedModels,
    mode: BufferMode,
) -> Encoded {
    let known = |id: &ModelId| synced.contains(id);
    let mut encoder = Encoder::new(doc, mode, &known);
    let events = changes
        .iter()
        .filter(|c| match &c.event {
            Event::RootAdded { .. } => true,
            event => event.model().is_none_or(|id| synced.contains(id)),
        })
        .map(|c| event_json(&mut encoder, &c.event))
        .collect();
    Encoded {
        json: Json::Array(events),
        buffers: encoder.buffers,
    }
}

fn event_json(enc: &mut Encoder<'_>, event: &Event) -> Json {
    let reference = |id: &ModelId| json!({"id": id.as_str()});
    match event {
        Event::ModelChanged { model, attr, new } => json!({
            "kind": "ModelChanged",
            "model": reference(model),
            "attr": attr,
            "new": enc.value(new),
        }),
        Event::ColumnDataChanged {
            model,
            attr,
            cols,
            data,
        } => json!({
            "kind": "ColumnDataChanged",
            "model": reference(model),
            "attr": attr,
            "data": enc.value(data),
            "cols": cols,
        }),
        Event::ColumnsStreamed {
            model,
            attr,
            data,
            rollover,
        } => json!({
            "kind": "ColumnsStreamed",
            "model": reference(model),
            "attr": attr,
            "data": enc.value(data),
            "rollover": rollover,
        }),
        Event::ColumnsPatched {
            model,
            attr,
            patches,
        } => json!({
            "kind": "ColumnsPatched",
            "model": reference(model),
            "attr": attr,
            "patches": enc.value(patches),
        }),
        Event::TitleChanged { title } => json!({"kind": "TitleChanged", "title": title}),
        Event::RootAdded { model } => json!({"kind": "RootAdded", "model": enc.model(model)}),
        Event::RootRemoved { model } => json!({"kind": "RootRemoved", "model": reference(model)}),
        Event::MessageSent { msg_type, msg_data } => json!({
            "kind": "MessageSent",
            "msg_type": msg_type,
            "msg_data": enc.value(msg_data),
        }),
    }
}

/// Applies a PATCH-DOC's `events` list (with the message's buffers) on behalf of
/// `origin`; `run_callbacks` is false when the sender ran them already (a rokeh page).
/// All or nothing: on error the document (models, roots, title, recorded changes) is
/// exactly as before, and the error names the event, model, attribute or value.
pub fn apply_json_events(
    doc: &mut Document,
    events: &Json,
    buffers: &Buffers,
    origin: Origin,
    run_callbacks: bool,
) -> Result<(), JsonError> {
    let events = events
        .as_array()
        .ok_or_else(|| malformed("the events are not a list"))?;
    let context = |index: usize, event: &Json, source: JsonError| JsonError::Event {
        index,
        kind: event
            .get("kind")
            .and_then(Json::as_str)
            .unwrap_or("?")
            .to_owned(),
        source: Box::new(source),
    };
    doc.atomically(|doc| {
        events.iter().enumerate().try_for_each(|(index, event)| {
            let applied = event
                .as_object()
                .ok_or_else(|| malformed("an event is not an object"))
                .and_then(|event| {
                    let mut apply = Apply {
                        doc: &mut *doc,
                        event,
                        decoder: Decoder::new(buffers),
                        origin,
                        run_callbacks,
                    };
                    apply.event()
                });
            applied.map_err(|e| context(index, event, e))
        })
    })
}

/// One event being applied.
struct Apply<'a, 'b> {
    doc: &'a mut Document,
    event: &'a Map<String, Json>,
    decoder: Decoder<'b>,
    origin: Origin,
    run_callbacks: bool,
}

impl Apply<'_, '_> {
    fn event(&mut self) -> Result<(), JsonError> {
        let (origin, run) = (self.origin, self.run_callbacks);
        match self.str("kind")? {
            "ModelChanged" => {
                let (any, attr) = (self.model()?, self.str("attr")?.to_owned());
                let new = self.value("new")?;
                self.define()?;
                let id = self.doc.model_id(any).clone();
                self.doc
                    .set_attr_from(any, &attr, new, origin, run)
                    .map_err(|source| JsonError::Model { id, source })
            }
            "ColumnDataChanged" => {
                let any = self.data_source()?;
                let data = self.value("data")?;
                let Value::Map(entries) = data else {
                    return Err(malformed("ColumnDataChanged data is not a map"));
                };
                let cols = match self.event.get("cols") {
                    None | Some(Json::Null) => None,
                    Some(Json::Array(cols)) => Some(
                        cols.iter()
                            .map(|c| c.as_str().map(str::to_owned))
                            .collect::<Option<Vec<_>>>()
                            .ok_or_else(|| malformed("cols are not column names"))?,
                    ),
                    Some(_) => return Err(malformed("cols are not a list")),
                };
                let id = self.doc.model_id(any).clone();
                let result = match cols {
                    None => self
                        .doc
                        .set_attr_from(any, "data", Value::Map(entries), origin, run),
                    Some(cols) => {
                        let columns = cols
                            .into_iter()
                            .map(|name| {
                                let column = entries
                                    .iter()
                                    .find(|(k, _)| k.as_str() == Some(&name))
                                    .map(|(_, v)| v.clone())
                                    .ok_or_else(|| {
                                        malformed(format!(
                                            "column '{name}' is in cols but not in data"
                                        ))
                                    })?;
                                Ok((name, column))
                            })
                            .collect::<Result<_, JsonError>>()?;
                        self.doc.set_columns_from(any, columns, origin, run)
                    }
                };
                result.map_err(|source| JsonError::Model { id, source })
            }
            "ColumnsStreamed" => {
                let any = self.data_source()?;
                let rows = columns(self.value("data")?)?;
                let rollover = match self.event.get("rollover") {
                    None | Some(Json::Null) => None,
                    Some(r) => Some(
                        r.as_u64()
                            .ok_or_else(|| malformed("rollover is not a row count"))?
                            as usize,
                    ),
                };
                let id = self.doc.model_id(any).clone();
                self.doc
                    .stream_from(any, rows, rollover, origin, run)
                    .map_err(|source| JsonError::Model { id, source })
            }
            "ColumnsPatched" => {
                let any = self.data_source()?;
                let patches = columns(self.value("patches")?)?
                    .into_iter()
                    .map(|(name, cells)| Ok((name, cell_patches(cells)?)))
                    .collect::<Result<_, JsonError>>()?;
                let id = self.doc.model_id(any).clone();
                self.doc
                    .patch_from(any, patches, origin, run)
                    .map_err(|source| JsonError::Model { id, source })
            }
            "TitleChanged" => {
                let title = self.str("title")?.to_owned();
                self.doc.set_title_from(title, origin);
                Ok(())
            }
            "RootAdded" => {
                let root = self.value("model")?;
                self.define()?;
                let any = resolve(self.doc, &root, "the root")?;
                self.doc.add_root_from(any, origin);
                Ok(())
            }
            "RootRemoved" => {
                let any = self.model()?;
                self.doc.remove_root_from(any, origin);
                Ok(())
            }
            "MessageSent" => {
                let msg_type = self.str("msg_type")?.to_owned();
                let msg_data = self.value("msg_data")?;
                self.define()?;
                self.doc
                    .record(Event::MessageSent { msg_type, msg_data }, origin);
                Ok(())
            }
            other => Err(JsonError::UnknownEvent(other.to_owned())),
        }
    }

    fn str(&self, key: &str) -> Result<&str, JsonError> {
        self.event
            .get(key)
            .and_then(Json::as_str)
            .ok_or_else(|| malformed(format!("the event's '{key}' is missing or not a string")))
    }

    fn value(&mut self, key: &str) -> Result<Value, JsonError> {
        let json = self
            .event
            .get(key)
            .ok_or_else(|| malformed(format!("the event has no '{key}'")))?;
        self.decoder.value(json)
    }

    /// Adds the models the event's values defined.
    fn define(&mut self) -> Result<(), JsonError> {
        let defs = std::mem::take(&mut self.decoder.defs);
        insert_defs(self.doc, defs)
    }

    /// The model the event changes, which the document must have.
    fn model(&mut self) -> Result<crate::document::AnyId, JsonError> {
        let model = self.value("model")?;
        resolve(self.doc, &model, "the event's model")
    }

    /// The model of a column event, whose attribute must be `data`.
    fn data_source(&mut self) -> Result<crate::document::AnyId, JsonError> {
        let any = self.model()?;
        match self.str("attr")? {
            "data" => Ok(any),
            other => Err(malformed(format!(
                "column events change 'data', not '{other}'"
            ))),
        }
    }
}

/// A map of column names to values, as a list of (name, value).
fn columns(value: Value) -> Result<Vec<(String, Value)>, JsonError> {
    let Value::Map(entries) = value else {
        return Err(malformed(format!(
            "expected a map of columns, got {}",
            value.kind_name()
        )));
    };
    entries
        .into_iter()
        .map(|(k, v)| match k {
            Value::Str(name) => Ok((name, v)),
            other => Err(malformed(format!(
                "a column name is a {}",
                other.kind_name()
            ))),
        })
        .collect()
}

/// `[[index or slice, value], …]` of one column.
fn cell_patches(cells: Value) -> Result<ColumnPatches, JsonError> {
    let Value::List(cells) = cells else {
        return Err(malformed("a column's patches are not a list"));
    };
    cells
        .into_iter()
        .map(|cell| {
            let Value::List(pair) = cell else {
                return Err(malformed("a patch is not an [index, value] pair"));
            };
            let [index, value]: [Value; 2] = pair
                .try_into()
                .map_err(|_| malformed("a patch is not an [index, value] pair"))?;
            Ok((patch_index(index)?, value))
        })
        .collect()
}

fn patch_index(index: Value) -> Result<PatchIndex, JsonError> {
    let bound = |b: Option<i64>| {
        b.map(|b| usize::try_from(b).map_err(|_| malformed(format!("negative slice bound {b}"))))
            .transpose()
    };
    match index {
        Value::Int(i) => usize::try_from(i)
            .map(PatchIndex::Row)
            .map_err(|_| malformed(format!("negative patch index {i}"))),
        Value::Slice { start, stop, step } => Ok(PatchIndex::Slice {
            start: bound(start)?,
            stop: bound(stop)?,
            step: bound(step)?,
        }),
        Value::List(_) => Err(malformed(
            "patches of multi-dimensional columns are not supported",
        )),
        other => Err(malformed(format!(
            "a patch index is a {}",
            other.kind_name()
        ))),
    }
}
