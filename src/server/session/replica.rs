//! A shared session's replica on this server: the session task's side of the design in
//! [`crate::server::store`]. The owner applies changes, logs them and answers once they
//! are logged; every other server forwards its connections' changes to the owner and
//! applies the log. Redis is only ever called from tasks this spawns: their outcomes
//! come back to the session as events, so the session never waits on Redis.

use std::collections::{BTreeMap, VecDeque};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value as Json;
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::{Deliveries, Outgoing, Session, INTERNAL};
use crate::app::App;
use crate::document::json::{
    apply_json_events, changes_to_json, read_json_as, sync_from_json, to_json, BufferMode, Buffers,
    JsonError, SyncedModels,
};
use crate::document::{Actor, Change, Origin, PeerId, SessionContext};
use crate::protocol::token::SessionId;
use crate::protocol::{Body, Message, MsgId};
use crate::server::log::log;
use crate::server::store::{
    Arrived, Change as Requested, Entry, EntryBody, Forwarded, Lease, Loaded, Requester, Run,
    SessionKeys, Snapshot, Store, StoreError, StreamKind, Written, RENEW_EVERY,
};

/// The connection a forwarded request came from, as the owner applies it: on another
/// server, so its changes go to every connection here.
const REMOTE: PeerId = PeerId(u64::MAX);
/// How a replica applies the log: the owner ran the callbacks.
const MIRROR: Actor = Actor {
    origin: Origin::Local,
    run_callbacks: false,
};
/// The owner snapshots after this many entries, or this long after the last snapshot
/// when something changed.
const SNAPSHOT_EVERY: u64 = 1_000;
const SNAPSHOT_AFTER: Duration = Duration::from_secs(1);
/// Entries appended, and requests forwarded, in one call at most.
const APPEND_BATCH: usize = 512;
const FORWARD_BATCH: usize = 256;
/// Attempts at loading or creating a session whose creation races with another server's.
const OPEN_ATTEMPTS: usize = 5;
/// Events from the reader a session may have waiting.
const ARRIVALS: usize = 64;
/// Refusals a snapshot keeps (see [`Snapshot::refused`]).
const REFUSALS_KEPT: usize = 32;

/// Why a connection could not join: said in its close.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct JoinRefused(String);

/// Requests this server forwards, numbered for its whole life: an owner does each once.
fn next_rid() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn new_epoch() -> String {
    format!("{:016x}", rand::random::<u64>())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Owner,
    Follower,
}

/// Something this session waits for, other than its Redis calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Busy {
    No,
    /// Reading the whole session again (a gap, a new epoch, a lost lease).
    Loading,
    /// Reading the log to its end before taking over as owner.
    CatchingUp,
    /// Creating the session in Redis again from this replica.
    Creating,
}

pub(super) enum Event {
    Arrived(Arrived),
    Done(Outcome),
}

pub(super) enum Outcome {
    Appended {
        era: u64,
        count: usize,
        result: Result<Written<Vec<String>>, StoreError>,
    },
    Forwarded {
        era: u64,
        /// The request number of the last one sent.
        last: u64,
        result: Result<(), StoreError>,
    },
    Renewed(Result<Lease, StoreError>),
    Loaded(Result<Option<Loaded>, StoreError>),
    CaughtUp(Result<Vec<(String, Entry)>, StoreError>),
    Created {
        epoch: String,
        result: Result<bool, StoreError>,
    },
    Snapshotted(Result<Written<()>, StoreError>),
}

/// What the owner tells a connection of a change, once the log holds it.
enum Verdict {
    Ok(MsgId),
    Error(MsgId, String),
    Answer(Message),
}

/// Messages the owner sends once entry `after` is logged.
struct Held {
    after: u64,
    out: Deliveries,
    reply: Option<(PeerId, Verdict)>,
}

/// A change a connection here asked for, forwarded to the owner until its verdict.
struct Pending {
    request: Forwarded,
    reqid: MsgId,
    /// The bytes it came in as.
    bytes: usize,
}

/// A snapshot taken when entry `snapshot.n` was applied, written once that entry is
/// logged (its log id is `snapshot.at`).
struct Capture {
    snapshot: Snapshot,
    /// The request stream's last id handled by then.
    handled_to: Option<String>,
}

