//! Change events as the `events` of Bokeh's PATCH-DOC (applying them is `apply.rs`).

use std::collections::HashSet;

use serde_json::{json, Value as Json};

use super::buffers::BufferMode;
use super::value::Encoder;
use super::Encoded;
use crate::document::{Change, Document, Event, ModelId};

/// The models a peer already has (Bokeh's "synced references"): a change that refers to
/// any other model carries its full definition. Take it of the document after sending
/// it whole (PULL-DOC-REPLY) and again after each patch sent to every peer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyncedModels(HashSet<ModelId>);

impl SyncedModels {
    /// The models of `doc` a peer holds: those its [anchors](Document::anchors) reach. A
    /// peer drops the others (Bokeh collects them), so they travel in full if they are
    /// attached again.
    pub fn of(doc: &Document) -> SyncedModels {
        let reached = doc.reachable(doc.anchors());
        SyncedModels(
            reached
                .into_iter()
                .map(|any| doc.model_id(any).clone())
                .collect(),
        )
    }

    /// Every model of `doc`, attached or not: what a replica of the same document holds
    /// (a server's copy of a shared session), which Bokeh's peers do not.
    pub fn every(doc: &Document) -> SyncedModels {
        SyncedModels(doc.models().map(|(_, m)| m.id.clone()).collect())
    }

    /// Whether the peer has model `id`.
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
    let mut events = Vec::with_capacity(changes.len());
    for change in changes {
        // A root added carries its definition; a root removed only names it.
        let skip = match &change.event {
            Event::RootAdded { .. } | Event::RootRemoved { .. } => false,
            event => event.model().is_some_and(|id| !encoder.is_known(id)),
        };
        if !skip {
            events.push(event_json(&mut encoder, &change.event));
        }
    }
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
