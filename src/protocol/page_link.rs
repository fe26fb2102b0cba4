//! How `rokeh serve` and its page find each other: the server writes the session into the
//! page as a meta tag, and the page's websocket URL says it runs the app's callbacks
//! itself. Both sides spell these from here.

/// `<meta name="rokeh-session" data-ws-path=… data-session-id=… data-token=…>`.
pub const SESSION_META: &str = "rokeh-session";
/// The query parameter a rokeh page adds to its websocket URL (`?client=rokeh`): it runs
/// the app's callbacks itself, so the server must not run them for its changes.
pub const CLIENT_QUERY: &str = "client";
/// The value of [`CLIENT_QUERY`] a rokeh page gives.
pub const ROKEH_CLIENT: &str = "rokeh";
/// The query parameter that names the session a page joins, as in Bokeh.
pub const SESSION_ID_QUERY: &str = "bokeh-session-id";
/// The key a PULL-DOC-REPLY's document carries for a rokeh page: `true` while the
/// session's document is the one the app built (the page's own callbacks apply), `false`
/// once a PUSH-DOC replaced it (the page takes the pushed document as it is).
pub const APP_DOCUMENT_KEY: &str = "rokeh_app_document";
/// The websocket close code that tells a rokeh page the session's document was replaced:
/// it reconnects and pulls the new one.
pub const DOCUMENT_REPLACED_CLOSE: u16 = 4001;
/// The app a page shows: written by the server in the session meta tag
/// (`data-app`), or given in a static page's query (`?app=`).
pub const APP_QUERY: &str = "app";
