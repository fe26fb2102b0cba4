//! The built page (Trunk's dist/) in headless Chromium against `rokeh serve`, driven over
//! the DevTools protocol: the page joins a session, shows changes another client makes,
//! sends its own slider moves, keeps two pages in sync, and survives a server restart with
//! nothing lost.
//!
//! Needs `trunk build --release` first and /usr/bin/chromium: run with
//! `cargo test --test server_browser -- --ignored` (ignored in a plain `cargo test`,
//! which runs before the page is built).
#![cfg(not(target_arch = "wasm32"))] // the server and its clients are native

mod server_support;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value as Json};
use server_support::*;
use tokio_tungstenite::tungstenite::Message as WsMessage;

const CHROMIUM: &str = "/usr/bin/chromium";

fn dist() -> PathBuf {
    let dist = repo_root().join("dist");
    assert!(
        dist.join("index.html").exists(),
        "{} has no index.html: build the page first with `trunk build --release`",
        dist.display()
    );
    dist
}

/// Headless Chromium with its DevTools endpoint on a free port; killed when dropped.
struct Browser {
    child: Child,
    devtools: String,
    _profile: PathBuf,
}

impl Browser {
    fn launch() -> Browser {
        assert!(
            std::path::Path::new(CHROMIUM).exists(),
            "{CHROMIUM} is missing (apt-get install chromium)"
        );
        let profile = std::env::temp_dir().join(format!(
            "rokeh-cdp-{}-{}",
            std::process::id(),
            rand::random::<u32>()
        ));
        let mut child = Command::new(CHROMIUM)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(at) = line.find("ws://") {
                    let _ = tx.send(line[at..].to_owned());
                }
            }
        });
        let ws = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("chromium prints its DevTools address");
        // ws://127.0.0.1:PORT/devtools/browser/ID → 127.0.0.1:PORT
        let devtools = ws
            .trim_start_matches("ws://")
            .split('/')
            .next()
            .unwrap()
            .to_owned();
        Browser {
            child,
            devtools,
            _profile: profile,
        }
    }

    /// Opens `url` in a new tab and attaches to it.
    async fn open(&self, url: &str) -> Tab {
        let (status, response) =
            http_request("PUT", &format!("http://{}/json/new?{url}", self.devtools));
        assert_eq!(status, 200, "{response}");
        let body: Json = serde_json::from_str(response.split("\r\n\r\n").nth(1).unwrap()).unwrap();
        let ws_url = body["webSocketDebuggerUrl"].as_str().unwrap();
        let (ws, _) = tokio_tungstenite::connect_async(ws_url)
            .await
            .expect("DevTools websocket");
        Tab { ws, next_id: 1 }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Tab {
    ws: tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
    next_id: u64,
}

impl Tab {
    /// Evaluates `expression` in the page and returns its value.
    async fn eval(&mut self, expression: &str) -> Json {
        let id = self.next_id;
        self.next_id += 1;
        let request = json!({"id": id, "method": "Runtime.evaluate",
            "params": {"expression": expression, "returnByValue": true, "awaitPromise": true}});
        self.ws
            .send(WsMessage::Text(request.to_string().into()))
            .await
            .unwrap();
        loop {
            let Some(Ok(WsMessage::Text(text))) = self.ws.next().await else {
                panic!("DevTools closed")
            };
            let reply: Json = serde_json::from_str(&text).unwrap();
            if reply["id"] == id {
                if let Some(e) = reply["result"].get("exceptionDetails") {
                    panic!("{expression} threw {e}");
                }
                return reply["result"]["result"]["value"].clone();
            }
        }
    }

    /// Waits until `expression` is true in the page (throwing counts as not yet: the page
    /// may still be loading).
    async fn wait_for(&mut self, expression: &str) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        let check = format!(
            "(() => {{ try {{ return !!({expression}); }} catch (e) {{ return false; }} }})()"
        );
        while self.eval(&check).await != Json::Bool(true) {
            assert!(
                tokio::time::Instant::now() < deadline,
                "timed out waiting for {expression}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn state(&mut self) -> Json {
        self.eval("document.querySelector('.rk-connection')?.dataset.state")
            .await
    }

    /// Moves a slider as a person would: value, then an input event.
    async fn move_slider(&mut self, slider_id: &str, value: f64) {
        self.eval(&format!(
            "(() => {{ const i = document.getElementById('rk-{slider_id}'); i.value = '{value}';
               i.dispatchEvent(new Event('input', {{bubbles: true}})); return true; }})()"
        ))
        .await;
    }
}

