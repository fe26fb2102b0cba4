//! The page's link to `rokeh serve`: served by it (a `rokeh-session` meta tag in the
//! page), the page joins its session over Bokeh's protocol; opened statically it runs
//! alone. Losing the connection never stops the page: edits made offline are kept and
//! sent when it reconnects (with backoff), after the session's state is pulled.
//!
//! The page runs the app's callbacks for its own edits and sends their consequences with
//! them; it says so with `?client=rokeh`, so the server does not run them again. Changes
//! from the server are applied without running callbacks: whoever made them ran them. The
//! server runs the session's periodic callbacks; their changes arrive as patches.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BinaryType, CloseEvent, MessageEvent, WebSocket};

use super::page::Page;
use crate::document::json::{
    apply_json_events, changes_to_json, sync_from_json, BufferId, BufferMode, Buffers, Encoded,
    SyncedModels,
};
use crate::document::{Change, Event, Origin, PeerId};
use crate::protocol::page_link::{CLIENT_QUERY, ROKEH_CLIENT, SESSION_ID_QUERY, SESSION_META};
use crate::protocol::{Body, Buffer, Frame, Message, MsgId, Receiver};

/// Changes from the server are recorded as coming from this peer, so they are not sent back.
const SERVER: PeerId = PeerId(0);
const FIRST_RETRY_MS: i32 = 500;
const MAX_RETRY_MS: i32 = 8_000;

/// What the badge shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Connecting,
    Live,
    /// Disconnected; edits are kept. Retrying in this many seconds.
    Offline(i32),
}

/// Where the session is, as the server wrote it into the page.
struct Served {
    ws_url: String,
    token_url: String,
}

struct Link {
    page: Page,
    served: Served,
    token: String,
    status: WriteSignal<Status>,
    socket: Option<WebSocket>,
    receiver: Receiver,
    /// The PULL-DOC-REQ sent after the ACK.
    pull: Option<MsgId>,
    /// Connected and holding the session's state: edits go out at once.
    live: bool,
    /// The page's edits not yet sent (offline, or before the session's state arrived).
    unsent: Vec<Change>,
    /// Sent and not yet confirmed: sent again after a reconnect (setting a value twice is
    /// harmless; losing it is not).
    in_flight: Vec<(MsgId, Vec<Change>)>,
    /// The models the session has, so a change naming another one carries it whole.
    synced: SyncedModels,
    retry_ms: i32,
}

type Shared = Rc<RefCell<Link>>;

/// Joins the session when the page was served by `rokeh serve`; returns the connection
/// badge, or `None` when the page runs alone.
pub fn start(page: Page) -> Option<impl IntoView> {
    let (served, token) = served_session()?;
    let (status, set_status) = signal(Status::Connecting);
    let synced = page.read(SyncedModels::of);
    let link: Shared = Rc::new(RefCell::new(Link {
        page,
        served,
        token,
        status: set_status,
        socket: None,
        receiver: Receiver::new(),
        pull: None,
        live: false,
        unsent: Vec::new(),
        in_flight: Vec::new(),
        synced,
        retry_ms: FIRST_RETRY_MS,
    }));
    let on_edit = link.clone();
    page.on_changes(move |changes| {
        let own: Vec<Change> = changes
            .iter()
            .filter(|c| c.origin == Origin::Local)
            .cloned()
            .collect();
        if !own.is_empty() {
            on_edit.borrow_mut().local_changes(own);
        }
    });
    open(&link);
    Some(view! {
        <div class="rk-connection" data-state=move || state_name(status.get())>
            {move || match status.get() {
                Status::Connecting => "connecting…".to_owned(),
                Status::Live => "live".to_owned(),
                Status::Offline(s) => format!("offline: edits kept, reconnecting in {s} s"),
            }}
        </div>
    })
}

fn state_name(status: Status) -> &'static str {
    match status {
        Status::Connecting => "connecting",
        Status::Live => "live",
        Status::Offline(_) => "offline",
    }
}

