//! Faults around `rokeh serve`: an app callback that panics, connections delayed, cut,
//! reset and half-closed by a proxy between the client and the real binary, and the
//! server shut down under load. Nothing a client sent and got OK for is lost.
#![cfg(not(target_arch = "wasm32"))] // the server and its clients are native

mod server_support;

use std::collections::BTreeSet;
use std::time::Duration;

use rokeh::document::Document;
use rokeh::models::Slider;
use rokeh::protocol::token::SessionId;
use rokeh::protocol::Body;
use rokeh::server::{ServeArgs, Server as InProcess, ServerConfig, SessionIdMode};
use rokeh::App;
use serde_json::{json, Value as Json};
use server_support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// An app whose callback panics for a value above 3, and otherwise copies the value; and
/// whose other slider's callback takes 150 ms of the CPU.
fn fragile(doc: &mut Document) {
    let input = doc.add(Slider::new("input", 1.0, 0.0, 10.0, 1.0));
    let copy = doc.add(Slider::new("copy", 1.0, 0.0, 10.0, 1.0));
    let slow = doc.add(Slider::new("slow", 1.0, 0.0, 1000.0, 1.0));
    doc.add_root(input);
    doc.add_root(copy);
    doc.add_root(slow);
    doc.on_change(input, Slider::VALUE, move |doc, change| {
        doc.set(copy, Slider::VALUE, change.new)?;
        assert!(
            change.new <= 3.0,
            "the fragile app cannot take {}",
            change.new
        );
        Ok(())
    });
    doc.on_change(slow, Slider::VALUE, |_, _| {
        let started = std::time::Instant::now();
        while started.elapsed() < Duration::from_millis(150) {
            std::hint::spin_loop();
        }
        Ok(())
    });
}

fn slider_value(doc: &Document, title: &str) -> f64 {
    let id = find_id(doc, "Slider", Some(title));
    let any = doc.lookup(&id.as_str().into()).unwrap();
    doc.get_attr(any, "value").unwrap().as_f64().unwrap()
}

fn set(id: &str, value: f64) -> Json {
    json!([{"kind": "ModelChanged", "model": {"id": id}, "attr": "value", "new": value}])
}

/// A panicking app callback: its change (and what it did before panicking) is rolled
/// back, the client gets an ERROR naming the panic, and the session goes on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_callback_rolls_back_and_the_session_goes_on() {
    let args = ServeArgs {
        show: false,
        port: 0,
        address: "127.0.0.1".into(),
        allow_websocket_origin: Vec::new(),
        session_ids: SessionIdMode::Unsigned,
        unused_session_lifetime: 15_000,
        websocket_max_message_size: 1 << 20,
        websocket_write_timeout: 10_000,
        http_header_timeout: 10_000,
        redis: None,
    };
    let config = ServerConfig::from_args(args, None).expect("a valid config");
    let server = InProcess::bind(config, vec![App::new("fragile", fragile)])
        .await
        .expect("binds");
    let port = server.local_addr().port();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.run(async move {
        let _ = stopped.await;
    }));
    let join = |id: SessionId| async move {
        let url = format!("ws://127.0.0.1:{port}/fragile/ws");
        let mut client = Client::connect_with(&url, &unsigned_token(&id), None)
            .await
            .expect("websocket opens");
        assert_eq!(client.recv().await.body, Body::Ack);
        client
    };
    let mut client = join(new_session_id()).await;
    let mut bystander = join(new_session_id()).await;
    let (_, doc) = client.pull().await;
    let input = find_id(&doc, "Slider", Some("input"));

    let (_, reply) = client.patch(set(&input, 5.0)).await;
    match &reply.body {
        Body::Error { text, .. } => assert!(
            text.contains("an app callback panicked: the fragile app cannot take 5"),
            "{text}"
        ),
        other => panic!("expected ERROR, got {other:?}"),
    }
    let (_, doc) = client.pull().await;
    assert_eq!(
        slider_value(&doc, "input"),
        1.0,
        "the change is rolled back"
    );
    assert_eq!(slider_value(&doc, "copy"), 1.0, "and what the callback did");

    let (_, reply) = client.patch(set(&input, 2.0)).await;
    assert_eq!(
        reply.body,
        Body::Ok,
        "the session goes on, callbacks included"
    );
    let (_, doc) = client.pull().await;
    assert_eq!(slider_value(&doc, "copy"), 2.0);
    let (_, reply) = bystander.request(Body::ServerInfoReq).await;
    assert!(matches!(reply.body, Body::ServerInfoReply(_)));

    // A callback that takes 150 ms a change, changed ten times: other sessions are
    // answered meanwhile (the session's requests move off the async workers once slow).
    let slow = find_id(&doc, "Slider", Some("slow"));
    let mut slow_client = join(new_session_id()).await;
    let busy = tokio::spawn(async move {
        for i in 0..10 {
            let (_, reply) = slow_client.patch(set(&slow, f64::from(i + 2))).await;
            assert_eq!(reply.body, Body::Ok);
        }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut times = Vec::new();
    while !busy.is_finished() {
        let started = std::time::Instant::now();
        bystander.request(Body::ServerInfoReq).await;
        times.push(started.elapsed());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    busy.await.unwrap();
    times.sort();
    let p90 = times[times.len() * 9 / 10];
    eprintln!("bystander beside a slow callback: p90 {p90:?} of {times:?}");
    assert!(p90 <= Duration::from_millis(100), "{times:?}");

    let _ = stop.send(());
    running.await.unwrap().unwrap();
}

/// What the proxy does to one connection.
#[derive(Clone, Copy, Debug)]
enum Fault {
    /// Forwards everything, each chunk late.
    Delay(Duration),
    /// Forwards this many bytes from the client, then closes both ends.
    Truncate(usize),
    /// Forwards this many bytes from the client, then resets both ends (RST, no FIN).
    Reset(usize),
    /// Forwards this many bytes from the client, then closes only its way to the server.
    HalfClose(usize),
}

/// A proxy on loopback that applies `faults` in turn, one per connection.
async fn proxy(server_port: u16, faults: Vec<Fault>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        for fault in faults.into_iter().cycle() {
            let Ok((client, _)) = listener.accept().await else {
                return;
            };
            let server = TcpStream::connect(("127.0.0.1", server_port))
                .await
                .unwrap();
            tokio::spawn(pump(client, server, fault));
        }
    });
    port
}

