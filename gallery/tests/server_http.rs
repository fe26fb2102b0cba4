//! The HTTP side of `rokeh serve`: index, the app page joined to a session, the page's
//! files, tokens for reconnecting pages, and a clear error when the page is not built.
#![cfg(not(target_arch = "wasm32"))] // the server and its clients are native

mod server_support;

use rokeh::protocol::token::decode_token;
use server_support::*;

#[tokio::test]
async fn page_is_served_with_a_session_to_join() {
    let dist = fake_dist();
    let server = Server::start_with_env(&[], &[("ROKEH_DIST", dist.to_str().unwrap())]);

    let (status, index) = http_get(&server.http("/"));
    assert_eq!(status, 200);
    assert!(
        index.contains("<a href=\"/sliders\">sliders</a>"),
        "{index}"
    );

    let (status, page) = http_get(&server.http("/sliders"));
    assert_eq!(status, 200);
    assert!(page.contains("<meta name=\"rokeh-session\""), "{page}");
    assert_eq!(meta_attr(&page, "data-ws-path"), "/sliders/ws");
    let id = meta_attr(&page, "data-session-id");
    assert_eq!(id.len(), 44);
    let token = meta_attr(&page, "data-token");
    assert_eq!(decode_token(&token).unwrap().session_id.as_str(), id);

    // The token the page carries opens its session.
    let mut client =
        Client::connect_with(&format!("{}?client=rokeh", server.ws_url()), &token, None)
            .await
            .unwrap();
    assert_eq!(client.recv().await.body, rokeh::protocol::Body::Ack);

    // ?bokeh-session-id= joins a given session, as in Bokeh.
    let (_, page) = http_get(&server.http("/sliders?bokeh-session-id=MySession"));
    assert_eq!(meta_attr(&page, "data-session-id"), "MySession");
    let (status, fresh) = http_get(&server.http("/sliders/token?bokeh-session-id=MySession"));
    assert_eq!(status, 200);
    let body = fresh.split("\r\n\r\n").nth(1).unwrap();
    assert_eq!(decode_token(body).unwrap().session_id.as_str(), "MySession");

    let (status, wasm) = http_get(&server.http("/rokeh-abc_bg.wasm"));
    assert_eq!(status, 200);
    assert!(wasm
        .to_ascii_lowercase()
        .contains("content-type: application/wasm"));
    let (status, redirect) = http_get(&server.http("/sliders/?bokeh-session-id=S"));
    assert_eq!(status, 308);
    assert!(redirect
        .to_ascii_lowercase()
        .contains("location: /sliders?bokeh-session-id=s"));
    assert_eq!(http_get(&server.http("/nothing.js")).0, 404);
    assert_eq!(http_get(&server.http("/../Cargo.toml")).0, 404);
    assert_eq!(
        http_get(&server.http("/sliders?bokeh-session-id=bad%20id")).0,
        400
    );
    server.wait_for_log("200 GET /sliders (127.0.0.1)");
}

#[tokio::test]
async fn missing_page_is_a_clear_error_and_python_still_works() {
    let server = Server::start_with_env(&[], &[("ROKEH_DIST", "/nonexistent/dist")]);
    server.wait_for_log("the page is not built");
    let (status, response) = http_get(&server.http("/sliders"));
    assert_eq!(status, 500);
    assert!(response.contains("trunk build --release"), "{response}");
    let mut client = Client::join(&server, &new_session_id(), "").await;
    assert_eq!(frequency(&client.pull().await.1), 1.0);
}

#[test]
fn page_files_go_gzipped_to_browsers_that_take_it() {
    let gunzip = |bytes: &[u8]| {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes), &mut out).unwrap();
        out
    };
    let dist = fake_dist();
    let wasm: Vec<u8> = (0..100_000u32)
        .flat_map(|i| (i % 251).to_le_bytes())
        .collect();
    std::fs::write(dist.join("big_bg.wasm"), &wasm).unwrap();
    let server = Server::start_with_env(&[], &[("ROKEH_DIST", dist.to_str().unwrap())]);
    let url = server.http("/big_bg.wasm");

    let browser = "Accept-Encoding: gzip, deflate, br, zstd\r\n";
    let (head, body) = http_get_with(&url, browser);
    let head = head.to_ascii_lowercase();
    assert!(head.contains("content-encoding: gzip"), "{head}");
    assert!(head.contains("content-type: application/wasm"), "{head}");
    assert!(head.contains("vary: accept-encoding"), "{head}");
    assert!(body.len() < wasm.len() / 3, "{} gzip'd bytes", body.len());
    assert_eq!(gunzip(&body), wasm);

    let (head, body) = http_get_with(&url, "");
    assert!(
        !head.to_ascii_lowercase().contains("content-encoding"),
        "{head}"
    );
    assert_eq!(body, wasm);
    let (head, _) = http_get_with(&url, "Accept-Encoding: gzip;q=0, br\r\n");
    assert!(
        !head.to_ascii_lowercase().contains("content-encoding"),
        "{head}"
    );

    // A rebuilt page is served as rebuilt, not from the gzip'd copy of the old one.
    let rebuilt: Vec<u8> = wasm.iter().map(|b| b ^ 1).collect();
    std::fs::write(dist.join("big_bg.wasm"), &rebuilt).unwrap();
    assert_eq!(gunzip(&http_get_with(&url, browser).1), rebuilt);

    // Small files and data files go as they are.
    let (head, _) = http_get_with(&server.http("/rokeh-abc_bg.wasm"), browser);
    assert!(
        !head.to_ascii_lowercase().contains("content-encoding"),
        "{head}"
    );
}