/// The session the server wrote into the page, if it did.
fn served_session() -> Option<(Served, String)> {
    let window = web_sys::window()?;
    let meta = window
        .document()?
        .query_selector(&format!("meta[name=\"{SESSION_META}\"]"))
        .ok()??;
    let ws_path = meta.get_attribute("data-ws-path")?;
    let session_id = meta.get_attribute("data-session-id")?;
    let token = meta.get_attribute("data-token")?;
    let location = window.location();
    let scheme = match location.protocol().ok()?.as_str() {
        "https:" => "wss",
        _ => "ws",
    };
    let host = location.host().ok()?;
    let app_path = ws_path.trim_end_matches("/ws");
    let id = js_sys::encode_uri_component(&session_id);
    Some((
        Served {
            ws_url: format!("{scheme}://{host}{ws_path}?{CLIENT_QUERY}={ROKEH_CLIENT}"),
            token_url: format!("{app_path}/token?{SESSION_ID_QUERY}={id}"),
        },
        token,
    ))
}

/// Opens the websocket with the current token.
fn open(link: &Shared) {
    let (url, token) = {
        let l = link.borrow();
        l.status.set(Status::Connecting);
        (l.served.ws_url.clone(), l.token.clone())
    };
    let protocols = js_sys::Array::of2(&"bokeh".into(), &token.into());
    let socket = match WebSocket::new_with_str_sequence(&url, &protocols) {
        Ok(socket) => socket,
        Err(e) => {
            web_sys::console::error_2(&"rokeh: cannot open the websocket".into(), &e);
            return retry(link);
        }
    };
    socket.set_binary_type(BinaryType::Arraybuffer);
    let on_message = link.clone();
    let message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let frame = match data.as_string() {
            Some(text) => Frame::Text(text),
            None => Frame::Binary(js_sys::Uint8Array::new(&data).to_vec()),
        };
        receive(&on_message, frame);
    });
    socket.set_onmessage(Some(message.as_ref().unchecked_ref()));
    message.forget();
    let on_close = link.clone();
    let close = Closure::<dyn FnMut(CloseEvent)>::new(move |_: CloseEvent| {
        let mut l = on_close.borrow_mut();
        l.socket = None;
        l.pull = None;
        l.live = false;
        l.receiver = Receiver::new();
        // What the server may not have applied goes again, before what came after it.
        let mut again: Vec<Change> = l.in_flight.drain(..).flat_map(|(_, c)| c).collect();
        again.append(&mut l.unsent);
        l.unsent = again;
        drop(l);
        retry(&on_close);
    });
    socket.set_onclose(Some(close.as_ref().unchecked_ref()));
    close.forget();
    link.borrow_mut().socket = Some(socket);
}

/// Tries again after a growing pause, with a fresh token (the served one expires).
fn retry(link: &Shared) {
    let wait = {
        let mut l = link.borrow_mut();
        let wait = l.retry_ms;
        l.retry_ms = (wait * 2).min(MAX_RETRY_MS);
        l.status.set(Status::Offline((wait + 999) / 1000));
        wait
    };
    let link = link.clone();
    let again = Closure::once_into_js(move || {
        wasm_bindgen_futures::spawn_local(async move {
            let url = link.borrow().served.token_url.clone();
            match fetch_text(&url).await {
                Some(token) => {
                    link.borrow_mut().token = token;
                    open(&link);
                }
                None => retry(&link),
            }
        });
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), wait);
    }
}

async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?;
    text.as_string()
}

fn receive(link: &Shared, frame: Frame) {
    let message = match link.borrow_mut().receiver.consume(frame) {
        Ok(Some(message)) => message,
        Ok(None) => return,
        Err(e) => {
            web_sys::console::error_1(
                &format!("rokeh: unreadable message from the server: {e}").into(),
            );
            return;
        }
    };
    let reqid = message.reqid.clone();
    let buffers = to_json_buffers(message.buffers);
    match message.body {
        Body::Ack => {
            let mut l = link.borrow_mut();
            l.retry_ms = FIRST_RETRY_MS;
            let pull = Message::new(MsgId::next(), Body::PullDocReq);
            l.pull = Some(pull.msgid.clone());
            l.send(&pull);
        }
        Body::PullDocReply { doc } if reqid.is_some() && reqid == link.borrow().pull => {
            pulled(link, &doc, &buffers)
        }
        Body::PatchDoc { events } => {
            let page = link.borrow().page;
            let events = serde_json::Value::Array(events);
            let applied = page.update(|d| {
                let applied = apply_json_events(d, &events, &buffers, Origin::Peer(SERVER), false);
                (applied, SyncedModels::of(d))
            });
            match applied {
                (Ok(()), synced) => link.borrow_mut().synced = synced,
                (Err(e), _) => {
                    web_sys::console::error_1(&format!("rokeh: server patch refused: {e}").into())
                }
            }
        }
        Body::Ok => link.borrow_mut().confirmed(reqid.as_ref()),
        Body::Error { text, .. } => {
            web_sys::console::error_1(
                &format!("rokeh: the server refused a change: {text}").into(),
            );
            link.borrow_mut().confirmed(reqid.as_ref());
        }
        _ => {}
    }
}

