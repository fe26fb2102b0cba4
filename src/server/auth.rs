//! Auth hooks, as Bokeh's `bokeh serve --auth-module`: an [`Auth`] provider finds the
//! user a request is from, says where one without a user logs in, and may serve its own
//! login and logout pages. Here a provider guards the apps given it with
//! [`App::with_auth`](crate::App::with_auth) (the gallery serves thirty apps from one
//! binary, one of them behind a login), not the whole server.
//!
//! A request without a user gets what Bokeh's (Tornado's `@authenticated`) gets: it is
//! sent to the login URL with `?next=` the path and query it asked for (the guarded
//! routes take only `GET`, as Bokeh's: another method is 405 before any user is asked
//! for). A websocket is refused with `403` before it opens (Bokeh upgrades it, then drops
//! it as its `open` fails).
//!
//! ```
//! use rokeh::server::auth::{Auth, AuthHandler, Request, Response};
//!
//! /// Anyone who says who they are in the `user` cookie.
//! struct Trusting;
//!
//! impl Auth for Trusting {
//!     fn user(&self, request: &Request) -> Option<String> {
//!         request.cookie("user").map(str::to_owned)
//!     }
//!     fn login_url(&self, _: &Request) -> String {
//!         "/login".into()
//!     }
//!     fn login_handler(&self) -> Option<AuthHandler> {
//!         Some(AuthHandler::new("/login", |request| match request.form_value("name") {
//!             Some(name) => Response::redirect("/").with_cookie("user", name),
//!             None => Response::html(r#"<form method="post"><input name="name"></form>"#),
//!         }))
//!     }
//! }
//! ```

use std::collections::HashMap;
use std::sync::Arc;

use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::IntoResponse;

use super::log::log;
use crate::app::App;
use crate::document::{form_pairs, SessionContext};

/// An auth provider: Bokeh's auth module as a Rust value.
pub trait Auth: Send + Sync + 'static {
    /// The user `request` is from (Bokeh's `get_user`), `None` if it is from nobody known:
    /// then the app is not shown.
    fn user(&self, request: &Request) -> Option<String>;

    /// Where a request without a user is sent to log in (Bokeh's `login_url`, or
    /// `get_login_url`); the server adds `next=`, the path and query asked for.
    fn login_url(&self, request: &Request) -> String;

    /// Where logging out goes, given to app code as
    /// [`SessionContext::logout_url`] (Bokeh's `logout_url`).
    fn logout_url(&self) -> Option<String> {
        None
    }

    /// The login page the server serves for this provider, at its path (Bokeh's
    /// `LoginHandler`), if it serves one.
    fn login_handler(&self) -> Option<AuthHandler> {
        None
    }

    /// The logout page the server serves for this provider (Bokeh's `LogoutHandler`).
    fn logout_handler(&self) -> Option<AuthHandler> {
        None
    }
}

/// A page a provider serves itself: every request to `path` (any method) is answered by
/// its function.
#[derive(Clone)]
pub struct AuthHandler {
    path: String,
    handle: Arc<dyn Fn(&Request) -> Response + Send + Sync>,
}

impl AuthHandler {
    /// `handle` answers every request to `path` (`/login`).
    pub fn new(
        path: impl Into<String>,
        handle: impl Fn(&Request) -> Response + Send + Sync + 'static,
    ) -> AuthHandler {
        AuthHandler {
            path: path.into(),
            handle: Arc::new(handle),
        }
    }

    /// The path it is served at.
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// A request, as a provider sees it.
#[derive(Clone, Debug)]
pub struct Request {
    method: String,
    path: String,
    /// The query's arguments, the cookies and the other headers, read as a session reads
    /// them.
    parts: SessionContext,
    form: Vec<(String, String)>,
}

impl Request {
    /// A request for `method` `uri` with `headers` and, for a posted form, its body.
    pub fn new(method: &str, uri: &str, headers: &[(&str, &str)], body: &str) -> Request {
        let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
        let mut parts = SessionContext::default().with_query(query);
        let mut form_body = false;
        for (name, value) in headers {
            if name.eq_ignore_ascii_case("cookie") {
                parts = parts.with_cookie_header(value);
            } else {
                form_body |= name.eq_ignore_ascii_case("content-type")
                    && value.starts_with("application/x-www-form-urlencoded");
                parts = parts.with_header(*name, *value);
            }
        }
        Request {
            method: method.to_owned(),
            path: path.to_owned(),
            parts,
            form: if form_body {
                form_pairs(body).collect()
            } else {
                Vec::new()
            },
        }
    }

    /// An axum request's method, URI and headers (headers that are not text are left out).
    pub(crate) fn of(method: &Method, uri: &Uri, headers: &HeaderMap, body: &str) -> Request {
        let headers: Vec<(&str, &str)> = headers
            .iter()
            .filter_map(|(n, v)| Some((n.as_str(), v.to_str().ok()?)))
            .collect();
        let uri = uri.path_and_query().map_or("/", |p| p.as_str());
        Request::new(method.as_str(), uri, &headers, body)
    }

