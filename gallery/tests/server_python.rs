//! Real Python Bokeh (`bokeh.client`, from ./.venv made by scripts/python-venv.sh) against
//! `rokeh serve`: it pulls the sliders document, moves the frequency slider, and sees the
//! server's callback recompute the sine (tests/python/server_client.py); and it pushes
//! documents of its own whose ids clash with the app's, which become the sessions'
//! documents (tests/python/server_push.py).
#![cfg(not(target_arch = "wasm32"))] // the server and its clients are native

mod server_support;

use server_support::{python, Server};

#[test]
fn bokeh_client_pulls_the_document_and_its_slider_drives_the_server_callback() {
    run_client(Server::start(&[]), &[]);
}

/// Bokeh signs the session id and the token with its own `bokeh.util.token`; rokeh checks
/// them with the same key.
#[test]
fn bokeh_client_with_signed_session_ids() {
    let key = "a key shared by rokeh and bokeh";
    let server = Server::start_with_env(&["--session-ids", "signed"], &[("ROKEH_SECRET_KEY", key)]);
    run_client(
        server,
        &[("BOKEH_SECRET_KEY", key), ("BOKEH_SIGN_SESSIONS", "yes")],
    );
}

/// Unrelated documents (a plot, widgets, a gridplot with its merged toolbar of ToolProxies)
/// pushed into sessions of the sliders app, each pulled back alike; the sessions go on
/// serving them.
#[test]
fn bokeh_client_pushes_documents_whose_ids_clash_with_the_apps() {
    let server = Server::start(&[]);
    let sessions = [("pushed-plot", "plot"), ("pushed-widgets", "widgets")];
    for (session, kind) in sessions.into_iter().chain([("pushed-grid", "grid")]) {
        let output = python("server_push.py")
            .args([&server.http("/sliders"), session, kind])
            .output()
            .expect("python runs");
        let (out, err) = (
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        );
        assert!(
            output.status.success(),
            "server_push.py {kind} failed:\n{out}\n{err}"
        );
        assert!(out.contains("properties pulled back alike"), "{out}");
    }
}

/// Runs tests/python/server_client.py against `server`.
fn run_client(server: Server, env: &[(&str, &str)]) {
    let output = python("server_client.py")
        .arg(server.http("/sliders"))
        .envs(env.iter().copied())
        .output()
        .expect("python runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "server_client.py failed:\n{stdout}\n{stderr}\nserver log:\n{}",
        server.log.lock().unwrap().join("\n")
    );
    assert!(stdout.contains("ok: "), "{stdout}");
}

/// The gallery's demos under `rokeh serve`: Python pulls each app's session, changes one
/// widget (or waits for the stream) and sees the app's callback answer
/// (tests/python/gallery_client.py).
#[test]
fn bokeh_client_drives_the_gallery_demos() {
    let server = Server::start(&[]);
    for app in ["movies", "gapminder", "ohlc"] {
        let output = python("gallery_client.py")
            .args([&server.http(""), app])
            .output()
            .expect("python runs");
        let (out, err) = (
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        );
        assert!(
            output.status.success(),
            "gallery_client.py {app} failed:\n{out}\n{err}"
        );
        assert!(out.contains(&format!("ok: {app}")), "{out}");
    }
}
