//! The HTTP side: an index at `/`, each app's page at `/<app>`, its websocket at
//! `/<app>/ws`, fresh tokens at `/<app>/token`, the script that embeds the app in another
//! site's page at `/<app>/autoload.js` (see [`super::embed`]), the page's files, the login
//! and logout pages of the apps' auth providers, and one log line per request. An app with
//! an auth provider is reached (page, websocket, token, autoload.js) only by its users (see
//! [`super::auth`]).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{ConnectInfo, Path, Query, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{any, get};
use axum::Router;

use super::auth::{self, AuthHandler};
use super::compress;
use super::embed;
use super::index;
use super::log::log;
use super::page::{self, PageSession};
use super::work;
use super::ws::Connection;
use super::Shared;
use crate::app::App;
use crate::document::SessionContext;
use crate::protocol::page_link::{CLIENT_QUERY, ROKEH_CLIENT, SESSION_ID_QUERY};
use crate::protocol::token::{decode_token, generate_token, SessionId, TokenPayload};
use crate::sync::PeerKind;

/// How long a token may be used to open a connection, as Bokeh's default.
const TOKEN_LIFETIME_SECS: i64 = 300;
/// Websocket buffers start small: most sessions sit idle, and these are per connection.
const WS_BUFFER_SIZE: usize = 1024;
/// The largest form an auth page reads (a login form is a few fields).
const AUTH_FORM_LIMIT: usize = 64 * 1024;

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let mut router = Router::new();
    for (path, handler) in &shared.auth_pages {
        let handler = handler.clone();
        router = router.route(path, any(move |request| auth_page(handler, request)));
    }
    router
        .route("/", get(index))
        .route("/{app}/ws", get(websocket))
        .route("/{app}/token", get(token))
        .route(
            "/{app}/autoload.js",
            get(embed::autoload).options(embed::preflight),
        )
        .fallback(get(page_or_file))
        .layer(middleware::from_fn(log_request))
        .with_state(shared)
}

/// `200 GET /sliders (127.0.0.1) 1.23ms`, as Bokeh logs requests.
async fn log_request(
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let uri = request.uri().clone();
    let response = next.run(request).await;
    log!(
        "{} {method} {uri} ({}) {:.2}ms",
        response.status().as_u16(),
        peer.ip(),
        started.elapsed().as_secs_f64() * 1e3
    );
    response
}

async fn index(State(shared): State<Arc<Shared>>) -> Html<String> {
    let entries: Vec<index::Entry<'_>> = shared
        .apps
        .iter()
        .map(|(app, sessions)| index::Entry {
            name: app.name(),
            href: format!("/{}", app.name()),
            sessions: Some(sessions.len()),
        })
        .collect();
    Html(index::html(
        &entries,
        shared.config.page_dir.as_deref().ok(),
    ))
}

/// A login or logout page of an auth provider: its answer to the request, a posted form
/// read first.
async fn auth_page(handler: AuthHandler, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, AUTH_FORM_LIMIT).await else {
        let text = format!("a form of at most {AUTH_FORM_LIMIT} bytes");
        return (StatusCode::PAYLOAD_TOO_LARGE, text).into_response();
    };
    let body = String::from_utf8_lossy(&body);
    let request = auth::Request::of(&parts.method, &parts.uri, &parts.headers, &body);
    auth::serve_page(&handler, &request)
}

