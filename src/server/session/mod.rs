//! One session: a task that owns its document and the outboxes of its connections.
//! Connections talk to it through its channel, so no lock ever guards a document.
//!
//! With `--redis` the session is shared with other servers and this task holds its
//! replica here (see [`replica`] and the design in [`super::store`]); without, it is the
//! session.

mod replica;

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

use super::log::log;
use super::outbox::{OutboxSender, Refused};
use super::periodic::Schedule;
use super::store::Store;
use super::work::Pace;
use super::BOKEH_PROTOCOL_VERSION;
use crate::app::App;
use crate::document::json::{read_json_as, Buffers, JsonError, SyncedModels};
use crate::document::{Actor, Change, Document, Origin, PeerId, SessionContext};
use crate::protocol::page_link::DOCUMENT_REPLACED_CLOSE;
use crate::protocol::token::SessionId;
use crate::protocol::{Body, Frame, Message, MsgId, ProtocolError, Rejected, VersionInfo};
use crate::sync::wire::{apply_patch, patch_for, pull_reply};
use crate::sync::PeerKind;
pub(crate) use replica::JoinRefused;
use replica::Replica;

/// What a connection is told to do: send a message (shared by every connection it goes
/// to), or close.
#[derive(Clone, Debug)]
pub(crate) enum Outgoing {
    Frames(Arc<Vec<Frame>>),
    Close { code: u16, reason: &'static str },
}

impl Outgoing {
    /// The bytes it carries.
    pub(crate) fn size(&self) -> usize {
        match self {
            Outgoing::Frames(frames) => frames
                .iter()
                .map(|f| match f {
                    Frame::Text(t) => t.len(),
                    Frame::Binary(b) => b.len(),
                })
                .sum(),
            Outgoing::Close { .. } => 0,
        }
    }

    fn message(message: &Message) -> Outgoing {
        Outgoing::Frames(Arc::new(message.to_frames()))
    }
}

/// Messages for connections, in the order they go out.
type Deliveries = Vec<(PeerId, Outgoing)>;

/// Close codes (RFC 6455) a session ends a connection with.
pub(crate) const PROTOCOL_ERROR: u16 = 1002;
pub(crate) const POLICY: u16 = 1008;
pub(crate) const TOO_BIG: u16 = 1009;
pub(crate) const INTERNAL: u16 = 1011;

pub(crate) enum Command {
    Join {
        kind: PeerKind,
        outbox: OutboxSender,
        joined: oneshot::Sender<Result<PeerId, JoinRefused>>,
    },
    Leave(PeerId),
    /// What a connection read: a decoded, validated message, or why it could not be read.
    /// Refusals go through the session too, so every reply leaves in request order.
    Request {
        from: PeerId,
        request: Result<Message, Rejected>,
        /// The bytes it came in as.
        bytes: usize,
    },
}

struct Peer {
    kind: PeerKind,
    outbox: OutboxSender,
}

pub(crate) struct Session {
    id: SessionId,
    doc: Document,
    /// Whether the document is the one the app built (until a PUSH-DOC replaces it).
    app_document: bool,
    /// The models every connection has: a change referring to another one carries it.
    synced: SyncedModels,
    peers: BTreeMap<PeerId, Peer>,
    next_peer: u64,
    /// The document's periodic callbacks run here, not in the pages.
    periodic: Schedule,
    /// `--websocket-max-message-size`: what a message's arrays may decode to in all.
    max_message_size: usize,
    /// Whether its requests run off the async workers.
    pace: Pace,
    /// The session's place in Redis, when it is shared with other servers.
    replica: Option<Replica>,
}

impl Session {
    /// A new session whose document is built by running the app, as `bokeh serve` runs
    /// the app script for each session, for a session opened with `context`; shared
    /// through `store` if there is one.
    pub(crate) fn new(
        id: SessionId,
        app: &App,
        context: &SessionContext,
        max_message_size: usize,
        store: Option<&Arc<Store>>,
    ) -> Session {
        let doc = app.document_for(context.clone());
        // What may wait for Redis, in changes to log or to forward: a few of the largest
        // messages.
        let waiting_limit = max_message_size.saturating_mul(2);
        let replica = store
            .map(|store| Replica::new(store.clone(), app.clone(), context, &id, waiting_limit));
        Session {
            id,
            synced: SyncedModels::of(&doc),
            doc,
            app_document: true,
            peers: BTreeMap::new(),
            next_peer: 1,
            periodic: Schedule::default(),
            max_message_size,
            pace: Pace::default(),
            replica,
        }
    }

