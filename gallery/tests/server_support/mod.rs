//! Shared by the server tests and the load generator (examples/loadgen.rs): the real
//! `rokeh serve` binary on a free loopback port, and a websocket client speaking Bokeh's
//! protocol through rokeh's own protocol layer.
#![allow(dead_code)] // each test file uses its own part of this

mod balancer;
mod redis_server;
#[allow(unused_imports)]
pub use balancer::Balancer;
#[allow(unused_imports)]
pub use redis_server::RedisServer;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures_util::{SinkExt, StreamExt};
use rokeh::document::json::{BufferId, Buffers};
use rokeh::document::Document;
use rokeh::protocol::token::{generate_token, SessionId, SessionIds};
use rokeh::protocol::{Body, Frame, Message, MsgId, Receiver};
use serde_json::Value as Json;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// How long a test waits for a message it expects. Only a failing test waits this long; it
/// is generous because the tests run debug binaries on a loaded 2-core machine (a reply to
/// 20,000 RootAdded took over 5 s there once). Speed is measured by benches, not here.
pub const WAIT: Duration = Duration::from_secs(20);

/// The repository root: the Python venv and scripts are shared with the library's tests.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A command running `tests/python/<script>` with the repository's Python Bokeh.
pub fn python(script: &str) -> Command {
    let root = repo_root();
    let python = root.join(".venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run scripts/python-venv.sh (Python Bokeh 3.9.2 in ./.venv) first",
        python.display()
    );
    let mut command = Command::new(python);
    command.arg(root.join("tests/python").join(script));
    command
}

/// The configuration of a server run in the test's own process, on a free port.
pub fn in_process_config() -> rokeh::server::ServerConfig {
    let args = rokeh::server::ServeArgs {
        show: false,
        port: 0,
        address: "127.0.0.1".into(),
        allow_websocket_origin: Vec::new(),
        session_ids: rokeh::server::SessionIdMode::Unsigned,
        unused_session_lifetime: 15_000,
        websocket_max_message_size: 20 * 1024 * 1024,
        websocket_write_timeout: 10_000,
        http_header_timeout: 10_000,
        redis: None,
    };
    rokeh::server::ServerConfig::from_args(args, None).expect("a valid config")
}

