//! `/<app>/autoload.js`, what Python's `bokeh.embed.server_document` and `server_session`
//! load: answered as Bokeh's server answers it (CORS for any origin, the same refusals),
//! with the session written into the embed loader. The page it mounts is tested in
//! Chromium in server_browser.rs.
#![cfg(not(target_arch = "wasm32"))] // the server and its clients are native

mod server_support;

use std::io::{Read, Write};

use rokeh::protocol::token::decode_token;
use serde_json::Value as Json;
use server_support::*;

/// One request with `headers`: the status line's code and the whole response.
fn request(server: &Server, method: &str, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let host = format!("127.0.0.1:{}", server.port);
    let mut stream = std::net::TcpStream::connect(&host).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    stream.write_all(format!("{head}\r\n").as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    (response[9..12].parse().unwrap(), response)
}

fn header<'a>(response: &'a str, name: &str) -> Option<&'a str> {
    let head = response.split("\r\n\r\n").next().unwrap();
    head.lines().find_map(|line| {
        let (n, v) = line.split_once(':')?;
        n.eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// What the script says the page is to join: `const rokehServed = {…};`.
fn served(response: &str) -> Json {
    let at = response.find("const rokehServed = ").expect("the session") + 20;
    let end = at + response[at..].find(";\n").unwrap();
    serde_json::from_str(&response[at..end]).unwrap()
}

const AUTOLOAD: &str = "/sliders/autoload.js?bokeh-autoload-element=p1&bokeh-app-path=/sliders";

#[test]
fn autoload_names_the_element_the_server_and_a_new_session() {
    let server = Server::start(&[]);
    let path = format!(
        "{AUTOLOAD}&bokeh-absolute-url=http://127.0.0.1:{}/sliders",
        server.port
    );
    let (status, response) = request(&server, "GET", &path, &[("Origin", "http://a.example")]);
    assert_eq!(status, 200, "{response}");
    assert_eq!(
        header(&response, "content-type"),
        Some("application/javascript")
    );
    assert_eq!(
        header(&response, "access-control-allow-origin"),
        Some("http://a.example")
    );
    let served = served(&response);
    assert_eq!(served["element"], "p1");
    assert_eq!(served["app"], "sliders");
    assert_eq!(served["appUrl"], server.http("/sliders"));
    let id = served["sessionId"].as_str().unwrap();
    assert_eq!(id.len(), 44);
    let token = decode_token(served["token"].as_str().unwrap()).unwrap();
    assert_eq!(token.session_id.as_str(), id);
    // The loader follows, handed the session.
    assert!(response.contains("})(typeof rokehServed === \"undefined\" ? null : rokehServed);"));

    // Without an absolute URL the page's files and websocket are the embedding page's own.
    let (_, response) = request(&server, "GET", AUTOLOAD, &[]);
    assert_eq!(served_url(&response), "/sliders");
    assert_eq!(header(&response, "access-control-allow-origin"), Some("*"));
}

/// Whatever the element's id, the script is JavaScript that hands it over as given (node
/// parses it).
#[test]
fn any_element_id_stays_data() {
    let server = Server::start(&[]);
    let id = "x\"});alert(1)//\n\u{2028}</script>";
    let encoded: String = id.bytes().map(|b| format!("%{b:02X}")).collect();
    let path = format!("/sliders/autoload.js?bokeh-autoload-element={encoded}");
    let (status, response) = request(&server, "GET", &path, &[]);
    assert_eq!(status, 200, "{response}");
    assert_eq!(served(&response)["element"], id);
    let script = std::env::temp_dir().join(format!("rokeh-autoload-{}.js", std::process::id()));
    std::fs::write(&script, response.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    let check = std::process::Command::new("node")
        .arg("--check")
        .arg(&script)
        .output()
        .expect("node runs");
    let _ = std::fs::remove_file(&script);
    assert!(check.status.success(), "{}", said(&check));
}

fn served_url(response: &str) -> String {
    served(response)["appUrl"].as_str().unwrap().to_owned()
}

#[test]
fn server_session_names_its_session_in_a_header() {
    let server = Server::start(&[]);
    let id = new_session_id();
    let (status, response) = request(
        &server,
        "GET",
        AUTOLOAD,
        &[("Bokeh-Session-Id", id.as_str())],
    );
    assert_eq!(status, 200, "{response}");
    let served = served(&response);
    assert_eq!(served["sessionId"], id.as_str());
    let token = decode_token(served["token"].as_str().unwrap()).unwrap();
    assert_eq!(token.session_id.as_str(), id.as_str());

    // Its preflight: the header may be sent from any origin.
    let (status, response) = request(
        &server,
        "OPTIONS",
        AUTOLOAD,
        &[
            ("Origin", "http://a.example"),
            ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "bokeh-session-id"),
        ],
    );
    assert_eq!(status, 200, "{response}");
    assert_eq!(
        header(&response, "access-control-allow-origin"),
        Some("http://a.example")
    );
    assert_eq!(
        header(&response, "access-control-allow-headers"),
        Some("bokeh-session-id")
    );
}

#[test]
fn a_token_given_names_the_session_and_is_used() {
    let server = Server::start(&[]);
    let id = new_session_id();
    let token = unsigned_token(&id);
    let path = format!("{AUTOLOAD}&bokeh-token={token}");
    let (status, response) = request(&server, "GET", &path, &[]);
    assert_eq!(status, 200, "{response}");
    let served = served(&response);
    assert_eq!(served["sessionId"], id.as_str());
    assert_eq!(served["token"], token.as_str());
    // As Bokeh: not both.
    let (status, response) = request(&server, "GET", &path, &[("Bokeh-Session-Id", id.as_str())]);
    assert_eq!(status, 403);
    assert!(response.contains("Both token and session ID were provided"));
}

#[test]
fn refused_as_bokeh_refuses() {
    let server = Server::start(&[]);
    let (status, response) = request(&server, "GET", "/sliders/autoload.js", &[]);
    assert_eq!(status, 400);
    assert!(response.contains("No bokeh-autoload-element query parameter"));
    let (status, _) = request(
        &server,
        "GET",
        "/nope/autoload.js?bokeh-autoload-element=x",
        &[],
    );
    assert_eq!(status, 404);
    let both = format!("{AUTOLOAD}&bokeh-session-id=a");
    let (status, response) = request(&server, "GET", &both, &[("Bokeh-Session-Id", "b")]);
    assert_eq!(status, 403);
    assert!(response.contains("provided as an argument and header"));
    let bad = format!("{AUTOLOAD}&bokeh-absolute-url=javascript://x");
    let (status, _) = request(&server, "GET", &bad, &[]);
    assert_eq!(status, 400);
}

#[test]
fn signed_session_ids_are_checked() {
    let server = Server::start_with_env(
        &["--session-ids", "signed"],
        &[("ROKEH_SECRET_KEY", "a secret of thirty-two bytes or more!")],
    );
    let (status, response) = request(
        &server,
        "GET",
        AUTOLOAD,
        &[("Bokeh-Session-Id", "unsigned")],
    );
    assert_eq!(status, 403, "{response}");
    let (status, response) = request(&server, "GET", AUTOLOAD, &[]);
    assert_eq!(status, 200, "{response}");
    let unsigned = unsigned_token(&new_session_id());
    let path = format!("{AUTOLOAD}&bokeh-token={unsigned}");
    let (status, response) = request(&server, "GET", &path, &[]);
    assert_eq!(status, 403, "{response}");
}

#[test]
fn page_files_and_tokens_may_be_fetched_from_any_origin() {
    let dist = fake_dist();
    let server = Server::start_with_env(&[], &[("ROKEH_DIST", dist.to_str().unwrap())]);
    for path in ["/index.html", "/sliders/token?bokeh-session-id=abc"] {
        let (status, response) = request(&server, "GET", path, &[("Origin", "http://a.example")]);
        assert_eq!(status, 200, "{path}: {response}");
        assert_eq!(
            header(&response, "access-control-allow-origin"),
            Some("*"),
            "{path}"
        );
    }
}