/// `y == sin(k x)` in the page's source.
fn page_shows_sine(k: f64) -> String {
    page_shows_wave(1.0, k)
}

/// `y == a sin(k x)` in the page's source.
fn page_shows_wave(a: f64, k: f64) -> String {
    format!(
        "(() => {{ const x = rokeh.column('x'), y = rokeh.column('y');
           return x && x.length === 200 && x.every((xi, i) => Math.abs({a} * Math.sin({k} * xi) - y[i]) < 1e-9); }})()"
    )
}

const LIVE: &str = "document.querySelector('.rk-connection')?.dataset.state === 'live'";

/// One HTTP/1.1 request; reads the body by its Content-Length (DevTools keeps the
/// connection open).
fn http_request(method: &str, url: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let stream = std::net::TcpStream::connect(host).unwrap();
    (&stream)
        .write_all(
            format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\n\r\n")
                .as_bytes(),
        )
        .unwrap();
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap();
        }
        head.push_str(&line);
        if line == "\r\n" || line.is_empty() {
            break;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    let status = head[9..12].parse().unwrap();
    (status, format!("{head}{}", String::from_utf8_lossy(&body)))
}

#[tokio::test]
#[ignore = "needs the built page (trunk build --release) and chromium"]
async fn page_and_clients_share_a_session_across_a_server_restart() {
    let dist = dist();
    let env = [("ROKEH_DIST", dist.to_str().unwrap())];
    let mut server = Server::start_with_env(&[], &env);
    let port = server.port.to_string();
    let id = new_session_id();

    // A bokeh.client-like connection (the server runs callbacks for it) on session `id`.
    let mut python = Client::join(&server, &id, "").await;
    let (_, doc) = python.pull().await;
    let slider = find_id(&doc, "Slider", Some("frequency"));

    let browser = Browser::launch();
    let page_url = server.http(&format!("/sliders?bokeh-session-id={id}"));
    let mut page = browser.open(&page_url).await;
    page.wait_for("document.querySelector('.rk-connection')?.dataset.state === 'live'")
        .await;

    // The other client's change shows in the page, callback consequences included.
    python
        .patch(
            json!([{"kind": "ModelChanged", "model": {"id": slider}, "attr": "value", "new": 2.0}]),
        )
        .await;
    page.wait_for("rokeh.get('frequency', 'value') === 2").await;
    page.wait_for(&page_shows_sine(2.0)).await;

    // A second page on the same session starts from the session's state.
    let mut page2 = browser.open(&page_url).await;
    page2
        .wait_for("rokeh.get('frequency', 'value') === 2")
        .await;

    // A slider moved in the page reaches the other client and the other page; the page ran
    // the callback, so the new sine comes with it.
    page.move_slider(&slider, 3.0).await;
    let mut saw = Vec::new();
    while !saw.iter().any(|m: &rokeh::protocol::Message| {
        event_kinds(m).contains(&"ColumnDataChanged".to_owned())
    }) {
        saw.push(python.recv().await);
    }
    assert!(saw
        .iter()
        .any(|m| event_kinds(m).contains(&"ModelChanged".to_owned())));
    assert_eq!(frequency(&python.pull().await.1), 3.0);
    page2.wait_for(&page_shows_sine(3.0)).await;

    // The server goes away: the page keeps working offline and keeps the edit.
    drop(python);
    server.interrupt();
    server
        .wait_exit(Duration::from_secs(5))
        .expect("server stops");
    page.wait_for("document.querySelector('.rk-connection')?.dataset.state === 'offline'")
        .await;
    page.move_slider(&slider, 4.0).await;
    page.wait_for(&page_shows_sine(4.0)).await;

    // A new server on the same port: the page reconnects, and its offline edit reaches the
    // new session.
    let server = Server::start_with_env(&["--port", &port], &env);
    assert_eq!(server.port.to_string(), port);
    page.wait_for("document.querySelector('.rk-connection')?.dataset.state === 'live'")
        .await;
    assert_eq!(page.state().await, "live");
    let mut python = Client::join(&server, &id, "").await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let (_, doc) = python.pull().await;
        if frequency(&doc) == 4.0 {
            let (x, y) = (column(&doc, "x"), column(&doc, "y"));
            assert!(x
                .iter()
                .zip(&y)
                .all(|(x, y)| ((4.0 * x).sin() - y).abs() < 1e-9));
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the offline edit never reached the new session"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    page.wait_for(&page_shows_sine(4.0)).await;
}

/// Real Python Bokeh and the page on one session (tests/python/server_page_peer.py).
#[tokio::test]
#[ignore = "needs the built page (trunk build --release), chromium and ./.venv"]
async fn python_bokeh_and_the_page_see_each_others_changes() {
    let dist = dist();
    let server = Server::start_with_env(&[], &[("ROKEH_DIST", dist.to_str().unwrap())]);
    let id = new_session_id();
    let browser = Browser::launch();
    let mut page = browser
        .open(&server.http(&format!("/sliders?bokeh-session-id={id}")))
        .await;
    page.wait_for("document.querySelector('.rk-connection')?.dataset.state === 'live'")
        .await;
    let slider = page
        .eval("document.querySelector('input[aria-label=frequency]').id.slice(3)")
        .await;
    let slider = slider
        .as_str()
        .expect("the frequency slider's model id")
        .to_owned();

    let peer = python("server_page_peer.py")
        .arg(server.http("/sliders"))
        .arg(id.as_str())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs");
    let finished = tokio::task::spawn_blocking(move || peer.wait_with_output());
    // Python's change, and the server's callback for it, show in the page.
    page.wait_for("rokeh.get('frequency', 'value') === 2").await;
    page.wait_for(&page_shows_sine(2.0)).await;
    // The page's own move reaches Python with the sine the page computed.
    page.move_slider(&slider, 3.5).await;
    // The script gives up after 30 s by itself.
    let output = finished.await.unwrap().expect("python's output");
    let (out, err) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(output.status.success(), "python failed:\n{out}\n{err}");
    assert!(out.contains("ok: "), "{out}");
}

/// A crate `rokeh new` wrote, built as its user would: `trunk serve` shows its app, alone,
/// and its own binary's `serve` shows it joined to a session, where a slider move redraws
/// the plot (the app's callback, in the page) and reaches the session.
#[tokio::test]
#[ignore = "needs chromium, trunk and the repository's build (make test-browser)"]
async fn a_new_crate_shows_its_app() {
    let new = NewCrate::create("hello-plot");
    new.build();
    let browser = Browser::launch();

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    let mut trunk = Command::new("trunk")
        .args([
            "serve",
            "--release",
            "--offline",
            "--no-autoreload",
            "--port",
            &port,
        ])
        .current_dir(&new.dir)
        .env("CARGO_TARGET_DIR", target_dir())
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("trunk runs");
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    while std::net::TcpStream::connect(format!("127.0.0.1:{port}")).is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "trunk serve never listened"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let mut page = browser.open(&format!("http://127.0.0.1:{port}/")).await;
    page.wait_for("window.rokeh && rokeh.paints > 0").await;
    page.wait_for(&page_shows_sine(1.0)).await;
    let shown = page
        .eval("[document.title, document.querySelectorAll('input[type=range]').length, document.querySelectorAll('.rk-connection').length]")
        .await;
    assert_eq!(shown, json!(["hello-plot", 1, 0]));
    let _ = trunk.kill();
    let _ = trunk.wait();

    let server = new.serve(&[]);
    let mut page = browser.open(&server.http("/hello-plot")).await;
    page.wait_for("document.querySelector('.rk-connection')?.dataset.state === 'live'")
        .await;
    let slider = page
        .eval("document.querySelector('input[type=range]').id")
        .await;
    page.move_slider(slider.as_str().unwrap().trim_start_matches("rk-"), 2.0)
        .await;
    page.wait_for(&page_shows_sine(2.0)).await;
    page.wait_for("rokeh.settled").await;
}

/// Another site's pages, served by Python's http.server on a port of their own (another
/// origin); killed when dropped.
struct Host {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Host {
    /// Serves a fresh folder, or `dir` (a static build); any origin may fetch its files.
    fn start(dir: Option<&std::path::Path>) -> Host {
        let dir = dir.map_or_else(
            || {
                let dir = std::env::temp_dir().join(format!(
                    "rokeh-embed-host-{}-{}",
                    std::process::id(),
                    rand::random::<u32>()
                ));
                std::fs::create_dir_all(&dir).unwrap();
                dir
            },
            |d| d.to_owned(),
        );
        let mut child = python("embed_host.py")
            .arg("serve")
            .arg(&dir)
            .arg("--cors")
            .stdout(Stdio::piped())
            .spawn()
            .expect("python runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .strip_prefix("port ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("embed_host.py said {line:?}"));
        Host { child, port, dir }
    }

    /// Writes the page Python's `bokeh.embed` makes (`embed_host.py document|session …`)
    /// as `name` and returns its URL.
    fn page(&self, name: &str, embed: &[&str]) -> String {
        let output = python("embed_host.py").args(embed).output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::write(self.dir.join(name), &output.stdout).unwrap();
        self.url(name)
    }

    fn url(&self, name: &str) -> String {
        format!("http://127.0.0.1:{}/{name}", self.port)
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The embedded app is up in the host page: its sliders, a painted plot, the host's own
/// text around it and the host's title kept.
async fn embedded_sliders_show(page: &mut Tab) {
    page.wait_for("window.rokeh && rokeh.paints > 0").await;
    page.wait_for(&page_shows_sine(1.0)).await;
    let shown = page
        .eval(
            "(() => { const e = document.querySelector('.rk-embed');
               return [e.querySelectorAll('input[type=range]').length,
                       e.querySelectorAll('canvas').length,
                       e.previousElementSibling?.id, e.nextElementSibling?.id, document.title,
                       getComputedStyle(document.body).margin,
                       getComputedStyle(document.querySelector('h1')).fontFamily]; })()",
        )
        .await;
    // The page's stylesheet leaves the host's own elements alone (Chromium's defaults).
    assert_eq!(
        shown,
        json!([
            4,
            1,
            "before",
            "after",
            "host page",
            "8px",
            "\"Times New Roman\""
        ])
    );
}

/// The page's files came from `origin` (not the host page's).
async fn files_came_from(page: &mut Tab, origin: &str) {
    let fetched = page
        .eval("performance.getEntriesByType('resource').map(e => e.name)")
        .await;
    let fetched: Vec<&str> = fetched
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Json::as_str)
        .collect();
    for suffix in ["_bg.wasm", ".css", "index.html"] {
        assert!(
            fetched
                .iter()
                .any(|url| url.starts_with(origin) && url.ends_with(suffix)),
            "no {suffix} from {origin} in {fetched:?}"
        );
    }
}

/// The model id of the embedded sliders app's frequency slider (its fourth).
async fn frequency_slider(page: &mut Tab) -> String {
    let id = page
        .eval("document.querySelectorAll('.rk-embed input[type=range]')[3].id")
        .await;
    id.as_str().unwrap().trim_start_matches("rk-").to_owned()
}

/// A page another site serves with the script Python's `server_document(url)` writes:
/// the app shows in place of the script, its files fetched from the server, joined to a
/// new session (its origin allowed with --allow-websocket-origin); a slider moved in it
/// reaches the session.
#[tokio::test]
#[ignore = "needs the built page (trunk build --release), chromium and ./.venv"]
async fn server_document_embeds_the_app_in_another_sites_page() {
    let host = Host::start(None);
    let origin = format!("127.0.0.1:{}", host.port);
    let dist = dist();
    let env = [("ROKEH_DIST", dist.to_str().unwrap())];
    let server = Server::start_with_env(&["--allow-websocket-origin", &origin], &env);
    let url = host.page("document.html", &["document", &server.http("/sliders")]);
    let browser = Browser::launch();
    let mut page = browser.open(&url).await;
    page.wait_for("document.querySelector('.rk-embed .rk-connection')?.dataset.state === 'live'")
        .await;
    embedded_sliders_show(&mut page).await;
    files_came_from(&mut page, &server.http("/")).await;

    // The session is the server's: another client joins it and sees the page's move.
    let id = page
        .eval("document.querySelector('.rk-embed').dataset.rokehSessionId")
        .await;
    let id = rokeh::protocol::token::SessionId::parse(id.as_str().unwrap()).unwrap();
    let mut other = Client::join(&server, &id, "").await;
    let slider = frequency_slider(&mut page).await;
    page.move_slider(&slider, 3.0).await;
    page.wait_for(&page_shows_sine(3.0)).await;
    page.wait_for("rokeh.settled").await;
    let (_, doc) = other.pull().await;
    assert_eq!(frequency(&doc), 3.0);
    let (x, y) = (column(&doc, "x"), column(&doc, "y"));
    assert!(x
        .iter()
        .zip(&y)
        .all(|(x, y)| ((3.0 * x).sin() - y).abs() < 1e-9));
}

/// `server_session(session_id=…, url=…)`: the embedded page joins that session, shows what
/// another client set in it, and its own move reaches that client.
#[tokio::test]
#[ignore = "needs the built page (trunk build --release), chromium and ./.venv"]
async fn server_session_embeds_a_given_session() {
    let host = Host::start(None);
    let origin = format!("127.0.0.1:{}", host.port);
    let dist = dist();
    let env = [("ROKEH_DIST", dist.to_str().unwrap())];
    let server = Server::start_with_env(&["--allow-websocket-origin", &origin], &env);
    let id = new_session_id();
    let mut other = Client::join(&server, &id, "").await;
    let (_, doc) = other.pull().await;
    let slider = find_id(&doc, "Slider", Some("frequency"));
    other
        .patch(
            json!([{"kind": "ModelChanged", "model": {"id": slider}, "attr": "value", "new": 2.0}]),
        )
        .await;

    let url = host.page(
        "session.html",
        &["session", &server.http("/sliders"), id.as_str()],
    );
    let browser = Browser::launch();
    let mut page = browser.open(&url).await;
    page.wait_for("document.querySelector('.rk-embed .rk-connection')?.dataset.state === 'live'")
        .await;
    page.wait_for("rokeh.get('frequency', 'value') === 2").await;
    page.move_slider(&slider, 4.0).await;
    page.wait_for("rokeh.settled").await;
    let (_, doc) = other.pull().await;
    assert_eq!(frequency(&doc), 4.0);
    assert_eq!(
        page.eval("document.querySelector('.rk-embed').dataset.rokehSessionId")
            .await,
        json!(id.as_str())
    );
}

/// Two apps embedded in one page: each in its own element, with its own session.
#[tokio::test]
#[ignore = "needs the built page (trunk build --release), chromium and ./.venv"]
async fn two_apps_share_a_page() {
    let host = Host::start(None);
    let origin = format!("127.0.0.1:{}", host.port);
    let dist = dist();
    let env = [("ROKEH_DIST", dist.to_str().unwrap())];
    let server = Server::start_with_env(&["--allow-websocket-origin", &origin], &env);
    let url = host.page(
        "two.html",
        &[
            "document",
            &server.http("/sliders"),
            &server.http("/widgets"),
        ],
    );
    let browser = Browser::launch();
    let mut page = browser.open(&url).await;
    page.wait_for(
        "[...document.querySelectorAll('.rk-embed .rk-connection')].filter(c => c.dataset.state === 'live').length === 2",
    )
    .await;
    let shown = page
        .eval(
            "[...document.querySelectorAll('.rk-embed')].map(e => [e.dataset.rokehApp,
               e.querySelectorAll('canvas').length > 0, e.querySelectorAll('button:not(.rk-tool, .rk-tool-overflow)').length > 0,
               e.dataset.rokehSessionId])",
        )
        .await;
    let shown = shown.as_array().unwrap();
    assert_eq!(shown.len(), 2);
    assert_eq!(
        shown[0].as_array().unwrap()[..3],
        [json!("sliders"), json!(true), json!(false)]
    );
    assert_eq!(
        shown[1].as_array().unwrap()[..3],
        [json!("widgets"), json!(true), json!(true)]
    );
    assert_ne!(shown[0][3], shown[1][3], "each has its own session");
}

