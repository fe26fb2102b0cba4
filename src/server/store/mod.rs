//! Sessions shared by several `rokeh serve` processes through Redis (`--redis`): any
//! server serves any session, and a server's death loses nothing.
//!
//! # The design
//!
//! A session lives in Redis as four keys (`rokeh:{<app>:<session id>}:…`, one hash slot):
//!
//! - `doc`, a hash: a **snapshot** of the document (Bokeh's JSON) as of log entry `n`,
//!   whose stream id is `at`; the session's `epoch` (new each time the session is created
//!   in Redis); `last`, the number of the log's last entry; and `handled`, the highest
//!   request number handled per server.
//! - `log`, a stream (`XADD … MAXLEN ~`): the **ordered log** of the document's changes.
//!   Entry `n` holds Bokeh's events in runs (those the requester made, those the
//!   callbacks made of them), or a pushed document, or a refusal; and the request it
//!   answers. Entries are numbered without gaps, so a server that missed one knows.
//! - `lease`, a string set with `SET NX PX` and renewed: the one server that **owns**
//!   the session. Only the owner changes the document: it runs the app's callbacks for
//!   clients that do not run them (Python's `bokeh.client`) and the periodic callbacks,
//!   and only it appends to the log, with a script that checks the lease, the epoch and
//!   the log's end first (a server that lost its lease while it stalled cannot append).
//! - `req`, a stream: the changes other servers' connections ask for, forwarded to the
//!   owner, each numbered by the server it came in on.
//!
//! Every server holding the session (its connections are there) keeps a replica: one
//! task per session owning its document, as without Redis. It applies the log in order
//! (one `XREAD BLOCK` per server reads every session's log, see [`reader`]) and sends each
//! entry to its own connections, never to the one that asked for it; when an entry
//! answers one of its connections' requests it answers OK or ERROR after it. The owner
//! applies a change when it handles it and sends it to its connections, and answers, once
//! the log holds it: an answered change survives the owner's death.
//!
//! A new session is built by running the app on whichever server first sees its id, and
//! created in Redis with a script that does nothing if it exists: two servers racing on
//! one id make one document (the loser loads the winner's). A server joining an existing
//! session also runs the app (its callbacks are needed should it become the owner), then
//! brings the document to the snapshot, by id, and applies the log after it.
//!
//! When the owner dies its lease expires; a server holding the session takes it, reads
//! the log to its end, and goes on from exactly there: requests are numbered per server
//! and the log records which were handled, so a request forwarded again (its answer lost
//! with the old owner) is done once. Its periodic callbacks start again on the new owner.
//! The owner snapshots every so often and trims the log and the requests behind it; a
//! replica that finds a gap in the entries loads the snapshot again.
//!
//! The keys expire after `--unused-session-lifetime` plus the lease: servers with
//! connections to the session push that back at each renewal.
//!
//! # When Redis goes away
//!
//! Servers keep serving the sessions they hold from memory: the owner goes on applying
//! its connections' changes and running callbacks (answering at once, the log entries
//! kept to append later); other servers answer pulls and keep their connections'
//! changes until they can forward them. A session nobody holds yet cannot be created:
//! its connection is closed with an error saying the store is unreachable. When Redis
//! returns the owner appends what it kept (renewing its lease first: others wait a lease
//! before taking a lease after a loss of Redis, so it can), the others forward theirs,
//! and every replica catches up from the log. If Redis came back empty (a restart without
//! persistence) or older (restored from a save), the owner creates the session again
//! from its memory under a new epoch and the others reload it: a session is lost only if
//! no server holds it, never mixed up.
//!
//! The page reconnects to the address it came from: several servers are reached through
//! a load balancer (any: no sticky sessions needed), which sends a reconnecting page to
//! a live server.
//!
//! Limits: a periodic callback's own Rust state (a counter captured in its closure) is
//! the owner's; state the app keeps in the document moves with the session. A server cut
//! off from Redis while Redis lives on (a network partition) may have its lease taken:
//! what its connections changed meanwhile is dropped when it reconnects, and its
//! replicas are brought back to the log.

