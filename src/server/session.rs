//! One session: a task that owns its document and the outboxes of its connections.
//! Connections talk to it through its channel, so no lock ever guards a document.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

use super::doc_json;
use super::log::log;
use super::periodic::Schedule;
use super::sessions::Registry;
use super::BOKEH_PROTOCOL_VERSION;
use crate::apps::App;
use crate::document::json::SyncedModels;
use crate::document::{Change, Document, Origin, PeerId};
use crate::protocol::token::SessionId;
use crate::protocol::{Body, Frame, Message, MsgId, ProtocolError, Rejected, VersionInfo};

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
    /// What a connection read: a decoded, validated message, or why it could not be read.
    /// Refusals go through the session too, so every reply leaves in request order.
    Request {
        from: PeerId,
        request: Result<Message, Rejected>,
    },
}

struct Peer {
    kind: ClientKind,
    outbox: mpsc::Sender<Outgoing>,
}

pub(crate) struct Session {
    id: SessionId,
    doc: Document,
    /// The models every connection has: a change referring to another one carries it.
    synced: SyncedModels,
    peers: BTreeMap<PeerId, Peer>,
    next_peer: u64,
    /// The document's periodic callbacks run here, not in the pages.
    periodic: Schedule,
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
            synced: SyncedModels::of(&doc),
            doc,
            peers: BTreeMap::new(),
            next_peer: 1,
            periodic: Schedule::default(),
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
            self.periodic.follow(&self.doc, Instant::now());
            let expiry = unused_since.map(|t| t + lifetime);
            // Timers first: a busy session still runs its periodic callbacks.
            tokio::select! {
                biased;
                () = sleep_until(self.periodic.next()) => self.run_periodic(),
                command = commands.recv() => match command {
                    Some(command) => self.obey(command),
                    None => return,
                },
                () = sleep_until(expiry) => {
                    if registry.retire(&self.id, &mut commands) {
                        return;
                    }
                }
            }
            if self.peers.is_empty() {
                unused_since.get_or_insert_with(Instant::now);
            } else {
                unused_since = None;
            }
        }
    }

    /// Runs the periodic callbacks that are due and sends what they changed to every
    /// connection, as changes the server's callbacks make. A failing one changed nothing
    /// and runs again next time, as in Bokeh.
    fn run_periodic(&mut self) {
        for id in self.periodic.take_due(Instant::now()) {
            if let Err(e) = self.doc.run_periodic(id) {
                log!("Error running periodic callback: {e}");
            }
            let changes = self.doc.take_changes();
            self.broadcast(&changes);
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
            Command::Request { from, request } => {
                let reply = match request {
                    Ok(message) => self.handle(from, message),
                    Err(rejected) => refusal(rejected),
                };
                self.send(from, Arc::new(reply.to_frames()));
            }
        }
    }

    /// Answers one request; changes it makes go to the other connections on the way.
    fn handle(&mut self, from: PeerId, request: Message) -> Message {
        let reqid = request.msgid.clone();
        match request.body {
            Body::ServerInfoReq => Message::reply(
                MsgId::next(),
                reqid,
                Body::ServerInfoReply(VersionInfo {
                    bokeh: BOKEH_PROTOCOL_VERSION.into(),
                    server: format!("rokeh {}", env!("CARGO_PKG_VERSION")),
                }),
            ),
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
                    events,
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
                    Err(e) => Message::error(MsgId::next(), Some(reqid), e.to_string()),
                }
            }
            Body::PushDoc { doc } => {
                let origin = Origin::Peer(from);
                match doc_json::replace_document(&mut self.doc, &doc, request.buffers, origin) {
                    Ok(()) => {
                        let changes = self.doc.take_changes();
                        self.broadcast(&changes);
                        Message::reply(MsgId::next(), reqid, Body::Ok)
                    }
                    Err(e) => Message::error(MsgId::next(), Some(reqid), e.to_string()),
                }
            }
            other => refusal(Rejected {
                reqid: Some(reqid),
                error: ProtocolError::NotARequest(other.msgtype().as_str()),
            }),
        }
    }

    /// Sends changes to every connection but the one each came from: a peer's own edits
    /// are not echoed, what the server's callbacks made of them goes to everyone.
    fn broadcast(&mut self, changes: &[Change]) {
        for run in changes.chunk_by(|a, b| a.origin == b.origin) {
            let skip = match run[0].origin {
                Origin::Peer(p) => Some(p),
                Origin::Local => None,
            };
            // Encoded once per kind of client, and only for kinds that are listening.
            let mut encoded: [Option<Option<Outgoing>>; 2] = [None, None];
            let targets: Vec<(PeerId, ClientKind)> = self
                .peers
                .iter()
                .filter(|(p, _)| Some(**p) != skip)
                .map(|(p, peer)| (*p, peer.kind))
                .collect();
            for (peer, kind) in targets {
                let frames = encoded[kind as usize].get_or_insert_with(|| {
                    doc_json::patch_message(&self.doc, run, &self.synced, kind)
                        .map(|m| Arc::new(m.to_frames()))
                });
                if let Some(frames) = frames {
                    self.send(peer, frames.clone());
                }
            }
        }
        if !changes.is_empty() {
            self.synced = SyncedModels::of(&self.doc);
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

/// The ERROR reply to a message that could not be read or is not a request.
fn refusal(rejected: Rejected) -> Message {
    log!("Protocol error from client: {}", rejected.error);
    Message::error(MsgId::next(), rejected.reqid, rejected.error.to_string())
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(t) => tokio::time::sleep_until(t).await,
        None => std::future::pending().await,
    }
}