/// `/<app>`: the page, joined to the session `?bokeh-session-id=` names or a new one.
/// Anything else: a file of the built page.
async fn page_or_file(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
    method: Method,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let name = uri.path().trim_start_matches('/');
    // `/sliders/` would load the page's relative files from the wrong folder.
    if let Some(app) = name.strip_suffix('/').filter(|a| shared.app(a).is_some()) {
        let query = uri.query().map_or(String::new(), |q| format!("?{q}"));
        return Redirect::permanent(&format!("/{app}{query}")).into_response();
    }
    let Some((app, _)) = shared.app(name) else {
        return match page::file(&shared.config.page_dir, uri.path()) {
            Some(file) => embed::any_origin(page_file(&shared, &headers, file).await),
            None => (StatusCode::NOT_FOUND, "404: Not Found").into_response(),
        };
    };
    let context = match guard(app, &method, &uri, &headers) {
        Ok(context) => context,
        Err(refusal) => return refusal.answer(&uri),
    };
    let session_id = match session_id_for(&shared, &query) {
        Ok(id) => id,
        Err(refusal) => return refusal.into_response(),
    };
    let session = PageSession {
        app: name,
        ws_path: &format!("/{name}/ws"),
        session_id: session_id.as_str(),
        token: &new_token(&shared, &session_id, &context),
    };
    match page::app_page(&shared.config.page_dir, &session) {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            log!("Cannot serve /{name}: {e}");
            (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response()
        }
    }
}

/// A file of the built page, gzip'd when the browser takes it and it is worth it
/// (compressing the wasm the first time takes a while: off the workers).
async fn page_file(shared: &Shared, headers: &HeaderMap, file: page::PageFile) -> Response {
    let content_type = [(header::CONTENT_TYPE, file.content_type)];
    if !compress::worth_it(file.content_type, file.bytes.len()) {
        return (content_type, file.bytes).into_response();
    }
    let vary = (header::VARY, "accept-encoding");
    if !compress::accepts_gzip(headers) {
        return (content_type, [vary], file.bytes).into_response();
    }
    let gzipped = work::off_the_workers(file.bytes.len(), false, || {
        shared.gzip.gzip(&file.path, &file.bytes)
    })
    .await;
    let encoding = (header::CONTENT_ENCODING, "gzip");
    (content_type, [vary, encoding], gzipped.to_vec()).into_response()
}

/// `/<app>/token?bokeh-session-id=ID`: a fresh token for a page reconnecting to its
/// session after the one it was served with expired.
/// Its payload is this request's: the page repeats the arguments it was opened with, so a
/// session gone meanwhile is made again as it was.
async fn token(
    State(shared): State<Arc<Shared>>,
    Path(app): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    method: Method,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let Some((app, _)) = shared.app(&app) else {
        return (StatusCode::NOT_FOUND, "404: Not Found").into_response();
    };
    let context = match guard(app, &method, &uri, &headers) {
        Ok(context) => context,
        Err(refusal) => return refusal.answer(&uri),
    };
    match session_id_for(&shared, &query) {
        Ok(id) => embed::any_origin(new_token(&shared, &id, &context).into_response()),
        Err(refusal) => refusal.into_response(),
    }
}

/// What a request to `app` may do: the session context it opens a session with, if its
/// user may reach the app; else why not (answered with [`auth::Refusal::answer`]).
pub(super) fn guard(
    app: &App,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
) -> Result<SessionContext, auth::Refusal> {
    let request = auth::Request::of(method, uri, headers, "");
    match auth::check(app, &request) {
        Ok(user) => Ok(auth::session_context(app, request.session_context(), user)),
        Err(refusal) => Err(refusal),
    }
}

pub(super) fn session_id_for(
    shared: &Shared,
    query: &HashMap<String, String>,
) -> Result<SessionId, (StatusCode, String)> {
    let ids = &shared.config.session_ids;
    let Some(given) = query.get(SESSION_ID_QUERY) else {
        return Ok(SessionId::generate(|n| rand::random_range(0..n), ids));
    };
    match SessionId::parse(given) {
        Ok(id) if ids.check_session_id(&id) => Ok(id),
        Ok(_) => {
            log!("Session id had invalid signature: {given:?}");
            Err((StatusCode::FORBIDDEN, "Invalid session ID".into()))
        }
        Err(e) => Err((StatusCode::BAD_REQUEST, e.to_string())),
    }
}