mod entry;
mod reader;
mod scripts;

pub(crate) use entry::{Change, Entry, EntryBody, Forwarded, Requester, Run, Snapshot};
pub(crate) use reader::{Arrived, StreamKind};

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{RedisError, Value};
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::config::RedisUrl;
use super::log::log;
use entry::{Unreadable, ENTRY_FIELD};
use reader::{Reader, StreamEntry};

/// How long a lease lasts unless renewed.
pub(crate) const LEASE: Duration = Duration::from_millis(2_000);
/// How often a session's servers renew its lease (or look for it free).
pub(crate) const RENEW_EVERY: Duration = Duration::from_millis(500);
/// The log's length past which Redis trims it (approximately): a bound for a session
/// whose snapshots stall. Snapshots normally trim it long before.
const LOG_MAXLEN: usize = 100_000;
/// How long one command may take before Redis counts as unreachable.
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(2);
const CONNECT_TIMEOUT: Duration = Duration::from_millis(500);

/// The keys of one session.
#[derive(Clone, Debug)]
pub(crate) struct SessionKeys {
    pub doc: String,
    pub lease: String,
    pub log: String,
    pub req: String,
}

impl SessionKeys {
    fn all(&self) -> [&str; 4] {
        [&self.doc, &self.lease, &self.log, &self.req]
    }
}

/// Why a call to Redis failed.
#[derive(Debug, thiserror::Error)]
pub(crate) enum StoreError {
    #[error("the session store ({url}) is unreachable: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("the session store ({url}) refused: {reason}")]
    Refused { url: String, reason: String },
    #[error(transparent)]
    Unreadable(#[from] Unreadable),
}

impl StoreError {
    /// Short enough for a websocket's close reason (the log line has the rest).
    pub(crate) fn summary(&self) -> String {
        match self {
            StoreError::Unreachable { url, .. } => {
                format!("new session refused: the session store ({url}) is unreachable")
            }
            StoreError::Refused { url, .. } => {
                format!("new session refused: the session store ({url}) refused")
            }
            StoreError::Unreadable(_) => "the session store holds an unreadable session".into(),
        }
    }
}

/// What the lease script found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lease {
    /// This server held it, and renewed it.
    Owner,
    /// Nobody held it: this server took it.
    Won,
    /// Another server holds it.
    Other,
    /// The session is not in Redis in this epoch (expired, wiped, or created again).
    Gone,
}

/// What an append or a snapshot found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Written<T> {
    Done(T),
    /// Another server holds the lease.
    Lost,
    /// The session is not in Redis as this server knows it.
    Gone,
}

/// A session as Redis holds it: the snapshot and the log entries after it.
pub(crate) struct Loaded {
    pub snapshot: Snapshot,
    pub entries: Vec<(String, Entry)>,
}

/// Whether Redis answers, and since when.
struct Health {
    up: AtomicBool,
    /// Whether Redis was ever lost (answering from the start is not coming back).
    lost_once: AtomicBool,
    since: Mutex<Instant>,
}

/// This server's link to Redis: commands on one multiplexed connection that reconnects
/// by itself, and the reader of every session's streams.
pub(crate) struct Store {
    url: RedisUrl,
    /// This server, as leases and requests name it: random, new with each process.
    server: String,
    conn: ConnectionManager,
    reader: Reader,
    health: Arc<Health>,
    /// How long a session's keys outlive its last connection.
    ttl: Duration,
}