    /// Serves commands until the session has been unused for `lifetime` and `retire`
    /// agrees to let it go (it asks the registry, which refuses when a command arrived
    /// meanwhile).
    pub(crate) async fn run(
        mut self,
        mut commands: mpsc::Receiver<Command>,
        lifetime: Duration,
        retire: impl Fn(&SessionId, &mut mpsc::Receiver<Command>) -> bool,
    ) {
        if let Err(refused) = self.open().await {
            return refuse_joins(&self.id, commands, refused, retire).await;
        }
        let mut unused_since = Some(Instant::now());
        loop {
            if self.runs_callbacks() {
                self.periodic.follow(&self.doc, Instant::now());
            }
            let expiry = unused_since
                .filter(|_| self.may_retire())
                .map(|t| t + lifetime);
            // Timers first: a busy session still runs its periodic callbacks.
            tokio::select! {
                biased;
                () = sleep_until(self.periodic.next()) => {
                    let mut pace = std::mem::take(&mut self.pace);
                    pace.run(0, || self.run_periodic()).await;
                    self.pace = pace;
                }
                () = sleep_until(self.replica.as_ref().map(Replica::next_renewal)) => self.renew(),
                event = replica::next_event(&mut self.replica) => self.on_replica_event(event),
                command = commands.recv() => match command {
                    Some(command) => self.obey(command).await,
                    None => return,
                },
                () = sleep_until(expiry) => {
                    if retire(&self.id, &mut commands) {
                        self.retired();
                        return;
                    }
                }
            }
            self.flush();
            if self.peers.is_empty() {
                unused_since.get_or_insert_with(Instant::now);
            } else {
                unused_since = None;
            }
        }
    }

    /// Whether the app's callbacks run here: always for a session of this server alone;
    /// for a shared one, only on its owner.
    fn runs_callbacks(&self) -> bool {
        self.replica.as_ref().is_none_or(Replica::is_owner)
    }

    /// Runs the periodic callbacks that are due and sends what they changed to every
    /// connection, as changes the server's callbacks make. A failing one changed nothing
    /// and runs again next time, as in Bokeh.
    fn run_periodic(&mut self) {
        let due = self.periodic.take_due(Instant::now());
        if !self.runs_callbacks() {
            // A shared session that another server runs now (its schedule is reset).
            return;
        }
        for id in due {
            let before = self
                .replica
                .is_some()
                .then(|| SyncedModels::every(&self.doc));
            if let Err(e) = self.doc.run_periodic(id) {
                log!("Error running periodic callback: {e}");
            }
            let changes = self.doc.take_changes();
            match before {
                Some(before) => self.log_changes(&changes, None, &before),
                None => {
                    let deliveries = self.messages_for(&changes);
                    self.deliver(deliveries);
                }
            }
        }
    }

