//! The document in Bokeh's messages, both ways, for one kind of peer.

use serde_json::Value as Json;

use crate::document::json::{
    apply_json_events, changes_to_json, to_json, BufferId, BufferMode, Buffers, Encoded, JsonError,
    SyncedModels,
};
use crate::document::{Actor, Change, Document, Event, Origin, PeerId};
use crate::protocol::page_link::APP_DOCUMENT_KEY;
use crate::protocol::{Body, Buffer, Message, MsgId};

/// Who is on the other end of a connection, which decides where callbacks run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeerKind {
    /// A rokeh page: it runs the app's callbacks for its own edits and sends their
    /// consequences with them, so the other side must not run them again.
    RunsCallbacks,
    /// Python's `bokeh.client` (or BokehJS): the side holding the app runs the callbacks
    /// for its changes.
    Plain,
}

impl PeerKind {
    /// How the changes a peer of this kind sends are applied.
    pub fn actor(self, peer: PeerId) -> Actor {
        match self {
            PeerKind::RunsCallbacks => Actor::mirror(peer),
            PeerKind::Plain => Actor::peer(peer),
        }
    }
}

/// The whole document for a PULL-DOC-REPLY to `reqid`, its arrays in binary buffers. A
/// rokeh page is also told whether the document is still the one its app builds (it is
/// not after a PUSH-DOC), so it knows whether its own callbacks apply.
pub fn pull_reply(doc: &Document, reqid: MsgId, kind: PeerKind, app_document: bool) -> Message {
    let Encoded { mut json, buffers } = to_json(doc, BufferMode::Binary);
    if kind == PeerKind::RunsCallbacks {
        json[APP_DOCUMENT_KEY] = Json::Bool(app_document);
    }
    Message::reply(MsgId::next(), reqid, Body::PullDocReply { doc: json })
        .with_buffers(to_protocol(buffers))
}

/// Whether a pulled document says it is the app's own (see [`pull_reply`]).
pub fn is_app_document(doc: &Json) -> bool {
    doc.get(APP_DOCUMENT_KEY).and_then(Json::as_bool) == Some(true)
}

/// Applies a PATCH-DOC's events as `actor`, all or nothing, under a hold: what one patch
/// changes goes on as one patch, each change superseded by a later one of the same
/// property (a thousand slider moves, and the column each recomputed) combined into it.
pub fn apply_patch(
    doc: &mut Document,
    events: Vec<Json>,
    buffers: &Buffers,
    actor: Actor,
) -> Result<(), JsonError> {
    doc.hold();
    let applied = doc.acting_as(actor, |doc| {
        apply_json_events(doc, &Json::Array(events), buffers)
    });
    doc.unhold();
    applied
}

/// One PATCH-DOC carrying to `peer` (of `kind`) every change it did not make itself, in
/// order, models it lacks (not in `synced`) in full; `None` when nothing is for it.
pub fn patch_for(
    doc: &Document,
    changes: &[Change],
    synced: &SyncedModels,
    peer: Option<PeerId>,
    kind: PeerKind,
) -> Option<Message> {
    let theirs = |c: &&Change| peer.is_none_or(|p| c.origin != Origin::Peer(p));
    let changes: Vec<Change> = match kind {
        PeerKind::RunsCallbacks => changes.iter().filter(theirs).cloned().collect(),
        PeerKind::Plain => whole_column_data(doc, changes.iter().filter(theirs)),
    };
    let Encoded { json, buffers } = changes_to_json(doc, &changes, synced, BufferMode::Binary);
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
fn whole_column_data<'c>(doc: &Document, changes: impl Iterator<Item = &'c Change>) -> Vec<Change> {
    changes
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

/// A document's binary buffers as a wire message carries them.
pub fn to_protocol(buffers: Buffers) -> Vec<Buffer> {
    buffers
        .into_iter()
        .map(|(BufferId(id), data)| Buffer { id, data })
        .collect()
}

/// A wire message's buffers as the document's JSON reader takes them.
pub fn from_protocol(buffers: Vec<Buffer>) -> Buffers {
    let mut out = Buffers::new();
    for Buffer { id, data } in buffers {
        out.insert(BufferId(id), data);
    }
    out
}