/// The session's state arrived: take it, put the page's unsent edits back on top, and
/// send them.
fn pulled(link: &Shared, doc: &serde_json::Value, buffers: &Buffers) {
    let (page, unsent, synced) = {
        let mut l = link.borrow_mut();
        l.pull = None;
        (l.page, std::mem::take(&mut l.unsent), l.synced.clone())
    };
    let result = page.update(|d| {
        // Encoded from the page's document before it takes the session's state.
        let mine = changes_to_json(d, &unsent, &synced, BufferMode::Binary);
        sync_from_json(d, doc, buffers, Origin::Peer(SERVER))?;
        apply_json_events(d, &mine.json, &mine.buffers, Origin::Peer(SERVER), false)?;
        Ok::<_, crate::document::json::JsonError>((mine, SyncedModels::of(d)))
    });
    let mut l = link.borrow_mut();
    match result {
        Ok((mine, synced)) => {
            l.synced = synced;
            l.live = true;
            l.status.set(Status::Live);
            l.send_changes(mine, unsent);
        }
        Err(e) => {
            web_sys::console::error_1(
                &format!("rokeh: cannot take the session's state: {e}").into(),
            );
            l.unsent = unsent;
        }
    }
}

impl Link {
    /// The page's own edits: sent at once when live, kept otherwise (only the latest of
    /// each property: a slider dragged offline sends where it stopped).
    fn local_changes(&mut self, changes: Vec<Change>) {
        if !self.live {
            for change in changes {
                self.unsent
                    .retain(|old| !supersedes(&change.event, &old.event));
                self.unsent.push(change);
            }
            return;
        }
        let encoded = self
            .page
            .read(|d| changes_to_json(d, &changes, &self.synced, BufferMode::Binary));
        self.send_changes(encoded, changes);
    }

    fn send_changes(&mut self, encoded: Encoded, changes: Vec<Change>) {
        let serde_json::Value::Array(events) = encoded.json else {
            return;
        };
        if events.is_empty() {
            return;
        }
        let buffers = encoded
            .buffers
            .into_iter()
            .map(|(BufferId(id), data)| Buffer { id, data })
            .collect();
        let message = Message::new(MsgId::next(), Body::PatchDoc { events }).with_buffers(buffers);
        self.in_flight.push((message.msgid.clone(), changes));
        self.send(&message);
    }

    fn confirmed(&mut self, reqid: Option<&MsgId>) {
        self.in_flight.retain(|(id, _)| Some(id) != reqid);
    }

    fn send(&self, message: &Message) {
        let Some(socket) = &self.socket else { return };
        for frame in message.to_frames() {
            let sent = match frame {
                Frame::Text(text) => socket.send_with_str(&text),
                Frame::Binary(bytes) => socket.send_with_u8_array(&bytes),
            };
            if let Err(e) = sent {
                // The close event follows and puts the change back in line.
                web_sys::console::warn_2(&"rokeh: send failed".into(), &e);
                return;
            }
        }
    }
}

/// Whether `new` makes `old` pointless to send: it sets the same thing again.
fn supersedes(new: &Event, old: &Event) -> bool {
    match (new, old) {
        (
            Event::ModelChanged { model, attr, .. },
            Event::ModelChanged {
                model: m, attr: a, ..
            },
        ) => model == m && attr == a,
        (
            Event::ColumnDataChanged {
                model, attr, cols, ..
            },
            Event::ColumnDataChanged {
                model: m,
                attr: a,
                cols: c,
                ..
            },
        ) => model == m && attr == a && (cols.is_none() || cols == c),
        (Event::TitleChanged { .. }, Event::TitleChanged { .. }) => true,
        _ => false,
    }
}

fn to_json_buffers(buffers: Vec<Buffer>) -> Buffers {
    let mut out = Buffers::new();
    for Buffer { id, data } in buffers {
        out.insert(BufferId(id), data);
    }
    out
}