    async fn obey(&mut self, command: Command) {
        match command {
            Command::Join {
                kind,
                outbox,
                joined,
            } => {
                let peer = PeerId(self.next_peer);
                self.next_peer += 1;
                if joined.send(Ok(peer)).is_ok() {
                    self.peers.insert(peer, Peer { kind, outbox });
                }
            }
            Command::Leave(peer) => {
                self.peers.remove(&peer);
            }
            // A connection let go (too slow, or out of step) is not answered: what it
            // sent before it heard is left undone.
            Command::Request { from, .. } if !self.peers.contains_key(&from) => {}
            Command::Request {
                from,
                request: Ok(message),
                bytes,
            } => {
                let msgtype = message.msgtype();
                let reqid = message.msgid.clone();
                let mut pace = std::mem::take(&mut self.pace);
                let handled = pace
                    .run(bytes, || {
                        // A panic here is a bug in rokeh: the document's batches undid what it
                        // changed; the session answers and goes on.
                        panic::catch_unwind(AssertUnwindSafe(|| self.handle(from, message, bytes)))
                            .unwrap_or_else(|_| {
                                log!(
                                    "Bokeh Server internal error handling a {}",
                                    msgtype.as_str()
                                );
                                Some(Message::error(
                                    MsgId::next(),
                                    Some(reqid),
                                    format!("internal error handling a {}", msgtype.as_str()),
                                ))
                            })
                            .map(|reply| reply.to_frames())
                    })
                    .await;
                self.pace = pace;
                if let Some(reply) = handled {
                    self.send(from, Outgoing::Frames(Arc::new(reply)));
                }
            }
            Command::Request {
                from,
                request: Err(rejected),
                ..
            } => {
                let close = rejected.error.ends_connection().then_some(Outgoing::Close {
                    code: match rejected.error {
                        ProtocolError::TooBig { .. } => TOO_BIG,
                        _ => PROTOCOL_ERROR,
                    },
                    reason: match rejected.error {
                        ProtocolError::TooBig { .. } => "message too big",
                        _ => "protocol error: the message's frames are out of step",
                    },
                });
                let reply = refusal(rejected);
                self.send(from, Outgoing::message(&reply));
                if let Some(close) = close {
                    self.send(from, close);
                    self.peers.remove(&from);
                }
            }
        }
    }

    /// The message's buffers, with what its arrays may decode to: the largest message.
    fn buffers(&self, buffers: Vec<crate::protocol::Buffer>) -> Buffers {
        let mut out = Buffers::with_array_limit(self.max_message_size);
        for crate::protocol::Buffer { id, data } in buffers {
            out.insert(crate::document::json::BufferId(id), data);
        }
        out
    }

    /// Answers one request, now or (a shared session's change) once the session's log
    /// has it; changes it makes go to the other connections on the way.
    fn handle(&mut self, from: PeerId, request: Message, bytes: usize) -> Option<Message> {
        if self.replica.is_some() {
            return self.handle_shared(from, request, bytes);
        }
        let reqid = request.msgid.clone();
        Some(match request.body {
            Body::PatchDoc { events } => {
                let actor = self.kind_of(from).actor(from);
                let buffers = self.buffers(request.buffers);
                match self.patch(actor, events, &buffers) {
                    Ok(changes) => {
                        let deliveries = self.messages_for(&changes);
                        self.deliver(deliveries);
                        Message::reply(MsgId::next(), reqid, Body::Ok)
                    }
                    Err(e) => Message::error(MsgId::next(), Some(reqid), e.to_string()),
                }
            }
            Body::PushDoc { doc } => {
                let buffers = self.buffers(request.buffers);
                match read_json_as(&doc, &buffers, &self.doc) {
                    Ok(pushed) => {
                        let deliveries = self.replace_document(Some(from), pushed);
                        self.deliver(deliveries);
                        Message::reply(MsgId::next(), reqid, Body::Ok)
                    }
                    Err(e) => Message::error(MsgId::next(), Some(reqid), e.to_string()),
                }
            }
            body => self.answer(from, reqid, body),
        })
    }

    /// The answer to a request that changes nothing.
    fn answer(&self, from: PeerId, reqid: MsgId, body: Body) -> Message {
        match body {
            Body::ServerInfoReq => Message::reply(
                MsgId::next(),
                reqid,
                Body::ServerInfoReply(VersionInfo {
                    bokeh: BOKEH_PROTOCOL_VERSION.into(),
                    server: format!("rokeh {}", env!("CARGO_PKG_VERSION")),
                }),
            ),
            Body::PullDocReq => {
                let kind = self.kind_of(from);
                pull_reply(&self.doc, reqid, kind, self.app_document)
            }
            other => refusal(Rejected {
                reqid: Some(reqid),
                error: ProtocolError::NotARequest(other.msgtype().as_str()),
            }),
        }
    }