impl Store {
    /// A store for the Redis at `url` (connected on first use, so a server starts while
    /// Redis is away); sessions' keys outlive their last connection by `lifetime` and a
    /// lease.
    pub(crate) fn new(url: &RedisUrl, lifetime: Duration) -> Result<Arc<Store>, StoreError> {
        let client = redis::Client::open(url.0.clone()).map_err(|e| refused(url, &e))?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(CONNECT_TIMEOUT))
            .set_response_timeout(Some(RESPONSE_TIMEOUT))
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_millis(200));
        let conn = ConnectionManager::new_lazy_with_config(client.clone(), config)
            .map_err(|e| refused(url, &e))?;
        let health = Arc::new(Health {
            up: AtomicBool::new(false),
            lost_once: AtomicBool::new(false),
            since: Mutex::new(Instant::now()),
        });
        let server = format!("{:016x}", rand::random::<u64>());
        let reader = Reader::start(client, &server, conn.clone(), health.clone());
        Ok(Arc::new(Store {
            url: url.clone(),
            server,
            conn,
            reader,
            health,
            ttl: lifetime + LEASE,
        }))
    }

    pub(crate) fn server(&self) -> &str {
        &self.server
    }

    pub(crate) fn keys(&self, app: &str, session: &str) -> SessionKeys {
        let key = |what: &str| format!("rokeh:{{{app}:{session}}}:{what}");
        SessionKeys {
            doc: key("doc"),
            lease: key("lease"),
            log: key("log"),
            req: key("req"),
        }
    }

    /// Whether this server may take a free lease: Redis answers, and if it was away, it
    /// has been back for a lease (time for the owner to renew its own first).
    pub(crate) fn settled(&self) -> bool {
        let h = &self.health;
        h.up.load(Ordering::Acquire)
            && (!h.lost_once.load(Ordering::Acquire)
                || h.since.lock().expect("health lock").elapsed() >= LEASE)
    }

    /// Starts sending what arrives on `key` after `from` to `to`.
    pub(crate) fn subscribe(
        &self,
        key: &str,
        kind: StreamKind,
        from: String,
        to: mpsc::Sender<Arrived>,
    ) {
        self.reader.subscribe(key, kind, from, to);
    }

    pub(crate) fn unsubscribe(&self, key: &str) {
        self.reader.unsubscribe(key);
    }

    /// The session as Redis holds it, if it does.
    pub(crate) async fn load(&self, keys: &SessionKeys) -> Result<Option<Loaded>, StoreError> {
        let value: Value = self.invoke(&scripts::LOAD, keys, Vec::new()).await?;
        let Value::Array(parts) = value else {
            return Ok(None);
        };
        let [Value::Array(fields), Value::Array(entries)] = <[Value; 2]>::try_from(parts)
            .map_err(|_| Unreadable::new("session", "not a snapshot and entries"))?
        else {
            return Err(Unreadable::new("session", "not a snapshot and entries").into());
        };
        let mut pairs = Vec::new();
        let mut fields = fields.into_iter();
        while let (Some(k), Some(v)) = (fields.next(), fields.next()) {
            pairs.push((text(k)?, bytes(v)?));
        }
        let snapshot = Snapshot::from_fields(pairs)?;
        Ok(Some(Loaded {
            snapshot,
            entries: stream_entries(entries)?,
        }))
    }

    /// Creates the session with `snapshot`, this server holding its lease: false if it
    /// exists already (with `replace`: if another server holds its lease).
    pub(crate) async fn create(
        &self,
        keys: &SessionKeys,
        snapshot: &Snapshot,
        replace: bool,
    ) -> Result<bool, StoreError> {
        let mut args = vec![
            self.server.clone(),
            millis(LEASE),
            millis(self.ttl),
            u8::from(replace).to_string(),
        ];
        for (k, v) in snapshot.fields() {
            args.push(k.to_owned());
            args.push(v);
        }
        let created: i64 = self.invoke(&scripts::CREATE, keys, args).await?;
        Ok(created == 1)
    }

    /// Appends encoded entries after entry `last` of `epoch`: their log ids.
    pub(crate) async fn append(
        &self,
        keys: &SessionKeys,
        epoch: &str,
        last: u64,
        entries: Vec<String>,
    ) -> Result<Written<Vec<String>>, StoreError> {
        let mut args = vec![
            self.server.clone(),
            epoch.to_owned(),
            last.to_string(),
            LOG_MAXLEN.to_string(),
        ];
        args.extend(entries);
        let ids: Vec<String> = self.invoke(&scripts::APPEND, keys, args).await?;
        Ok(match ids.first().map(String::as_str) {
            Some("gone") => Written::Gone,
            Some("lost") => Written::Lost,
            _ => Written::Done(ids),
        })
    }

    /// Renews or (when `may_take`) takes the lease; `refresh`: this server has connections
    /// to the session, whose keys then live on.
    pub(crate) async fn lease(
        &self,
        keys: &SessionKeys,
        epoch: &str,
        may_take: bool,
        refresh: bool,
    ) -> Result<Lease, StoreError> {
        let ttl = if refresh {
            millis(self.ttl)
        } else {
            "0".into()
        };
        let args = vec![
            self.server.clone(),
            epoch.to_owned(),
            millis(LEASE),
            ttl,
            u8::from(may_take).to_string(),
        ];
        let found: String = self.invoke(&scripts::LEASE, keys, args).await?;
        Ok(match found.as_str() {
            "owner" => Lease::Owner,
            "won" => Lease::Won,
            "gone" => Lease::Gone,
            _ => Lease::Other,
        })
    }

    /// Lets go of the lease (the session retires here).
    pub(crate) async fn release(&self, keys: &SessionKeys) -> Result<(), StoreError> {
        let _: i64 = self
            .invoke(&scripts::RELEASE, keys, vec![self.server.clone()])
            .await?;
        Ok(())
    }

    /// Writes `snapshot` and trims what it covers: the log before it, the requests up to
    /// `handled_to` (a request stream id).
    pub(crate) async fn snapshot(
        &self,
        keys: &SessionKeys,
        snapshot: &Snapshot,
        handled_to: Option<&str>,
    ) -> Result<Written<()>, StoreError> {
        let mut args = vec![
            self.server.clone(),
            snapshot.epoch.clone(),
            snapshot.at.clone(),
            handled_to.unwrap_or("").to_owned(),
        ];
        for (k, v) in snapshot.fields() {
            args.push(k.to_owned());
            args.push(v);
        }
        let found: String = self.invoke(&scripts::SNAPSHOT, keys, args).await?;
        Ok(match found.as_str() {
            "ok" => Written::Done(()),
            "lost" => Written::Lost,
            _ => Written::Gone,
        })
    }

    /// Hands requests to the session's owner, in order.
    pub(crate) async fn forward(
        &self,
        keys: &SessionKeys,
        requests: &[Forwarded],
    ) -> Result<(), StoreError> {
        let mut pipe = redis::pipe();
        for request in requests {
            let mut xadd = redis::cmd("XADD");
            xadd.arg(&keys.req).arg("*");
            for (k, v) in request.encode() {
                xadd.arg(k).arg(v);
            }
            pipe.add_command(xadd).ignore();
        }
        pipe.cmd("PEXPIRE")
            .arg(&keys.req)
            .arg(millis(self.ttl))
            .ignore();
        let mut conn = self.conn.clone();
        let result: Result<(), RedisError> = pipe.query_async(&mut conn).await;
        self.checked(result)
    }

    /// The log's entries after stream id `after`.
    pub(crate) async fn entries_after(
        &self,
        keys: &SessionKeys,
        after: &str,
    ) -> Result<Vec<(String, Entry)>, StoreError> {
        let mut conn = self.conn.clone();
        let result: Result<Value, RedisError> = redis::cmd("XRANGE")
            .arg(&keys.log)
            .arg(format!("({after}"))
            .arg("+")
            .query_async(&mut conn)
            .await;
        match self.checked(result)? {
            Value::Array(entries) => stream_entries(entries),
            _ => Ok(Vec::new()),
        }
    }

    async fn invoke<T: redis::FromRedisValue>(
        &self,
        script: &redis::Script,
        keys: &SessionKeys,
        args: Vec<String>,
    ) -> Result<T, StoreError> {
        let mut invocation = script.prepare_invoke();
        for key in keys.all() {
            invocation.key(key);
        }
        for arg in args {
            invocation.arg(arg);
        }
        let mut conn = self.conn.clone();
        let result = invocation.invoke_async(&mut conn).await;
        self.checked(result)
    }

    /// Notes whether Redis answered, and names the failure for whoever asked.
    fn checked<T>(&self, result: Result<T, RedisError>) -> Result<T, StoreError> {
        match result {
            Ok(value) => {
                self.health.answered();
                Ok(value)
            }
            Err(e) if is_unreachable(&e) => {
                self.health.failed(&self.url, &e);
                Err(StoreError::Unreachable {
                    url: self.url.to_string(),
                    reason: e.to_string(),
                })
            }
            Err(e) => {
                self.health.answered();
                Err(refused(&self.url, &e))
            }
        }
    }
}