    /// `GET`, `POST`, …
    pub fn method(&self) -> &str {
        &self.method
    }

    /// The path asked for (`/sliders`).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The first value of query argument `name`.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.parts.argument(name)
    }

    /// Header `name` (any case); `Cookie` is read with [`Request::cookie`].
    pub fn header(&self, name: &str) -> Option<&str> {
        self.parts.header(name)
    }

    /// Cookie `name`'s value.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.parts.cookie(name)
    }

    /// Field `name` of a posted form (`application/x-www-form-urlencoded`).
    pub fn form_value(&self, name: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// What the session this request opens knows of it.
    pub(crate) fn session_context(&self) -> SessionContext {
        self.parts.clone()
    }
}

/// A provider's answer: a status, headers and an HTML body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// The HTTP status (200, 302, …).
    pub status: u16,
    /// Headers, in order (several `Set-Cookie` may be given).
    pub headers: Vec<(String, String)>,
    /// The body (HTML).
    pub body: String,
}

impl Response {
    /// A 200 HTML page.
    pub fn html(body: impl Into<String>) -> Response {
        Response {
            status: 200,
            headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
            body: body.into(),
        }
    }

    /// A 302 to `location`.
    pub fn redirect(location: impl Into<String>) -> Response {
        Response {
            status: 302,
            headers: vec![("Location".into(), location.into())],
            body: String::new(),
        }
    }

    /// With header `name`: `value` added.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Response {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Setting cookie `name` to `value` for the whole site, out of scripts' reach
    /// (`HttpOnly`) and not sent by other sites' forms (`SameSite=Lax`). A value a cookie
    /// cannot hold as written (spaces, `;`, non-ASCII) is form-encoded, and read back so.
    pub fn with_cookie(self, name: &str, value: &str) -> Response {
        let value = form_encode(value);
        self.with_header(
            "Set-Cookie",
            format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax"),
        )
    }

    /// Clearing cookie `name` (set empty, expired).
    pub fn clearing_cookie(self, name: &str) -> Response {
        self.with_header(
            "Set-Cookie",
            format!("{name}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"),
        )
    }
}

impl IntoResponse for Response {
    fn into_response(self) -> axum::response::Response {
        let status = StatusCode::from_u16(self.status).unwrap_or_else(|_| {
            log!("An auth page answered status {}: sent as 500", self.status);
            StatusCode::INTERNAL_SERVER_ERROR
        });
        let mut response = (status, self.body).into_response();
        for (name, value) in self.headers {
            match (
                HeaderName::try_from(name.as_str()),
                HeaderValue::try_from(value.as_str()),
            ) {
                (Ok(name), Ok(value)) => {
                    response.headers_mut().append(name, value);
                }
                _ => log!("An auth page's header {name:?} is not a valid header: left out"),
            }
        }
        response
    }
}

/// Two providers serving one path, or a provider's page where an app is.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RouteClash {
    /// Two providers' pages at one path.
    #[error("two auth providers serve a page at {0}: give the apps one provider (one Arc), or the pages other paths")]
    Providers(String),
    /// A provider's page where the server serves something else.
    #[error("an auth provider's page at {0} would hide what the server serves there")]
    Taken(String),
    /// A path that is not one: it must start with `/` and hold no `{`, `}` or `*`.
    #[error("an auth provider's page at {0:?}: a path starts with / and has no {{, }} or *")]
    NotAPath(String),
}

/// The pages the apps' providers serve, by path.
pub(crate) type AuthPages = HashMap<String, AuthHandler>;

/// The login and logout pages of `apps`' providers, each provider counted once; a path
/// two providers claim, or one the server serves itself (`/`, an app's), is an error.
pub(crate) fn pages(apps: &[App]) -> Result<AuthPages, RouteClash> {
    let mut providers: Vec<&Arc<dyn Auth>> = Vec::new();
    for auth in apps.iter().filter_map(App::auth) {
        if !providers.iter().any(|p| Arc::ptr_eq(p, auth)) {
            providers.push(auth);
        }
    }
    let mut pages = AuthPages::new();
    for auth in providers {
        for handler in [auth.login_handler(), auth.logout_handler()]
            .into_iter()
            .flatten()
        {
            let path = handler.path.clone();
            if !path.starts_with('/') || path.contains(['{', '}', '*']) {
                return Err(RouteClash::NotAPath(path));
            }
            let taken = path == "/"
                || apps.iter().any(|app| {
                    let own = format!("/{}", app.name());
                    path == own || path.starts_with(&format!("{own}/"))
                });
            if taken {
                return Err(RouteClash::Taken(path));
            }
            if pages.insert(path.clone(), handler).is_some() {
                return Err(RouteClash::Providers(path));
            }
        }
    }
    Ok(pages)
}

