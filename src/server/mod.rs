//! `rokeh serve`: the optional sync server (native only).
//!
//! Each session is a task owning its document, built by running the app natively;
//! connections talk to it through channels (see `session`). The HTTP side serves the
//! built page and the websocket that speaks Bokeh's protocol (see `http`).

pub mod auth;
mod compress;
mod config;
mod embed;
mod http;
mod index;
mod listen;
mod log;
mod origins;
mod outbox;
mod page;
mod periodic;
mod session;
mod sessions;
mod store;
mod work;
mod ws;

pub use config::{
    Cli, Command, ConfigError, RedisUrl, ServeArgs, ServerConfig, SessionIdMode, DIST_VAR,
    REDIS_URL_VAR, SECRET_KEY_VAR,
};
pub use origins::{AllowedOrigins, OriginError, OriginPattern};

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};

use crate::app::App;
use log::log;
use sessions::Sessions;

/// The Bokeh release whose protocol and document JSON rokeh speaks.
pub const BOKEH_PROTOCOL_VERSION: &str = "3.9.2";

/// How long shutdown waits for connections to say goodbye.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// What every request handler shares.
pub(crate) struct Shared {
    config: ServerConfig,
    origins: AllowedOrigins,
    apps: Vec<(App, Arc<Sessions>)>,
    shutdown: watch::Receiver<bool>,
    alive: mpsc::Sender<()>,
    gzip: compress::GzipCache,
    /// The login and logout pages of the apps' auth providers, by path.
    auth_pages: auth::AuthPages,
}

impl Shared {
    fn app(&self, name: &str) -> Option<&(App, Arc<Sessions>)> {
        self.apps.iter().find(|(a, _)| a.name() == name)
    }

    /// Gzips the page's own files in `dir` (not its folders: data files and thumbnails)
    /// ahead of the first visitor.
    fn gzip_page_files(&self, dir: &std::path::Path) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(|n| format!("/{n}")) else {
                continue;
            };
            if let Some(file) = page::file(&self.config.page_dir, &name) {
                if compress::worth_it(file.content_type, file.bytes.len()) {
                    self.gzip.gzip(&file.path, &file.bytes);
                }
            }
        }
    }
}

/// The `rokeh` command line, serving `apps`: what [`crate::run`] calls natively.
pub fn main_cli_with(apps: Vec<App>) {
    let args = match Cli::parse().command {
        Command::Serve(args) => args,
        Command::New(args) => {
            if let Err(e) = crate::scaffold::main(args) {
                eprintln!("rokeh new: {e}");
                std::process::exit(2);
            }
            return;
        }
        Command::Index(args) => {
            let entries: Vec<index::Entry<'_>> = apps
                .iter()
                .map(|app| index::Entry {
                    name: app.name(),
                    href: format!("{}?app={}", args.page, app.name()),
                    sessions: None,
                })
                .collect();
            print!("{}", index::html(&entries, Some(&args.dist)));
            return;
        }
        Command::Apps => {
            for app in &apps {
                println!(
                    "{}",
                    [app.name()]
                        .into_iter()
                        .chain(app.files().iter().map(String::as_str))
                        .collect::<Vec<_>>()
                        .join(" ")
                );
            }
            return;
        }
    };
    let config = match ServerConfig::from_args(args, std::env::var(SECRET_KEY_VAR).ok()) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("rokeh serve: {e}");
            std::process::exit(2);
        }
    };
    raise_open_file_limit();
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let result = runtime.block_on(async {
        let server = Server::bind(config, apps).await?;
        server.run(shutdown_signal()).await
    });
    if let Err(e) = result {
        eprintln!("rokeh serve: {e}");
        std::process::exit(1);
    }
}

/// A bound server, not yet serving.
pub struct Server {
    listener: TcpListener,
    shared: Arc<Shared>,
    shutdown: watch::Sender<bool>,
    alive: mpsc::Receiver<()>,
}

