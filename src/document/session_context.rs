//! What app code knows of the request that opened its session, as Bokeh's
//! `curdoc().session_context`: the query's arguments (`?N=1000`), the cookies and headers,
//! the user an auth provider found, and where logging out goes.
//!
//! The same value wherever the app runs: `rokeh serve` fills it from the HTTP request
//! that made the session (carried, as in Bokeh, in the session token's payload); the page
//! it served reads that same payload from its token; a static page fills it from its own
//! URL and `document.cookie` (no headers, no user, no logout URL).

/// Bokeh's query argument naming the session: not one of the app's arguments.
const SESSION_ID_ARGUMENT: &str = "bokeh-session-id";

/// The request behind a session (see the module's doc). Bokeh gives each argument as a
/// list of bytes; here each is text (bytes that are not UTF-8 replaced), in the order
/// the query gave them, and [`SessionContext::argument`] reads the first of a name.
///
/// ```
/// use rokeh::SessionContext;
///
/// let context = SessionContext::default()
///     .with_argument("N", "1000")
///     .with_argument("N", "2000")
///     .with_cookie("user", "bokeh");
/// assert_eq!(context.argument("N"), Some("1000"));
/// assert_eq!(context.arguments("N").collect::<Vec<_>>(), ["1000", "2000"]);
/// assert_eq!(context.cookie("user"), Some("bokeh"));
/// assert_eq!(context.logout_url(), None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SessionContext {
    arguments: Vec<(String, String)>,
    cookies: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    user: Option<String>,
    logout_url: Option<String>,
}

impl SessionContext {
    /// The first value of query argument `name` (`?N=1000` → `"1000"`).
    pub fn argument(&self, name: &str) -> Option<&str> {
        find(&self.arguments, name, str::eq)
    }

    /// Every value of query argument `name`, in the query's order.
    pub fn arguments<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.arguments
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every query argument, name and value, in the query's order.
    pub fn all_arguments(&self) -> &[(String, String)] {
        &self.arguments
    }

    /// Cookie `name`'s value.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        find(&self.cookies, name, str::eq)
    }

    /// Every cookie, name and value.
    pub fn cookies(&self) -> &[(String, String)] {
        &self.cookies
    }

    /// Header `name`'s value (names compared ignoring case, as HTTP does). A page that no
    /// server served has none.
    pub fn header(&self, name: &str) -> Option<&str> {
        find(&self.headers, name, str::eq_ignore_ascii_case)
    }

    /// Every header, name and value (without `Cookie`: see [`SessionContext::cookies`]).
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The user the app's auth provider found for the request, if the app has one.
    pub fn user(&self) -> Option<&str> {
        self.user.as_deref()
    }

    /// Where logging out goes, if the app's auth provider says (Bokeh's
    /// `session_context.logout_url`); `None` in a page no server served.
    pub fn logout_url(&self) -> Option<&str> {
        self.logout_url.as_deref()
    }

    /// With query argument `name` = `value` added after those it has.
    pub fn with_argument(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.arguments.push((name.into(), value.into()));
        self
    }

    /// With cookie `name` = `value` (replacing one of that name).
    pub fn with_cookie(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        let name = name.into();
        self.cookies.retain(|(n, _)| *n != name);
        self.cookies.push((name, value.into()));
        self
    }

    /// With header `name`: `value` added.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// With `user` as the session's user.
    pub fn with_user(mut self, user: Option<String>) -> Self {
        self.user = user;
        self
    }

    /// With `url` as where logging out goes.
    pub fn with_logout_url(mut self, url: Option<String>) -> Self {
        self.logout_url = url;
        self
    }

    /// The arguments of a URL's query (`N=1&app=x`, with or without its `?`), decoded as
    /// a form's; Bokeh's `bokeh-session-id` is left out, as Bokeh leaves it out.
    pub fn with_query(mut self, query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        self.arguments
            .extend(form_pairs(query).filter(|(name, _)| name != SESSION_ID_ARGUMENT));
        self
    }

    /// The cookies of a `Cookie` header (or of `document.cookie`): `a=1; b=2`.
    pub fn with_cookie_header(self, header: &str) -> Self {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .fold(self, |context, (name, value)| {
                context.with_cookie(name.trim(), value.trim())
            })
    }
}

