//! The `events` of a Bokeh PATCH-DOC applied to a document, all or nothing.

use serde_json::{Map, Value as Json};

use super::buffers::Buffers;
use super::read::{insert_defs, resolve};
use super::value::{malformed, Decoder};
use super::write::check_depth;
use super::JsonError;
use crate::document::{
    Along, AnyId, ColumnPatches, Document, PatchIndex, UiEvent, Value, BOKEH_EVENT,
};

/// Applies a PATCH-DOC's `events` list (with the message's buffers) as the document's
/// current actor: run it inside [`Document::acting_as`] with the peer that sent it.
/// All or nothing: on error the document (models, roots, title, recorded changes) is
/// exactly as before, and the error names the event, model, attribute or value.
pub fn apply_json_events(
    doc: &mut Document,
    events: &Json,
    buffers: &Buffers,
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
        // Shared by the events: the limit is the message's.
        let mut array_budget = buffers.array_limit();
        let mut refs_changed = false;
        events.iter().enumerate().try_for_each(|(index, event)| {
            let applied = event
                .as_object()
                .ok_or_else(|| malformed("an event is not an object"))
                .and_then(|event| {
                    let mut decoder = Decoder::new(buffers);
                    decoder.array_budget = array_budget;
                    let mut apply = Apply {
                        doc: &mut *doc,
                        event,
                        decoder,
                        refs_changed: false,
                    };
                    let applied = apply.event();
                    array_budget = apply.decoder.array_budget;
                    refs_changed |= apply.refs_changed;
                    applied
                });
            applied.map_err(|e| context(index, event, e))
        })?;
        // Only new references can nest the document deeper.
        if refs_changed {
            check_depth(doc)?;
        }
        Ok(())
    })
}

/// One event being applied.
struct Apply<'a, 'b> {
    doc: &'a mut Document,
    event: &'a Map<String, Json>,
    decoder: Decoder<'b>,
    /// Whether the event defined models, added a root or stored a reference.
    refs_changed: bool,
}

impl Apply<'_, '_> {
    fn event(&mut self) -> Result<(), JsonError> {
        match self.str("kind")? {
            "ModelChanged" => {
                let (any, attr) = (self.model()?, self.str("attr")?.to_owned());
                let new = self.value("new")?;
                self.define()?;
                let id = self.doc.model_id(any).clone();
                self.doc
                    .set_attr(any, &attr, new)
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
                    None => self.doc.set_attr(any, "data", Value::Map(entries)),
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
                        self.doc.set_columns(any, columns)
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
                    .stream(any, rows, rollover)
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
                    .patch(any, patches)
                    .map_err(|source| JsonError::Model { id, source })
            }
            "TitleChanged" => {
                let title = self.str("title")?.to_owned();
                self.doc.set_title(title);
                Ok(())
            }
            "RootAdded" => {
                self.refs_changed = true;
                let root = self.value("model")?;
                self.define()?;
                let any = resolve(self.doc, &root, "the root")?;
                self.doc.add_root(any);
                Ok(())
            }
            "RootRemoved" => {
                let any = self.model()?;
                self.doc.remove_root(any);
                Ok(())
            }
            "MessageSent" => {
                let msg_type = self.str("msg_type")?.to_owned();
                let msg_data = self.value("msg_data")?;
                self.define()?;
                if msg_type != BOKEH_EVENT {
                    self.doc.send_message(msg_type, msg_data);
                    return Ok(());
                }
                // A UI event: its `on_event` callbacks run here if the sender runs none.
                let event = UiEvent::from_value(&msg_data).map_err(malformed)?;
                if let Some(id) = &event.model {
                    resolve(self.doc, &Value::Ref(id.clone()), "the event's model")?;
                }
                let id = event.model.clone();
                self.doc.trigger(event).map_err(|source| match id {
                    Some(id) => JsonError::Model { id, source },
                    None => JsonError::Document(source),
                })
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
        let value = self.decoder.value(json)?;
        if key != "model" {
            value.visit_refs(&mut |_| self.refs_changed = true);
        }
        Ok(value)
    }

    /// Adds the models the event's values defined.
    fn define(&mut self) -> Result<(), JsonError> {
        let defs = std::mem::take(&mut self.decoder.defs);
        self.refs_changed |= !defs.is_empty();
        insert_defs(self.doc, defs)
    }

    /// The model the event changes, which the document must have.
    fn model(&mut self) -> Result<AnyId, JsonError> {
        let model = self.value("model")?;
        resolve(self.doc, &model, "the event's model")
    }

    /// The model of a column event, whose attribute must be `data`.
    fn data_source(&mut self) -> Result<AnyId, JsonError> {
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
        // Python's (row, j) or (row, rows, columns): elements within one row's cell.
        Value::List(items) => {
            let mut items = items.into_iter();
            let row = match items.next() {
                Some(Value::Int(i)) => usize::try_from(i)
                    .map_err(|_| malformed(format!("negative patch index {i}")))?,
                _ => return Err(malformed("a patch within a cell starts with its row")),
            };
            let along = items
                .map(|index| match patch_index(index)? {
                    PatchIndex::Row(i) => Ok(Along::At(i)),
                    PatchIndex::Slice { start, stop, step } => {
                        Ok(Along::Slice { start, stop, step })
                    }
                    PatchIndex::Within { .. } => Err(malformed("a patch index nests too deep")),
                })
                .collect::<Result<Vec<Along>, JsonError>>()?;
            if along.is_empty() {
                return Err(malformed("a patch within a cell names no element"));
            }
            Ok(PatchIndex::Within { row, along })
        }
        other => Err(malformed(format!(
            "a patch index is a {}",
            other.kind_name()
        ))),
    }
}