pub(super) struct Replica {
    store: Arc<Store>,
    app: App,
    /// What this server's session knows of the request behind it (not shared through
    /// Redis: each server's is that of the connection that made its replica).
    context: SessionContext,
    keys: SessionKeys,
    epoch: String,
    role: Role,
    /// Entries applied: the document is as of entry `applied`.
    applied: u64,
    /// The log id of entry `applied`, where reading the log goes on.
    log_at: String,
    /// The highest request number handled, by server.
    handled: BTreeMap<String, u64>,
    /// Counts the times the replica started over (a new role, a reload): an append or
    /// forward sent before is not counted after.
    era: u64,
    /// The latest refusals: server, request number, why.
    refused: VecDeque<(String, u64, String)>,
    /// The bytes of changes that may wait for Redis, to log or to forward.
    limit: usize,
    unlogged_bytes: usize,
    /// The owner dropped entries it could not keep for the log (Redis away too long): it
    /// writes the session whole when Redis is back.
    overflowed: bool,
    forward_bytes: usize,
    arrivals_tx: mpsc::Sender<Arrived>,
    arrivals: mpsc::Receiver<Arrived>,
    outcomes_tx: mpsc::UnboundedSender<Outcome>,
    outcomes: mpsc::UnboundedReceiver<Outcome>,
    busy: Busy,
    renewing: bool,
    next_renewal: Instant,
    /// Redis failed the last call: the owner answers without waiting for the log, and
    /// calls are tried again at each renewal.
    outage: bool,
    /// Since when the session has been missing from Redis, as far as this server saw.
    gone_since: Option<Instant>,
    // The owner's.
    /// Encoded entries not yet in the log, from entry `logged + 1`.
    to_log: VecDeque<String>,
    /// Entries of `to_log` being appended now.
    appending: usize,
    logged: u64,
    held: VecDeque<Held>,
    /// The request stream id of the last forwarded request handled.
    last_request: Option<String>,
    capture: Option<Capture>,
    snapshotting: bool,
    snapshot_n: u64,
    snapshot_time: Instant,
    // A follower's.
    forwards: VecDeque<Pending>,
    /// Of `forwards` (in request number order), those up to this number are in Redis.
    forwarded: u64,
    forwarding: bool,
    /// Changes each connection waits a verdict for: its other requests wait behind them.
    outstanding: BTreeMap<PeerId, usize>,
    deferred: VecDeque<(PeerId, Message)>,
}

impl Replica {
    /// `limit`: the bytes of changes that may wait for Redis, to log or to forward.
    pub(super) fn new(
        store: Arc<Store>,
        app: App,
        context: &SessionContext,
        id: &SessionId,
        limit: usize,
    ) -> Replica {
        let keys = store.keys(app.name(), id.as_str());
        let (arrivals_tx, arrivals) = mpsc::channel(ARRIVALS);
        let (outcomes_tx, outcomes) = mpsc::unbounded_channel();
        Replica {
            store,
            app,
            context: context.clone(),
            keys,
            epoch: String::new(),
            role: Role::Follower,
            applied: 0,
            log_at: "0-0".into(),
            handled: BTreeMap::new(),
            era: 0,
            refused: VecDeque::new(),
            limit,
            unlogged_bytes: 0,
            overflowed: false,
            forward_bytes: 0,
            arrivals_tx,
            arrivals,
            outcomes_tx,
            outcomes,
            busy: Busy::No,
            renewing: false,
            // Spread over the period: a server's sessions do not renew all at once.
            next_renewal: Instant::now() + RENEW_EVERY.mul_f64(rand::random::<f64>()),
            outage: false,
            gone_since: None,
            to_log: VecDeque::new(),
            appending: 0,
            logged: 0,
            held: VecDeque::new(),
            last_request: None,
            capture: None,
            snapshotting: false,
            snapshot_n: 0,
            snapshot_time: Instant::now(),
            forwards: VecDeque::new(),
            forwarded: 0,
            forwarding: false,
            outstanding: BTreeMap::new(),
            deferred: VecDeque::new(),
        }
    }

    pub(super) fn is_owner(&self) -> bool {
        self.role == Role::Owner && self.busy == Busy::No
    }

    pub(super) fn next_renewal(&self) -> Instant {
        self.next_renewal
    }

    /// Runs `call` on its own task; its outcome comes back as an event.
    fn spawn<F>(&self, call: F)
    where
        F: std::future::Future<Output = Outcome> + Send + 'static,
    {
        let tx = self.outcomes_tx.clone();
        tokio::spawn(async move {
            let _ = tx.send(call.await);
        });
    }

    /// Reads what this replica needs: the owner the requests forwarded to it (the log is
    /// its own: a renewal or an append tells it if it lost the lease), any other server
    /// the log from where it is.
    fn subscribe(&self) {
        let to = self.arrivals_tx.clone();
        if self.role == Role::Owner {
            self.store.unsubscribe(&self.keys.log);
            self.store
                .subscribe(&self.keys.req, StreamKind::Requests, "0-0".into(), to);
        } else {
            self.store.unsubscribe(&self.keys.req);
            self.store
                .subscribe(&self.keys.log, StreamKind::Log, self.log_at.clone(), to);
        }
    }

    fn note_handled(&mut self, requester: &Requester) {
        let handled = self.handled.entry(requester.server.clone()).or_default();
        *handled = (*handled).max(requester.rid);
    }

    fn note_refused(&mut self, requester: &Requester, why: &str) {
        if self.refused.len() == REFUSALS_KEPT {
            self.refused.pop_front();
        }
        self.refused
            .push_back((requester.server.clone(), requester.rid, why.to_owned()));
    }

    fn requester(&self, peer: PeerId) -> Requester {
        Requester {
            server: self.store.server().to_owned(),
            rid: next_rid(),
            peer: peer.0,
        }
    }
}

/// The next thing that happened to a shared session (never, for one of this server alone).
pub(super) async fn next_event(replica: &mut Option<Replica>) -> Event {
    let Some(r) = replica else {
        return std::future::pending().await;
    };
    tokio::select! {
        Some(arrived) = r.arrivals.recv() => Event::Arrived(arrived),
        Some(outcome) = r.outcomes.recv() => Event::Done(outcome),
    }
}

impl Session {
    fn replica(&mut self) -> &mut Replica {
        self.replica.as_mut().expect("a shared session")
    }