fn find<'a>(
    pairs: &'a [(String, String)],
    name: &str,
    same: impl Fn(&str, &str) -> bool,
) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(n, _)| same(n, name))
        .map(|(_, v)| v.as_str())
}

/// The pairs of a form-encoded text (a URL's query, a form's body): `a=1&b=x+y`.
pub(crate) fn form_pairs(text: &str) -> impl Iterator<Item = (String, String)> + '_ {
    text.split('&').filter(|pair| !pair.is_empty()).map(|pair| {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        (form_decode(name), form_decode(value))
    })
}

/// A form-encoded part: `+` is a space, `%XX` a byte; bytes that are not UTF-8 replaced.
fn form_decode(text: &str) -> String {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (first, tail) {
            (b'+', _) => bytes.push(b' '),
            (b'%', [hi, lo, ..]) if hex(*hi).is_some() && hex(*lo).is_some() => {
                bytes.push((hex(*hi).unwrap_or(0) * 16 + hex(*lo).unwrap_or(0)) as u8);
                rest = &tail[2..];
                continue;
            }
            (b, _) => bytes.push(b),
        }
        rest = tail;
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The context as a session token carries it: written by the server, read by the server
/// and by a page that joins its session.
#[cfg(any(
    all(feature = "server", not(target_arch = "wasm32")),
    all(feature = "session", target_arch = "wasm32"),
    test
))]
mod payload {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use serde_json::{Map, Value as Json};

    use super::SessionContext;

    /// Where the token's payload keeps each part: Bokeh's keys, and rokeh's own two.
    const ARGUMENTS: &str = "arguments";
    const COOKIES: &str = "cookies";
    const HEADERS: &str = "headers";
    const USER: &str = "user";
    const LOGOUT_URL: &str = "logout_url";

    impl SessionContext {
        /// What a session token carries of it, in Bokeh's shape (`arguments` as lists of
        /// `{"bytes": base64}`, `cookies` and `headers` as objects; rokeh adds `user` and
        /// `logout_url`, for the page the token goes to).
        #[cfg(any(all(feature = "server", not(target_arch = "wasm32")), test))]
        pub(crate) fn to_payload(&self) -> Map<String, Json> {
            let mut arguments = Map::new();
            for (name, value) in &self.arguments {
                let bytes = serde_json::json!({ "bytes": URL_SAFE_NO_PAD.encode(value) });
                match arguments.get_mut(name) {
                    Some(Json::Array(values)) => values.push(bytes),
                    _ => {
                        arguments.insert(name.clone(), Json::Array(vec![bytes]));
                    }
                }
            }
            let object = |pairs: &[(String, String)]| {
                Json::Object(
                    pairs
                        .iter()
                        .map(|(n, v)| (n.clone(), Json::from(v.as_str())))
                        .collect(),
                )
            };
            let mut payload = Map::new();
            payload.insert(HEADERS.into(), object(&self.headers));
            payload.insert(COOKIES.into(), object(&self.cookies));
            payload.insert(ARGUMENTS.into(), Json::Object(arguments));
            if let Some(user) = &self.user {
                payload.insert(USER.into(), user.as_str().into());
            }
            if let Some(url) = &self.logout_url {
                payload.insert(LOGOUT_URL.into(), url.as_str().into());
            }
            payload
        }

        /// Read from a session token's payload (see [`SessionContext::to_payload`]); a part
        /// missing or of another shape is empty (a token made by Python's Bokeh, or by a
        /// client, may carry none). An argument's value may be a string too.
        pub(crate) fn from_payload(payload: &Map<String, Json>) -> SessionContext {
            let pairs = |key: &str| -> Vec<(String, String)> {
                let Some(Json::Object(map)) = payload.get(key) else {
                    return Vec::new();
                };
                map.iter()
                    .filter_map(|(n, v)| Some((n.clone(), v.as_str()?.to_owned())))
                    .collect()
            };
            let mut arguments = Vec::new();
            if let Some(Json::Object(map)) = payload.get(ARGUMENTS) {
                for (name, values) in map {
                    let values = match values {
                        Json::Array(values) => values.as_slice(),
                        one => std::slice::from_ref(one),
                    };
                    arguments.extend(
                        values
                            .iter()
                            .filter_map(argument_text)
                            .map(|value| (name.clone(), value)),
                    );
                }
            }
            let text = |key: &str| payload.get(key).and_then(Json::as_str).map(str::to_owned);
            SessionContext {
                arguments,
                cookies: pairs(COOKIES),
                headers: pairs(HEADERS),
                user: text(USER),
                logout_url: text(LOGOUT_URL),
            }
        }
    }

