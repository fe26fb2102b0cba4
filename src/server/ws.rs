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
use super::outbox::outbox;
use super::session::{Command, Outgoing, INTERNAL, POLICY, PROTOCOL_ERROR, TOO_BIG};
use super::sessions::Sessions;
use super::work::off_the_workers;
use crate::document::SessionContext;
use crate::protocol::token::SessionId;
use crate::protocol::{Body, Frame, Message, MsgId, Receiver};
use crate::sync::PeerKind;

/// How long a close waits for the peer's close in answer.
const CLOSE_HANDSHAKE: Duration = Duration::from_millis(500);

/// How often an idle connection is pinged (Bokeh's default keep-alive).
const KEEP_ALIVE: Duration = Duration::from_millis(37_000);

/// Close codes (RFC 6455), besides the session's.
const GOING_AWAY: u16 = 1001;
const NOT_UTF8: u16 = 1007;

pub(crate) struct Connection {
    pub sessions: Arc<Sessions>,
    pub session_id: SessionId,
    /// What the session knows of the request behind it, if this connection makes it.
    pub context: SessionContext,
    pub kind: PeerKind,
    pub shutdown: watch::Receiver<bool>,
    /// `--websocket-max-message-size`: a message's frames in all, and what may wait to be
    /// written to this connection.
    pub max_message_size: usize,
    /// `--websocket-write-timeout`: how long writing one message may take.
    pub write_timeout: Duration,
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
        let (outbox, mut inbox) = outbox(self.max_message_size);
        let joined = match self
            .sessions
            .join(&self.session_id, self.kind, outbox, &self.context)
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
        let mut receiver = Receiver::with_max_message_size(self.max_message_size);
        // Bytes of the message being read, for the session to know a heavy one.
        let mut message_bytes = 0usize;
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
                        let len = match &frame {
                            Frame::Text(t) => t.len(),
                            Frame::Binary(b) => b.len(),
                        };
                        message_bytes = message_bytes.saturating_add(len);
                        // A text frame may complete the message's JSON, which is parsed
                        // then: heavy work for a large message, off the async workers.
                        let consumed = match frame {
                            Frame::Binary(_) => receiver.consume(frame),
                            Frame::Text(_) => {
                                off_the_workers(message_bytes, false, || receiver.consume(frame))
                                    .await
                            }
                        };
                        let request = match consumed {
                            Ok(None) => continue,
                            Ok(Some(message)) => Ok(message),
                            Err(rejected) => Err(rejected),
                        };
                        let bytes = std::mem::take(&mut message_bytes);
                        let command = Command::Request { from: joined.peer, request, bytes };
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
                            match tokio::time::timeout(self.write_timeout, send(&mut socket, frames)).await {
                                Ok(Ok(())) => {}
                                Ok(Err(_)) => break Closed { code: None, reason: None },
                                Err(_) => {
                                    let reason = format!(
                                        "did not read its messages within {} ms",
                                        self.write_timeout.as_millis()
                                    );
                                    break Closed { code: None, reason: Some(reason) };
                                }
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

/// Reading failed: an over-size frame gets an ERROR and a close saying so, a text frame
/// that is not UTF-8 a close 1007, a frame breaking the websocket protocol a close 1002;
/// anything else means the connection is gone.
async fn read_failed(socket: &mut WebSocket, error: axum::Error) -> Closed {
    let error = match error.into_inner().downcast::<tungstenite::Error>() {
        Ok(e) => *e,
        Err(_) => {
            return Closed {
                code: None,
                reason: None,
            }
        }
    };
    let (code, what) = match error {
        tungstenite::Error::Capacity(c) => (TOO_BIG, c.to_string()),
        tungstenite::Error::Utf8(e) => (NOT_UTF8, format!("a text frame is not UTF-8: {e}")),
        tungstenite::Error::Protocol(e) => (PROTOCOL_ERROR, format!("websocket protocol: {e}")),
        _ => {
            return Closed {
                code: None,
                reason: None,
            }
        }
    };
    if code != TOO_BIG {
        log!("Protocol error from client: {what}");
        let _ = close(socket, code, &what).await;
        return Closed {
            code: Some(code),
            reason: Some(what),
        };
    }
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
        .await?;
    // The closing handshake: the peer answers with a close of its own. Waiting for it (a
    // little) lets the peer read ours before the connection goes, instead of a reset.
    let _ = tokio::time::timeout(CLOSE_HANDSHAKE, async {
        while let Some(Ok(message)) = socket.recv().await {
            if matches!(message, WsMessage::Close(_)) {
                break;
            }
        }
    })
    .await;
    Ok(())
}
