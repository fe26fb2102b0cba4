//! The page's side of a session, as a state machine the websocket driver feeds: it says
//! what to send and when the session's state must be pulled again, and never loses an
//! edit the page made.
//!
//! - Opened → wait for ACK → PULL-DOC-REQ → the reply brings the page to the session's
//!   state (merged by id when the document is still the app's, replaced when a push
//!   replaced it) and the edits made meanwhile go out on top → live.
//! - Live: the page's own edits go out at once; the server's patches are applied without
//!   running callbacks (whoever made them ran them).
//! - Closed: edits in flight go back in line before the unsent ones, in their order; only
//!   a change that directly follows one of the same property replaces it.
//! - An ERROR, a patch that does not apply or a pull that fails mean the page may differ
//!   from the session: it pulls again.

use serde_json::Value as Json;

use super::wire::{apply_patch, from_protocol, is_app_document};
use crate::document::json::{
    apply_json_events, changes_to_json, read_json_as, sync_from_json, BufferMode, Encoded,
    JsonError, SyncedModels,
};
use crate::document::{Actor, Change, Document, Origin, PeerId};
use crate::protocol::{Body, Buffer, Message, MsgId};

/// The server, as the page records the changes it sends.
pub const SERVER: PeerId = PeerId(0);

/// Where the connection stands, for the page to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// No connection; edits are kept.
    Offline,
    /// Connected, the session's state not yet here.
    Connecting,
    /// In step with the session: edits go out at once.
    Live,
}

#[derive(Clone, Debug, PartialEq)]
enum State {
    Closed,
    /// Waiting for the server's ACK.
    Opened,
    /// The PULL-DOC-REQ with this id is out.
    Pulling(MsgId),
    Live,
}

/// What the driver does after a message.
#[derive(Debug, Default)]
pub struct Reaction {
    /// To send, in order.
    pub send: Vec<Message>,
    /// Something went wrong, for the console.
    pub error: Option<String>,
    /// The page may differ from the session: call [`Client::pull`] (after a pause).
    pub pull_again: bool,
}

/// A page's side of a session, without I/O: the page's websocket driver feeds it what
/// arrives and sends what it returns, and it keeps the page's edits until the session has
/// them.
pub struct Client {
    state: State,
    /// The page's edits not yet sent (offline, or before the session's state arrived).
    unsent: Vec<Change>,
    /// Sent and not yet confirmed: sent again after a reconnect (setting a value twice is
    /// harmless; losing it is not).
    in_flight: Vec<(MsgId, Vec<Change>)>,
    /// The models the session has, so a change naming another one carries it whole.
    synced: SyncedModels,
}

impl Client {
    /// The side of a page whose document the app built.
    pub fn new(doc: &Document) -> Client {
        Client {
            state: State::Closed,
            unsent: Vec::new(),
            in_flight: Vec::new(),
            synced: SyncedModels::of(doc),
        }
    }

    /// Where the page stands with its session, for the page to show.
    pub fn status(&self) -> Status {
        match self.state {
            State::Closed => Status::Offline,
            State::Opened | State::Pulling(_) => Status::Connecting,
            State::Live => Status::Live,
        }
    }

    /// The websocket opened: the server speaks first (ACK).
    pub fn opened(&mut self) {
        self.state = State::Opened;
    }

    /// The websocket closed: what may not have reached the server goes again, before
    /// what came after it.
    pub fn closed(&mut self) {
        self.state = State::Closed;
        let mut again: Vec<Change> = self.in_flight.drain(..).flat_map(|(_, c)| c).collect();
        again.append(&mut self.unsent);
        self.unsent = again;
    }

    /// Edits made in the page (its changes of origin `Local`; others are ignored): the
    /// PATCH-DOC to send now when live, else kept.
    pub fn local_changes(&mut self, doc: &Document, changes: &[Change]) -> Option<Message> {
        let own = changes
            .iter()
            .filter(|c| c.origin == Origin::Local)
            .cloned();
        if self.state != State::Live {
            for change in own {
                match self.unsent.last_mut() {
                    Some(last) if change.event.supersedes(&last.event) => *last = change,
                    _ => self.unsent.push(change),
                }
            }
            return None;
        }
        let own: Vec<Change> = own.collect();
        let encoded = changes_to_json(doc, &own, &self.synced, BufferMode::Binary);
        self.send_changes(doc, encoded, own)
    }

