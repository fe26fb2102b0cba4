//! What `rokeh serve` is told: the command line (`serve`, and `new`, see
//! [`crate::scaffold`]), parsed into a [`ServerConfig`].

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

use super::origins::OriginPattern;
use crate::protocol::token::{SecretKey, SessionIds};

/// Where the signing key comes from (Bokeh's `BOKEH_SECRET_KEY`).
pub const SECRET_KEY_VAR: &str = "ROKEH_SECRET_KEY";
/// Where the built page is, if not in `./dist` or the crate's `dist/`.
pub const DIST_VAR: &str = "ROKEH_DIST";
/// The Redis that servers sharing sessions use, when `--redis` is not given.
pub const REDIS_URL_VAR: &str = "ROKEH_REDIS_URL";

/// The `rokeh` command line: what [`super::main_cli_with`] parses.
#[derive(Debug, Parser)]
#[command(
    name = "rokeh",
    version,
    about = "Bokeh-style interactive documents in Rust"
)]
pub struct Cli {
    /// `serve`, `new`, `index` or `apps`.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands of `rokeh`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the apps: the page at /APP, its websocket at /APP/ws, sessions kept in sync
    /// over Bokeh's protocol.
    Serve(ServeArgs),
    /// Create a new crate NAME in ./NAME: an app on rokeh, ready for `trunk serve` and
    /// `cargo run -- serve --show`.
    New(crate::scaffold::NewArgs),
    /// Print the index of the apps as a static HTML page for a site with no server (GitHub
    /// Pages): each app links to `PAGE?app=APP`, with its thumbnail from DIST/screenshots/.
    Index(IndexArgs),
    /// Print the apps, one a line: its name, then the data files it reads (what a
    /// single-file page must inline), separated by spaces.
    Apps,
}

/// `rokeh index`'s options.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// The page the links open, relative to the index.
    #[arg(long, default_value = "app.html")]
    pub page: String,
    /// The built page's folder, where the thumbnails are looked for.
    #[arg(long, default_value = "dist")]
    pub dist: std::path::PathBuf,
}

/// `rokeh serve`'s options, as given; [`ServerConfig::from_args`] checks them.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Open the first app in a browser once the server is up.
    #[arg(long)]
    pub show: bool,
    /// Port to listen on (0: any free port, printed in the "running at" line).
    #[arg(long, default_value_t = 5006)]
    pub port: u16,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub address: String,
    /// A page origin allowed to open websockets (repeatable); default: this server itself.
    #[arg(long = "allow-websocket-origin", value_name = "HOST[:PORT]", value_parser = OriginPattern::parse)]
    pub allow_websocket_origin: Vec<OriginPattern>,
    /// Whether session ids must carry an HMAC signature made with ROKEH_SECRET_KEY.
    #[arg(long, value_enum, default_value_t = SessionIdMode::Unsigned)]
    pub session_ids: SessionIdMode,
    /// How long a session nobody is connected to is kept, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 15_000)]
    pub unused_session_lifetime: u64,
    /// Largest websocket message accepted, in bytes: the whole message (header, content
    /// and buffers), what its inline arrays may decode to, and what may wait to be sent to
    /// one connection.
    #[arg(long, value_name = "BYTES", default_value_t = 20 * 1024 * 1024)]
    pub websocket_max_message_size: usize,
    /// How long writing one message to a connection may take (the peer not reading, or a
    /// link too slow for the message) before the connection is dropped, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 30_000)]
    pub websocket_write_timeout: u64,
    /// How long a client may take to send a request's headers (or to start the next
    /// request on an idle connection) before it is dropped, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 10_000)]
    pub http_header_timeout: u64,
    /// Share sessions with every `rokeh serve` using this Redis: a client may join any
    /// session on any of them. Without it sessions live in this process alone.
    #[arg(long, value_name = "redis://HOST:PORT[/DB]", env = REDIS_URL_VAR)]
    pub redis: Option<String>,
}

/// `--session-ids`: whether a session id must be signed, as Bokeh's `--session-ids`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SessionIdMode {
    /// Any session id is accepted (Bokeh's default).
    Unsigned,
    /// Only ids signed with ROKEH_SECRET_KEY are accepted.
    Signed,
}

/// Everything the server needs to start, checked.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// The address to listen on.
    pub address: String,
    /// The port to listen on (0: any free one).
    pub port: u16,
    /// Page origins allowed to open websockets, besides the server itself.
    pub allow_websocket_origin: Vec<OriginPattern>,
    /// How session ids are made and checked (signed or not).
    pub session_ids: SessionIds,
    /// How long a session nobody is connected to is kept.
    pub unused_session_lifetime: Duration,
    /// The largest message accepted, in bytes, and what may wait for one connection.
    pub websocket_max_message_size: usize,
    /// How long writing one message to a connection may take before it is dropped.
    pub websocket_write_timeout: Duration,
    /// How long a client may take to send a request's headers before it is dropped.
    pub http_header_timeout: Duration,
    /// `--redis`: where sessions are shared, if they are.
    pub redis: Option<RedisUrl>,
    /// Open the first app in a browser once the server is up.
    pub show: bool,
    /// The built page's folder, if one was found; else the places looked in.
    pub page_dir: Result<PathBuf, Vec<PathBuf>>,
}