    /// An argument's value in a token: `{"bytes": base64}` (Bokeh's) or text.
    fn argument_text(value: &Json) -> Option<String> {
        match value {
            Json::String(text) => Some(text.clone()),
            Json::Object(map) => {
                let encoded = map.get("bytes")?.as_str()?;
                let bytes = URL_SAFE_NO_PAD.decode(encoded.trim_end_matches('=')).ok()?;
                Some(String::from_utf8_lossy(&bytes).into_owned())
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value as Json;

    #[test]
    fn a_query_gives_every_value_of_each_argument_decoded() {
        let context = SessionContext::default()
            .with_query("?N=5&N=6&title=a+b%21&bokeh-session-id=x&flag&bad=%zz%e2%82%ac");
        assert_eq!(context.argument("N"), Some("5"));
        assert_eq!(context.arguments("N").collect::<Vec<_>>(), ["5", "6"]);
        assert_eq!(context.argument("title"), Some("a b!"));
        assert_eq!(context.argument("flag"), Some(""));
        assert_eq!(context.argument("bad"), Some("%zz€"));
        assert_eq!(context.argument("bokeh-session-id"), None);
        assert_eq!(context.argument("missing"), None);
    }

    #[test]
    fn cookies_from_a_header_and_headers_by_any_case() {
        let context = SessionContext::default()
            .with_cookie_header("user=bokeh; theme=dark;broken; user=again")
            .with_header("X-Forwarded-For", "10.0.0.1");
        assert_eq!(context.cookie("user"), Some("again"));
        assert_eq!(context.cookie("theme"), Some("dark"));
        assert_eq!(context.cookies().len(), 2);
        assert_eq!(context.header("x-forwarded-for"), Some("10.0.0.1"));
    }

    #[test]
    fn the_token_payload_carries_it_whole_in_bokehs_shape() {
        let context = SessionContext::default()
            .with_query("N=5&N=6&name=%C3%A9")
            .with_cookie("user", "bokeh")
            .with_header("Host", "localhost")
            .with_user(Some("bokeh".into()))
            .with_logout_url(Some("/logout".into()));
        let payload = context.to_payload();
        assert_eq!(
            payload["arguments"]["N"],
            serde_json::json!([{ "bytes": "NQ" }, { "bytes": "Ng" }])
        );
        assert_eq!(payload["cookies"]["user"], "bokeh");
        let back = SessionContext::from_payload(&payload);
        // Arguments come back grouped by name (a JSON object's order).
        assert_eq!(back.arguments("N").collect::<Vec<_>>(), ["5", "6"]);
        assert_eq!(back.argument("name"), Some("é"));
        assert_eq!(back.cookie("user"), Some("bokeh"));
        assert_eq!(back.header("host"), Some("localhost"));
        assert_eq!(back.user(), Some("bokeh"));
        assert_eq!(back.logout_url(), Some("/logout"));
    }

    #[test]
    fn a_payload_of_other_shapes_gives_what_it_can() {
        let payload = serde_json::json!({
            "arguments": { "N": "7", "M": [{ "bytes": "!!" }, 3], "K": [{ "bytes": "NQ==" }] },
            "cookies": ["not", "an", "object"],
            "user": 5,
        });
        let Json::Object(payload) = payload else {
            unreachable!()
        };
        let context = SessionContext::from_payload(&payload);
        assert_eq!(context.argument("N"), Some("7"));
        assert_eq!(context.argument("M"), None);
        assert_eq!(context.argument("K"), Some("5"));
        assert!(context.cookies().is_empty());
        assert_eq!(context.user(), None);
    }
}