    /// Finds the session in Redis, or creates it there with the document the app just
    /// built: the session's connections wait meanwhile.
    pub(super) async fn open(&mut self) -> Result<(), JoinRefused> {
        let Some(r) = &self.replica else {
            return Ok(());
        };
        let (store, keys) = (r.store.clone(), r.keys.clone());
        let id = self.id.clone();
        let refused = |e: StoreError| {
            log!("Session {id}: {e}");
            JoinRefused(e.summary())
        };
        for _ in 0..OPEN_ATTEMPTS {
            match store.load(&keys).await.map_err(refused)? {
                Some(loaded) => {
                    self.adopt(loaded).map_err(|e| {
                        JoinRefused(format!("cannot load session {}: {e}", self.id))
                    })?;
                    self.replica().subscribe();
                    return Ok(());
                }
                None => {
                    let epoch = new_epoch();
                    let snapshot = self.snapshot(epoch.clone());
                    if store
                        .create(&keys, &snapshot, false)
                        .await
                        .map_err(refused)?
                    {
                        let r = self.replica();
                        r.epoch = epoch;
                        r.role = Role::Owner;
                        r.subscribe();
                        return Ok(());
                    }
                }
            }
        }
        Err(JoinRefused(format!(
            "cannot create session {}: it keeps vanishing from the session store",
            self.id
        )))
    }

    /// The document now, as a snapshot of entry `applied` (its log id not known yet).
    fn snapshot(&self, epoch: String) -> Snapshot {
        let r = self.replica.as_ref().expect("a shared session");
        Snapshot {
            epoch,
            doc: to_json(&self.doc, BufferMode::Inline).json.to_string(),
            app: self.app_document,
            n: r.applied,
            at: "0-0".into(),
            handled: r.handled.clone(),
            refused: r.refused.iter().cloned().collect(),
        }
    }

    /// Brings the replica to the session as Redis holds it, telling this server's
    /// connections what differs.
    fn adopt(&mut self, loaded: Loaded) -> Result<(), JsonError> {
        let Loaded { snapshot, entries } = loaded;
        let json: Json =
            serde_json::from_str(&snapshot.doc).map_err(|e| JsonError::Malformed(e.to_string()))?;
        let buffers = Buffers::new();
        let deliveries = if snapshot.app == self.app_document {
            // The same kind of document: brought to the snapshot by id, callbacks kept.
            self.doc
                .acting_as(MIRROR, |doc| sync_from_json(doc, &json, &buffers))?;
            let changes = self.doc.take_changes();
            self.messages_for(&changes)
        } else if snapshot.app {
            // The session went back to the app's document (created again by a server
            // that held it so): this one is built anew, and its connections start again.
            let replica = self.replica();
            let mut doc = replica.app.document_for(replica.context.clone());
            sync_from_json(&mut doc, &json, &buffers)?;
            doc.take_changes();
            self.doc = doc;
            self.app_document = true;
            self.synced = SyncedModels::of(&self.doc);
            self.peers
                .keys()
                .map(|p| {
                    let close = Outgoing::Close {
                        code: INTERNAL,
                        reason: "the session was reset",
                    };
                    (*p, close)
                })
                .collect()
        } else {
            let pushed = read_json_as(&json, &buffers, &self.doc)?;
            self.replace_document(None, pushed)
        };
        self.app_document = snapshot.app;
        self.deliver(deliveries);
        let r = self.replica();
        r.epoch = snapshot.epoch;
        r.applied = snapshot.n;
        r.log_at = snapshot.at;
        r.handled = snapshot.handled;
        r.refused = snapshot.refused.into();
        r.gone_since = None;
        for (id, entry) in entries {
            if !self.apply_entry(id, entry) {
                return Err(JsonError::Malformed(
                    "the session's log does not follow its snapshot".into(),
                ));
            }
        }
        // This server's requests handled in entries it never read (the snapshot covers
        // them): their verdicts.
        let r = self.replica();
        let done = r.handled.get(r.store.server()).copied().unwrap_or(0);
        let settled: Vec<(u64, Result<(), String>)> = r
            .forwards
            .iter()
            .map(|p| p.request.requester.rid)
            .filter(|rid| *rid <= done)
            .map(|rid| {
                let refusal = r
                    .refused
                    .iter()
                    .find(|(s, n, _)| *n == rid && s == r.store.server());
                (rid, refusal.map_or(Ok(()), |(_, _, why)| Err(why.clone())))
            })
            .collect();
        for (rid, verdict) in settled {
            self.verdict_arrived(rid, verdict);
        }
        Ok(())
    }

