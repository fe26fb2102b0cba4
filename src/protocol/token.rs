//! Session ids and session tokens as `bokeh.util.token` builds them.
//!
//! A session id is 44 random characters from `[a-zA-Z0-9]`; signed, it is followed by `.`
//! and the HMAC-SHA256 of those characters (base64url, unpadded). A token is the base64url
//! (unpadded) of the JSON `{"session_id": …, "session_expiry": …}`, with an optional
//! `__bk__zlib_` entry holding more payload (request headers, cookies) as zlib-compressed
//! JSON; signed, it is followed by `.` and the HMAC of the base64 text. The JSON is written
//! with Python's separators (`", "`, `": "`), so tokens match Bokeh's byte for byte.

use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::Serialize;
use serde_json::{Map, Value as Json};
use sha2::Sha256;

/// The payload key of Bokeh's compressed extra payload.
pub const TOKEN_ZLIB_KEY: &str = "__bk__zlib_";
/// Length of the random part of a session id, as in Bokeh.
pub const SESSION_ID_LEN: usize = 44;
const SESSION_ID_CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/// Longer tokens and ids are refused before any decoding.
const MAX_TOKEN_LEN: usize = 16 * 1024;
const MAX_SESSION_ID_LEN: usize = 256;
/// The compressed payload may not inflate past this.
const MAX_EXTRA_PAYLOAD: u64 = 64 * 1024;

/// Why a token or a session id was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Longer than any token rokeh reads (16,384 characters).
    #[error("token is longer than {MAX_TOKEN_LEN} characters")]
    TooLong,
    /// Not base64url.
    #[error("token is not base64url: {0}")]
    NotBase64(String),
    /// Its payload is not a JSON object.
    #[error("token payload is not a JSON object: {0}")]
    NotJson(String),
    /// Its payload names no session.
    #[error("token payload has no string 'session_id'")]
    NoSessionId,
    /// Its expiry is not an integer.
    #[error("'session_expiry' must be an integer")]
    BadExpiry,
    /// Its compressed extra payload does not decode.
    #[error("'{TOKEN_ZLIB_KEY}' is not a base64 zlib stream of a JSON object: {0}")]
    BadCompressedPayload(String),
    /// A session id of characters or a length Bokeh does not allow.
    #[error("invalid session id: {0}")]
    BadSessionId(String),
}

/// A session id: Bokeh's 44 random characters, with `.signature` when signed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SessionId(String);

impl SessionId {
    /// Accepts any id a Bokeh client may pick: 1 to 256 characters of `[A-Za-z0-9._-]`.
    pub fn parse(s: &str) -> Result<SessionId, TokenError> {
        let ok_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
        if s.is_empty() || s.len() > MAX_SESSION_ID_LEN || !s.chars().all(ok_char) {
            let shown: String = s.chars().take(60).collect();
            return Err(TokenError::BadSessionId(format!(
                "'{shown}' must be 1 to {MAX_SESSION_ID_LEN} characters of A-Z a-z 0-9 . _ -"
            )));
        }
        Ok(SessionId(s.to_owned()))
    }