impl Health {
    fn answered(&self) {
        if !self.up.swap(true, Ordering::AcqRel) {
            *self.since.lock().expect("health lock") = Instant::now();
        }
    }

    fn failed(&self, url: &RedisUrl, e: &RedisError) {
        self.lost_once.store(true, Ordering::Release);
        if self.up.swap(false, Ordering::AcqRel) {
            log!("Lost the session store {url}: {e}; serving the sessions held here from memory");
        }
    }
}

fn is_unreachable(e: &RedisError) -> bool {
    e.is_io_error() || e.is_timeout() || e.is_connection_refusal() || e.is_connection_dropped()
}

fn refused(url: &RedisUrl, e: &RedisError) -> StoreError {
    StoreError::Refused {
        url: url.to_string(),
        reason: e.to_string(),
    }
}

fn millis(d: Duration) -> String {
    d.as_millis().max(1).to_string()
}

fn bytes(value: Value) -> Result<Vec<u8>, Unreadable> {
    match value {
        Value::BulkString(b) => Ok(b),
        Value::SimpleString(s) => Ok(s.into_bytes()),
        other => Err(Unreadable::new("value", format!("{other:?}"))),
    }
}

fn text(value: Value) -> Result<String, Unreadable> {
    String::from_utf8(bytes(value)?).map_err(|e| Unreadable::new("value", e))
}