impl Server {
    /// Listens on `config`'s address and port (port 0: any free one, see
    /// [`Server::local_addr`]) for `apps`; serving starts with [`Server::run`]. Apps whose
    /// auth providers' pages clash (see [`auth::RouteClash`]) are refused.
    pub async fn bind(config: ServerConfig, apps: Vec<App>) -> std::io::Result<Server> {
        let auth_pages = auth::pages(&apps)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
        let listener = TcpListener::bind((config.address.as_str(), config.port))
            .await
            .map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("cannot listen on {}:{}: {e}", config.address, config.port),
                )
            })?;
        let port = listener.local_addr()?.port();
        let origins =
            AllowedOrigins::new(config.allow_websocket_origin.clone(), &config.address, port);
        let (shutdown, shutdown_rx) = watch::channel(false);
        let (alive_tx, alive) = mpsc::channel(1);
        let store = match &config.redis {
            Some(url) => Some(
                store::Store::new(url, config.unused_session_lifetime)
                    .map_err(|e| std::io::Error::other(e.to_string()))?,
            ),
            None => None,
        };
        let apps = apps
            .into_iter()
            .map(|app| {
                let sessions = Sessions::new(
                    app.clone(),
                    config.unused_session_lifetime,
                    config.websocket_max_message_size,
                    store.clone(),
                    alive_tx.clone(),
                );
                (app, sessions)
            })
            .collect();
        let shared = Arc::new(Shared {
            config,
            origins,
            apps,
            shutdown: shutdown_rx,
            alive: alive_tx,
            gzip: compress::GzipCache::default(),
            auth_pages,
        });
        Ok(Server {
            listener,
            shared,
            shutdown,
            alive,
        })
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until `stop` completes, then closes every connection and returns.
    pub async fn run(self, stop: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let Server {
            listener,
            shared,
            shutdown,
            mut alive,
        } = self;
        let port = listener.local_addr()?.port();
        let config = &shared.config;
        log!(
            "Starting rokeh server version {} (speaking the protocol of Bokeh {BOKEH_PROTOCOL_VERSION})",
            env!("CARGO_PKG_VERSION")
        );
        match &config.page_dir {
            Err(places) => {
                let e = page::PageError::NotBuilt(places.clone());
                log!("WARNING: {e} Python clients can still connect.");
            }
            Ok(dir) => {
                let (shared, dir) = (shared.clone(), dir.clone());
                tokio::task::spawn_blocking(move || shared.gzip_page_files(&dir));
            }
        }
        let urls: Vec<String> = shared
            .apps
            .iter()
            .map(|(app, _)| format!("http://{}:{port}/{}", config.address, app.name()))
            .collect();
        for url in &urls {
            log!("rokeh app running at: {url}");
        }
        log!(
            "Starting rokeh server with process id: {}",
            std::process::id()
        );
        if let Some(url) = &config.redis {
            log!("Sharing sessions through the session store {url}");
        }
        if config.show {
            if let Some(url) = urls.first() {
                if let Err(e) = open::that_detached(url) {
                    log!("Could not open a browser: {e}");
                }
            }
        }
        let stopping = async move {
            stop.await;
            log!("Shutting down");
            let _ = shutdown.send(true);
        };
        let header_timeout = config.http_header_timeout;
        listen::serve(
            listener,
            http::router(shared.clone()),
            header_timeout,
            stopping,
            SHUTDOWN_GRACE,
        )
        .await;
        // Websockets outlive the HTTP side, and sessions their websockets: wait for both to
        // end (each holds `alive`), so none runs on as the runtime shuts down.
        for (_, sessions) in &shared.apps {
            sessions.close_all();
        }
        drop(shared);
        let _ = tokio::time::timeout(SHUTDOWN_GRACE, alive.recv()).await;
        Ok(())
    }
}

/// Ctrl-C, or SIGTERM on Unix.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

/// Each connection is a file descriptor: allow as many as the system lets this process.
fn raise_open_file_limit() {
    #[cfg(unix)]
    // SAFETY: getrlimit/setrlimit only read and write the struct passed to them.
    unsafe {
        let mut limit = std::mem::zeroed::<libc::rlimit>();
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}