async fn pump(mut client: TcpStream, mut server: TcpStream, fault: Fault) {
    let (budget, delay) = match fault {
        Fault::Delay(d) => (usize::MAX, d),
        Fault::Truncate(n) | Fault::Reset(n) | Fault::HalfClose(n) => (n, Duration::ZERO),
    };
    let (mut up, mut down) = (vec![0; 4096], vec![0; 4096]);
    let (mut sent, mut upstream_open) = (0, true);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let (mut from_client, mut to_client) = client.split();
        let (mut from_server, mut to_server) = server.split();
        tokio::select! {
            read = from_client.read(&mut up), if upstream_open => {
                let n = match read {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n.min(budget - sent),
                };
                tokio::time::sleep(delay).await;
                if to_server.write_all(&up[..n]).await.is_err() {
                    break;
                }
                sent += n;
                if sent >= budget {
                    match fault {
                        Fault::HalfClose(_) => {
                            let _ = to_server.shutdown().await;
                            upstream_open = false;
                        }
                        _ => break,
                    }
                }
            }
            read = from_server.read(&mut down) => {
                let n = match read {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                tokio::time::sleep(delay).await;
                if to_client.write_all(&down[..n]).await.is_err() {
                    break;
                }
            }
            () = tokio::time::sleep_until(deadline) => break,
        }
    }
    if let Fault::Reset(_) = fault {
        for stream in [&client, &server] {
            let _ = socket2::SockRef::from(stream).set_linger(Some(Duration::ZERO));
        }
    }
}

/// One change, numbered: row `i` streamed into the source (so each lands once, in order).
fn stream_row(source: &str, i: usize) -> Json {
    let v = 1000.0 + i as f64;
    json!([{"kind": "ColumnsStreamed", "model": {"id": source}, "attr": "data",
            "data": {"type": "map", "entries": [["x", [v]], ["y", [v]]]}, "rollover": null}])
}

