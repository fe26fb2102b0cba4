//! The page's link to `rokeh serve` (the `session` feature): served by it or embedded by
//! its autoload script (see [`super::session`]), the page joins its session over Bokeh's
//! protocol; opened statically it runs alone. This is the websocket driver of [`crate::sync::Client`], which decides what to
//! send; losing the connection never stops the page: it reconnects with backoff and a
//! fresh token, and no edit is lost.
//!
//! The page runs the app's callbacks for its own edits and sends their consequences with
//! them; it says so with `?client=rokeh`, so the server does not run them again. The
//! server runs the session's periodic callbacks; their changes arrive as patches.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BinaryType, CloseEvent, MessageEvent, WebSocket};

use super::callbacks;
use super::hook;
use super::page::Page;
use super::periodic::after;
use super::session::Session;
use crate::document::{EventKind, Origin, UiEvent};
use crate::protocol::page_link::{CLIENT_QUERY, ROKEH_CLIENT, SESSION_ID_QUERY};
use crate::protocol::{Frame, Message, Receiver};
use crate::sync::client::Reaction;
use crate::sync::{Client, Status};

const FIRST_RETRY_MS: i32 = 500;
const MAX_RETRY_MS: i32 = 8_000;
/// The pause before pulling the session again after the page fell out of step.
const RESYNC_MS: i32 = 250;

/// What the badge shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Badge {
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
    badge: WriteSignal<Badge>,
    socket: Option<WebSocket>,
    receiver: Receiver,
    /// Taken out while a server message updates the page (see [`receive`]).
    client: Option<Client>,
    retry_ms: i32,
    /// Whether the session was live once, and is lost now: what the document's
    /// `connection_lost` and `client_reconnected` callbacks hear of.
    was_live: bool,
    lost: bool,
}

type Shared = Rc<RefCell<Link>>;

/// Joins `session`; returns the connection badge.
pub fn start(page: Page, session: Session) -> impl IntoView {
    let arguments = page.read(|d| d.session_context().all_arguments().to_vec());
    let (served, token) = links(session, &arguments);
    let (badge, set_badge) = signal(Badge::Connecting);
    let client = Some(page.read(Client::new));
    let link: Shared = Rc::new(RefCell::new(Link {
        page,
        served,
        token,
        badge: set_badge,
        socket: None,
        receiver: Receiver::new(),
        client,
        retry_ms: FIRST_RETRY_MS,
        was_live: false,
        lost: false,
    }));
    let on_edit = link.clone();
    page.on_changes(move |changes| {
        // The server's changes, applied by `receive`, are not the page's to send.
        if !changes.iter().any(|c| c.origin == Origin::Local) {
            return;
        }
        let message = {
            let mut l = on_edit.borrow_mut();
            let page = l.page;
            let client = l
                .client
                .as_mut()
                .expect("the page's own edits come between messages");
            let message = page.read(|d| client.local_changes(d, changes));
            hook::settled(client.settled());
            message
        };
        if let Some(message) = message {
            on_edit.borrow().send(&message);
        }
    });
    open(&link);
    view! {
        <div class="rk-connection" data-state=move || state_name(badge.get())>
            {move || match badge.get() {
                Badge::Connecting => "connecting…".to_owned(),
                Badge::Live => "live".to_owned(),
                Badge::Offline(s) => format!("offline: edits kept, reconnecting in {s} s"),
            }}
        </div>
    }
}

fn state_name(badge: Badge) -> &'static str {
    match badge {
        Badge::Connecting => "connecting",
        Badge::Live => "live",
        Badge::Offline(_) => "offline",
    }
}

/// Where `session` is reached: its websocket, its token URL; and its first token. The
/// token URL repeats the query `arguments` the session was opened with, so that a fresh
/// token carries them too (should the session be gone, it is made again from it).
fn links(session: Session, arguments: &[(String, String)]) -> (Served, String) {
    // http://host/app → ws://host/app/ws, https → wss.
    let ws_app_url = match session.app_url.strip_prefix("http") {
        Some(rest) => format!("ws{rest}"),
        None => session.app_url.clone(),
    };
    let encode = |text: &str| String::from(js_sys::encode_uri_component(text));
    let mut token_url = format!(
        "{}/token?{SESSION_ID_QUERY}={}",
        session.app_url,
        encode(&session.session_id)
    );
    for (name, value) in arguments {
        token_url.push_str(&format!("&{}={}", encode(name), encode(value)));
    }
    let served = Served {
        ws_url: format!("{ws_app_url}/ws?{CLIENT_QUERY}={ROKEH_CLIENT}"),
        token_url,
    };
    (served, session.token)
}

/// Opens the websocket with the current token.
fn open(link: &Shared) {
    let (url, token) = {
        let l = link.borrow();
        l.badge.set(Badge::Connecting);
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
        {
            let mut l = on_close.borrow_mut();
            l.socket = None;
            l.receiver = Receiver::new();
            if let Some(client) = l.client.as_mut() {
                client.closed();
            }
        }
        retry(&on_close);
    });
    socket.set_onclose(Some(close.as_ref().unchecked_ref()));
    close.forget();
    let mut l = link.borrow_mut();
    if let Some(client) = l.client.as_mut() {
        client.opened();
    }
    l.socket = Some(socket);
}

/// Tries again after a growing pause, with a fresh token (the served one expires).
fn retry(link: &Shared) {
    let (wait, lost_now, page) = {
        let mut l = link.borrow_mut();
        let wait = l.retry_ms;
        l.retry_ms = (wait * 2).min(MAX_RETRY_MS);
        l.badge.set(Badge::Offline((wait + 999) / 1000));
        let lost_now = l.was_live && !l.lost;
        l.lost |= lost_now;
        (wait, lost_now, l.page)
    };
    if lost_now {
        callbacks::on_document_event(page, EventKind::ConnectionLost);
    }
    let link = link.clone();
    after(wait, move || {
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
    let page = link.borrow().page;
    // The client is taken out while the page updates: the update tells the page's change
    // listeners, which must not find the link borrowed.
    let Some(mut client) = link.borrow_mut().client.take() else {
        return;
    };
    let reaction = page.update(|d| client.receive(d, message));
    hook::settled(client.settled());
    let live = client.status() == Status::Live;
    let mut l = link.borrow_mut();
    l.client = Some(client);
    let reconnected = live && l.lost;
    let first_shown = live && !l.was_live;
    if live {
        l.retry_ms = FIRST_RETRY_MS;
        l.badge.set(Badge::Live);
        l.was_live = true;
        l.lost = false;
    }
    drop(l);
    if reconnected {
        callbacks::on_document_event(page, EventKind::ClientReconnected);
    }
    react(link, reaction);
    // The session's document is shown: its server hears of it, as from BokehJS.
    if first_shown {
        page.trigger(UiEvent::new(EventKind::DocumentReady, None));
    }
}

fn react(link: &Shared, reaction: Reaction) {
    if let Some(error) = &reaction.error {
        web_sys::console::error_1(&format!("rokeh: {error}").into());
    }
    for message in &reaction.send {
        link.borrow().send(message);
    }
    if reaction.pull_again {
        let link = link.clone();
        after(RESYNC_MS, move || {
            let pull = link.borrow_mut().client.as_mut().and_then(Client::pull);
            if let Some(pull) = pull {
                link.borrow().send(&pull);
            }
        });
    }
}

impl Link {
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