/// An option that cannot be served with, said the way a user can fix it.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// `--session-ids signed` without ROKEH_SECRET_KEY.
    #[error("--session-ids signed needs a secret key: set {SECRET_KEY_VAR} (e.g. to the output of `openssl rand -base64 32`)")]
    NoSecretKey,
    /// A message cap too small for any message.
    #[error("--websocket-max-message-size must be at least 1024 bytes")]
    MessageSizeTooSmall,
    /// `--redis` (or ROKEH_REDIS_URL) is not a `redis://HOST:PORT[/DB]` URL.
    #[error("--redis {url:?} is not a Redis URL (redis://HOST:PORT[/DB]): {reason}")]
    BadRedisUrl {
        /// The URL given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// A checked `redis://` URL.
#[derive(Clone, Debug)]
pub struct RedisUrl(pub(crate) redis::ConnectionInfo);

impl RedisUrl {
    /// Checks `url`: `redis://HOST:PORT[/DB]` only (no TLS, no cluster).
    pub fn parse(url: &str) -> Result<RedisUrl, ConfigError> {
        let bad = |reason: String| ConfigError::BadRedisUrl {
            url: url.to_owned(),
            reason,
        };
        if !url.starts_with("redis://") {
            return Err(bad("only redis:// is supported".into()));
        }
        redis::IntoConnectionInfo::into_connection_info(url)
            .map(RedisUrl)
            .map_err(|e| bad(e.to_string()))
    }
}

impl std::fmt::Display for RedisUrl {
    /// The address and database, never a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "redis://{}/{}",
            self.0.addr(),
            self.0.redis_settings().db()
        )
    }
}

impl ServerConfig {
    /// Checks the arguments; `secret` is the value of ROKEH_SECRET_KEY, if set.
    pub fn from_args(args: ServeArgs, secret: Option<String>) -> Result<ServerConfig, ConfigError> {
        let session_ids = match (args.session_ids, secret.filter(|s| !s.is_empty())) {
            (SessionIdMode::Unsigned, _) => SessionIds::Unsigned,
            (SessionIdMode::Signed, Some(key)) => SessionIds::Signed(SecretKey::new(key)),
            (SessionIdMode::Signed, None) => return Err(ConfigError::NoSecretKey),
        };
        if args.websocket_max_message_size < 1024 {
            return Err(ConfigError::MessageSizeTooSmall);
        }
        let redis = args
            .redis
            .as_deref()
            .filter(|u| !u.is_empty())
            .map(RedisUrl::parse)
            .transpose()?;
        Ok(ServerConfig {
            address: args.address,
            port: args.port,
            allow_websocket_origin: args.allow_websocket_origin,
            session_ids,
            unused_session_lifetime: Duration::from_millis(args.unused_session_lifetime),
            websocket_max_message_size: args.websocket_max_message_size,
            websocket_write_timeout: Duration::from_millis(args.websocket_write_timeout.max(1)),
            http_header_timeout: Duration::from_millis(args.http_header_timeout.max(1)),
            redis,
            show: args.show,
            page_dir: find_page_dir(),
        })
    }
}

/// The built page (Trunk's `dist/`, holding `index.html`): `$ROKEH_DIST` when set (and
/// then only there), else `./dist`, then the `dist/` of the rokeh crate this binary was
/// built with (the gallery's), so `cargo run -- serve` finds the page `trunk build` made
/// wherever it is started. A folder found by looking must hold this binary's own page
/// (Trunk names the wasm after the binary): another app's page would show the wrong app.
fn find_page_dir() -> Result<PathBuf, Vec<PathBuf>> {
    let (places, look) = match std::env::var_os(DIST_VAR) {
        Some(dir) => (vec![PathBuf::from(dir)], false),
        None => (
            vec![
                PathBuf::from("dist"),
                PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/dist")),
            ],
            true,
        ),
    };
    let binary = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.file_stem()?.to_string_lossy().replace('-', "_")));
    let found = places.iter().find(|p| {
        p.join("index.html").is_file()
            && (!look || binary.as_deref().is_none_or(|b| holds_wasm_of(p, b)))
    });
    match found {
        Some(found) => Ok(found.clone()),
        None => Err(places),
    }
}

/// Whether `dir` holds the wasm Trunk built for `binary` (`<binary>-<hash>_bg.wasm`, or
/// without the hash), `-` and `_` alike.
fn holds_wasm_of(dir: &std::path::Path, binary: &str) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(Result::ok).any(|entry| {
        let name = entry.file_name().to_string_lossy().replace('-', "_");
        name.strip_prefix(binary)
            .and_then(|rest| rest.strip_suffix("_bg.wasm"))
            .is_some_and(|hash| {
                hash.is_empty()
                    || hash
                        .strip_prefix('_')
                        .is_some_and(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_this_binarys_when_its_wasm_is_named_after_it() {
        let dir = std::env::temp_dir().join(format!("rokeh-config-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("hello-plot-0a1b2c_bg.wasm"), b"").unwrap();
        std::fs::write(dir.join("rokeh-embed.js"), b"").unwrap();
        assert!(holds_wasm_of(&dir, "hello_plot"));
        assert!(!holds_wasm_of(&dir, "hello"));
        assert!(!holds_wasm_of(&dir, "rokeh"));
        std::fs::write(dir.join("rokeh_bg.wasm"), b"").unwrap();
        assert!(holds_wasm_of(&dir, "rokeh"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
