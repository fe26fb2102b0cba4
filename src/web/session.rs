//! Which session of `rokeh serve` the page is to join, if any: the one the server wrote
//! into the page it served (a `rokeh-session` meta tag) or the one an embed's element
//! names. A page built without the `session` feature runs alone even then, and says so.

use leptos::prelude::*;

use super::page::Page;
use crate::protocol::page_link::SESSION_META;

/// The app `rokeh serve` wrote into the page, if it served it.
pub fn served_app() -> Option<String> {
    session_meta()?.get_attribute("data-app")
}

fn session_meta() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name=\"{SESSION_META}\"]"))
        .ok()?
}

/// A session of `rokeh serve` for the page to join: the app's absolute URL (whose `/ws`
/// and `/token` it uses), the session's id and a first token.
pub struct Session {
    pub app_url: String,
    pub session_id: String,
    /// The first token: it opens the session, and carries the request's context.
    #[cfg_attr(
        not(feature = "session"),
        expect(dead_code, reason = "only the session's link opens it with its token")
    )]
    pub token: String,
}

impl Session {
    /// The session the server wrote into the page it served, if it did.
    pub fn served_page() -> Option<Session> {
        let meta = session_meta()?;
        let ws_path = meta.get_attribute("data-ws-path")?;
        let origin = web_sys::window()?.location().origin().ok()?;
        Some(Session {
            app_url: format!("{origin}{}", ws_path.trim_end_matches("/ws")),
            session_id: meta.get_attribute("data-session-id")?,
            token: meta.get_attribute("data-token")?,
        })
    }
}

/// Joins `session` (see [`super::sync`]); returns the connection badge.
#[cfg(feature = "session")]
pub fn join(page: Page, session: Session) -> AnyView {
    super::sync::start(page, session).into_any()
}

/// Runs alone: this page was built without the `session` feature, so it cannot join the
/// session it was served with; the badge and the console say so.
#[cfg(not(feature = "session"))]
pub fn join(_page: Page, session: Session) -> AnyView {
    let Session {
        app_url,
        session_id,
        ..
    } = session;
    let message = format!(
        "rokeh: this page was built without rokeh's `session` feature: it runs alone, not \
         joined to session {session_id:?} of {app_url}"
    );
    web_sys::console::error_1(&message.into());
    view! { <div class="rk-connection" data-state="alone">"alone: built without sessions"</div> }
        .into_any()
}
