//! One websocket connection: frames in, decoded and checked, requests to the session;
//! the session's messages out.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket};
use futures_util::SinkExt;
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite;

use super::log::log;
use super::session::{Command, Outgoing, OUTBOX_CAPACITY};
use super::sessions::Sessions;
use crate::protocol::token::SessionId;
use crate::protocol::{Body, Frame, Message, MsgId, Receiver};
use crate::sync::PeerKind;

/// How often an idle connection is pinged (Bokeh's default keep-alive).
const KEEP_ALIVE: Duration = Duration::from_millis(37_000);

/// Close codes (RFC 6455).
const GOING_AWAY: u16 = 1001;
const POLICY: u16 = 1008;
const TOO_BIG: u16 = 1009;
const INTERNAL: u16 = 1011;

pub(crate) struct Connection {
    pub sessions: Arc<Sessions>,
    pub session_id: SessionId,
    pub kind: PeerKind,
    pub shutdown: watch::Receiver<bool>,
    /// Held while the connection lives: shutdown waits until every one is dropped.
    pub _alive: mpsc::Sender<()>,
}

/// Why the connection ended, for the log line.
struct Closed {
    code: Option<u16>,
    reason: Option<String>,
}

impl Connection {
    pub(crate) async fn run(mut self, mut socket: WebSocket) {
        log!("WebSocket connection opened");
        let (outbox, mut inbox) = mpsc::channel::<Outgoing>(OUTBOX_CAPACITY);
        let joined = match self
            .sessions
            .join(&self.session_id, self.kind, outbox)
            .await
        {
            Ok(joined) => joined,
            Err(e) => {
                log!("Could not create new server session, reason: {e}");
                let _ = close(&mut socket, INTERNAL, &e.to_string()).await;
                return;
            }
        };
        log!("ServerConnection created");
        let ack = Outgoing::Frames(Arc::new(Message::new(MsgId::next(), Body::Ack).to_frames()));
        let mut receiver = Receiver::new();
        // As Bokeh: a ping now and then keeps proxies from closing an idle connection, and
        // a peer that stopped answering (gone without a close) is let go.
        let mut keep_alive = tokio::time::interval_at(Instant::now() + KEEP_ALIVE, KEEP_ALIVE);
        let mut answered = true;
        let closed = if send(&mut socket, ack).await.is_err() {
            Closed {
                code: None,
                reason: None,
            }
        } else {
            loop {
                tokio::select! {
                    incoming = socket.recv() => {
                        let frame = match incoming {
                            Some(Ok(WsMessage::Text(t))) => Frame::Text(t.as_str().to_owned()),
                            Some(Ok(WsMessage::Binary(b))) => Frame::Binary(b.to_vec()),
                            Some(Ok(WsMessage::Pong(_))) => {
                                answered = true;
                                continue;
                            }
                            Some(Ok(WsMessage::Ping(_))) => continue,
                            Some(Ok(WsMessage::Close(frame))) => break Closed {
                                code: frame.as_ref().map(|f| f.code),
                                reason: frame.map(|f| f.reason.to_string()).filter(|r| !r.is_empty()),
                            },
                            Some(Err(e)) => break read_failed(&mut socket, e).await,
                            None => break Closed { code: None, reason: None },
                        };
                        let request = match receiver.consume(frame) {
                            Ok(None) => continue,
                            Ok(Some(message)) => Ok(message),
                            Err(rejected) => Err(rejected),
                        };
                        let command = Command::Request { from: joined.peer, request };
                        if joined.session.send(command).await.is_err() {
                            let _ = close(&mut socket, INTERNAL, "session has ended").await;
                            break Closed { code: Some(INTERNAL), reason: Some("session has ended".into()) };
                        }
                    }
                    outgoing = inbox.recv() => match outgoing {
                        Some(Outgoing::Close { code, reason }) => {
                            let _ = close(&mut socket, code, reason).await;
                            break Closed { code: Some(code), reason: Some(reason.into()) };
                        }
                        Some(frames) => {
                            if send(&mut socket, frames).await.is_err() {
                                break Closed { code: None, reason: None };
                            }
                        }
                        None => {
                            let reason = "connection could not keep up with its session";
                            let _ = close(&mut socket, POLICY, reason).await;
                            break Closed { code: Some(POLICY), reason: Some(reason.into()) };
                        }
                    },
                    _ = keep_alive.tick() => {
                        if !answered {
                            break Closed { code: None, reason: Some("no answer to ping".into()) };
                        }
                        answered = false;
                        if socket.send(WsMessage::Ping(Default::default())).await.is_err() {
                            break Closed { code: None, reason: None };
                        }
                    }
                    _ = self.shutdown.changed() => {
                        let reason = "server shutting down";
                        let _ = close(&mut socket, GOING_AWAY, reason).await;
                        break Closed { code: Some(GOING_AWAY), reason: Some(reason.into()) };
                    }
                }
            }
        };
        let _ = joined.session.send(Command::Leave(joined.peer)).await;
        log!(
            "WebSocket connection closed: code={}, reason={}",
            closed.code.map_or("None".into(), |c| c.to_string()),
            closed.reason.map_or("None".into(), |r| format!("{r:?}"))
        );
    }
}

/// Reading failed: an over-size message gets an ERROR and a close saying so; anything
/// else means the connection is gone.
async fn read_failed(socket: &mut WebSocket, error: axum::Error) -> Closed {
    let too_big = match error.into_inner().downcast::<tungstenite::Error>() {
        Ok(e) => match *e {
            tungstenite::Error::Capacity(c) => Some(c.to_string()),
            _ => None,
        },
        Err(_) => None,
    };
    let Some(what) = too_big else {
        return Closed {
            code: None,
            reason: None,
        };
    };
    let text = format!("message refused: {what}");
    log!("Protocol error from client: {text}");
    let error = Message::error(MsgId::next(), None, text.clone());
    let _ = send(socket, Outgoing::Frames(Arc::new(error.to_frames()))).await;
    let _ = close(socket, TOO_BIG, &text).await;
    Closed {
        code: Some(TOO_BIG),
        reason: Some(text),
    }
}

/// Writes one message's frames and flushes once, so a small message is one write.
async fn send(socket: &mut WebSocket, message: Outgoing) -> Result<(), axum::Error> {
    let Outgoing::Frames(frames) = message else {
        return Ok(());
    };
    // The last holder of a message takes its frames without copying them.
    let frames = Arc::try_unwrap(frames).unwrap_or_else(|shared| (*shared).clone());
    for frame in frames {
        socket
            .feed(match frame {
                Frame::Text(t) => WsMessage::Text(t.into()),
                Frame::Binary(b) => WsMessage::Binary(b.into()),
            })
            .await?;
    }
    socket.flush().await
}

async fn close(socket: &mut WebSocket, code: u16, reason: &str) -> Result<(), axum::Error> {
    // A close reason is limited to 123 bytes.
    let reason: String = reason.chars().take(100).collect();
    socket
        .send(WsMessage::Close(Some(CloseFrame {
            code,
            reason: reason.into(),
        })))
        .await
}
