//! A connection's outbox: what its session has for it, waiting to be written. Bounded in
//! bytes, not messages (one PULL-DOC-REPLY may weigh as much as ten thousand patches): a
//! connection that lets more pile up than one largest message is too slow for its
//! session, and is let go.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::sync::mpsc;

use super::session::Outgoing;

/// The session's end.
#[derive(Clone)]
pub(crate) struct OutboxSender {
    tx: mpsc::UnboundedSender<Outgoing>,
    queued: Arc<AtomicUsize>,
    limit: usize,
}

/// The connection's end.
pub(crate) struct OutboxReceiver {
    rx: mpsc::UnboundedReceiver<Outgoing>,
    queued: Arc<AtomicUsize>,
}

/// Why a message was not queued.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// More than the limit would be waiting.
    Full,
    /// The connection is gone.
    Closed,
}

/// An outbox that holds at most `limit` bytes, and always one message however large.
pub(crate) fn outbox(limit: usize) -> (OutboxSender, OutboxReceiver) {
    let (tx, rx) = mpsc::unbounded_channel();
    let queued = Arc::new(AtomicUsize::new(0));
    let sender = OutboxSender {
        tx,
        queued: queued.clone(),
        limit,
    };
    (sender, OutboxReceiver { rx, queued })
}

impl OutboxSender {
    /// Queues a message unless that would leave more than the limit waiting. A close is
    /// always queued: it is how a refused connection hears why.
    pub(crate) fn send(&self, message: Outgoing) -> Result<(), Refused> {
        if self.tx.is_closed() {
            return Err(Refused::Closed);
        }
        let size = message.size();
        let queued = self.queued.load(Ordering::Acquire);
        let close = matches!(message, Outgoing::Close { .. });
        if !close && queued > 0 && queued.saturating_add(size) > self.limit {
            return Err(Refused::Full);
        }
        self.queued.fetch_add(size, Ordering::AcqRel);
        self.tx.send(message).map_err(|_| Refused::Closed)
    }
}

impl OutboxReceiver {
    pub(crate) async fn recv(&mut self) -> Option<Outgoing> {
        let message = self.rx.recv().await?;
        self.queued.fetch_sub(message.size(), Ordering::AcqRel);
        Some(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Frame;

    fn bytes(n: usize) -> Outgoing {
        Outgoing::Frames(Arc::new(vec![Frame::Binary(vec![0; n])]))
    }

    #[tokio::test]
    async fn holds_one_message_of_any_size_and_no_more_than_its_limit() {
        let (tx, mut rx) = outbox(100);
        assert_eq!(tx.send(bytes(500)), Ok(()), "one message always fits");
        assert_eq!(tx.send(bytes(1)), Err(Refused::Full));
        let close = Outgoing::Close {
            code: 1008,
            reason: "slow",
        };
        assert_eq!(tx.send(close), Ok(()), "a close always fits");
        assert_eq!(rx.recv().await.map(|m| m.size()), Some(500));
        assert_eq!(tx.send(bytes(60)), Ok(()));
        assert_eq!(tx.send(bytes(40)), Ok(()));
        assert_eq!(tx.send(bytes(1)), Err(Refused::Full));
        drop(rx);
        assert_eq!(tx.send(bytes(1)), Err(Refused::Closed));
    }
}
