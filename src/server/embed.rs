//! Embedding in another site's page, as Bokeh's `server_document(url)` and
//! `server_session(...)` do: `/<app>/autoload.js?bokeh-autoload-element=ID&bokeh-app-path=…&bokeh-absolute-url=…`
//! answers a script that mounts the app's page into element `ID`, joined to a session
//! (`Bokeh-Session-Id`, the header `server_session` sends, or `?bokeh-session-id=`, or the
//! one a `?bokeh-token=` names; else a new one). The script is `src/rokeh-embed.js` with the session written in; it loads the
//! page's files from this server, so they are served to any origin (CORS), as Bokeh serves
//! its autoload.js. The page's websocket still needs its origin allowed
//! (`--allow-websocket-origin`).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use super::auth::Refusal;
use super::http::{guard, new_token, session_id_for};
use super::Shared;
use crate::protocol::page_link::SESSION_ID_QUERY;
use crate::protocol::token::decode_token;

/// The loader, shared with static builds (which copy it beside their index.html).
const LOADER: &str = include_str!("../rokeh-embed.js");
/// The element to mount into (the id of the script tag Bokeh's embed functions write).
const ELEMENT_QUERY: &str = "bokeh-autoload-element";
/// The app's path on the server as the embedding page reaches it (behind a proxy, with
/// its prefix); default `/<app>`.
const APP_PATH_QUERY: &str = "bokeh-app-path";
/// The app's absolute URL: the server whose files and websocket the page uses. Without
/// it, the embedding page's own origin.
const ABSOLUTE_URL_QUERY: &str = "bokeh-absolute-url";
/// How `server_session` names its session.
const SESSION_ID_HEADER: &str = "bokeh-session-id";
/// A session token made elsewhere (by the app's own web server, with the shared secret).
const TOKEN_QUERY: &str = "bokeh-token";

/// `GET /<app>/autoload.js`: only for the app's users, if it has an auth provider (else
/// the login redirect, as Bokeh's).
pub(super) async fn autoload(
    State(shared): State<Arc<Shared>>,
    Path(app): Path<String>,
    Query(mut query): Query<HashMap<String, String>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let mut response = match autoload_script(&shared, &app, &mut query, (&method, &uri, &headers)) {
        Ok(js) => ([(header::CONTENT_TYPE, "application/javascript")], js).into_response(),
        Err(Refused::Status(status, text)) => (status, text).into_response(),
        Err(Refused::Login(refusal)) => refusal.answer(&uri),
    };
    let cors = response.headers_mut();
    // An explicit origin, not `*`: `server_document(..., with_credentials=True)` sends cookies.
    let origin = headers
        .get(header::ORIGIN)
        .cloned()
        .unwrap_or(HeaderValue::from_static("*"));
    cors.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    cors.insert(
        header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
        HeaderValue::from_static("true"),
    );
    cors.insert(header::VARY, HeaderValue::from_static("Origin"));
    response
}

/// Why no script: a status and its text, or the login redirect.
enum Refused {
    Status(StatusCode, String),
    Login(Refusal),
}

impl From<(StatusCode, String)> for Refused {
    fn from((status, text): (StatusCode, String)) -> Refused {
        Refused::Status(status, text)
    }
}

