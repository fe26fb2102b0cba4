//! How `rokeh serve` and its page find each other: the server writes the session into the
//! page as a meta tag, and the page's websocket URL says it runs the app's callbacks
//! itself. Both sides spell these from here.

/// `<meta name="rokeh-session" data-ws-path=… data-session-id=… data-token=…>`.
pub const SESSION_META: &str = "rokeh-session";
/// The query parameter a rokeh page adds to its websocket URL (`?client=rokeh`): it runs
/// the app's callbacks itself, so the server must not run them for its changes.
pub const CLIENT_QUERY: &str = "client";
pub const ROKEH_CLIENT: &str = "rokeh";
/// The query parameter that names the session a page joins, as in Bokeh.
pub const SESSION_ID_QUERY: &str = "bokeh-session-id";