/// Without its origin allowed, the embedded page's websocket is refused (the server's log
/// says how to allow it); the app still shows.
#[tokio::test]
#[ignore = "needs the built page (trunk build --release), chromium and ./.venv"]
async fn an_embedding_origin_must_be_allowed() {
    let host = Host::start(None);
    let dist = dist();
    let env = [("ROKEH_DIST", dist.to_str().unwrap())];
    let server = Server::start_with_env(&[], &env);
    let url = host.page("document.html", &["document", &server.http("/sliders")]);
    let browser = Browser::launch();
    let mut page = browser.open(&url).await;
    embedded_sliders_show(&mut page).await;
    server.wait_for_log(&format!(
        "use --allow-websocket-origin=127.0.0.1:{}",
        host.port
    ));
    assert_ne!(
        page.eval("document.querySelector('.rk-embed .rk-connection').dataset.state")
            .await,
        json!("live")
    );
}

/// A static build embedded with a `<div>` and one script, no server: the app runs alone in
/// the host page, its files from the build's own origin.
#[tokio::test]
#[ignore = "needs the built page (trunk build --release), chromium and ./.venv"]
async fn a_static_build_embeds_with_a_div_and_one_script() {
    let build = Host::start(Some(&dist()));
    let host = Host::start(None);
    let html = format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>host page</title></head><body>
<h1 id="before">A page of another site</h1>
<div id="plot"></div>
<p id="after">Text after the app.</p>
<script src="{}" data-element="plot" data-app="sliders"></script>
</body></html>"#,
        build.url("rokeh-embed.js")
    );
    std::fs::write(host.dir.join("static.html"), html).unwrap();
    let browser = Browser::launch();
    let mut page = browser.open(&host.url("static.html")).await;
    embedded_sliders_show(&mut page).await;
    files_came_from(&mut page, &build.url("")).await;
    assert_eq!(
        page.eval("document.querySelectorAll('.rk-connection').length")
            .await,
        json!(0)
    );
    // Alone, the page runs the app's callbacks itself.
    let slider = frequency_slider(&mut page).await;
    page.move_slider(&slider, 2.5).await;
    page.wait_for(&page_shows_sine(2.5)).await;
}