    /// Applies one log entry (a replica's: the owner applied its own), sends it to this
    /// server's connections and answers the request it settles if that came in here.
    /// False when it does not follow the last one: the replica must load again.
    fn apply_entry(&mut self, id: String, entry: Entry) -> bool {
        let r = self.replica();
        if entry.n <= r.applied {
            return true;
        }
        if entry.n != r.applied + 1 {
            return false;
        }
        // A request from one of this server's connections: its changes are not echoed to
        // it, and it gets the verdict.
        let mine = entry
            .requester
            .as_ref()
            .filter(|q| q.server == r.store.server())
            .map(|q| PeerId(q.peer))
            .filter(|p| self.peers.contains_key(p));
        let verdict = match entry.body {
            EntryBody::Changes(runs) => {
                let applied = self.doc.batch(|doc| {
                    runs.iter().try_for_each(|run| {
                        let actor = Actor {
                            origin: match mine {
                                Some(peer) if run.by_requester => Origin::Peer(peer),
                                _ => Origin::Local,
                            },
                            run_callbacks: false,
                        };
                        doc.acting_as(actor, |doc| {
                            apply_json_events(doc, &run.events, &Buffers::new())
                        })
                    })
                });
                let changes = self.doc.take_changes();
                if let Err(e) = applied {
                    log!(
                        "Session {}: log entry {} does not apply: {e}",
                        self.id,
                        entry.n
                    );
                    return false;
                }
                let deliveries = self.messages_for(&changes);
                self.deliver(deliveries);
                Ok(())
            }
            EntryBody::Replaced(json) => match read_json_as(&json, &Buffers::new(), &self.doc) {
                Ok(pushed) => {
                    let deliveries = self.replace_document(mine, pushed);
                    self.deliver(deliveries);
                    Ok(())
                }
                Err(e) => {
                    log!(
                        "Session {}: log entry {} does not apply: {e}",
                        self.id,
                        entry.n
                    );
                    return false;
                }
            },
            EntryBody::Refused(text) => Err(text),
        };
        let r = self.replica();
        r.applied = entry.n;
        r.log_at = id;
        if let Some(requester) = &entry.requester {
            r.note_handled(requester);
            if let Err(why) = &verdict {
                r.note_refused(requester, why);
            }
            if requester.server == r.store.server() {
                self.verdict_arrived(requester.rid, verdict);
            }
        }
        true
    }

    /// The owner's verdict on request `rid` of this server arrived: answer its connection,
    /// and let that connection's waiting requests go.
    fn verdict_arrived(&mut self, rid: u64, verdict: Result<(), String>) {
        let r = self.replica();
        let Some(at) = r
            .forwards
            .iter()
            .position(|p| p.request.requester.rid == rid)
        else {
            return;
        };
        let pending = r.forwards.remove(at).expect("found");
        r.forward_bytes = r.forward_bytes.saturating_sub(pending.bytes);
        let peer = PeerId(pending.request.requester.peer);
        let reply = match verdict {
            Ok(()) => Message::reply(MsgId::next(), pending.reqid, Body::Ok),
            Err(text) => Message::error(MsgId::next(), Some(pending.reqid), text),
        };
        self.send(peer, Outgoing::message(&reply));
        self.release_deferred(peer, -1);
    }

    /// Changes the count of `peer`'s changes awaiting a verdict; at none, its requests
    /// that waited are answered.
    fn release_deferred(&mut self, peer: PeerId, by: isize) {
        let r = self.replica();
        let count = r.outstanding.entry(peer).or_default();
        *count = count.saturating_add_signed(by);
        if *count > 0 {
            return;
        }
        r.outstanding.remove(&peer);
        let (waiting, others): (VecDeque<_>, VecDeque<_>) =
            r.deferred.drain(..).partition(|(p, _)| *p == peer);
        r.deferred = others;
        for (peer, message) in waiting {
            if let Some(reply) = self.handle(peer, message, 0) {
                self.send(peer, Outgoing::message(&reply));
            }
        }
    }

    /// A request of a shared session: a change is applied here by the owner (answered once
    /// logged) or forwarded to it (answered when its verdict arrives); anything else is
    /// answered from this replica, after the connection's changes are settled.
    pub(super) fn handle_shared(
        &mut self,
        from: PeerId,
        request: Message,
        bytes: usize,
    ) -> Option<Message> {
        let changes = matches!(request.body, Body::PatchDoc { .. } | Body::PushDoc { .. });
        let owner = self.replica().is_owner();
        if !changes {
            let r = self.replica();
            if !owner && r.outstanding.contains_key(&from) {
                r.deferred.push_back((from, request));
                return None;
            }
            let reply = self.answer(from, request.msgid, request.body);
            if owner && !self.replica().held.is_empty() {
                let r = self.replica();
                let after = r.applied;
                r.held.push_back(Held {
                    after,
                    out: Vec::new(),
                    reply: Some((from, Verdict::Answer(reply))),
                });
                return None;
            }
            return Some(reply);
        }
        let kind = self.kind_of(from);
        let change = match request.body {
            Body::PatchDoc { events } => Requested::Patch(events),
            Body::PushDoc { doc } => Requested::Push(doc),
            _ => unreachable!("a change"),
        };
        let requester = self.replica().requester(from);
        let forwarded = Forwarded {
            requester,
            kind,
            change,
            buffers: request.buffers,
        };
        if owner {
            self.apply_as_owner(from, forwarded, Some(request.msgid));
        } else {
            let r = self.replica();
            if r.forward_bytes.saturating_add(bytes) > r.limit && !r.forwards.is_empty() {
                let why = "not applied: too many changes wait for the session's owner (the session store is unreachable)";
                return Some(Message::error(MsgId::next(), Some(request.msgid), why));
            }
            r.forward_bytes += bytes;
            r.forwards.push_back(Pending {
                request: forwarded,
                reqid: request.msgid,
                bytes,
            });
            self.release_deferred(from, 1);
        }
        None
    }

