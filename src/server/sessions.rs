//! The sessions of one app, by id: found or created when a connection arrives, gone when
//! unused for a while.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

use super::outbox::OutboxSender;
use super::session::{Command, JoinRefused, Session};
use super::store::Store;
use crate::app::App;
use crate::document::{PeerId, SessionContext};
use crate::protocol::token::SessionId;
use crate::sync::PeerKind;

/// Commands a session may have waiting before senders wait (backpressure).
const COMMAND_CAPACITY: usize = 64;
/// A session that keeps vanishing as it is joined is a bug, not a race: give up then.
const JOIN_ATTEMPTS: usize = 5;

pub(crate) struct Sessions {
    app: App,
    lifetime: Duration,
    max_message_size: usize,
    /// Where sessions are shared with other servers, if they are.
    store: Option<Arc<Store>>,
    sessions: Mutex<HashMap<SessionId, mpsc::Sender<Command>>>,
    /// Held while any session task runs (each holds this registry): the server waits for
    /// it to close before its runtime goes, so no session is polled as the runtime ends.
    _alive: mpsc::Sender<()>,
}

/// A connection's place in its session.
pub(crate) struct Joined {
    pub peer: PeerId,
    pub session: mpsc::Sender<Command>,
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum JoinError {
    #[error("session {0} could not be started")]
    NotStarted(SessionId),
    #[error(transparent)]
    Refused(#[from] JoinRefused),
}

impl Sessions {
    pub(crate) fn new(
        app: App,
        lifetime: Duration,
        max_message_size: usize,
        store: Option<Arc<Store>>,
        alive: mpsc::Sender<()>,
    ) -> Arc<Sessions> {
        Arc::new(Sessions {
            app,
            lifetime,
            max_message_size,
            store,
            sessions: Mutex::new(HashMap::new()),
            _alive: alive,
        })
    }

    /// Joins session `id`, creating it (and its document, for a session opened with
    /// `context`) if there is none.
    pub(crate) async fn join(
        self: &Arc<Self>,
        id: &SessionId,
        kind: PeerKind,
        outbox: OutboxSender,
        context: &SessionContext,
    ) -> Result<Joined, JoinError> {
        for _ in 0..JOIN_ATTEMPTS {
            let session = self.get_or_start(id, context);
            let (joined, peer) = oneshot::channel();
            let join = Command::Join {
                kind,
                outbox: outbox.clone(),
                joined,
            };
            // Either fails only when the session retired just now: then start afresh.
            if session.send(join).await.is_ok() {
                match peer.await {
                    Ok(Ok(peer)) => return Ok(Joined { peer, session }),
                    Ok(Err(refused)) => return Err(refused.into()),
                    Err(_) => {}
                }
            }
        }
        Err(JoinError::NotStarted(id.clone()))
    }

    fn get_or_start(
        self: &Arc<Self>,
        id: &SessionId,
        context: &SessionContext,
    ) -> mpsc::Sender<Command> {
        let mut sessions = self.sessions.lock().expect("sessions lock");
        if let Some(tx) = sessions.get(id).filter(|tx| !tx.is_closed()) {
            return tx.clone();
        }
        let (tx, rx) = mpsc::channel(COMMAND_CAPACITY);
        sessions.insert(id.clone(), tx.clone());
        let (id, sessions, lifetime) = (id.clone(), self.clone(), self.lifetime);
        let session = Session::new(
            id.clone(),
            &self.app,
            context,
            self.max_message_size,
            self.store.as_ref(),
        );
        tokio::spawn(async move {
            let retire = |id: &SessionId, commands: &mut _| sessions.retire(id, commands);
            session.run(rx, lifetime, retire).await;
        });
        tx
    }

    /// Called by an unused session whose time is up: it leaves the registry unless a
    /// command reached it meanwhile. Anything sent after this finds the channel closed, and
    /// its sender starts a new session.
    pub(crate) fn retire(&self, id: &SessionId, commands: &mut mpsc::Receiver<Command>) -> bool {
        let mut sessions = self.sessions.lock().expect("sessions lock");
        if !commands.is_empty() {
            return false;
        }
        sessions.remove(id);
        commands.close();
        true
    }

    /// At shutdown: lets every session go, so each ends once its connections have (its
    /// command channel closes).
    pub(crate) fn close_all(&self) {
        self.sessions.lock().expect("sessions lock").clear();
    }

    /// Sessions alive now.
    pub(crate) fn len(&self) -> usize {
        self.sessions.lock().expect("sessions lock").len()
    }
}