/// `rokeh serve --port 0 …` as a child process, killed when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    pub log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub fn start(args: &[&str]) -> Server {
        Server::start_with_env(args, &[])
    }

    pub fn start_with_env(args: &[&str], env: &[(&str, &str)]) -> Server {
        Server::launch(Command::new(server_binary()), args, env)
    }

    /// `serve` run by `command`: the `rokeh` binary, or another app's built on rokeh.
    pub fn launch(mut command: Command, args: &[&str], env: &[(&str, &str)]) -> Server {
        command.arg("serve");
        if !args.contains(&"--port") {
            command.args(["--port", "0"]);
        }
        command
            .args(args)
            .env_remove("ROKEH_SECRET_KEY")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in env {
            command.env(k, v);
        }
        let mut child = command.spawn().expect("the rokeh binary starts");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (port_tx, port_rx) = std::sync::mpsc::channel();
        let lines = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(at) = line.find("rokeh app running at: http://127.0.0.1:") {
                    let rest = &line[at + "rokeh app running at: http://127.0.0.1:".len()..];
                    let port: u16 = rest.split('/').next().unwrap().parse().unwrap();
                    let _ = port_tx.send(port);
                }
                lines.lock().unwrap().push(line);
            }
        });
        let port = port_rx
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("server did not start; log: {:?}", log.lock().unwrap()));
        Server { child, port, log }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process is still running.
    pub fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Resident memory now and at its peak (`VmRSS`, `VmHWM`), in MiB.
    pub fn rss_mib(&self) -> (f64, f64) {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
                .map_or(0.0, |kib| kib / 1024.0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    pub fn http(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn ws_url(&self) -> String {
        self.ws_url_of("sliders")
    }

    pub fn ws_url_of(&self, app: &str) -> String {
        format!("ws://127.0.0.1:{}/{app}/ws", self.port)
    }

    /// Kills the process at once (SIGKILL): no goodbye to anyone.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Waits until a log line contains `text`.
    pub fn wait_for_log(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            if let Some(line) = self.log.lock().unwrap().iter().find(|l| l.contains(text)) {
                return line.clone();
            }
            assert!(
                start.elapsed() < WAIT,
                "no log line with {text:?} in {:?}",
                self.log.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn interrupt(&self) {
        // SAFETY: kill(2) on our own child's pid.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGINT) };
    }

    pub fn wait_exit(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < within {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `rokeh` binary: Cargo names it for tests; an example finds it beside its own folder
/// (`target/<profile>/examples/loadgen` → `target/<profile>/rokeh`).
/// `ROKEH_SERVER_BINARY` overrides both (to run the tests against another build, an older
/// one say, and see them fail).
fn server_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("ROKEH_SERVER_BINARY") {
        return PathBuf::from(path);
    }
    if let Some(path) = option_env!("CARGO_BIN_EXE_rokeh") {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().expect("own path");
    let path = exe
        .parent()
        .and_then(|p| p.parent())
        .expect("target/<profile>")
        .join("rokeh");
    assert!(
        path.exists(),
        "{} is missing: build it with the same profile first (cargo build --release)",
        path.display()
    );
    path
}

/// Each connection is a file descriptor: allow this process as many as the system lets it
/// (the load generator and the soak open thousands).
pub fn raise_open_file_limit() {
    // SAFETY: getrlimit/setrlimit only read and write the struct passed to them.
    unsafe {
        let mut limit = std::mem::zeroed::<libc::rlimit>();
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

pub fn new_session_id() -> SessionId {
    SessionId::generate(|n| rand::random_range(0..n), &SessionIds::Unsigned)
}

pub fn unsigned_token(id: &SessionId) -> String {
    generate_token(id, unix_now() + 300, None, &SessionIds::Unsigned)
}

/// What the client saw when the server ended the conversation.
#[derive(Debug, PartialEq)]
pub enum Ended {
    Closed(Option<CloseCode>, String),
    Dropped,
}

pub struct Client {
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
    receiver: Receiver,
}

impl Client {
    /// Connects to session `id` as `bokeh.client` does; `query` is appended to the URL.
    pub async fn connect(server: &Server, id: &SessionId, query: &str) -> Client {
        Client::connect_with(
            &format!("{}{query}", server.ws_url()),
            &unsigned_token(id),
            None,
        )
        .await
        .expect("websocket opens")
    }

    /// Connects and checks the ACK comes first.
    pub async fn join(server: &Server, id: &SessionId, query: &str) -> Client {
        Client::join_app(server, "sliders", id, query).await
    }

    /// Joins session `id` of `app`.
    pub async fn join_app(server: &Server, app: &str, id: &SessionId, query: &str) -> Client {
        let url = format!("{}{query}", server.ws_url_of(app));
        let mut client = Client::connect_with(&url, &unsigned_token(id), None)
            .await
            .expect("websocket opens");
        let ack = client.recv().await;
        assert_eq!(ack.body, Body::Ack, "the server's first message is ACK");
        client
    }

    pub async fn connect_with(
        url: &str,
        token: &str,
        origin: Option<&str>,
    ) -> Result<Client, tokio_tungstenite::tungstenite::Error> {
        let mut request = url.into_client_request().unwrap();
        let headers = request.headers_mut();
        headers.insert(
            "Sec-WebSocket-Protocol",
            HeaderValue::from_str(&format!("bokeh, {token}")).unwrap(),
        );
        if let Some(origin) = origin {
            headers.insert("Origin", HeaderValue::from_str(origin).unwrap());
        }
        // No Nagle delay on our side either: small frames must go out at once.
        let (ws, _) = tokio_tungstenite::connect_async_with_config(request, None, true).await?;
        Ok(Client {
            ws,
            receiver: Receiver::new(),
        })
    }

    /// A client on a websocket opened elsewhere (with headers of the test's own).
    pub fn from_socket(ws: WebSocketStream<MaybeTlsStream<TcpStream>>) -> Client {
        Client {
            ws,
            receiver: Receiver::new(),
        }
    }

    /// Sends one websocket message as it is (a raw frame, a bad one).
    pub async fn send_ws(&mut self, message: WsMessage) {
        self.ws.send(message).await.unwrap();
    }

    pub async fn send(&mut self, message: &Message) {
        self.send_frames(message.to_frames()).await;
    }

    /// Writes frames, stopping at the first that cannot go (the server closed, or stopped
    /// reading for `within`): whether all went.
    pub async fn try_send_frames(&mut self, frames: Vec<Frame>, within: Duration) -> bool {
        for frame in frames {
            let message = match frame {
                Frame::Text(t) => WsMessage::Text(t.into()),
                Frame::Binary(b) => WsMessage::Binary(b.into()),
            };
            match tokio::time::timeout(within, self.ws.send(message)).await {
                Ok(Ok(())) => {}
                _ => return false,
            }
        }
        true
    }

    /// Writes the frames of one message and flushes once.
    pub async fn send_frames(&mut self, frames: Vec<Frame>) {
        for frame in frames {
            self.ws
                .feed(match frame {
                    Frame::Text(t) => WsMessage::Text(t.into()),
                    Frame::Binary(b) => WsMessage::Binary(b.into()),
                })
                .await
                .unwrap();
        }
        self.ws.flush().await.unwrap();
    }

    /// The next message, or the end of the connection.
    pub async fn next(&mut self, within: Duration) -> Option<Result<Message, Ended>> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let frame = match tokio::time::timeout_at(deadline, self.ws.next()).await {
                Err(_) => return None,
                Ok(None) | Ok(Some(Err(_))) => return Some(Err(Ended::Dropped)),
                Ok(Some(Ok(WsMessage::Close(frame)))) => {
                    return Some(Err(Ended::Closed(
                        frame.as_ref().map(|f| f.code),
                        frame.map(|f| f.reason.to_string()).unwrap_or_default(),
                    )))
                }
                Ok(Some(Ok(WsMessage::Text(t)))) => Frame::Text(t.to_string()),
                Ok(Some(Ok(WsMessage::Binary(b)))) => Frame::Binary(b.to_vec()),
                Ok(Some(Ok(_))) => continue,
            };
            if let Some(message) = self
                .receiver
                .consume(frame)
                .expect("the server sends valid messages")
            {
                return Some(Ok(message));
            }
        }
    }

    pub async fn recv(&mut self) -> Message {
        match self.next(WAIT).await {
            Some(Ok(m)) => m,
            other => panic!("expected a message, got {other:?}"),
        }
    }

    /// Receives until the reply to `reqid`, returning what came before it and the reply.
    pub async fn until_reply(&mut self, reqid: &MsgId) -> (Vec<Message>, Message) {
        let mut before = Vec::new();
        loop {
            let m = self.recv().await;
            if m.reqid.as_ref() == Some(reqid) {
                return (before, m);
            }
            before.push(m);
        }
    }

    /// Asserts nothing arrives for a while.
    pub async fn expect_silence(&mut self, for_: Duration) {
        if let Some(got) = self.next(for_).await {
            panic!("expected nothing, got {got:?}");
        }
    }

    pub async fn request(&mut self, body: Body) -> (Vec<Message>, Message) {
        self.send_request(Message::new(MsgId::next(), body)).await
    }

    pub async fn send_request(&mut self, message: Message) -> (Vec<Message>, Message) {
        self.send(&message).await;
        self.until_reply(&message.msgid).await
    }

    /// PULL-DOC-REQ → the session's document, read with rokeh's Bokeh JSON.
    pub async fn pull(&mut self) -> (Json, Document) {
        let (_, reply) = self.request(Body::PullDocReq).await;
        let Body::PullDocReply { doc } = reply.body else {
            panic!("expected PULL-DOC-REPLY, got {:?}", reply.body)
        };
        let mut buffers = Buffers::new();
        for b in reply.buffers {
            buffers.insert(BufferId(b.id), b.data);
        }
        let document =
            Document::from_json(&doc, &buffers).expect("the server's document reads back");
        (doc, document)
    }

    pub async fn patch(&mut self, events: Json) -> (Vec<Message>, Message) {
        let Json::Array(events) = events else {
            panic!("events are a list")
        };
        self.request(Body::PatchDoc { events }).await
    }
}

/// The model of `doc` of type `type_name` whose `title` is `title` (any when `None`).
pub fn find_id(doc: &Document, type_name: &str, title: Option<&str>) -> String {
    doc.models()
        .find(|(_, m)| {
            m.type_name == type_name
                && title.is_none_or(|t| m.attrs.get("title").and_then(|v| v.as_str()) == Some(t))
        })
        .map(|(_, m)| m.id.0.clone())
        .unwrap_or_else(|| panic!("no {type_name} titled {title:?}"))
}

pub fn column(doc: &Document, name: &str) -> Vec<f64> {
    let source = doc
        .models()
        .find(|(_, m)| m.type_name == "ColumnDataSource")
        .map(|(any, _)| any)
        .expect("a source");
    let data = doc.get_attr(source, "data").unwrap();
    match data.map_get(name) {
        Some(rokeh::document::Value::Array(a)) => a.as_f64().expect("f64 column").to_vec(),
        Some(rokeh::document::Value::List(items)) => {
            items.iter().map(|v| v.as_f64().expect("numbers")).collect()
        }
        other => panic!("column {name} is {other:?}"),
    }
}

pub fn frequency(doc: &Document) -> f64 {
    let id = find_id(doc, "Slider", Some("frequency"));
    let any = doc.lookup(&id.as_str().into()).unwrap();
    doc.get_attr(any, "value").unwrap().as_f64().unwrap()
}

/// The `kind`s of a PATCH-DOC's events.
pub fn event_kinds(message: &Message) -> Vec<String> {
    match &message.body {
        Body::PatchDoc { events } => events
            .iter()
            .map(|e| e["kind"].as_str().unwrap_or("?").to_owned())
            .collect(),
        other => panic!("expected PATCH-DOC, got {other:?}"),
    }
}

/// A folder standing in for Trunk's `dist/`.
pub fn fake_dist() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "rokeh-server-test-dist-{}-{}",
        std::process::id(),
        rand::random::<u32>()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!DOCTYPE html><html><head><title>rokeh</title></head><body></body></html>",
    )
    .unwrap();
    std::fs::write(dir.join("rokeh-abc_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    dir
}

/// A bare HTTP/1.1 GET: status and the whole response (no HTTP client crate needed).
pub fn http_get(url: &str) -> (u16, String) {
    let (head, body) = http_get_with(url, "");
    let status = head[9..12].parse().unwrap();
    (
        status,
        format!("{head}\r\n\r\n{}", String::from_utf8_lossy(&body)),
    )
}

/// A bare HTTP/1.1 GET with `headers` (each line ending in CRLF): the response's status
/// line and headers, and its body's bytes.
pub fn http_get_with(url: &str, headers: &str) -> (String, Vec<u8>) {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\n{headers}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&response[..end]).into_owned();
    (head, response[end + 4..].to_vec())
}

/// One row of the table `make bench` ends with (scripts/bench-summary.mjs collects these
/// lines): the figure, rokeh's value, the reference measured beside it in the same run
/// (empty when none), rokeh / reference, the target, and whether it was met.
pub fn summary(what: &str, rokeh: &str, reference: &str, ratio: &str, target: &str, met: bool) {
    let verdict = if met { "met" } else { "MISSED" };
    println!("SUMMARY | {what} | {rokeh} | {reference} | {ratio} | {target} | {verdict}");
}

/// A crate `rokeh new NAME` wrote into a fresh folder.
pub struct NewCrate {
    pub name: &'static str,
    /// The folder it was created in.
    pub parent: PathBuf,
    pub dir: PathBuf,
}

impl NewCrate {
    pub fn create(name: &'static str) -> NewCrate {
        let parent = std::env::temp_dir().join(format!(
            "rokeh-new-test-{}-{}",
            std::process::id(),
            rand::random::<u32>()
        ));
        std::fs::create_dir_all(&parent).unwrap();
        let created = rokeh_in(&parent, &["new", name]);
        assert!(created.status.success(), "{}", said(&created));
        let dir = parent.join(name);
        NewCrate { name, parent, dir }
    }

    /// Builds its command line (cargo) and its page (`trunk build --release`), in this
    /// repository's target folder, offline: every crate it needs was built here already,
    /// so only rokeh and the new crate compile.
    pub fn build(&self) {
        build_in(&self.dir, "cargo", &["build", "--offline"]);
        build_in(&self.dir, "trunk", &["build", "--release", "--offline"]);
    }

    /// Its native binary, built by [`NewCrate::build`].
    pub fn binary(&self) -> PathBuf {
        target_dir().join("debug").join(self.name)
    }

    /// `serve` by its own binary, in its folder (finding the page in ./dist).
    pub fn serve(&self, args: &[&str]) -> Server {
        let mut command = Command::new(self.binary());
        command.current_dir(&self.dir).env_remove("ROKEH_DIST");
        Server::launch(command, args, &[])
    }
}

impl Drop for NewCrate {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.parent);
    }
}

/// The `rokeh` binary with `args`, in `dir`.
pub fn rokeh_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(server_binary())
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the rokeh binary runs")
}

/// What a process printed, stdout then stderr.
pub fn said(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// This repository's target folder (the `rokeh` binary is in `<target>/<profile>/`).
pub fn target_dir() -> PathBuf {
    server_binary()
        .parent()
        .and_then(|p| p.parent())
        .expect("<target>/<profile>/rokeh")
        .to_owned()
}

/// `program args` in `dir` with this repository's target folder; it must succeed.
fn build_in(dir: &std::path::Path, program: &str, args: &[&str]) {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir())
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (make install-wasm-tools): {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed:\n{}",
        said(&output)
    );
}

/// The value of attribute `name` (`data-token`, …) in a served page's HTML.
pub fn meta_attr(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("{name}=\""))
        .unwrap_or_else(|| panic!("no {name} in {html}"));
    let rest = &html[at + name.len() + 2..];
    rest[..rest.find('"').unwrap()].to_owned()
}