/// A client streams numbered rows through a proxy that delays, truncates, resets and
/// half-closes its connections at every stage (handshake, mid-message, between messages),
/// reconnecting to its session each time. Every row it got OK for is in the session's
/// document, once; a row it got no answer for is there at most once.
#[tokio::test]
async fn faults_between_client_and_server_lose_nothing_acknowledged() {
    let server = Server::start(&[]);
    let id = new_session_id();
    let mut direct = Client::join(&server, &id, "").await;
    let (_, doc) = direct.pull().await;
    let source = find_id(&doc, "ColumnDataSource", None);
    let mut faults = Vec::new();
    for at in [0, 40, 150, 260, 330, 420, 600, 900, 1500] {
        faults.extend([
            Fault::Truncate(at),
            Fault::Reset(at),
            Fault::HalfClose(at),
            Fault::Delay(Duration::from_millis(3)),
        ]);
    }
    let port = proxy(server.port, faults).await;
    let url = format!("ws://127.0.0.1:{port}/sliders/ws");
    let token = unsigned_token(&id);
    let (mut acked, mut unanswered) = (BTreeSet::new(), BTreeSet::new());
    let mut next = 0;
    let mut connections = 0;
    while next < 60 {
        connections += 1;
        assert!(connections < 300, "could not get through the proxy");
        let Ok(Ok(mut client)) = tokio::time::timeout(
            Duration::from_secs(2),
            Client::connect_with(&url, &token, None),
        )
        .await
        else {
            continue;
        };
        if !matches!(client.next(Duration::from_secs(2)).await, Some(Ok(m)) if m.body == Body::Ack)
        {
            continue;
        }
        loop {
            let message = rokeh::protocol::Message::new(
                rokeh::protocol::MsgId::next(),
                Body::PatchDoc {
                    events: stream_row(&source, next).as_array().unwrap().clone(),
                },
            );
            let reqid = message.msgid.clone();
            let sent = client
                .try_send_frames(message.to_frames(), Duration::from_secs(2))
                .await;
            let reply = loop {
                match client.next(Duration::from_secs(2)).await {
                    Some(Ok(m)) if m.reqid.as_ref() == Some(&reqid) => break Some(m),
                    Some(Ok(_)) => continue,
                    _ => break None,
                }
            };
            match reply.map(|m| m.body) {
                Some(Body::Ok) => {
                    acked.insert(next);
                    next += 1;
                }
                Some(other) => panic!("row {next} refused: {other:?}"),
                None => {
                    if sent {
                        unanswered.insert(next);
                    }
                    next += 1;
                    break;
                }
            }
            // A few changes a connection, so every fault gets its turn.
            if next >= 60 || next % 2 == 0 {
                break;
            }
        }
    }
    let (_, doc) = direct.pull().await;
    let rows: Vec<usize> = column(&doc, "x")
        .into_iter()
        .filter(|x| *x >= 1000.0)
        .map(|x| (x - 1000.0) as usize)
        .collect();
    let present: BTreeSet<usize> = rows.iter().copied().collect();
    assert_eq!(present.len(), rows.len(), "a row landed twice: {rows:?}");
    assert!(
        acked.is_subset(&present),
        "acknowledged rows lost: {:?}",
        acked.difference(&present).collect::<Vec<_>>()
    );
    let explained: BTreeSet<usize> = acked.union(&unanswered).copied().collect();
    assert!(
        present.is_subset(&explained),
        "{present:?} vs {explained:?}"
    );
    assert!(
        rows.windows(2).all(|w| w[0] < w[1]),
        "rows out of order: {rows:?}"
    );
    eprintln!(
        "{} rows acknowledged, {} unanswered ({} of them landed), over {connections} connections",
        acked.len(),
        unanswered.len(),
        unanswered.intersection(&present).count()
    );
    assert!(acked.len() >= 20, "too few got through: {acked:?}");
}

/// Ctrl-C while twenty clients in ten sessions send changes as fast as they are
/// answered: every connection is closed 1001 (or dropped by the going process), none
/// hangs, and the server exits cleanly within its grace period.
#[tokio::test]
async fn shutdown_under_load_closes_every_connection_and_exits_cleanly() {
    let mut server = Server::start(&[]);
    let sessions: Vec<SessionId> = (0..10).map(|_| new_session_id()).collect();
    let mut clients = tokio::task::JoinSet::new();
    for i in 0..20 {
        let mut client = Client::join(&server, &sessions[i % 10], "").await;
        clients.spawn(async move {
            let (_, doc) = client.pull().await;
            let slider = find_id(&doc, "Slider", Some("frequency"));
            let mut oks = 0u64;
            for round in 0u32.. {
                let value = 1.0 + f64::from(round % 40) * 0.1;
                let message = rokeh::protocol::Message::new(
                    rokeh::protocol::MsgId::next(),
                    Body::PatchDoc {
                        events: set(&slider, value).as_array().unwrap().clone(),
                    },
                );
                if !client
                    .try_send_frames(message.to_frames(), Duration::from_secs(2))
                    .await
                {
                    return (oks, Ended::Dropped);
                }
                loop {
                    match client.next(Duration::from_secs(5)).await {
                        Some(Ok(m)) if m.reqid.as_ref() == Some(&message.msgid) => {
                            oks += 1;
                            break;
                        }
                        Some(Ok(_)) => continue,
                        Some(Err(ended)) => return (oks, ended),
                        None => panic!("a connection hung at shutdown"),
                    }
                }
            }
            unreachable!()
        });
    }
    tokio::time::sleep(Duration::from_millis(800)).await;
    server.interrupt();
    // The clients end as the server closes them (this thread must not block meanwhile:
    // they answer the closing handshake).
    let mut closed_1001 = 0;
    let mut total_oks = 0;
    while let Some(result) = clients.join_next().await {
        let (oks, ended) = result.unwrap();
        total_oks += oks;
        match ended {
            Ended::Closed(Some(code), _) if u16::from(code) == 1001 => closed_1001 += 1,
            Ended::Dropped => {}
            other => panic!("ended with {other:?}"),
        }
    }
    let status = server
        .wait_exit(Duration::from_secs(5))
        .expect("the server exits within its grace period");
    assert!(status.success(), "{status:?}");
    eprintln!("{total_oks} changes answered before shutdown; {closed_1001} of 20 closed 1001");
    assert!(total_oks > 20, "the load was real");
    assert!(
        closed_1001 >= 15,
        "connections hear why: {closed_1001} of 20"
    );
    let log = server.log.lock().unwrap().join("\n");
    assert!(!log.contains("panicked"), "{log}");
}
