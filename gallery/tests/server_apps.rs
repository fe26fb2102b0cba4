//! Several apps in one `rokeh serve`, each with its own page and documents; and Bokeh's UI
//! events from Python's `bokeh.client` reaching an app's `on_event` callback in the server.
//! A real server in this process, serving test apps, on loopback.
#![cfg(not(target_arch = "wasm32"))] // the server and its clients are native

mod server_support;

use rokeh::document::{Document, EventKind};
use rokeh::models::{column, Button, Slider, TextInput};
use rokeh::server::Server;
use rokeh::App;
use server_support::{in_process_config, new_session_id, python, unsigned_token, Client};
use tokio::sync::oneshot;

/// A button whose clicks the app counts, on a slider and in the button's label.
fn buttons(doc: &mut Document) {
    let button = doc.add(Button {
        label: "click me".into(),
        ..Button::default()
    });
    let clicks = doc.add(Slider::new("clicks", 0.0, 0.0, 100.0, 1.0));
    doc.on_event(button, EventKind::ButtonClick, move |doc, _| {
        let n = doc.get(clicks, Slider::VALUE) + 1.0;
        doc.set(button, Button::LABEL, format!("clicked {n} times"))?;
        doc.set(clicks, Slider::VALUE, n)
    });
    let layout = column(doc, [button.any(), clicks.any()]);
    doc.add_root(layout);
}

/// Another app: a text input alone.
fn notes(doc: &mut Document) {
    let input = doc.add(TextInput {
        title: "notes".into(),
        ..TextInput::default()
    });
    doc.add_root(input);
}

struct Running {
    port: u16,
    _stop: oneshot::Sender<()>,
}

/// Serves both apps, with a stand-in for the built page.
async fn serve() -> Running {
    let mut config = in_process_config();
    let dist = std::env::temp_dir().join(format!("rokeh-apps-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<html><head><title>page</title></head><body></body></html>",
    )
    .unwrap();
    config.page_dir = Ok(dist);
    let apps = vec![App::new("buttons", buttons), App::new("notes", notes)];
    let server = Server::bind(config, apps).await.expect("binds");
    let port = server.local_addr().port();
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(server.run(async move {
        let _ = stopped.await;
    }));
    Running { port, _stop: stop }
}

async fn get(port: u16, path: &str) -> String {
    let path = path.to_owned();
    tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    })
    .await
    .unwrap()
}

/// The type names of a document's models.
fn types_in(doc: &Document) -> Vec<String> {
    doc.models().map(|(_, m)| m.type_name.clone()).collect()
}

#[tokio::test]
async fn each_app_has_its_own_page_and_documents() {
    let server = serve().await;
    let index = get(server.port, "/").await;
    assert!(index.contains(r#"href="/buttons""#) && index.contains(r#"href="/notes""#));
    for app in ["buttons", "notes"] {
        let page = get(server.port, &format!("/{app}")).await;
        assert!(
            page.contains(&format!(r#"data-app="{app}""#)),
            "the page names its app: {page}"
        );
        assert!(page.contains(&format!(r#"data-ws-path="/{app}/ws""#)));
    }
    let pull = |app: &'static str| async move {
        let id = new_session_id();
        let url = format!("ws://127.0.0.1:{}/{app}/ws", server.port);
        let mut client = Client::connect_with(&url, &unsigned_token(&id), None)
            .await
            .expect("websocket opens");
        client.recv().await;
        types_in(&client.pull().await.1)
    };
    let (buttons, notes) = (pull("buttons").await, pull("notes").await);
    assert!(buttons.contains(&"Button".to_owned()), "{buttons:?}");
    assert!(!buttons.contains(&"TextInput".to_owned()), "{buttons:?}");
    assert!(notes.contains(&"TextInput".to_owned()), "{notes:?}");
    assert!(!notes.contains(&"Button".to_owned()), "{notes:?}");
}

/// Python's `bokeh.client` sends two button_click events (tests/python/server_events.py);
/// the app's on_event callback runs in the server for each, and Python sees its result.
#[tokio::test]
async fn bokeh_client_button_clicks_run_the_apps_on_event_callback() {
    let server = serve().await;
    let url = format!("http://127.0.0.1:{}/buttons", server.port);
    let output = tokio::task::spawn_blocking(move || {
        python("server_events.py")
            .arg(url)
            .output()
            .expect("python runs")
    })
    .await
    .unwrap();
    let (out, err) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(
        output.status.success(),
        "server_events.py failed:\n{out}\n{err}"
    );
    assert!(
        out.contains("ok: two clicks made 'clicked 2 times'"),
        "{out}"
    );
}