    /// The owner applies a change as `peer` (a connection here, or [`REMOTE`]), logs it,
    /// and holds what it tells the connections until the log has it.
    fn apply_as_owner(&mut self, peer: PeerId, request: Forwarded, reqid: Option<MsgId>) {
        let Forwarded {
            requester,
            kind,
            change,
            buffers,
        } = request;
        let before = SyncedModels::every(&self.doc);
        let buffers = self.buffers(buffers);
        let here = self.peers.contains_key(&peer).then_some(peer);
        let applied = match change {
            Requested::Patch(events) => {
                self.patch(kind.actor(peer), events, &buffers)
                    .map(|changes| {
                        let runs = runs(&self.doc, &changes, Origin::Peer(peer), &before);
                        (EntryBody::Changes(runs), self.messages_for(&changes))
                    })
            }
            Requested::Push(doc) => read_json_as(&doc, &buffers, &self.doc).map(|pushed| {
                let deliveries = self.replace_document(here, pushed);
                let json = to_json(&self.doc, BufferMode::Inline).json;
                (EntryBody::Replaced(json), deliveries)
            }),
        };
        let reply = |verdict: Verdict| here.map(|p| (p, verdict));
        match (applied, reqid) {
            (Ok((body, out)), reqid) => {
                let verdict = reqid.map(Verdict::Ok);
                self.log_entry(body, Some(requester), out, verdict.and_then(reply));
            }
            // A connection here is answered; nothing changed, so nothing is logged.
            (Err(e), Some(reqid)) => {
                let r = self.replica();
                let after = r.applied;
                r.held.push_back(Held {
                    after,
                    out: Vec::new(),
                    reply: reply(Verdict::Error(reqid, e.to_string())),
                });
            }
            // Another server waits for the verdict in the log.
            (Err(e), None) => {
                let body = EntryBody::Refused(e.to_string());
                self.log_entry(body, Some(requester), Vec::new(), None);
            }
        }
    }

    /// The owner logs what its own callbacks changed (a periodic callback's), or what a
    /// request changed.
    pub(super) fn log_changes(
        &mut self,
        changes: &[Change],
        requester: Option<Requester>,
        before: &SyncedModels,
    ) {
        if changes.is_empty() && requester.is_none() {
            return;
        }
        let runs = runs(&self.doc, changes, Origin::Peer(REMOTE), before);
        let out = self.messages_for(changes);
        self.log_entry(EntryBody::Changes(runs), requester, out, None);
    }

    /// Queues entry `applied + 1` for the log, with what to tell once it is there.
    fn log_entry(
        &mut self,
        body: EntryBody,
        requester: Option<Requester>,
        out: Deliveries,
        reply: Option<(PeerId, Verdict)>,
    ) {
        let r = self.replica();
        let n = r.applied + 1;
        if let Some(requester) = &requester {
            r.note_handled(requester);
            if let EntryBody::Refused(why) = &body {
                r.note_refused(requester, why);
            }
        }
        let entry = Entry { n, requester, body }.encode();
        r.unlogged_bytes += entry.len();
        r.to_log.push_back(entry);
        r.applied = n;
        if r.unlogged_bytes > r.limit && r.appending == 0 {
            // Redis has been away too long to keep every entry: the session is written
            // whole when it is back.
            r.to_log.clear();
            r.unlogged_bytes = 0;
            r.capture = None;
            r.overflowed = true;
        }
        r.held.push_back(Held {
            after: n,
            out,
            reply,
        });
        let due = n - r.snapshot_n >= SNAPSHOT_EVERY || r.snapshot_time.elapsed() >= SNAPSHOT_AFTER;
        if due && r.capture.is_none() {
            let snapshot = self.snapshot(self.replica.as_ref().expect("shared").epoch.clone());
            let r = self.replica();
            r.capture = Some(Capture {
                snapshot,
                handled_to: r.last_request.clone(),
            });
        }
    }