    /// Applies a PATCH-DOC's events as `actor`: the changes made (its own and its
    /// callbacks'), or why nothing changed.
    fn patch(
        &mut self,
        actor: Actor,
        events: Vec<serde_json::Value>,
        buffers: &Buffers,
    ) -> Result<Vec<Change>, JsonError> {
        let applied = apply_patch(&mut self.doc, events, buffers, actor);
        // Whatever happened, what was recorded is drained: on failure nothing was.
        let changes = self.doc.take_changes();
        applied.map(|()| changes)
    }

    /// Makes `pushed` the session's document, as Bokeh's PUSH-DOC does: the app's
    /// callbacks go with the old document. Plain clients hear of it as Bokeh's server tells
    /// them (roots removed and added, the title); rokeh pages, whose documents ran the
    /// app, are asked to reconnect and pull the new one. `from` (if it is here) pushed it.
    fn replace_document(&mut self, from: Option<PeerId>, pushed: Document) -> Deliveries {
        let actor = Actor {
            origin: from.map_or(Origin::Local, Origin::Peer),
            run_callbacks: true,
        };
        self.doc.acting_as(actor, |doc| doc.replace(pushed));
        self.app_document = false;
        // Nobody has the new models yet, whatever their ids.
        self.synced = SyncedModels::default();
        let changes = self.doc.take_changes();
        let mut deliveries: Deliveries = self
            .peers
            .iter()
            .filter(|(p, peer)| Some(**p) != from && peer.kind == PeerKind::RunsCallbacks)
            .map(|(p, _)| {
                let close = Outgoing::Close {
                    code: DOCUMENT_REPLACED_CLOSE,
                    reason: "the session's document was replaced",
                };
                (*p, close)
            })
            .collect();
        let closed: Vec<PeerId> = deliveries.iter().map(|(p, _)| *p).collect();
        deliveries.extend(
            self.messages_for(&changes)
                .into_iter()
                .filter(|(p, _)| !closed.contains(p)),
        );
        deliveries
    }

    fn kind_of(&self, peer: PeerId) -> PeerKind {
        self.peers.get(&peer).map_or(PeerKind::Plain, |p| p.kind)
    }

    /// The messages that tell every connection of `changes`, each in one patch holding
    /// the changes it did not make: a peer's own edits are not echoed, what the server's
    /// callbacks made of them goes to everyone.
    fn messages_for(&mut self, changes: &[Change]) -> Deliveries {
        let mut deliveries = Vec::new();
        if changes.is_empty() {
            return deliveries;
        }
        // Peers that made none of the changes get the same patch: encoded once per kind.
        let mut shared: [Option<Option<Outgoing>>; 2] = [None, None];
        let makers: Vec<PeerId> = changes
            .iter()
            .filter_map(|c| match c.origin {
                Origin::Peer(p) => Some(p),
                Origin::Local => None,
            })
            .collect();
        let targets: Vec<(PeerId, PeerKind)> =
            self.peers.iter().map(|(p, peer)| (*p, peer.kind)).collect();
        for (peer, kind) in targets {
            let encode = |skip: Option<PeerId>| {
                patch_for(&self.doc, changes, &self.synced, skip, kind)
                    .map(|m| Outgoing::message(&m))
            };
            let message = if makers.contains(&peer) {
                encode(Some(peer))
            } else {
                shared[kind as usize]
                    .get_or_insert_with(|| encode(None))
                    .clone()
            };
            if let Some(message) = message {
                deliveries.push((peer, message));
            }
        }
        self.synced = SyncedModels::of(&self.doc);
        deliveries
    }

    fn deliver(&mut self, deliveries: Deliveries) {
        for (peer, message) in deliveries {
            self.send(peer, message);
        }
    }