/// Stream entries as XRANGE and XREAD give them: `[id, [field, value, …]]` each.
fn raw_entries(entries: Vec<Value>) -> Result<Vec<StreamEntry>, Unreadable> {
    entries
        .into_iter()
        .map(|entry| {
            let Value::Array(parts) = entry else {
                return Err(Unreadable::new("stream entry", "not a list"));
            };
            let mut parts = parts.into_iter();
            let (Some(id), Some(Value::Array(fields))) = (parts.next(), parts.next()) else {
                return Err(Unreadable::new("stream entry", "no id and fields"));
            };
            let mut pairs = Vec::with_capacity(fields.len() / 2);
            let mut fields = fields.into_iter();
            while let (Some(k), Some(v)) = (fields.next(), fields.next()) {
                pairs.push((text(k)?, bytes(v)?));
            }
            Ok((text(id)?, pairs))
        })
        .collect()
}

/// Log entries as XRANGE gives them.
fn stream_entries(entries: Vec<Value>) -> Result<Vec<(String, Entry)>, StoreError> {
    raw_entries(entries)?
        .into_iter()
        .map(|(id, fields)| {
            let e = fields
                .iter()
                .find(|(k, _)| k == ENTRY_FIELD)
                .ok_or_else(|| Unreadable::new("log entry", "no entry field"))?;
            Ok((id, Entry::decode(&e.1)?))
        })
        .collect()
}