    /// A fresh id from `random_below(n)`, a uniform random number in `0..n` (the caller
    /// brings the randomness: this module does no I/O), signed when ids are.
    pub fn generate(mut random_below: impl FnMut(usize) -> usize, ids: &SessionIds) -> SessionId {
        let base: String = (0..SESSION_ID_LEN)
            .map(|_| SESSION_ID_CHARS[random_below(SESSION_ID_CHARS.len())] as char)
            .collect();
        match ids {
            SessionIds::Unsigned => SessionId(base),
            SessionIds::Signed(key) => {
                let signature = key.signature(&base);
                SessionId(format!("{base}.{signature}"))
            }
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The key that signs session ids and tokens (`BOKEH_SECRET_KEY`, here `ROKEH_SECRET_KEY`).
#[derive(Clone)]
pub struct SecretKey(Vec<u8>);

impl SecretKey {
    /// A key of these bytes.
    pub fn new(key: impl Into<Vec<u8>>) -> SecretKey {
        SecretKey(key.into())
    }

    /// Bokeh's `_signature`: base64url (unpadded) HMAC-SHA256 of `text`.
    fn signature(&self, text: &str) -> String {
        URL_SAFE_NO_PAD.encode(self.mac(text).finalize().into_bytes())
    }

    /// Checks `signature` against `text` in constant time.
    fn verify(&self, text: &str, signature: &str) -> bool {
        URL_SAFE_NO_PAD
            .decode(signature)
            .is_ok_and(|sig| self.mac(text).verify_slice(&sig).is_ok())
    }

    fn mac(&self, text: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes keys of any size");
        mac.update(text.as_bytes());
        mac
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

/// Whether session ids (and the tokens carrying them) are signed, as `--session-ids`.
#[derive(Clone, Debug)]
pub enum SessionIds {
    /// Any well-formed id is accepted (Bokeh's default).
    Unsigned,
    /// Ids and tokens carry an HMAC by this key and are checked against it.
    Signed(SecretKey),
}

impl SessionIds {
    /// Bokeh's `check_session_id_signature`: always true when ids are unsigned.
    pub fn check_session_id(&self, id: &SessionId) -> bool {
        match self {
            SessionIds::Unsigned => true,
            SessionIds::Signed(key) => id
                .as_str()
                .split_once('.')
                .is_some_and(|(base, sig)| key.verify(base, sig)),
        }
    }

    /// Bokeh's `check_token_signature`: the token's own signature and its session id's.
    pub fn check_token(&self, token: &str) -> bool {
        match self {
            SessionIds::Unsigned => true,
            SessionIds::Signed(key) => {
                let Some((base, sig)) = token.split_once('.') else {
                    return false;
                };
                key.verify(base, sig)
                    && decode_token(token).is_ok_and(|p| self.check_session_id(&p.session_id))
            }
        }
    }
}

/// What a token says.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenPayload {
    /// The session the token opens.
    pub session_id: SessionId,
    /// Seconds since the epoch after which the token may no longer open a connection.
    pub session_expiry: Option<i64>,
    /// Everything else, with the compressed payload (headers, cookies, arguments) inflated
    /// and merged in, as Bokeh's `get_token_payload` returns it.
    pub extra: Map<String, Json>,
}

/// Bokeh's `generate_jwt_token`, with the expiry time given (seconds since the epoch).
pub fn generate_token(
    session_id: &SessionId,
    session_expiry: i64,
    extra: Option<&Map<String, Json>>,
    ids: &SessionIds,
) -> String {
    // Written by hand: Bokeh puts session_id first, and a JSON map would sort its keys.
    let mut payload = format!(
        "{{\"session_id\": {}, \"session_expiry\": {session_expiry}",
        Json::from(session_id.as_str())
    );
    if let Some(extra) = extra {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(python_json(&Json::Object(extra.clone())).as_bytes())
            .expect("writing to a Vec cannot fail");
        let compressed = z.finish().expect("writing to a Vec cannot fail");
        let compressed = URL_SAFE_NO_PAD.encode(compressed);
        payload.push_str(&format!(", \"{TOKEN_ZLIB_KEY}\": \"{compressed}\""));
    }
    payload.push('}');
    let token = URL_SAFE_NO_PAD.encode(payload);
    match ids {
        SessionIds::Unsigned => token,
        SessionIds::Signed(key) => {
            let signature = key.signature(&token);
            format!("{token}.{signature}")
        }
    }
}

/// Reads a token's payload. Signatures are not checked here: see
/// [`SessionIds::check_token`].
pub fn decode_token(token: &str) -> Result<TokenPayload, TokenError> {
    if token.len() > MAX_TOKEN_LEN {
        return Err(TokenError::TooLong);
    }
    let base = token.split('.').next().unwrap_or_default();
    let json = decode_base64(base).map_err(TokenError::NotBase64)?;
    let mut payload = match serde_json::from_slice(&json) {
        Ok(Json::Object(map)) => map,
        Ok(_) => return Err(TokenError::NotJson("not an object".into())),
        Err(e) => return Err(TokenError::NotJson(e.to_string())),
    };
    let session_id = match payload.remove("session_id") {
        Some(Json::String(id)) => SessionId::parse(&id)?,
        _ => return Err(TokenError::NoSessionId),
    };
    let session_expiry = match payload.remove("session_expiry") {
        None => None,
        Some(n) => Some(n.as_i64().ok_or(TokenError::BadExpiry)?),
    };
    if let Some(compressed) = payload.remove(TOKEN_ZLIB_KEY) {
        payload.extend(inflate_extra(&compressed).map_err(TokenError::BadCompressedPayload)?);
    }
    Ok(TokenPayload {
        session_id,
        session_expiry,
        extra: payload,
    })
}

fn inflate_extra(compressed: &Json) -> Result<Map<String, Json>, String> {
    let text = compressed.as_str().ok_or("not a string")?;
    let bytes = decode_base64(text)?;
    let mut json = Vec::new();
    flate2::read::ZlibDecoder::new(bytes.as_slice())
        .take(MAX_EXTRA_PAYLOAD + 1)
        .read_to_end(&mut json)
        .map_err(|e| e.to_string())?;
    if json.len() as u64 > MAX_EXTRA_PAYLOAD {
        return Err(format!("inflates past {MAX_EXTRA_PAYLOAD} bytes"));
    }
    match serde_json::from_slice(&json) {
        Ok(Json::Object(map)) => Ok(map),
        Ok(_) => Err("not an object".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// Bokeh strips base64 padding; accept it either way.
fn decode_base64(text: &str) -> Result<Vec<u8>, String> {
    URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .map_err(|e| e.to_string())
}

/// JSON as Python's `json.dumps` writes it: `", "` between items, `": "` after keys.
fn python_json(value: &Json) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, PythonFormatter);
    value
        .serialize(&mut ser)
        .expect("JSON values always serialize");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

struct PythonFormatter;

impl serde_json::ser::Formatter for PythonFormatter {
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Computed with Bokeh 3.9.2's `bokeh.util.token` and the key below.
    const KEY: &[u8] = b"rokeh-test-secret";
    const BASE_ID: &str = "Rx3itWwrQse0ZbY95L5rYfxR3aIU4a6QIgW5TAOk00my";
    const SIGNED_ID: &str =
        "Rx3itWwrQse0ZbY95L5rYfxR3aIU4a6QIgW5TAOk00my.Y1BC_SwGRsxh6D8g4_2ofVyzAy2jMX2yFj9PHbfKo84";
    const SIGNED_TOKEN: &str = "eyJzZXNzaW9uX2lkIjogIlJ4M2l0V3dyUXNlMFpiWTk1TDVyWWZ4UjNhSVU0YTZRSWdXNVRBT2swMG15LlkxQkNfU3dHUnN4aDZEOGc0XzJvZlZ5ekF5MmpNWDJ5Rmo5UEhiZktvODQiLCAic2Vzc2lvbl9leHBpcnkiOiAxNzk1NjM0OTc3fQ.q2cYkcCC9_ecetQxXkjMQnolMdcfvek3z4IebFhuFjY";

    fn signed() -> SessionIds {
        SessionIds::Signed(SecretKey::new(KEY))
    }

    #[test]
    fn signs_session_ids_as_bokeh_does() {
        let mut chars = BASE_ID.bytes();
        let id = SessionId::generate(
            |_| {
                let c = chars.next().unwrap();
                SESSION_ID_CHARS.iter().position(|&x| x == c).unwrap()
            },
            &signed(),
        );
        assert_eq!(id.as_str(), SIGNED_ID);
        assert!(signed().check_session_id(&id));
    }

    #[test]
    fn builds_the_same_signed_token_as_bokeh() {
        let id = SessionId::parse(SIGNED_ID).unwrap();
        assert_eq!(
            generate_token(&id, 1795634977, None, &signed()),
            SIGNED_TOKEN
        );
        assert!(signed().check_token(SIGNED_TOKEN));
    }

    #[test]
    fn tampered_or_foreign_signatures_fail() {
        let other = SessionIds::Signed(SecretKey::new(b"another key".to_vec()));
        assert!(!other.check_token(SIGNED_TOKEN));
        let forged_id = SessionId::parse(&format!("{BASE_ID}.AAAA")).unwrap();
        assert!(!signed().check_session_id(&forged_id));
        assert!(!signed().check_session_id(&SessionId::parse(BASE_ID).unwrap()));
        // A well-signed token whose session id is unsigned fails too, as in Bokeh.
        let unsigned_id = SessionId::parse(BASE_ID).unwrap();
        let mut token = generate_token(&unsigned_id, 1, None, &SessionIds::Unsigned);
        token = format!("{token}.{}", SecretKey::new(KEY).signature(&token));
        assert!(!signed().check_token(&token));
        assert!(SessionIds::Unsigned.check_token(&token));
    }

    #[test]
    fn decodes_the_token_real_bokeh_sent() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/bokeh/token_decoded.json"
        );
        let fixture: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let payload = decode_token(fixture["token"].as_str().unwrap()).unwrap();
        let expected = &fixture["payload"];
        assert_eq!(payload.session_id.as_str(), expected["session_id"]);
        assert_eq!(payload.session_expiry, expected["session_expiry"].as_i64());
        let decompressed = &expected["__bk__zlib_ (decompressed)"];
        assert_eq!(payload.extra["headers"], decompressed["headers"]);
        assert_eq!(payload.extra["cookies"], decompressed["cookies"]);
    }

    #[test]
    fn extra_payload_round_trips_through_zlib() {
        let id = SessionId::parse(BASE_ID).unwrap();
        let extra: Map<String, Json> =
            serde_json::from_str(r#"{"headers": {"Host": "h"}, "rokeh": true}"#).unwrap();
        let token = generate_token(&id, 42, Some(&extra), &SessionIds::Unsigned);
        let p = decode_token(&token).unwrap();
        assert_eq!(p.session_id, id);
        assert_eq!(p.session_expiry, Some(42));
        assert_eq!(p.extra, extra);
    }

    #[test]
    fn unsigned_token_json_is_pythons() {
        let id = SessionId::parse("abc").unwrap();
        let token = generate_token(&id, 7, None, &SessionIds::Unsigned);
        let json = URL_SAFE_NO_PAD.decode(token).unwrap();
        assert_eq!(
            String::from_utf8(json).unwrap(),
            r#"{"session_id": "abc", "session_expiry": 7}"#
        );
    }

    #[test]
    fn garbage_tokens_are_refused_with_reasons() {
        assert!(matches!(decode_token("!!!"), Err(TokenError::NotBase64(_))));
        let not_obj = URL_SAFE_NO_PAD.encode("[1]");
        assert!(matches!(
            decode_token(&not_obj),
            Err(TokenError::NotJson(_))
        ));
        let no_id = URL_SAFE_NO_PAD.encode(r#"{"session_expiry": 1}"#);
        assert_eq!(decode_token(&no_id), Err(TokenError::NoSessionId));
        let bad_id = URL_SAFE_NO_PAD.encode(r#"{"session_id": "a b"}"#);
        assert!(matches!(
            decode_token(&bad_id),
            Err(TokenError::BadSessionId(_))
        ));
        let bad_zlib = URL_SAFE_NO_PAD.encode(r#"{"session_id": "a", "__bk__zlib_": "AAAA"}"#);
        assert!(matches!(
            decode_token(&bad_zlib),
            Err(TokenError::BadCompressedPayload(_))
        ));
        assert_eq!(
            decode_token(&"a".repeat(MAX_TOKEN_LEN + 1)),
            Err(TokenError::TooLong)
        );
    }
}