fn autoload_script(
    shared: &Shared,
    app: &str,
    query: &mut HashMap<String, String>,
    (method, uri, headers): (&Method, &Uri, &HeaderMap),
) -> Result<String, Refused> {
    let Some((served, _)) = shared.app(app) else {
        return Err((StatusCode::NOT_FOUND, "404: Not Found".to_owned()).into());
    };
    let context = guard(served, method, uri, headers).map_err(Refused::Login)?;
    let element = query
        .get(ELEMENT_QUERY)
        .filter(|e| !e.is_empty())
        .cloned()
        .ok_or_else(|| {
            Refused::from((
                StatusCode::BAD_REQUEST,
                format!("No {ELEMENT_QUERY} query parameter"),
            ))
        })?;
    if let Some(id) = headers.get(SESSION_ID_HEADER) {
        if query.contains_key(SESSION_ID_QUERY) {
            return Err((
                StatusCode::FORBIDDEN,
                "session ID was provided as an argument and header".to_owned(),
            )
                .into());
        }
        let id = id.to_str().map_err(|_| {
            (
                StatusCode::BAD_REQUEST,
                "Bokeh-Session-Id is not text".to_owned(),
            )
        })?;
        query.insert(SESSION_ID_QUERY.into(), id.into());
    }
    // A token given (Bokeh's `bokeh-token`) names the session and is the page's to use.
    let (session_id, token) = match query.get(TOKEN_QUERY) {
        Some(_) if query.contains_key(SESSION_ID_QUERY) => {
            return Err((
                StatusCode::FORBIDDEN,
                "Both token and session ID were provided".to_owned(),
            )
                .into())
        }
        Some(token) => {
            let payload = decode_token(token)
                .map_err(|e| (StatusCode::BAD_REQUEST, format!("Invalid token: {e}")))?;
            if !shared.config.session_ids.check_token(token) {
                return Err((
                    StatusCode::FORBIDDEN,
                    "Invalid token or session ID".to_owned(),
                )
                    .into());
            }
            (payload.session_id, token.clone())
        }
        None => {
            let id = session_id_for(shared, query)?;
            let token = new_token(shared, &id, &context);
            (id, token)
        }
    };
    let app_path = query
        .get(APP_PATH_QUERY)
        .map_or_else(|| format!("/{app}"), |p| p.trim_end_matches('/').to_owned());
    let app_url = match query.get(ABSOLUTE_URL_QUERY) {
        Some(url) => format!("{}{app_path}", origin_of(url)?),
        None => app_path,
    };
    let served = serde_json::json!({
        "element": element,
        "app": app,
        "appUrl": app_url,
        "sessionId": session_id.as_str(),
        "token": token,
    });
    // The element's id (any text) goes only into the JSON, which escapes it.
    Ok(format!(
        "// rokeh: the app {app:?}, embedded\n(function () {{\nconst rokehServed = {served};\n{LOADER}}})();\n"
    ))
}

/// `http://host:port` of `http://host:port/app?x`, as Bokeh reads `bokeh-absolute-url`.
fn origin_of(url: &str) -> Result<&str, (StatusCode, String)> {
    let scheme_end = url
        .find("://")
        .filter(|&at| matches!(&url[..at], "http" | "https"))
        .ok_or((
            StatusCode::BAD_REQUEST,
            format!("{ABSOLUTE_URL_QUERY} must be an http(s) URL"),
        ))?;
    let host_end = url[scheme_end + 3..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |at| scheme_end + 3 + at);
    Ok(&url[..host_end])
}

/// `OPTIONS /<app>/autoload.js`: the preflight of `server_session`'s request (its
/// `Bokeh-Session-Id` header is not one a page may send anywhere unasked).
pub(super) async fn preflight(headers: HeaderMap) -> Response {
    let origin = headers
        .get(header::ORIGIN)
        .cloned()
        .unwrap_or(HeaderValue::from_static("*"));
    let asked = headers
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .cloned()
        .unwrap_or(HeaderValue::from_static("*"));
    (
        [
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, origin),
            (header::ACCESS_CONTROL_ALLOW_HEADERS, asked),
            (
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("GET, OPTIONS"),
            ),
            (
                header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
                HeaderValue::from_static("true"),
            ),
            (header::VARY, HeaderValue::from_static("Origin")),
        ],
        StatusCode::OK,
    )
        .into_response()
}

/// The page's files and fresh tokens are fetched by embedded pages from other origins.
pub(super) fn any_origin(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_of_an_absolute_url() {
        assert_eq!(
            origin_of("http://127.0.0.1:5006/sliders").unwrap(),
            "http://127.0.0.1:5006"
        );
        assert_eq!(
            origin_of("https://example.org").unwrap(),
            "https://example.org"
        );
        assert_eq!(
            origin_of("https://example.org?x=/y").unwrap(),
            "https://example.org"
        );
        assert!(origin_of("javascript://x").is_err());
        assert!(origin_of("/sliders").is_err());
    }
}