    /// Something happened to the shared session.
    pub(super) fn on_replica_event(&mut self, event: Event) {
        // A bug here must not end the session: it reloads from Redis instead.
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| match event {
            Event::Arrived(arrived) => self.arrived(arrived),
            Event::Done(outcome) => self.done(outcome),
        }));
        if outcome.is_err() {
            log!(
                "Session {}: internal error in its replica; loading it again",
                self.id
            );
            self.reload();
        }
    }

    fn arrived(&mut self, arrived: Arrived) {
        let r = self.replica();
        if r.busy != Busy::No && r.busy != Busy::CatchingUp {
            return;
        }
        match arrived.kind {
            StreamKind::Log => {
                for (id, fields) in arrived.entries {
                    let Some((_, bytes)) = fields.iter().find(|(k, _)| k == "e") else {
                        continue;
                    };
                    let entry = match Entry::decode(bytes) {
                        Ok(entry) => entry,
                        Err(e) => {
                            log!("Session {}: {e}", self.id);
                            continue;
                        }
                    };
                    let r = self.replica();
                    if r.role == Role::Owner {
                        // Read before it became the owner: it has them.
                        continue;
                    }
                    if r.busy == Busy::CatchingUp {
                        // The catch-up reads these too.
                        continue;
                    }
                    if !self.apply_entry(id, entry) {
                        self.reload();
                        return;
                    }
                }
            }
            StreamKind::Requests if r.is_owner() => {
                for (id, fields) in arrived.entries {
                    let request = Forwarded::decode(|name| {
                        fields
                            .iter()
                            .find(|(k, _)| k == name)
                            .map(|(_, v)| v.clone())
                    });
                    let r = self.replica();
                    r.last_request = Some(id);
                    let request = match request {
                        Ok(request) => request,
                        Err(e) => {
                            log!("Session {}: {e}", self.id);
                            continue;
                        }
                    };
                    let q = &request.requester;
                    if r.handled.get(&q.server).is_some_and(|h| *h >= q.rid) {
                        continue;
                    }
                    let here = (q.server == r.store.server()).then_some(PeerId(q.peer));
                    self.apply_as_owner(here.unwrap_or(REMOTE), request, None);
                }
            }
            StreamKind::Requests => {}
        }
    }

    fn done(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Appended { era, count, result } => {
                if era == self.replica().era {
                    self.appended(count, result);
                } else {
                    self.replica().appending = 0;
                }
            }
            Outcome::Forwarded { era, last, result } => {
                let r = self.replica();
                r.forwarding = false;
                if era != r.era {
                    return;
                }
                match result {
                    Ok(()) => r.forwarded = r.forwarded.max(last),
                    Err(e) => r.failed(&e),
                }
            }
            Outcome::Renewed(result) => self.renewed(result),
            Outcome::Loaded(result) => self.loaded(result),
            Outcome::CaughtUp(result) => self.caught_up(result),
            Outcome::Created { epoch, result } => self.created(epoch, result),
            Outcome::Snapshotted(result) => {
                let r = self.replica();
                r.snapshotting = false;
                match result {
                    Ok(Written::Done(())) => {
                        if let Some(c) = r.capture.take() {
                            r.snapshot_n = c.snapshot.n;
                        }
                        r.snapshot_time = Instant::now();
                    }
                    Ok(Written::Lost) => self.lost_lease(),
                    Ok(Written::Gone) => self.gone(),
                    Err(e) => r.failed(&e),
                }
            }
        }
    }

    fn appended(&mut self, count: usize, result: Result<Written<Vec<String>>, StoreError>) {
        let r = self.replica();
        r.appending = 0;
        match result {
            Ok(Written::Done(ids)) => {
                r.outage = false;
                for (i, id) in ids.iter().enumerate() {
                    let n = r.logged + 1 + i as u64;
                    if let Some(c) = r.capture.as_mut().filter(|c| c.snapshot.n == n) {
                        c.snapshot.at = id.clone();
                    }
                }
                let logged: usize = r
                    .to_log
                    .drain(..count.min(r.to_log.len()))
                    .map(|e| e.len())
                    .sum();
                r.unlogged_bytes = r.unlogged_bytes.saturating_sub(logged);
                r.logged += count as u64;
                if let Some(last) = ids.last() {
                    r.log_at = last.clone();
                }
            }
            Ok(Written::Lost) => self.lost_lease(),
            Ok(Written::Gone) => self.gone(),
            Err(e) => r.failed(&e),
        }
    }

    fn renewed(&mut self, result: Result<Lease, StoreError>) {
        let r = self.replica();
        r.renewing = false;
        let lease = match result {
            Ok(lease) => lease,
            Err(e) => return r.failed(&e),
        };
        r.outage = false;
        if r.busy != Busy::No {
            return;
        }
        match (r.role, lease) {
            (Role::Owner, Lease::Owner | Lease::Won) | (Role::Follower, Lease::Other) => {}
            (Role::Owner, Lease::Other) => self.lost_lease(),
            (Role::Follower, Lease::Owner | Lease::Won) => {
                // The owner is gone: read the log to its end, then go on from there.
                r.busy = Busy::CatchingUp;
                let (store, keys, after) = (r.store.clone(), r.keys.clone(), r.log_at.clone());
                r.spawn(async move { Outcome::CaughtUp(store.entries_after(&keys, &after).await) });
            }
            (_, Lease::Gone) => self.gone(),
        }
    }

    fn caught_up(&mut self, result: Result<Vec<(String, Entry)>, StoreError>) {
        let r = self.replica();
        r.busy = Busy::No;
        let entries = match result {
            Ok(entries) => entries,
            Err(e) => return r.failed(&e),
        };
        for (id, entry) in entries {
            if !self.apply_entry(id, entry) {
                return self.reload();
            }
        }
        log!(
            "Session {}: this server now runs it (its owner is gone)",
            self.id
        );
        self.become_owner();
    }

    /// This server owns the session now, its replica as of the log's last entry.
    fn become_owner(&mut self) {
        let r = self.replica();
        r.era += 1;
        r.role = Role::Owner;
        r.gone_since = None;
        r.logged = r.applied;
        r.snapshot_n = r.applied;
        r.snapshot_time = Instant::now();
        r.capture = None;
        r.subscribe();
        // This server's changes still waiting for the old owner are done here, in order
        // (the owner's copy of those it did forward is skipped as done).
        let pending: Vec<Pending> = r.forwards.drain(..).collect();
        r.forward_bytes = 0;
        r.forwarded = 0;
        r.outstanding.clear();
        for Pending { request, reqid, .. } in pending {
            let peer = PeerId(request.requester.peer);
            self.apply_as_owner(peer, request, Some(reqid));
        }
        let deferred: Vec<(PeerId, Message)> = self.replica().deferred.drain(..).collect();
        for (peer, message) in deferred {
            if let Some(reply) = self.handle(peer, message, 0) {
                self.send(peer, Outgoing::message(&reply));
            }
        }
    }

    /// Another server holds the lease now: what this one applied but did not log is
    /// undone by loading the session again, and the connections that asked for it are
    /// told it was not applied.
    fn lost_lease(&mut self) {
        let id = self.id.clone();
        let r = self.replica();
        if r.role == Role::Owner {
            log!("Session {id}: another server runs it now");
        }
        r.era += 1;
        r.role = Role::Follower;
        r.to_log.clear();
        let held: Vec<Held> = r.held.drain(..).collect();
        for Held { reply, .. } in held {
            let Some((peer, verdict)) = reply else {
                continue;
            };
            let reply = match verdict {
                Verdict::Ok(reqid) => Message::error(
                    MsgId::next(),
                    Some(reqid),
                    "not applied: another server took over the session".to_owned(),
                ),
                Verdict::Error(reqid, text) => Message::error(MsgId::next(), Some(reqid), text),
                Verdict::Answer(message) => message,
            };
            self.send(peer, Outgoing::message(&reply));
        }
        self.periodic = Default::default();
        self.reload();
    }

    /// Loads the whole session from Redis again.
    fn reload(&mut self) {
        let r = self.replica();
        if matches!(r.busy, Busy::Loading | Busy::Creating) {
            return;
        }
        r.busy = Busy::Loading;
        let (store, keys) = (r.store.clone(), r.keys.clone());
        r.spawn(async move { Outcome::Loaded(store.load(&keys).await) });
    }

    fn loaded(&mut self, result: Result<Option<Loaded>, StoreError>) {
        let r = self.replica();
        r.busy = Busy::No;
        match result {
            Ok(Some(loaded)) => {
                if r.role == Role::Owner && loaded.snapshot.epoch == r.epoch {
                    // Its own session, after a bug: nothing to take from Redis.
                    return;
                }
                r.role = Role::Follower;
                r.to_log.clear();
                r.held.clear();
                self.periodic = Default::default();
                if let Err(e) = self.adopt(loaded) {
                    log!("Session {}: cannot load it from the store: {e}", self.id);
                    return;
                }
                let r = self.replica();
                // What this server forwarded and has no verdict for goes again (the owner
                // does each once).
                r.era += 1;
                r.forwarded = 0;
                r.subscribe();
            }
            // Not in Redis: the next renewal sees whether it comes back.
            Ok(None) => {
                r.gone_since.get_or_insert_with(Instant::now);
            }
            Err(e) => r.failed(&e),
        }
    }

    /// The session is not in Redis as this server knows it (expired, Redis restarted
    /// empty or older, or created again). The owner creates it again from its replica at
    /// once; another server loads it, or after a lease with no owner creating it, creates
    /// it from its own replica.
    fn gone(&mut self) {
        let r = self.replica();
        let since = *r.gone_since.get_or_insert_with(Instant::now);
        if r.busy != Busy::No {
            return;
        }
        let recreate = r.role == Role::Owner
            || (since.elapsed() >= crate::server::store::LEASE && r.store.settled());
        if !recreate {
            return self.reload();
        }
        if r.appending > 0 {
            // Its answer says gone too, and comes back here.
            return;
        }
        // The owner's replica is the session: it replaces what Redis holds (an older
        // save, say) unless another server holds the lease.
        let replace = self.replica().role == Role::Owner;
        self.recreate(replace);
    }

    /// Writes the session to Redis whole, from this replica, under a new epoch: if it is
    /// missing, or (`replace`) over what this server holds the lease of.
    fn recreate(&mut self, replace: bool) {
        let epoch = new_epoch();
        let snapshot = self.snapshot(epoch.clone());
        let r = self.replica();
        r.busy = Busy::Creating;
        let (store, keys) = (r.store.clone(), r.keys.clone());
        r.spawn(async move {
            let result = store.create(&keys, &snapshot, replace).await;
            Outcome::Created { epoch, result }
        });
    }

    fn created(&mut self, epoch: String, result: Result<bool, StoreError>) {
        let id = self.id.clone();
        let r = self.replica();
        r.busy = Busy::No;
        match result {
            Ok(true) => {
                log!("Session {id}: created again in the session store from this server's copy");
                r.epoch = epoch;
                // The snapshot holds everything: nothing is left to log, and its new
                // request stream starts empty.
                r.to_log.clear();
                r.unlogged_bytes = 0;
                r.overflowed = false;
                r.log_at = "0-0".into();
                r.last_request = None;
                self.become_owner();
            }
            Ok(false) if r.role == Role::Owner => self.lost_lease(),
            Ok(false) => self.reload(),
            Err(e) => r.failed(&e),
        }
    }

    /// Time to renew the lease (or look for it free), and to try again what failed.
    pub(super) fn renew(&mut self) {
        let has_peers = !self.peers.is_empty();
        let r = self.replica();
        r.next_renewal = Instant::now() + RENEW_EVERY;
        if r.renewing || r.busy != Busy::No {
            return;
        }
        r.renewing = true;
        // After Redis was away, others wait a lease before taking one: the owner renews
        // its own first.
        let may_take = r.role == Role::Owner || r.store.settled();
        let (store, keys, epoch) = (r.store.clone(), r.keys.clone(), r.epoch.clone());
        r.spawn(
            async move { Outcome::Renewed(store.lease(&keys, &epoch, may_take, has_peers).await) },
        );
        if r.outage {
            // Tried again now that the renewal tells whether Redis is back.
            r.outage = false;
        }
    }

    /// After each step: answers what the log now holds, and sends Redis what waits.
    pub(super) fn flush(&mut self) {
        let Some(r) = &mut self.replica else {
            return;
        };
        let mut ready = Vec::new();
        while r
            .held
            .front()
            .is_some_and(|h| h.after <= r.logged || r.outage)
        {
            ready.push(r.held.pop_front().expect("a front"));
        }
        let rewrite = r.overflowed && r.busy == Busy::No && !r.outage && r.appending == 0;
        if r.busy == Busy::No && !r.outage {
            r.send_waiting();
        }
        for Held { out, reply, .. } in ready {
            self.deliver(out);
            if let Some((peer, verdict)) = reply {
                let message = match verdict {
                    Verdict::Ok(reqid) => Message::reply(MsgId::next(), reqid, Body::Ok),
                    Verdict::Error(reqid, text) => Message::error(MsgId::next(), Some(reqid), text),
                    Verdict::Answer(message) => message,
                };
                self.send(peer, Outgoing::message(&message));
            }
        }
        if rewrite {
            self.recreate(true);
        }
    }

    /// Whether the session may retire here when its connections are gone: nothing is
    /// waiting to reach Redis.
    pub(super) fn may_retire(&self) -> bool {
        self.replica.as_ref().is_none_or(|r| {
            r.to_log.is_empty() && !r.overflowed && r.forwards.is_empty() && r.busy == Busy::No
        })
    }

    /// The session retired here: another server holding it takes the lease.
    pub(super) fn retired(&mut self) {
        let Some(r) = &self.replica else { return };
        r.store.unsubscribe(&r.keys.log);
        r.store.unsubscribe(&r.keys.req);
        if r.role == Role::Owner {
            let (store, keys) = (r.store.clone(), r.keys.clone());
            tokio::spawn(async move {
                let _ = store.release(&keys).await;
            });
        }
    }
}