/// A token for session `id`, carrying `context` (as Bokeh's carries the request's headers,
/// cookies and arguments) to the session it makes and to the page.
pub(super) fn new_token(shared: &Shared, id: &SessionId, context: &SessionContext) -> String {
    generate_token(
        id,
        unix_now() + TOKEN_LIFETIME_SECS,
        Some(&context.to_payload()),
        &shared.config.session_ids,
    )
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// `/<app>/ws`: checks the user, the origin and the token, then hands the socket to a
/// connection.
async fn websocket(
    State(shared): State<Arc<Shared>>,
    Path(app): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    method: Method,
    headers: HeaderMap,
    uri: Uri,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let Some((app, sessions)) = shared.app(&app) else {
        return (StatusCode::NOT_FOUND, "404: Not Found").into_response();
    };
    let request = auth::Request::of(&method, &uri, &headers, "");
    let user = match auth::check(app, &request) {
        Ok(user) => user,
        Err(refusal) => return refusal.websocket(),
    };
    let upgrade = match upgrade {
        Ok(u) => u,
        Err(rejection) => return rejection.into_response(),
    };
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        if !shared.origins.allows(origin) {
            let host = origin.split_once("://").map_or(origin, |(_, h)| h);
            log!(
                "Refusing websocket connection from Origin '{origin}'; use --allow-websocket-origin={host} \
                 to permit this; currently we allow origins {}",
                shared.origins
            );
            return (StatusCode::FORBIDDEN, "Websocket origin not allowed").into_response();
        }
    }
    let payload = match check_token(&shared, &headers) {
        Ok(payload) => payload,
        Err((status, text)) => {
            log!("Refusing websocket connection: {text}");
            return (status, text).into_response();
        }
    };
    let kind = match query.get(CLIENT_QUERY).map(String::as_str) {
        Some(ROKEH_CLIENT) => PeerKind::RunsCallbacks,
        _ => PeerKind::Plain,
    };
    // The session, if this connection makes it, knows the request its token was made for;
    // its user is this request's.
    let context = SessionContext::from_payload(&payload.extra);
    let connection = Connection {
        sessions: sessions.clone(),
        session_id: payload.session_id,
        context: auth::session_context(app, context, user),
        kind,
        shutdown: shared.shutdown.clone(),
        max_message_size: shared.config.websocket_max_message_size,
        write_timeout: shared.config.websocket_write_timeout,
        _alive: shared.alive.clone(),
    };
    let max = shared.config.websocket_max_message_size;
    upgrade
        .protocols(["bokeh"])
        .max_message_size(max)
        .max_frame_size(max)
        .read_buffer_size(WS_BUFFER_SIZE)
        .write_buffer_size(WS_BUFFER_SIZE)
        .on_upgrade(move |socket| connection.run(socket))
}

/// The token rides in `Sec-WebSocket-Protocol: bokeh, <token>`; checked as Bokeh does.
fn check_token(shared: &Shared, headers: &HeaderMap) -> Result<TokenPayload, (StatusCode, String)> {
    let protocols: Vec<&str> = headers
        .get_all(header::SEC_WEBSOCKET_PROTOCOL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let [bokeh, token] = protocols[..] else {
        return Err((
            StatusCode::BAD_REQUEST,
            "Sec-WebSocket-Protocol must be 'bokeh, <session token>'".into(),
        ));
    };
    if bokeh != "bokeh" {
        return Err((
            StatusCode::BAD_REQUEST,
            "Subprotocol header is not 'bokeh'".into(),
        ));
    }
    let payload = decode_token(token)
        .map_err(|e| (StatusCode::BAD_REQUEST, format!("Invalid token: {e}")))?;
    if !shared.config.session_ids.check_token(token) {
        return Err((
            StatusCode::FORBIDDEN,
            format!(
                "Token for session {:?} had invalid signature",
                payload.session_id.as_str()
            ),
        ));
    }
    match payload.session_expiry {
        None => Err((
            StatusCode::FORBIDDEN,
            "Session expiry has not been provided".into(),
        )),
        Some(expiry) if unix_now() >= expiry => {
            Err((StatusCode::FORBIDDEN, "Token is expired".into()))
        }
        Some(_) => Ok(payload),
    }
}
