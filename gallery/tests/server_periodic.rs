//! Periodic callbacks in `rokeh serve`: the session runs them on its own timers and pushes
//! what they change to every connection, with no client asking. A real server (in this
//! process, serving a test app) on loopback, real websocket clients.
#![cfg(not(target_arch = "wasm32"))] // the server and its clients are native

mod server_support;

use std::time::Duration;

use rokeh::document::Document;
use rokeh::models::Slider;
use rokeh::protocol::{Body, Message};
use rokeh::server::Server;
use rokeh::App;
use server_support::{event_kinds, in_process_config, new_session_id, unsigned_token, Client};
use tokio::sync::oneshot;

/// A counter that counts up by itself, every 20 ms.
fn ticker(doc: &mut Document) {
    let count = doc.add(Slider::new("count", 0.0, 0.0, 1e9, 1.0));
    doc.add_root(count);
    doc.add_periodic_callback(Duration::from_millis(20), move |doc| {
        let next = doc.get(count, Slider::VALUE) + 1.0;
        doc.set(count, Slider::VALUE, next)
    });
}

struct Running {
    port: u16,
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

async fn serve_ticker() -> Running {
    let config = in_process_config();
    let app = App::new("ticker", ticker);
    let server = Server::bind(config, vec![app]).await.expect("binds");
    let port = server.local_addr().port();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(server.run(async move {
        let _ = stopped.await;
    }));
    Running { port, stop, task }
}

async fn join(port: u16, id: &rokeh::protocol::token::SessionId, query: &str) -> Client {
    let url = format!("ws://127.0.0.1:{port}/ticker/ws{query}");
    let mut client = Client::connect_with(&url, &unsigned_token(id), None)
        .await
        .expect("websocket opens");
    assert_eq!(client.recv().await.body, Body::Ack);
    client
}

/// The `count` a PATCH-DOC from the ticker sets.
fn count_in(patch: &Message) -> f64 {
    assert_eq!(event_kinds(patch), ["ModelChanged"]);
    let Body::PatchDoc { events } = &patch.body else {
        unreachable!()
    };
    assert_eq!(events[0]["attr"], "value");
    events[0]["new"].as_f64().expect("a number")
}

#[tokio::test]
async fn the_session_runs_periodic_callbacks_and_pushes_their_changes_to_every_connection() {
    let server = serve_ticker().await;
    let id = new_session_id();
    // A Python-like client and a rokeh page: the server runs the callback for both.
    let mut plain = join(server.port, &id, "").await;
    let mut page = join(server.port, &id, "?client=rokeh").await;

    // Nothing is sent to the server: patches arrive by themselves, counting up.
    for client in [&mut plain, &mut page] {
        let mut last = count_in(&client.recv().await);
        for _ in 0..3 {
            let next = count_in(&client.recv().await);
            assert!(next > last, "{next} after {last}");
            last = next;
        }
    }

    // The session's document holds the count too (it is a change like any other).
    let (_, doc) = plain.pull().await;
    let count = doc
        .models()
        .find(|(_, m)| m.type_name == "Slider")
        .map(|(any, _)| doc.get_attr(any, "value").unwrap().as_f64().unwrap())
        .expect("the counter");
    assert!(count >= 4.0, "count {count}");

    // Another session has its own counter, started from zero.
    let mut other = join(server.port, &new_session_id(), "").await;
    let first = loop {
        match other.recv().await {
            m if matches!(m.body, Body::PatchDoc { .. }) => break count_in(&m),
            _ => continue,
        }
    };
    assert!(first < count, "{first} is its own count, not {count}");

    let _ = server.stop.send(());
    let stopped = tokio::time::timeout(Duration::from_secs(10), server.task).await;
    stopped
        .expect("the server stops")
        .expect("its task ends")
        .expect("cleanly");
}
