//! A page mounted into an element of another site's page, as Bokeh's embeds are: the
//! loader (`src/rokeh-embed.js`, served by `rokeh serve` as Bokeh's autoload.js or beside a
//! static build) marks the element pending with the app to show and, when served, the
//! session to join; the wasm instance it starts next claims it.

use wasm_bindgen::JsCast;

use super::session::Session;
use crate::protocol::page_link::{
    EMBED_APP_ATTR, EMBED_APP_URL_ATTR, EMBED_ATTR, EMBED_BASE_ATTR, EMBED_MOUNTED, EMBED_PENDING,
    EMBED_SESSION_ID_ATTR, EMBED_TOKEN_ATTR,
};

/// Where an embedded page goes and what it shows.
pub struct Embed {
    pub element: web_sys::HtmlElement,
    /// The app's name; `None`: the first.
    pub app: Option<String>,
    /// The session to join; `None`: a static embed, the page runs alone.
    pub session: Option<Session>,
    /// Where the page's files came from: the app's data files are fetched from there.
    pub base: Option<String>,
}

/// The element the loader marked for this instance, if any, claimed: the next instance
/// finds its own.
pub fn claim() -> Option<Embed> {
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("[{EMBED_ATTR}=\"{EMBED_PENDING}\"]"))
        .ok()??;
    let attr = |name| element.get_attribute(name).filter(|v| !v.is_empty());
    let session = match (
        attr(EMBED_APP_URL_ATTR),
        attr(EMBED_SESSION_ID_ATTR),
        attr(EMBED_TOKEN_ATTR),
    ) {
        (Some(app_url), Some(session_id), Some(token)) => Some(Session {
            app_url,
            session_id,
            token,
        }),
        _ => None,
    };
    let app = attr(EMBED_APP_ATTR);
    let base = attr(EMBED_BASE_ATTR);
    element.set_attribute(EMBED_ATTR, EMBED_MOUNTED).ok()?;
    Some(Embed {
        element: element.dyn_into().ok()?,
        app,
        session,
        base,
    })
}
