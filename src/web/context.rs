//! The page's [`SessionContext`]: served or embedded by `rokeh serve`, the one its session
//! token carries (the server's session reads the same); alone (or built without the
//! `session` feature, when it runs alone even served), its own URL's query and the cookies
//! scripts may read, with no headers, user or logout URL.

use wasm_bindgen::JsValue;

use super::session::Session;
use crate::document::SessionContext;

/// The context the page's app builds its document in.
#[cfg(feature = "session")]
pub(super) fn of(session: Option<&Session>) -> SessionContext {
    let Some(session) = session else {
        return alone();
    };
    match crate::protocol::token::decode_token(&session.token) {
        Ok(payload) => SessionContext::from_payload(&payload.extra),
        Err(e) => {
            let message = format!("rokeh: the session's token cannot be read ({e})");
            web_sys::console::warn_1(&message.into());
            SessionContext::default()
        }
    }
}

/// The context the page's app builds its document in: its own, as it runs alone.
#[cfg(not(feature = "session"))]
pub(super) fn of(_: Option<&Session>) -> SessionContext {
    alone()
}

fn alone() -> SessionContext {
    let Some(window) = web_sys::window() else {
        return SessionContext::default();
    };
    let query = window.location().search().unwrap_or_default();
    // `document.cookie` read as a property: not worth web-sys's HtmlDocument for one string.
    let cookies = window
        .document()
        .and_then(|d| js_sys::Reflect::get(&d, &JsValue::from_str("cookie")).ok())
        .and_then(|c| c.as_string())
        .unwrap_or_default();
    SessionContext::default()
        .with_query(&query)
        .with_cookie_header(&cookies)
}