/// Waits for a Python script to end, and checks that it succeeded.
async fn succeeds(script: std::process::Child) {
    let output = tokio::task::spawn_blocking(move || script.wait_with_output())
        .await
        .unwrap()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Python pushes two documents of its own (ids clashing with the app's) into two sessions
/// of the sliders app; a page joining each shows the pushed document, not the app's, and
/// a click on the pushed button reaches Python's `on_event` (tests/python/server_push.py).
#[tokio::test]
#[ignore = "needs the built page (trunk build --release), chromium and ./.venv"]
async fn pages_show_the_documents_python_pushed() {
    let dist = dist();
    let server = Server::start_with_env(&[], &[("ROKEH_DIST", dist.to_str().unwrap())]);
    let browser = Browser::launch();
    let push = |session: &str, kind: &str, wait_click: bool| {
        let mut command = python("server_push.py");
        command.args([&server.http("/sliders"), session, kind]);
        if wait_click {
            command.arg("--wait-click");
        }
        command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python runs")
    };

    // A plot: the page shows its figure and title, none of the app's sliders.
    let plot = push("pushed-plot", "plot", false);
    succeeds(plot).await;
    let mut page = browser
        .open(&server.http("/sliders?bokeh-session-id=pushed-plot"))
        .await;
    page.wait_for("document.querySelector('.rk-connection')?.dataset.state === 'live'")
        .await;
    page.wait_for("document.title === 'Pushed plot'").await;
    page.wait_for(
        "document.querySelector('canvas.rk-figure')?.getAttribute('aria-label') === 'pushed plot'",
    )
    .await;
    assert_eq!(
        page.eval("document.querySelectorAll('input[type=range]').length")
            .await,
        0
    );

    // A gridplot: one toolbar, left of both plots; its box zoom (a ToolProxy) goes on.
    let grid = push("pushed-grid", "grid", false);
    succeeds(grid).await;
    let mut page = browser
        .open(&server.http("/sliders?bokeh-session-id=pushed-grid"))
        .await;
    page.wait_for("document.title === 'Pushed grid'").await;
    page.wait_for("document.querySelectorAll('canvas.rk-figure').length === 2")
        .await;
    let pressed = "JSON.stringify([...document.querySelectorAll('.rk-toolbar button.rk-tool')]\
                   .map((b) => b.getAttribute('aria-pressed')))";
    assert_eq!(
        page.eval("document.querySelectorAll('.rk-toolbar').length")
            .await,
        1
    );
    assert_eq!(page.eval(pressed).await, r#"["true","false",null]"#);
    page.eval(
        "(() => { document.querySelectorAll('.rk-toolbar button.rk-tool')[1].click(); return true; })()",
    )
    .await;
    page.wait_for(&format!("{pressed} === '[\"false\",\"true\",null]'"))
        .await;

    // Widgets: the pushed button shows, and its click is heard by bokeh.client.
    let mut widgets = push("pushed-widgets", "widgets", true);
    let stdout = widgets.stdout.take().unwrap();
    let (mut out, line) = tokio::task::spawn_blocking(move || {
        let mut out = BufReader::new(stdout);
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        (out, line)
    })
    .await
    .unwrap();
    assert!(line.contains("pulled back alike"), "{line}");
    let mut page = browser
        .open(&server.http("/sliders?bokeh-session-id=pushed-widgets"))
        .await;
    page.wait_for("document.title === 'Pushed widgets'").await;
    page.wait_for("document.querySelector('button.rk-button')?.textContent === 'pushed button'")
        .await;
    page.wait_for("document.querySelector('.rk-connection')?.dataset.state === 'live'")
        .await;
    page.eval("(() => { document.querySelector('button.rk-button').click(); return true; })()")
        .await;
    let (status, said) = tokio::task::spawn_blocking(move || {
        let mut said = String::new();
        std::io::Read::read_to_string(&mut out, &mut said).unwrap();
        let output = widgets.wait_with_output().unwrap();
        said.push_str(&String::from_utf8_lossy(&output.stderr));
        (output.status, said)
    })
    .await
    .unwrap();
    assert!(status.success(), "python: {said}");
    assert!(said.contains("heard the page's click"), "{said}");
}

/// Three `rokeh serve --redis` sharing one session through a real redis-server: Python's
/// bokeh.client on server A, a page on server B reached through a load balancer that
/// falls back to server C, and a second page on C. Python's change shows in the first
/// page; the second page's slider move reaches Python with the sine the page's callback
/// computed; B is killed: the first page reconnects (to C), and the edit made while it was
/// offline is applied once, everything else intact.
#[tokio::test]
#[ignore = "needs the built page (trunk build --release), chromium, ./.venv and redis-server"]
async fn three_servers_share_a_session_and_a_page_survives_its_server_dying() {
    let dist = dist();
    let env = [("ROKEH_DIST", dist.to_str().unwrap())];
    let redis = RedisServer::start();
    let balancer = Balancer::start().await;
    let url = redis.url();
    let args = ["--redis", &url, "--allow-websocket-origin", "127.0.0.1:*"];
    let a = Server::start_with_env(&args, &env);
    let mut b = Server::start_with_env(&args, &env);
    let c = Server::start_with_env(&args, &env);
    balancer.send_to(&[b.port, c.port]);
    let id = new_session_id();

    // A client on A counts every change it is sent (it starts the session there).
    let mut watcher = Client::join(&a, &id, "").await;
    let (_, doc) = watcher.pull().await;
    let frequency_id = find_id(&doc, "Slider", Some("frequency"));
    let amplitude_id = find_id(&doc, "Slider", Some("amplitude"));

    let browser = Browser::launch();
    let session = format!("/sliders?bokeh-session-id={id}");
    let mut on_b = browser.open(&balancer.http(&session)).await;
    on_b.wait_for(LIVE).await;
    let mut on_c = browser.open(&c.http(&session)).await;
    on_c.wait_for(LIVE).await;

    // Python on A sets the frequency; the page on B redraws with it. Then the page on C
    // moves it to 3.5: Python sees the move and the sine the page computed.
    let peer = python("server_page_peer.py")
        .arg(a.http("/sliders"))
        .arg(id.as_str())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs");
    let finished = tokio::task::spawn_blocking(move || peer.wait_with_output());
    on_b.wait_for("rokeh.get('frequency', 'value') === 2").await;
    on_b.wait_for(&page_shows_sine(2.0)).await;
    on_c.wait_for("rokeh.get('frequency', 'value') === 2").await;
    on_c.move_slider(&frequency_id, 3.5).await;
    let output = finished.await.unwrap().expect("python's output");
    let (out, err) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(output.status.success(), "python failed:\n{out}\n{err}");
    assert!(out.contains("ok: "), "{out}");
    on_b.wait_for(&page_shows_sine(3.5)).await;

    // B dies. Its page goes offline, keeps an edit, reconnects through the balancer to
    // C and sends the edit there, once.
    b.kill();
    on_b.wait_for("document.querySelector('.rk-connection')?.dataset.state === 'offline'")
        .await;
    on_b.move_slider(&amplitude_id, 2.0).await;
    on_b.wait_for(&page_shows_wave(2.0, 3.5)).await;
    on_b.wait_for(LIVE).await;
    on_c.wait_for("rokeh.get('amplitude', 'value') === 2").await;
    on_c.wait_for(&page_shows_wave(2.0, 3.5)).await;
    let mut amplitudes = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while let Some(Ok(message)) = watcher
        .next(
            deadline
                .saturating_duration_since(tokio::time::Instant::now())
                .min(Duration::from_secs(2)),
        )
        .await
    {
        if let rokeh::protocol::Body::PatchDoc { events } = &message.body {
            amplitudes.extend(
                events
                    .iter()
                    .filter(|e| {
                        e["kind"] == "ModelChanged" && e["model"]["id"] == amplitude_id.as_str()
                    })
                    .map(|e| e["new"].clone()),
            );
        }
    }
    assert_eq!(
        amplitudes,
        [json!(2.0)],
        "the offline edit is applied exactly once"
    );
    let (_, doc) = watcher.pull().await;
    assert_eq!(frequency(&doc), 3.5);
    let (x, y) = (column(&doc, "x"), column(&doc, "y"));
    assert!(x
        .iter()
        .zip(&y)
        .all(|(x, y)| (2.0 * (3.5 * x).sin() - y).abs() < 1e-9));
    // The page that moved is in step with the session.
    on_b.wait_for("rokeh.settled").await;
    assert_eq!(
        on_b.eval("rokeh.get('frequency', 'value')").await,
        json!(3.5)
    );
}
