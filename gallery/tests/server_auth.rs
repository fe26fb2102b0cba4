//! An app behind an auth provider (the gallery's `server_auth`, guarded by its toy login):
//! every way into it asks for a user as Bokeh's `--auth-module` does, the login and logout
//! pages work, and the request behind a session reaches its app code through the token.
#![cfg(not(target_arch = "wasm32"))] // the server and its clients are native

mod server_support;

use std::io::{Read, Write};

use rokeh::protocol::token::decode_token;
use rokeh::protocol::token::SessionId;
use serde_json::Value as Json;
use server_support::*;

/// A bare HTTP/1.1 request: its status, its head (lowercase) and its body.
fn request(method: &str, url: &str, headers: &str, body: &str) -> (u16, String, String) {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").expect("a response head");
    (
        head[9..12].parse().unwrap(),
        head.to_ascii_lowercase(),
        body.to_owned(),
    )
}

fn get(url: &str, cookie: Option<&str>) -> (u16, String, String) {
    let headers = cookie.map_or(String::new(), |c| format!("Cookie: {c}\r\n"));
    request("GET", url, &headers, "")
}

fn post_form(url: &str, form: &str) -> (u16, String, String) {
    let headers = "Content-Type: application/x-www-form-urlencoded\r\n";
    request("POST", url, headers, form)
}

fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}: ")))
        .map(str::trim)
}

fn served(dist: &std::path::Path) -> Server {
    Server::start_with_env(&[], &[("ROKEH_DIST", dist.to_str().unwrap())])
}

#[tokio::test]
async fn without_a_user_every_way_in_is_refused_as_bokeh_refuses_it() {
    let dist = fake_dist();
    let server = served(&dist);

    let (status, head, _) = get(&server.http("/server_auth?N=5&N=6"), None);
    assert_eq!(status, 302);
    assert_eq!(
        header(&head, "location"),
        Some("/login?next=%2fserver_auth%3fn%3d5%26n%3d6"),
        "the head is lowercased: Bokeh's /login?next=%2Fserver_auth%3FN%3D5%26N%3D6"
    );
    let (status, head, _) = get(
        &server.http("/server_auth/autoload.js?bokeh-autoload-element=x"),
        None,
    );
    assert_eq!(status, 302);
    assert!(header(&head, "location")
        .unwrap()
        .starts_with("/login?next=%2fserver_auth%2fautoload.js"));
    let (status, _, _) = get(&server.http("/server_auth/token?bokeh-session-id=S"), None);
    assert_eq!(status, 302);
    // Not a GET: 405 before any user is asked for, as Bokeh's.
    let (status, _, _) = post_form(&server.http("/server_auth"), "a=1");
    assert_eq!(status, 405);
    // A logged-out cookie is no user.
    assert_eq!(get(&server.http("/server_auth"), Some("user=")).0, 302);

    // The websocket, even with a good token, is refused before it opens.
    let id = SessionId::parse("AnySession").unwrap();
    let refused =
        Client::connect_with(&server.ws_url_of("server_auth"), &unsigned_token(&id), None).await;
    let Err(tokio_tungstenite::tungstenite::Error::Http(response)) = refused else {
        panic!("the websocket opened without a user");
    };
    assert_eq!(response.status(), 403);

    // Apps without a provider are as open as before, and the page files too.
    assert_eq!(get(&server.http("/sliders"), None).0, 200);
    assert_eq!(get(&server.http("/rokeh-abc_bg.wasm"), None).0, 200);
}