impl Replica {
    /// Redis failed a call: the owner answers from memory from now on, and what failed
    /// is tried again at the next renewal.
    fn failed(&mut self, _why: &StoreError) {
        // The store logs the loss of Redis once, not each session.
        self.outage = true;
    }

    /// Appends what waits for the log (the owner), or forwards what waits for the owner.
    fn send_waiting(&mut self) {
        if self.role == Role::Owner {
            if self.appending == 0 && !self.to_log.is_empty() {
                let batch: Vec<String> = self.to_log.iter().take(APPEND_BATCH).cloned().collect();
                let count = batch.len();
                self.appending = count;
                let (store, keys, epoch, last, era) = (
                    self.store.clone(),
                    self.keys.clone(),
                    self.epoch.clone(),
                    self.logged,
                    self.era,
                );
                self.spawn(async move {
                    let result = store.append(&keys, &epoch, last, batch).await;
                    Outcome::Appended { era, count, result }
                });
            }
            if let Some(capture) = self.capture.as_ref().filter(|c| {
                !self.snapshotting && c.snapshot.n <= self.logged && c.snapshot.at != "0-0"
            }) {
                self.snapshotting = true;
                let (store, keys) = (self.store.clone(), self.keys.clone());
                let snapshot = capture.snapshot.clone();
                let handled_to = capture.handled_to.clone();
                self.spawn(async move {
                    Outcome::Snapshotted(
                        store
                            .snapshot(&keys, &snapshot, handled_to.as_deref())
                            .await,
                    )
                });
            }
        } else if !self.forwarding
            && self
                .forwards
                .back()
                .is_some_and(|p| p.request.requester.rid > self.forwarded)
        {
            let batch: Vec<Forwarded> = self
                .forwards
                .iter()
                .filter(|p| p.request.requester.rid > self.forwarded)
                .take(FORWARD_BATCH)
                .map(|p| p.request.clone())
                .collect();
            let last = batch.last().map_or(0, |f| f.requester.rid);
            self.forwarding = true;
            let (store, keys, era) = (self.store.clone(), self.keys.clone(), self.era);
            self.spawn(async move {
                let result = store.forward(&keys, &batch).await;
                Outcome::Forwarded { era, last, result }
            });
        }
    }
}

/// `changes` as log runs: those `by` made, and the others, each run in Bokeh's events
/// (models a replica lacks, beyond `known`, defined in full, arrays inline).
fn runs(
    doc: &crate::document::Document,
    changes: &[Change],
    by: Origin,
    known: &SyncedModels,
) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut rest = changes;
    while let Some(first) = rest.first() {
        let mine = first.origin == by;
        let len = rest.iter().take_while(|c| (c.origin == by) == mine).count();
        let (run, after) = rest.split_at(len);
        let events = changes_to_json(doc, run, known, BufferMode::Inline).json;
        if events.as_array().is_some_and(|e| !e.is_empty()) {
            runs.push(Run {
                by_requester: mine,
                events,
            });
        }
        rest = after;
    }
    runs
}