/// Answers a request to a provider's page.
pub(crate) fn serve_page(handler: &AuthHandler, request: &Request) -> axum::response::Response {
    (handler.handle)(request).into_response()
}

/// Who may reach an app: `Ok` with its user (`None` when the app has no provider), or
/// the answer for one without a user.
pub(crate) fn check(app: &App, request: &Request) -> Result<Option<String>, Refusal> {
    let Some(auth) = app.auth() else {
        return Ok(None);
    };
    match auth.user(request) {
        Some(user) => Ok(Some(user)),
        None => Err(Refusal {
            login_url: auth.login_url(request),
        }),
    }
}

/// A request to a guarded app without a user.
pub(crate) struct Refusal {
    login_url: String,
}

impl Refusal {
    /// What Tornado's `@authenticated` answers a `GET`: a 302 to the login URL with
    /// `next=` what it asked for (its path and query, form-encoded).
    pub(crate) fn answer(self, uri: &Uri) -> axum::response::Response {
        let asked = uri.path_and_query().map_or("/", |p| p.as_str());
        let join = if self.login_url.contains('?') {
            '&'
        } else {
            '?'
        };
        let location = format!("{}{join}next={}", self.login_url, form_encode(asked));
        (
            StatusCode::FOUND,
            [(header::LOCATION, location)],
            String::new(),
        )
            .into_response()
    }

    /// A websocket without a user: refused before it opens.
    pub(crate) fn websocket(self) -> axum::response::Response {
        log!("Refusing websocket connection: no user");
        (StatusCode::FORBIDDEN, "403: Forbidden").into_response()
    }
}

/// The session context of a request to `app` by `user`: the request's arguments, cookies
/// and headers (`base`), the user and the provider's logout URL.
pub(crate) fn session_context(
    app: &App,
    base: SessionContext,
    user: Option<String>,
) -> SessionContext {
    base.with_user(user)
        .with_logout_url(app.auth().and_then(|auth| auth.logout_url()))
}

/// Python's `quote_plus`, as Tornado's `urlencode` writes `next=`: letters, digits and
/// `_.-~` as they are, a space as `+`, every other byte `%XX`.
fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Cookie(&'static str);

    impl Auth for Cookie {
        fn user(&self, request: &Request) -> Option<String> {
            request.cookie("user").map(str::to_owned)
        }
        fn login_url(&self, _: &Request) -> String {
            "/login".into()
        }
        fn login_handler(&self) -> Option<AuthHandler> {
            Some(AuthHandler::new(self.0, |_| Response::html("login")))
        }
    }

    #[test]
    fn a_request_reads_its_query_cookies_headers_and_form() {
        let request = Request::new(
            "POST",
            "/login?next=%2Fsliders",
            &[
                ("Cookie", "user=bokeh; a=1"),
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("X-Real-IP", "10.0.0.2"),
            ],
            "username=bo+keh&password=p%40ss",
        );
        assert_eq!(request.method(), "POST");
        assert_eq!(request.path(), "/login");
        assert_eq!(request.query_value("next"), Some("/sliders"));
        assert_eq!(request.cookie("user"), Some("bokeh"));
        assert_eq!(request.header("x-real-ip"), Some("10.0.0.2"));
        assert_eq!(request.header("cookie"), None);
        assert_eq!(request.form_value("username"), Some("bo keh"));
        assert_eq!(request.form_value("password"), Some("p@ss"));
        // Not a form: no fields.
        let json = Request::new("POST", "/", &[("Content-Type", "application/json")], "a=1");
        assert_eq!(json.form_value("a"), None);
    }

    #[test]
    fn next_is_written_as_tornado_writes_it() {
        assert_eq!(
            form_encode("/server_auth?N=5&N=6 x"),
            "%2Fserver_auth%3FN%3D5%26N%3D6+x"
        );
    }

    #[test]
    fn two_providers_on_one_path_are_refused_one_shared_is_not() {
        let shared: Arc<dyn Auth> = Arc::new(Cookie("/login"));
        let app = |name: &str, auth: &Arc<dyn Auth>| {
            App::new(name, |_: &mut crate::Document| {}).with_auth(auth.clone())
        };
        let two = [app("a", &shared), app("b", &shared)];
        assert_eq!(pages(&two).unwrap().len(), 1);
        let other: Arc<dyn Auth> = Arc::new(Cookie("/login"));
        assert_eq!(
            pages(&[app("a", &shared), app("b", &other)]).err(),
            Some(RouteClash::Providers("/login".into()))
        );
        let on_app: Arc<dyn Auth> = Arc::new(Cookie("/b/login"));
        assert_eq!(
            pages(&[app("a", &on_app), app("b", &shared)]).err(),
            Some(RouteClash::Taken("/b/login".into()))
        );
        let loose: Arc<dyn Auth> = Arc::new(Cookie("login"));
        assert_eq!(
            pages(&[app("a", &loose)]).err(),
            Some(RouteClash::NotAPath("login".into()))
        );
    }
}
