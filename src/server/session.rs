//! One session: a task that owns its document and the outboxes of its connections.
//! Connections talk to it through its channel, so no lock ever guards a document.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

use super::doc_json;
use super::sessions::Registry;
use crate::apps::App;
use crate::document::{Change, Document, Origin, PeerId};
use crate::protocol::token::SessionId;
use crate::protocol::{Body, Frame, Message, MsgId};

/// One encoded message on its way to a connection; shared by every connection it goes to.
pub(crate) type Outgoing = Arc<Vec<Frame>>;

/// Messages a slow connection may have queued before it is dropped.
pub(crate) const OUTBOX_CAPACITY: usize = 256;

/// Who is on the other end of a connection, which decides where callbacks run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientKind {
    /// A rokeh page: it ran the app's callbacks for its own edits and sends their
    /// consequences with them, so the server must not run them again.
    RunsCallbacks,
    /// Python's `bokeh.client` (or BokehJS): the server runs the callbacks for its changes.
    Plain,
}

pub(crate) enum Command {
    Join {
        kind: ClientKind,
        outbox: mpsc::Sender<Outgoing>,
        joined: oneshot::Sender<PeerId>,
    },
    Leave(PeerId),
    /// A decoded, validated request: PULL-DOC-REQ, PUSH-DOC or PATCH-DOC.
    Request {
        from: PeerId,
        message: Message,
    },
}

struct Peer {
    kind: ClientKind,
    outbox: mpsc::Sender<Outgoing>,
}

pub(crate) struct Session {
    id: SessionId,
    doc: Document,
    peers: BTreeMap<PeerId, Peer>,
    next_peer: u64,
}

impl Session {
    /// A new session whose document is built by running the app, as `bokeh serve` runs
    /// the app script for each session.
    pub(crate) fn new(id: SessionId, app: App) -> Session {
        let mut doc = Document::new();
        app(&mut doc);
        // Building the document is not a change anyone needs to hear about.
        doc.take_changes();
        Session {
            id,
            doc,
            peers: BTreeMap::new(),
            next_peer: 1,
        }
    }

    /// Serves commands until the session has been unused for `lifetime`, then leaves the
    /// registry.
    pub(crate) async fn run(
        mut self,
        mut commands: mpsc::Receiver<Command>,
        registry: Arc<Registry>,
        lifetime: Duration,
    ) {
        let mut unused_since = Some(Instant::now());
        loop {
            let expiry = unused_since.map(|t| t + lifetime);
            let command = tokio::select! {
                biased;
                command = commands.recv() => command,
                () = sleep_until(expiry) => {
                    if registry.retire(&self.id, &mut commands) {
                        return;
                    }
                    continue;
                }
            };
            let Some(command) = command else { return };
            self.obey(command);
            if self.peers.is_empty() {
                unused_since.get_or_insert_with(Instant::now);
            } else {
                unused_since = None;
            }
        }
    }

    fn obey(&mut self, command: Command) {
        match command {
            Command::Join {
                kind,
                outbox,
                joined,
            } => {
                let peer = PeerId(self.next_peer);
                self.next_peer += 1;
                if joined.send(peer).is_ok() {
                    self.peers.insert(peer, Peer { kind, outbox });
                }
            }
            Command::Leave(peer) => {
                self.peers.remove(&peer);
            }
            Command::Request { from, message } => self.handle(from, message),
        }
    }

    fn handle(&mut self, from: PeerId, request: Message) {
        let reqid = request.msgid.clone();
        let reply = match request.body {
            Body::PullDocReq => {
                let (doc, buffers) = doc_json::document(&self.doc);
                Message::reply(MsgId::next(), reqid, Body::PullDocReply { doc })
                    .with_buffers(buffers)
            }
            Body::PatchDoc { events } => {
                let run_callbacks =
                    self.peers.get(&from).map(|p| p.kind) == Some(ClientKind::Plain);
                let applied = doc_json::apply_patch(
                    &mut self.doc,
                    &events,
                    request.buffers,
                    Origin::Peer(from),
                    run_callbacks,
                );
                // Whatever happened, what was recorded is drained: on failure nothing was.
                let changes = self.doc.take_changes();
                match applied {
                    Ok(()) => {
                        self.broadcast(&changes);
                        Message::reply(MsgId::next(), reqid, Body::Ok)
                    }
                    Err(e) => Message::error(MsgId::next(), Some(reqid), e),
                }
            }
            Body::PushDoc { doc } => {
                match doc_json::replace_document(&mut self.doc, &doc, request.buffers) {
                    Ok(()) => {
                        let changes = self.doc.take_changes();
                        self.broadcast_except(&changes, from);
                        Message::reply(MsgId::next(), reqid, Body::Ok)
                    }
                    Err(e) => Message::error(MsgId::next(), Some(reqid), e),
                }
            }
            other => Message::error(
                MsgId::next(),
                Some(reqid),
                format!(
                    "{} is not a request a session answers",
                    other.msgtype().as_str()
                ),
            ),
        };
        self.send(from, Arc::new(reply.to_frames()));
    }

    /// Sends changes to every connection but the one each came from: a peer's own edits
    /// are not echoed, what the server's callbacks made of them goes to everyone.
    fn broadcast(&mut self, changes: &[Change]) {
        for run in changes.chunk_by(|a, b| a.origin == b.origin) {
            let Some(message) = doc_json::patch_message(run) else {
                continue;
            };
            let frames = Arc::new(message.to_frames());
            let skip = match run[0].origin {
                Origin::Peer(p) => Some(p),
                Origin::Local => None,
            };
            let targets: Vec<PeerId> = self
                .peers
                .keys()
                .copied()
                .filter(|p| Some(*p) != skip)
                .collect();
            for peer in targets {
                self.send(peer, frames.clone());
            }
        }
    }

    /// Sends every change to all connections but `sender`.
    fn broadcast_except(&mut self, changes: &[Change], sender: PeerId) {
        let Some(message) = doc_json::patch_message(changes) else {
            return;
        };
        let frames = Arc::new(message.to_frames());
        let targets: Vec<PeerId> = self
            .peers
            .keys()
            .copied()
            .filter(|p| *p != sender)
            .collect();
        for peer in targets {
            self.send(peer, frames.clone());
        }
    }

    /// Queues a message for one connection. A connection too slow to keep up with its
    /// session is dropped rather than let its queue grow without bound.
    fn send(&mut self, peer: PeerId, frames: Outgoing) {
        let Some(p) = self.peers.get(&peer) else {
            return;
        };
        if p.outbox.try_send(frames).is_err() {
            self.peers.remove(&peer);
        }
    }
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(t) => tokio::time::sleep_until(t).await,
        None => std::future::pending().await,
    }
}
