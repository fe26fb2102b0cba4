//! One task per server reads the streams of every session held here with one blocking
//! `XREAD` on a connection of its own (a blocking read holds its connection), and hands
//! each session what arrived on its streams, in order. A session subscribes a stream from
//! a position; the reader wakes from its read to take new subscriptions when the session
//! adds an entry to the server's own wake stream.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use redis::aio::{ConnectionManager, MultiplexedConnection};
use redis::{AsyncConnectionConfig, Value};
use tokio::sync::mpsc;

use super::{raw_entries, Health};

/// How long one read blocks when nothing arrives.
const BLOCK: Duration = Duration::from_secs(5);
/// Entries taken from one stream per read.
const COUNT: usize = 1024;
/// Pause before connecting again after Redis failed.
const RETRY: Duration = Duration::from_millis(200);

/// Which of a session's streams something arrived on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StreamKind {
    Log,
    Requests,
}

/// A stream entry: its id and its fields.
pub(crate) type StreamEntry = (String, Vec<(String, Vec<u8>)>);

/// Entries that arrived on one stream of a session.
#[derive(Debug)]
pub(crate) struct Arrived {
    pub kind: StreamKind,
    pub entries: Vec<StreamEntry>,
}

enum Control {
    Subscribe {
        key: String,
        kind: StreamKind,
        from: String,
        to: mpsc::Sender<Arrived>,
    },
    Unsubscribe(String),
}

struct Subscription {
    kind: StreamKind,
    last: String,
    to: mpsc::Sender<Arrived>,
}

pub(super) struct Reader {
    control: mpsc::UnboundedSender<Control>,
    wake: String,
    conn: ConnectionManager,
}

impl Reader {
    pub(super) fn start(
        client: redis::Client,
        server: &str,
        conn: ConnectionManager,
        health: Arc<Health>,
    ) -> Reader {
        let (control, rx) = mpsc::unbounded_channel();
        let wake = format!("rokeh:server:{server}:wake");
        tokio::spawn(read(client, wake.clone(), rx, health));
        Reader {
            control,
            wake,
            conn,
        }
    }

    pub(super) fn subscribe(
        &self,
        key: &str,
        kind: StreamKind,
        from: String,
        to: mpsc::Sender<Arrived>,
    ) {
        let key = key.to_owned();
        let _ = self.control.send(Control::Subscribe {
            key,
            kind,
            from,
            to,
        });
        self.wake_up();
    }

    /// Stops reading `key` (from the next read on: no wake-up needed).
    pub(super) fn unsubscribe(&self, key: &str) {
        let _ = self.control.send(Control::Unsubscribe(key.to_owned()));
    }

    /// Ends the reader's current read, so it takes new subscriptions now.
    fn wake_up(&self) {
        let mut conn = self.conn.clone();
        let wake = self.wake.clone();
        tokio::spawn(async move {
            let mut pipe = redis::pipe();
            pipe.cmd("XADD")
                .arg(&wake)
                .arg("MAXLEN")
                .arg(1)
                .arg("*")
                .arg("w")
                .arg(1)
                .ignore();
            pipe.cmd("PEXPIRE").arg(&wake).arg(86_400_000).ignore();
            // Unreachable: the reader is failing too, and reads the control when back.
            let _: Result<(), _> = pipe.query_async(&mut conn).await;
        });
    }
}

async fn read(
    client: redis::Client,
    wake: String,
    mut control: mpsc::UnboundedReceiver<Control>,
    health: Arc<Health>,
) {
    let mut subscriptions: HashMap<String, Subscription> = HashMap::new();
    let config = AsyncConnectionConfig::new()
        .set_connection_timeout(Some(super::CONNECT_TIMEOUT))
        .set_response_timeout(Some(BLOCK + super::RESPONSE_TIMEOUT));
    loop {
        let mut conn: MultiplexedConnection = match client
            .get_multiplexed_async_connection_with_config(&config)
            .await
        {
            Ok(conn) => conn,
            Err(_) => {
                // The store's other calls note the failure and say so once.
                tokio::time::sleep(RETRY).await;
                if take_control(&mut control, &mut subscriptions) {
                    return;
                }
                continue;
            }
        };
        // The wake stream is read from its start after each connection: at most one
        // entry, a wake-up more.
        let mut wake_last = "0-0".to_owned();
        loop {
            if take_control(&mut control, &mut subscriptions) {
                return;
            }
            let mut xread = redis::cmd("XREAD");
            xread
                .arg("COUNT")
                .arg(COUNT)
                .arg("BLOCK")
                .arg(BLOCK.as_millis() as u64);
            xread.arg("STREAMS").arg(&wake);
            let keys: Vec<&String> = subscriptions.keys().collect();
            xread.arg(&keys);
            xread.arg(&wake_last);
            for key in &keys {
                xread.arg(&subscriptions[*key].last);
            }
            let reply: Value = match xread.query_async(&mut conn).await {
                Ok(reply) => reply,
                Err(_) => break,
            };
            health.answered();
            for (key, entries) in streams(reply) {
                let Ok(entries) = raw_entries(entries) else {
                    continue;
                };
                let Some((last, _)) = entries.last() else {
                    continue;
                };
                if key == wake {
                    wake_last = last.clone();
                    continue;
                }
                let Some(sub) = subscriptions.get_mut(&key) else {
                    continue;
                };
                sub.last = last.clone();
                let arrived = Arrived {
                    kind: sub.kind,
                    entries,
                };
                // A session busy with its entries holds the others back a little: they
                // wait in Redis, not in memory here.
                if sub.to.send(arrived).await.is_err() {
                    subscriptions.remove(&key);
                }
            }
        }
        tokio::time::sleep(RETRY).await;
    }
}

/// Applies the subscriptions asked for since the last read; true when the store is gone.
fn take_control(
    control: &mut mpsc::UnboundedReceiver<Control>,
    subscriptions: &mut HashMap<String, Subscription>,
) -> bool {
    loop {
        match control.try_recv() {
            Ok(Control::Subscribe {
                key,
                kind,
                from,
                to,
            }) => {
                subscriptions.insert(
                    key,
                    Subscription {
                        kind,
                        last: from,
                        to,
                    },
                );
            }
            Ok(Control::Unsubscribe(key)) => {
                subscriptions.remove(&key);
            }
            Err(mpsc::error::TryRecvError::Empty) => return false,
            Err(mpsc::error::TryRecvError::Disconnected) => return true,
        }
    }
}

/// XREAD's reply: each stream's key and entries (RESP2 lists or RESP3 maps).
fn streams(reply: Value) -> Vec<(String, Vec<Value>)> {
    let pairs: Vec<(Value, Value)> = match reply {
        Value::Array(streams) => streams
            .into_iter()
            .filter_map(|s| match s {
                Value::Array(kv) if kv.len() == 2 => {
                    let mut kv = kv.into_iter();
                    Some((kv.next()?, kv.next()?))
                }
                _ => None,
            })
            .collect(),
        Value::Map(pairs) => pairs,
        _ => Vec::new(),
    };
    pairs
        .into_iter()
        .filter_map(|(key, entries)| {
            let key = match key {
                Value::BulkString(b) => String::from_utf8(b).ok()?,
                Value::SimpleString(s) => s,
                _ => return None,
            };
            match entries {
                Value::Array(entries) => Some((key, entries)),
                _ => None,
            }
        })
        .collect()
}