    /// Queues a message for one connection. A connection too slow to keep up with its
    /// session (more than the largest message waiting for it) is closed rather than let
    /// its queue grow without bound; a close lets it go.
    fn send(&mut self, peer: PeerId, message: Outgoing) {
        let Some(p) = self.peers.get(&peer) else {
            return;
        };
        let close = matches!(message, Outgoing::Close { .. });
        match p.outbox.send(message) {
            Ok(()) if close => {
                self.peers.remove(&peer);
            }
            Ok(()) => {}
            Err(Refused::Full) => {
                log!("Closing a connection that could not keep up with its session");
                let _ = p.outbox.send(Outgoing::Close {
                    code: POLICY,
                    reason: "connection could not keep up with its session",
                });
                self.peers.remove(&peer);
            }
            Err(Refused::Closed) => {
                self.peers.remove(&peer);
            }
        }
    }
}

/// The ERROR reply to a message that could not be read or is not a request.
fn refusal(rejected: Rejected) -> Message {
    log!("Protocol error from client: {}", rejected.error);
    Message::error(MsgId::next(), rejected.reqid, rejected.error.to_string())
}

/// A session that could not start tells every connection waiting to join why, until
/// the registry lets it go.
async fn refuse_joins(
    id: &SessionId,
    mut commands: mpsc::Receiver<Command>,
    refused: JoinRefused,
    retire: impl Fn(&SessionId, &mut mpsc::Receiver<Command>) -> bool,
) {
    log!("Could not create new server session, reason: {refused}");
    while !retire(id, &mut commands) {
        if let Some(Command::Join { joined, .. }) = commands.recv().await {
            let _ = joined.send(Err(refused.clone()));
        }
    }
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(t) => tokio::time::sleep_until(t).await,
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::json::{to_json, BufferMode};

    crate::model! {
        /// A type of the app's own: the registry does not know it, the session learns it
        /// from the document the app builds.
        pub struct Gauge("Gauge") {
            level: f64 = 0.5,
        }
        check = |_, attr, new| match (attr, new.as_f64()) {
            ("level", Some(v)) if !(0.0..=1.0).contains(&v) => Err(format!("{v} is not in 0..=1")),
            _ => Ok(()),
        };
    }

    fn gauge_level(doc: &Document) -> Option<f64> {
        let (any, _) = doc.models().find(|(_, m)| m.type_name == "Gauge")?;
        doc.get_attr(any, Gauge::LEVEL.name).ok()?.as_f64()
    }

    /// A PUSH-DOC is read knowing the app's own types, as the document the app built
    /// knows them: a gauge pushed out of its range is refused and changes nothing.
    #[test]
    fn a_pushed_document_is_checked_against_the_apps_own_types() {
        let app = App::new("gauge", |doc: &mut Document| {
            let gauge = doc.add(Gauge { level: 0.25 });
            doc.add_root(gauge);
        });
        let id = SessionId::parse("gauge-session").unwrap();
        let mut session = Session::new(id, &app, &SessionContext::default(), usize::MAX, None);
        let pushed = |level: f64| {
            let mut json = to_json(&session.doc, BufferMode::Inline).json;
            let text = json.to_string().replace("0.25", &level.to_string());
            json = serde_json::from_str(&text).unwrap();
            Message::new(MsgId::next(), Body::PushDoc { doc: json })
        };
        let (bad, good) = (pushed(3.0), pushed(0.75));

        let reply = session.handle(PeerId(1), bad, 0).expect("an answer");
        match reply.body {
            Body::Error { text, .. } => assert!(text.contains("3 is not in 0..=1"), "{text}"),
            other => panic!("expected ERROR, got {other:?}"),
        }
        assert_eq!(gauge_level(&session.doc), Some(0.25));

        let reply = session.handle(PeerId(1), good, 0).expect("an answer");
        assert!(matches!(reply.body, Body::Ok), "{:?}", reply.body);
        assert_eq!(gauge_level(&session.doc), Some(0.75));
    }
}
