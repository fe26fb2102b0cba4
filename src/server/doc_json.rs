//! The session's document as Bokeh JSON, through `document::json`, in the shapes the
//! protocol's messages carry.

use serde_json::Value as Json;

use super::session::ClientKind;
use crate::document::json::{
    apply_json_events, changes_to_json, sync_from_json, to_json, BufferId, BufferMode, Buffers,
    Encoded, JsonError, SyncedModels,
};
use crate::document::{Change, Document, Event, Origin};
use crate::protocol::{Body, Buffer, Message, MsgId};

/// The whole document, its arrays in binary buffers (PULL-DOC-REPLY).
pub(crate) fn document(doc: &Document) -> (Json, Vec<Buffer>) {
    let Encoded { json, buffers } = to_json(doc, BufferMode::Binary);
    (json, to_protocol(buffers))
}

/// Applies a PATCH-DOC's events, all or nothing.
pub(crate) fn apply_patch(
    doc: &mut Document,
    events: Vec<Json>,
    buffers: Vec<Buffer>,
    origin: Origin,
    run_callbacks: bool,
) -> Result<(), JsonError> {
    apply_json_events(
        doc,
        &Json::Array(events),
        &from_protocol(buffers),
        origin,
        run_callbacks,
    )
}

/// Brings the document to a pushed one (PUSH-DOC), keeping the app's callbacks on the
/// models both share.
pub(crate) fn replace_document(
    doc: &mut Document,
    json: &Json,
    buffers: Vec<Buffer>,
    origin: Origin,
) -> Result<(), JsonError> {
    sync_from_json(doc, json, &from_protocol(buffers), origin)
}

/// One PATCH-DOC carrying `changes` to clients of `kind`, models its peers lack (not in
/// `synced`) in full; `None` when none of the changes is for them.
pub(crate) fn patch_message(
    doc: &Document,
    changes: &[Change],
    synced: &SyncedModels,
    kind: ClientKind,
) -> Option<Message> {
    let widened;
    let changes = match kind {
        ClientKind::RunsCallbacks => changes,
        ClientKind::Plain => {
            widened = whole_column_data(doc, changes);
            &widened
        }
    };
    let Encoded { json, buffers } = changes_to_json(doc, changes, synced, BufferMode::Binary);
    let Json::Array(events) = json else {
        unreachable!("changes_to_json writes a list")
    };
    if events.is_empty() {
        return None;
    }
    Some(Message::new(MsgId::next(), Body::PatchDoc { events }).with_buffers(to_protocol(buffers)))
}

/// `bokeh.client` replaces a source's whole `data` with what a ColumnDataChanged carries,
/// ignoring its `cols` (Bokeh 3.9's `ColumnDataChangedEvent._handle_event`), so a change of
/// some columns goes to it as the source's whole data, as Bokeh's own server sends it.
fn whole_column_data(doc: &Document, changes: &[Change]) -> Vec<Change> {
    changes
        .iter()
        .map(|change| match &change.event {
            Event::ColumnDataChanged {
                model,
                attr,
                cols: Some(_),
                ..
            } => match doc
                .lookup(model)
                .and_then(|any| doc.get_attr(any, attr).ok())
            {
                Some(data) => Change {
                    event: Event::ColumnDataChanged {
                        model: model.clone(),
                        attr: attr.clone(),
                        cols: None,
                        data,
                    },
                    origin: change.origin,
                },
                None => change.clone(),
            },
            _ => change.clone(),
        })
        .collect()
}

fn to_protocol(buffers: Buffers) -> Vec<Buffer> {
    buffers
        .into_iter()
        .map(|(BufferId(id), data)| Buffer { id, data })
        .collect()
}

fn from_protocol(buffers: Vec<Buffer>) -> Buffers {
    let mut out = Buffers::new();
    for Buffer { id, data } in buffers {
        out.insert(BufferId(id), data);
    }
    out
}