#[tokio::test]
async fn the_login_form_refuses_a_wrong_login_and_sets_the_cookie_for_a_right_one() {
    let dist = fake_dist();
    let server = served(&dist);

    let (status, _, form) = get(&server.http("/login?next=%2Fserver_auth%3FN%3D5"), None);
    assert_eq!(status, 200);
    assert!(
        form.contains(r#"<form method="post" action="/login">"#),
        "{form}"
    );
    assert!(
        form.contains(r#"name="next" value="/server_auth?N=5""#),
        "{form}"
    );

    let (status, head, _) = post_form(
        &server.http("/login"),
        "username=bokeh&password=wrong&next=%2Fserver_auth",
    );
    assert_eq!(status, 302);
    assert_eq!(header(&head, "set-cookie"), None);
    let back = header(&head, "location").unwrap().to_owned();
    assert!(back.starts_with("/login?error=login+incorrect"), "{back}");
    let (_, _, page) = get(
        &server.http("/login?error=Login+incorrect&next=/server_auth"),
        None,
    );
    assert!(
        page.contains(r#"role="alert">Login incorrect</p>"#),
        "{page}"
    );
    // What the query says is shown as text.
    let (_, _, page) = get(&server.http("/login?error=%3Cscript%3E"), None);
    assert!(page.contains("&lt;script&gt;") && !page.contains("<script>"));

    let (status, head, _) = post_form(
        &server.http("/login"),
        "username=bokeh&password=bokeh&next=%2Fserver_auth%3FN%3D5",
    );
    assert_eq!(status, 302);
    assert_eq!(header(&head, "location"), Some("/server_auth?n=5"));
    let cookie = header(&head, "set-cookie").unwrap();
    assert!(cookie.starts_with("user=bokeh;"), "{cookie}");
    // A `next` to another site is not followed.
    let (_, head, _) = post_form(
        &server.http("/login"),
        "username=bokeh&password=bokeh&next=%2F%2Fevil.example",
    );
    assert_eq!(header(&head, "location"), Some("/server_auth"));

    // Logging out clears the cookie and goes back to the app, which asks for a login.
    let (status, head, _) = get(&server.http("/logout"), Some("user=bokeh"));
    assert_eq!(status, 302);
    assert_eq!(header(&head, "location"), Some("/server_auth"));
    let cleared = header(&head, "set-cookie").unwrap();
    assert!(
        cleared.starts_with("user=;") && cleared.contains("max-age=0"),
        "{cleared}"
    );
}

#[tokio::test]
async fn a_users_page_carries_the_request_to_its_session_and_app_code() {
    let dist = fake_dist();
    let server = served(&dist);
    let user = Some("user=bokeh; theme=dark");

    let (status, _, page) = get(&server.http("/server_auth?N=5&N=6"), user);
    assert_eq!(status, 200, "{page}");
    let token = meta_attr(&page, "data-token");
    let payload = decode_token(&token).unwrap();
    let extra = Json::Object(payload.extra.clone());
    // Bokeh's shape: each argument a list of bytes, cookies and headers by name.
    assert_eq!(
        extra["arguments"]["N"],
        serde_json::json!([{ "bytes": "NQ" }, { "bytes": "Ng" }])
    );
    assert_eq!(extra["cookies"]["theme"], "dark");
    assert_eq!(extra["user"], "bokeh");
    assert_eq!(extra["logout_url"], "/logout");
    assert!(extra["headers"].get("cookie").is_none(), "{extra}");

    // The session its websocket makes builds the app with that context: the logout
    // button works (its URL is there), which a page no server served cannot.
    let url = format!("{}?client=rokeh", server.ws_url_of("server_auth"));
    let refused = Client::connect_with(&url, &token, None).await;
    assert!(refused.is_err(), "the token alone is no user");
    let mut client = connect_as(&url, &token, "user=bokeh").await;
    let (_, doc) = client.pull().await;
    let (logout, _) = doc
        .models()
        .find(|(_, m)| m.type_name == "Button")
        .expect("a logout button");
    assert_eq!(doc.get_attr(logout, "disabled").unwrap(), false.into());
    assert_eq!(doc.get_attr(logout, "label").unwrap(), "logout".into());

    // An app reading `?N=` gets it in its served session (the sliders' sine over N points).
    let (_, _, page) = get(&server.http("/sliders?N=37"), None);
    let token = meta_attr(&page, "data-token");
    let mut client = Client::connect_with(&server.ws_url_of("sliders"), &token, None)
        .await
        .unwrap();
    assert_eq!(client.recv().await.body, rokeh::protocol::Body::Ack);
    let (_, doc) = client.pull().await;
    let (source, _) = doc
        .models()
        .find(|(_, m)| m.type_name == "ColumnDataSource")
        .unwrap();
    assert_eq!(doc.column_f64(source, "x").map(<[f64]>::len), Some(37));
    // A fresh token for a reconnecting page carries the arguments it repeats.
    let (_, _, fresh) = get(&server.http("/sliders/token?bokeh-session-id=S&N=37"), None);
    let payload = Json::Object(decode_token(&fresh).unwrap().extra);
    assert_eq!(
        payload["arguments"]["N"],
        serde_json::json!([{ "bytes": "Mzc" }])
    );

    // autoload.js for a user: the script, its token carrying the request too.
    let (status, _, script) = get(
        &server.http("/server_auth/autoload.js?bokeh-autoload-element=here"),
        user,
    );
    assert_eq!(status, 200, "{script}");
    assert!(script.contains("\"element\":\"here\""), "{script}");
}

/// A websocket opened with `cookie`, as a logged-in browser opens it.
async fn connect_as(url: &str, token: &str, cookie: &str) -> Client {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let mut request = url.into_client_request().unwrap();
    let headers = request.headers_mut();
    headers.insert(
        "Sec-WebSocket-Protocol",
        format!("bokeh, {token}").parse().unwrap(),
    );
    headers.insert("Cookie", cookie.parse().unwrap());
    let (ws, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("the websocket opens for a user");
    let mut client = Client::from_socket(ws);
    assert_eq!(client.recv().await.body, rokeh::protocol::Body::Ack);
    client
}

/// Real `bokeh serve --auth-module` (tests/python/server_auth/: an app and the same toy
/// auth as a Bokeh auth module) on a free port; stopped when dropped.
struct BokehServe {
    child: std::process::Child,
    port: u16,
}

impl BokehServe {
    fn start() -> BokehServe {
        let root = repo_root();
        let bokeh = root.join(".venv/bin/bokeh");
        assert!(
            bokeh.exists(),
            "{} is missing: run scripts/python-venv.sh",
            bokeh.display()
        );
        let app = root.join("tests/python/server_auth");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = std::process::Command::new(bokeh)
            .arg("serve")
            .arg(&app)
            .arg("--auth-module")
            .arg(app.join("auth.py"))
            .args(["--address", "127.0.0.1", "--port", &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("bokeh serve starts");
        let deadline = std::time::Instant::now() + WAIT;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                std::time::Instant::now() < deadline,
                "bokeh serve never listened"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        BokehServe { child, port }
    }

    fn http(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for BokehServe {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn without_a_user_rokeh_serve_answers_as_bokeh_serve_does() {
    let dist = fake_dist();
    let rokeh = served(&dist);
    let bokeh = BokehServe::start();
    for path in [
        "/server_auth",
        "/server_auth?N=5&N=6",
        "/server_auth?title=a%20b+c&x=%C3%A9",
        "/server_auth/autoload.js?bokeh-autoload-element=x&bokeh-app-path=/server_auth",
    ] {
        let (want, want_head, _) = get(&bokeh.http(path), None);
        let (got, head, _) = get(&rokeh.http(path), None);
        assert_eq!(
            (got, header(&head, "location")),
            (want, header(&want_head, "location")),
            "{path}"
        );
        assert_eq!(got, 302, "{path}");
    }
}