    /// A PULL-DOC-REQ, when connected; `None` otherwise (the next connection pulls).
    pub fn pull(&mut self) -> Option<Message> {
        if self.state == State::Closed {
            return None;
        }
        let pull = Message::new(MsgId::next(), Body::PullDocReq);
        self.state = State::Pulling(pull.msgid.clone());
        Some(pull)
    }

    /// A message from the server: applied to `doc`, and what to do next.
    pub fn receive(&mut self, doc: &mut Document, message: Message) -> Reaction {
        let mut reaction = Reaction::default();
        let reqid = message.reqid;
        match message.body {
            Body::Ack => reaction.send.extend(self.pull()),
            Body::PullDocReply { doc: json } if matches!(&self.state, State::Pulling(id) if Some(id) == reqid.as_ref()) => {
                match self.pulled(doc, &json, message.buffers) {
                    Ok(send) => reaction.send.extend(send),
                    Err(e) => {
                        reaction.error = Some(format!("cannot take the session's state: {e}"));
                        reaction.pull_again = true;
                        self.state = State::Opened;
                    }
                }
            }
            Body::PatchDoc { events } => {
                let buffers = from_protocol(message.buffers);
                match apply_patch(doc, events, &buffers, Actor::mirror(SERVER)) {
                    Ok(()) => self.synced = SyncedModels::of(doc),
                    Err(e) => {
                        reaction.error = Some(format!("a patch from the server failed: {e}"));
                        reaction.pull_again = true;
                    }
                }
            }
            Body::Ok => self.confirmed(reqid.as_ref()),
            Body::Error { text, .. } => {
                // The page applied a change the session refused: get back in step.
                reaction.error = Some(format!("the server refused a change: {text}"));
                reaction.pull_again = self
                    .in_flight
                    .iter()
                    .any(|(id, _)| Some(id) == reqid.as_ref());
                self.confirmed(reqid.as_ref());
            }
            _ => {}
        }
        reaction
    }

    /// The session's state arrived: take it, put the page's unsent edits back on top, and
    /// return the patch that sends them.
    fn pulled(
        &mut self,
        doc: &mut Document,
        json: &Json,
        buffers: Vec<Buffer>,
    ) -> Result<Option<Message>, JsonError> {
        let buffers = from_protocol(buffers);
        // Encoded from the page's document before it takes the session's state.
        let mine = changes_to_json(doc, &self.unsent, &self.synced, BufferMode::Binary);
        let unsent = std::mem::take(&mut self.unsent);
        let result = doc.acting_as(Actor::mirror(SERVER), |doc| {
            let merged = is_app_document(json) && sync_from_json(doc, json, &buffers).is_ok();
            if !merged {
                // Not the app's document (pushed), or not one this page can merge into:
                // show it as it is; the page's callbacks were for the old one.
                doc.replace(read_json_as(json, &buffers, doc)?);
            }
            // Edits of models the session no longer has are dropped with the old document.
            let kept = apply_json_events(doc, &mine.json, &mine.buffers).is_ok();
            Ok::<_, JsonError>(kept)
        });
        match result {
            Ok(kept) => {
                self.state = State::Live;
                self.synced = SyncedModels::of(doc);
                Ok(if kept {
                    self.send_changes(doc, mine, unsent)
                } else {
                    None
                })
            }
            Err(e) => {
                self.unsent = unsent;
                Err(e)
            }
        }
    }

    fn send_changes(
        &mut self,
        doc: &Document,
        encoded: Encoded,
        changes: Vec<Change>,
    ) -> Option<Message> {
        let Json::Array(events) = encoded.json else {
            return None;
        };
        if events.is_empty() {
            return None;
        }
        let buffers = super::wire::to_protocol(encoded.buffers);
        let message = Message::new(MsgId::next(), Body::PatchDoc { events }).with_buffers(buffers);
        self.in_flight.push((message.msgid.clone(), changes));
        // The session has every model the patch defined.
        self.synced = SyncedModels::of(doc);
        Some(message)
    }

    fn confirmed(&mut self, reqid: Option<&MsgId>) {
        self.in_flight.retain(|(id, _)| Some(id) != reqid);
    }

    /// The edits not yet sent, oldest first.
    pub fn unsent(&self) -> &[Change] {
        &self.unsent
    }

    /// Whether the page and the session agree as far as it knows: live, with every edit
    /// sent and confirmed.
    pub fn settled(&self) -> bool {
        self.state == State::Live && self.unsent.is_empty() && self.in_flight.is_empty()
    }
}
