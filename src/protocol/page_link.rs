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
/// `<meta name="rokeh-app" content="movies">`: the app a single-file page
/// (`scripts/single-html.mjs`) is built for.
pub const APP_META: &str = "rokeh-app";
/// An element of another site's page a rokeh page is mounted into (Bokeh's autoload
/// embedding, `src/rokeh-embed.js`): the loader marks it `pending`, the wasm instance it
/// starts next claims it (`mounted`).
pub const EMBED_ATTR: &str = "data-rokeh-embed";
/// [`EMBED_ATTR`]'s value while the element waits for its page.
pub const EMBED_PENDING: &str = "pending";
/// [`EMBED_ATTR`]'s value once a page claimed the element.
pub const EMBED_MOUNTED: &str = "mounted";
/// The app the embedded page shows (empty: the first).
pub const EMBED_APP_ATTR: &str = "data-rokeh-app";
/// The folder the embedded page's files came from (beside the app's URL when served,
/// beside the loader when static): an app's data files are fetched from there, not from
/// the host page's folder.
pub const EMBED_BASE_ATTR: &str = "data-rokeh-base";
/// Served embeds only: the app's absolute URL on `rokeh serve` (`http://host:5006/sliders`),
/// whose `/ws` and `/token` the page uses.
pub const EMBED_APP_URL_ATTR: &str = "data-rokeh-app-url";
/// Served embeds only: the session the page joins.
pub const EMBED_SESSION_ID_ATTR: &str = "data-rokeh-session-id";
/// Served embeds only: the token the page first connects with.
pub const EMBED_TOKEN_ATTR: &str = "data-rokeh-token";
