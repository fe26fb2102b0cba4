//! `rokeh serve --redis`: three real servers sharing their sessions through a real
//! `redis-server` on loopback, with websocket clients speaking Bokeh's protocol. A session
//! is the same document on every server; a change reaches every connection in one
//! order, never echoed; the session survives the death of the server running it (its
//! periodic callbacks go on, once); and it lives through Redis going away and coming
//! back empty.
#![cfg(not(target_arch = "wasm32"))] // the server and its clients are native

mod server_support;

use std::time::Duration;

use rokeh::document::json::{to_json, BufferMode};
use rokeh::protocol::token::SessionId;
use rokeh::protocol::{Body, Message, MsgId};
use serde_json::{json, Value as Json};
use server_support::*;
use tokio::time::Instant;

/// Long enough for a dead owner's lease to run out and another server to take over.
const TAKEOVER: Duration = Duration::from_secs(8);

fn shared(redis: &RedisServer) -> Server {
    Server::start(&["--redis", &redis.url()])
}

fn set(model: &str, value: f64) -> Json {
    json!([{"kind": "ModelChanged", "model": {"id": model}, "attr": "value", "new": value}])
}

/// The values a patch sets on `model`'s `value`.
fn values_of(message: &Message, model: &str) -> Vec<f64> {
    let Body::PatchDoc { events } = &message.body else {
        return Vec::new();
    };
    events
        .iter()
        .filter(|e| {
            e["kind"] == "ModelChanged" && e["model"]["id"] == model && e["attr"] == "value"
        })
        .filter_map(|e| e["new"].as_f64())
        .collect()
}

/// Everything that arrives within `for_`.
async fn drain(client: &mut Client, for_: Duration) -> Vec<Message> {
    let mut got = Vec::new();
    let deadline = Instant::now() + for_;
    while let Some(Ok(m)) = client
        .next(deadline.saturating_duration_since(Instant::now()))
        .await
    {
        got.push(m);
    }
    got
}

/// Receives until a patch sets `model` to `value`; what came, that patch included.
async fn until_value(
    client: &mut Client,
    model: &str,
    value: f64,
    within: Duration,
) -> Vec<Message> {
    let mut got = Vec::new();
    let deadline = Instant::now() + within;
    loop {
        match client
            .next(deadline.saturating_duration_since(Instant::now()))
            .await
        {
            Some(Ok(m)) => {
                let done = values_of(&m, model).contains(&value);
                got.push(m);
                if done {
                    return got;
                }
            }
            other => panic!("no patch setting {model} to {value}: got {other:?} after {got:?}"),
        }
    }
}

/// The session's document as each client pulls it: its JSON with arrays inline, so two
/// are equal when the documents are.
async fn pulled(clients: &mut [&mut Client]) -> Vec<Json> {
    let mut docs = Vec::new();
    for client in clients.iter_mut() {
        let (_, doc) = client.pull().await;
        docs.push(to_json(&doc, BufferMode::Inline).json);
    }
    docs
}

#[tokio::test]
async fn every_server_serves_one_session_in_one_order_never_echoed() {
    let redis = RedisServer::start();
    let (a, b, c) = (shared(&redis), shared(&redis), shared(&redis));
    let id = new_session_id();
    // Python-like clients on A and C (the owner runs callbacks for them), a page on B.
    let mut on_a = Client::join(&a, &id, "").await;
    let (_, doc) = on_a.pull().await;
    let freq = find_id(&doc, "Slider", Some("frequency"));
    let phase = find_id(&doc, "Slider", Some("phase"));
    let mut on_b = Client::join(&b, &id, "?client=rokeh").await;
    let mut on_c = Client::join(&c, &id, "").await;
    assert_eq!(
        pulled(&mut [&mut on_a, &mut on_b, &mut on_c]).await.len(),
        3
    );

    // A's change: A gets what the callback made of it, not its own change; B and C get both.
    let (before, ok) = on_a.patch(set(&freq, 2.0)).await;
    assert_eq!(ok.body, Body::Ok);
    assert_eq!(
        before.iter().map(event_kinds).collect::<Vec<_>>(),
        [["ColumnDataChanged"]]
    );
    for client in [&mut on_b, &mut on_c] {
        let got = until_value(client, &freq, 2.0, WAIT).await;
        assert!(event_kinds(got.last().unwrap()).contains(&"ColumnDataChanged".to_owned()));
    }

    // C is not the session's owner: its change goes through the owner (which runs the
    // callback) and comes back to C without the echo.
    let (before, ok) = on_c.patch(set(&freq, 3.0)).await;
    assert_eq!(ok.body, Body::Ok, "{before:?}");
    assert_eq!(
        before.iter().map(event_kinds).collect::<Vec<_>>(),
        [["ColumnDataChanged"]]
    );
    until_value(&mut on_a, &freq, 3.0, WAIT).await;
    until_value(&mut on_b, &freq, 3.0, WAIT).await;

    // One order: A and C send ten changes each as fast as they can; every connection sees
    // the other's in the order sent, B sees all twenty, and the session ends on B's last.
    let ours: Vec<f64> = (1..=10).map(|i| f64::from(i) / 10.0).collect();
    let theirs: Vec<f64> = (11..=20).map(|i| f64::from(i) / 10.0).collect();
    let mut ids_a = Vec::new();
    let mut ids_c = Vec::new();
    for (x, y) in ours.iter().zip(&theirs) {
        let m = Message::new(
            MsgId::next(),
            Body::PatchDoc {
                events: set(&phase, *x).as_array().unwrap().clone(),
            },
        );
        on_a.send(&m).await;
        ids_a.push(m.msgid);
        let m = Message::new(
            MsgId::next(),
            Body::PatchDoc {
                events: set(&phase, *y).as_array().unwrap().clone(),
            },
        );
        on_c.send(&m).await;
        ids_c.push(m.msgid);
    }
    let seen = |messages: &[Message]| -> Vec<f64> {
        messages.iter().flat_map(|m| values_of(m, &phase)).collect()
    };
    let answered = |messages: &[Message], ids: &[MsgId]| {
        let oks: Vec<&MsgId> = messages
            .iter()
            .filter(|m| m.body == Body::Ok)
            .filter_map(|m| m.reqid.as_ref())
            .collect();
        oks == ids.iter().collect::<Vec<_>>()
    };
    let got_a = drain(&mut on_a, Duration::from_secs(2)).await;
    let got_b = drain(&mut on_b, Duration::from_secs(1)).await;
    let got_c = drain(&mut on_c, Duration::from_secs(1)).await;
    assert!(answered(&got_a, &ids_a), "A's OKs in order: {got_a:?}");
    assert!(answered(&got_c, &ids_c), "C's OKs in order: {got_c:?}");
    assert_eq!(
        seen(&got_a),
        theirs,
        "A sees C's changes in order, none of its own"
    );
    assert_eq!(
        seen(&got_c),
        ours,
        "C sees A's changes in order, none of its own"
    );
    let all = seen(&got_b);
    assert_eq!(all.len(), 20, "{all:?}");
    let in_order = |sub: &[f64]| {
        all.iter()
            .filter(|v| sub.contains(v))
            .copied()
            .collect::<Vec<_>>()
    };
    assert_eq!(in_order(&ours), ours);
    assert_eq!(in_order(&theirs), theirs);
    let docs = pulled(&mut [&mut on_a, &mut on_b, &mut on_c]).await;
    assert!(
        docs.iter().all(|d| *d == docs[0]),
        "every server has the same document"
    );
    let last = *all.last().unwrap();
    let (_, doc) = on_c.pull().await;
    let any = doc.lookup(&phase.as_str().into()).unwrap();
    assert_eq!(doc.get_attr(any, "value").unwrap().as_f64(), Some(last));
}

#[tokio::test]
async fn two_servers_racing_to_create_a_session_make_one_document() {
    let redis = RedisServer::start();
    let (a, b) = (shared(&redis), shared(&redis));
    for _ in 0..5 {
        let id = new_session_id();
        let (mut on_a, mut on_b) =
            tokio::join!(Client::join(&a, &id, ""), Client::join(&b, &id, ""));
        let (_, doc) = on_a.pull().await;
        let freq = find_id(&doc, "Slider", Some("frequency"));
        let (_, ok) = on_a.patch(set(&freq, 4.0)).await;
        assert_eq!(ok.body, Body::Ok);
        until_value(&mut on_b, &freq, 4.0, WAIT).await;
        let (_, ok) = on_b.patch(set(&freq, 4.5)).await;
        assert_eq!(ok.body, Body::Ok);
        until_value(&mut on_a, &freq, 4.5, WAIT).await;
    }
}

#[tokio::test]
async fn when_the_owner_dies_another_server_takes_over_and_nothing_is_lost() {
    let redis = RedisServer::start();
    let (mut a, b, c) = (shared(&redis), shared(&redis), shared(&redis));
    let id = new_session_id();
    // A sees the session first: it owns it.
    let mut on_a = Client::join(&a, &id, "").await;
    let (_, doc) = on_a.pull().await;
    let freq = find_id(&doc, "Slider", Some("frequency"));
    let amplitude = find_id(&doc, "Slider", Some("amplitude"));
    let mut page = Client::join(&b, &id, "?client=rokeh").await;
    page.pull().await;
    let mut python = Client::join(&c, &id, "").await;
    python.pull().await;
    let (_, ok) = on_a.patch(set(&freq, 2.0)).await;
    assert_eq!(ok.body, Body::Ok);
    until_value(&mut page, &freq, 2.0, WAIT).await;
    until_value(&mut python, &freq, 2.0, WAIT).await;

    a.kill();
    // The page's edit while nobody owns the session: answered once another server took
    // over, and applied once.
    let started = Instant::now();
    let edit = Message::new(
        MsgId::next(),
        Body::PatchDoc {
            events: set(&amplitude, 3.0).as_array().unwrap().clone(),
        },
    );
    page.send(&edit).await;
    let deadline = started + TAKEOVER;
    let reply = loop {
        let m = page
            .next(deadline.saturating_duration_since(Instant::now()))
            .await
            .expect("an answer after the takeover")
            .expect("still connected");
        if m.reqid.as_ref() == Some(&edit.msgid) {
            break m;
        }
    };
    assert_eq!(reply.body, Body::Ok, "{reply:?}");
    let got = drain(&mut python, Duration::from_secs(1)).await;
    let amplitudes: Vec<f64> = got.iter().flat_map(|m| values_of(m, &amplitude)).collect();
    assert_eq!(amplitudes, [3.0], "applied exactly once: {got:?}");

    // The new owner runs the callbacks for the Python-like client.
    let (before, ok) = python.patch(set(&freq, 3.0)).await;
    assert_eq!(ok.body, Body::Ok);
    assert_eq!(
        before.iter().map(event_kinds).collect::<Vec<_>>(),
        [["ColumnDataChanged"]]
    );
    until_value(&mut page, &freq, 3.0, WAIT).await;
    let docs = pulled(&mut [&mut page, &mut python]).await;
    assert_eq!(docs[0], docs[1]);
    let (_, doc) = python.pull().await;
    assert_eq!(frequency(&doc), 3.0);
    let (x, y) = (column(&doc, "x"), column(&doc, "y"));
    assert!(x
        .iter()
        .zip(&y)
        .all(|(x, y)| (3.0 * (3.0 * x).sin() - y).abs() < 1e-9));
    eprintln!("takeover answered after {:?}", reply_time(started));
}

fn reply_time(started: Instant) -> Duration {
    started.elapsed()
}

/// The counts a ticker session's patches carry, over `for_`.
async fn counts(client: &mut Client, count: &str, for_: Duration) -> Vec<f64> {
    drain(client, for_)
        .await
        .iter()
        .flat_map(|m| values_of(m, count))
        .collect()
}

/// The first count the client hears once counts come again, the others heard with it
/// read past.
async fn resumed(client: &mut Client, count: &str) -> f64 {
    loop {
        let got = counts(client, count, Duration::from_millis(500)).await;
        if let Some(first) = got.first() {
            return *first;
        }
    }
}

/// The next `n` counts the client hears, each with when it came; however slowly a loaded
/// machine lets them come (up to a minute).
async fn next_counts(client: &mut Client, count: &str, n: usize) -> Vec<(f64, Instant)> {
    let (mut seen, deadline) = (Vec::new(), Instant::now() + Duration::from_secs(60));
    while seen.len() < n && Instant::now() < deadline {
        for m in drain(client, Duration::from_millis(100)).await {
            let at = Instant::now();
            seen.extend(values_of(&m, count).into_iter().map(|v| (v, at)));
        }
    }
    seen
}

/// The count goes on one at a time, and never ahead of the clock: the session began
/// after `began`, and one runner of a callback every TICK cannot have counted past
/// `elapsed / TICK` (two servers running it would, twice as fast). Load only slows the
/// count, so this holds on any machine.
fn assert_counting_once(counts: &[(f64, Instant)], began: Instant, n: usize) {
    let values: Vec<f64> = counts.iter().map(|c| c.0).collect();
    assert!(values.len() >= n, "the count goes on: {values:?}");
    assert!(
        values.windows(2).all(|w| w[1] == w[0] + 1.0),
        "the count goes up by one at a time: {values:?}"
    );
    for &(value, at) in counts {
        let ticks = (at - began).as_secs_f64() / rokeh_gallery::TICK.as_secs_f64();
        assert!(
            value <= ticks.floor() + 1.0,
            "{value} counted in {ticks:.1} periods: the callback runs once per period, on one server"
        );
    }
}

#[tokio::test]
async fn periodic_callbacks_run_once_and_go_on_when_their_server_dies() {
    let redis = RedisServer::start();
    let (mut a, b, c) = (shared(&redis), shared(&redis), shared(&redis));
    let id = SessionId::parse("ticking").unwrap();
    let began = Instant::now();
    let mut on_a = Client::join_app(&a, "ticker", &id, "").await;
    let (_, doc) = on_a.pull().await;
    let count = find_id(&doc, "Slider", Some("count"));
    let mut on_b = Client::join_app(&b, "ticker", &id, "").await;
    let mut on_c = Client::join_app(&c, "ticker", &id, "?client=rokeh").await;
    on_b.pull().await;
    on_c.pull().await;

    const N: usize = 5;
    let (seen_b, seen_c) = tokio::join!(
        next_counts(&mut on_b, &count, N),
        next_counts(&mut on_c, &count, N)
    );
    assert_counting_once(&seen_b, began, N);
    assert_counting_once(&seen_c, began, N);
    drop(on_a);

    // The server running it dies: another takes over, and the count goes on from where
    // it was, still once per period.
    // Each connection reads past what it still held from before, together, so that the
    // counts each hears next are of the same stretch.
    a.kill();
    let last = [seen_b.last().unwrap().0, seen_c.last().unwrap().0];
    let resumed = tokio::join!(resumed(&mut on_b, &count), resumed(&mut on_c, &count));
    assert!(
        resumed.0 > last[0] && resumed.1 > last[1],
        "{resumed:?} after {last:?}"
    );
    let (seen_b, seen_c) = tokio::join!(
        next_counts(&mut on_b, &count, N),
        next_counts(&mut on_c, &count, N)
    );
    assert_counting_once(&seen_b, began, N);
    assert_counting_once(&seen_c, began, N);
    // Both servers pass on one count: what each heard in the same stretch overlaps.
    let heard_c: Vec<f64> = seen_c.iter().map(|c| c.0).collect();
    assert!(
        seen_b.iter().any(|(v, _)| heard_c.contains(v)),
        "both servers see one count: {seen_b:?} and {heard_c:?}"
    );
}

#[tokio::test]
async fn redis_going_away_and_coming_back_empty_loses_nothing_held() {
    let mut redis = RedisServer::start();
    let (a, b) = (shared(&redis), shared(&redis));
    let id = new_session_id();
    let mut on_a = Client::join(&a, &id, "").await;
    let (_, doc) = on_a.pull().await;
    let freq = find_id(&doc, "Slider", Some("frequency"));
    let offset = find_id(&doc, "Slider", Some("offset"));
    let mut on_b = Client::join(&b, &id, "").await;
    on_b.pull().await;

    redis.stop();
    // The owner serves its connections from memory.
    let (before, ok) = on_a.patch(set(&freq, 2.5)).await;
    assert_eq!(ok.body, Body::Ok, "{before:?}");
    // The other server answers pulls from memory (it has not heard of A's change), and
    // keeps its connection's change until the owner can have it.
    let (_, doc) = on_b.pull().await;
    assert_eq!(frequency(&doc), 1.0);
    let edit = Message::new(
        MsgId::next(),
        Body::PatchDoc {
            events: set(&offset, 1.5).as_array().unwrap().clone(),
        },
    );
    on_b.send(&edit).await;
    // No new shared session without Redis: a clear error.
    let mut refused = Client::connect(&a, &new_session_id(), "").await;
    match refused.next(WAIT).await {
        Some(Err(Ended::Closed(_, reason))) => {
            assert!(reason.contains("session store"), "{reason}");
            assert!(reason.contains("unreachable"), "{reason}");
        }
        other => panic!("expected a close naming the store, got {other:?}"),
    }

    // Redis comes back, empty: the owner creates the session again from its memory, B
    // catches up and forwards its change.
    redis.restart();
    let deadline = TAKEOVER + Duration::from_secs(4);
    let got = until_value(&mut on_b, &freq, 2.5, deadline).await;
    let mut answered = got.iter().any(|m| m.reqid.as_ref() == Some(&edit.msgid));
    while !answered {
        let m = on_b.recv().await;
        if m.reqid.as_ref() == Some(&edit.msgid) {
            assert_eq!(m.body, Body::Ok, "{m:?}");
            answered = true;
        }
    }
    until_value(&mut on_a, &offset, 1.5, WAIT).await;
    let docs = pulled(&mut [&mut on_a, &mut on_b]).await;
    assert_eq!(docs[0], docs[1]);
    // New sessions again.
    let mut fresh = Client::join(&b, &new_session_id(), "").await;
    fresh.pull().await;
}

#[tokio::test]
async fn a_redis_restored_from_an_older_save_does_not_mix_up_a_session() {
    let mut redis = RedisServer::start();
    let (a, b) = (shared(&redis), shared(&redis));
    let id = new_session_id();
    let mut on_a = Client::join(&a, &id, "").await;
    let (_, doc) = on_a.pull().await;
    let freq = find_id(&doc, "Slider", Some("frequency"));
    let offset = find_id(&doc, "Slider", Some("offset"));
    let mut on_b = Client::join(&b, &id, "?client=rokeh").await;
    on_b.pull().await;
    let (_, ok) = on_a.patch(set(&freq, 2.0)).await;
    assert_eq!(ok.body, Body::Ok);
    until_value(&mut on_b, &freq, 2.0, WAIT).await;
    assert_eq!(redis.command(&["SAVE"]).as_deref(), Some("+OK"));
    let (_, ok) = on_b.patch(set(&freq, 3.0)).await;
    assert_eq!(ok.body, Body::Ok);
    until_value(&mut on_a, &freq, 3.0, WAIT).await;

    // Redis restarts from the save: its log of the session ends before the last change.
    redis.stop();
    redis.restart();
    let (_, ok) = on_a.patch(set(&offset, 1.0)).await;
    assert_eq!(ok.body, Body::Ok);
    until_value(&mut on_b, &offset, 1.0, TAKEOVER).await;
    let (_, ok) = on_b.patch(set(&offset, 2.0)).await;
    assert_eq!(ok.body, Body::Ok);
    until_value(&mut on_a, &offset, 2.0, WAIT).await;
    let docs = pulled(&mut [&mut on_a, &mut on_b]).await;
    assert_eq!(docs[0], docs[1]);
    let (_, doc) = on_a.pull().await;
    assert_eq!(frequency(&doc), 3.0, "the change after the save is kept");
}

/// How many of a session's four keys Redis holds.
fn keys_held(redis: &RedisServer, id: &SessionId) -> String {
    let key = |what: &str| format!("rokeh:{{sliders:{}}}:{what}", id.as_str());
    let keys = ["doc", "lease", "log", "req"].map(key);
    let mut args = vec!["EXISTS"];
    args.extend(keys.iter().map(String::as_str));
    redis.command(&args).expect("redis answers")
}

#[tokio::test]
async fn unused_shared_sessions_expire_from_redis_and_used_ones_stay() {
    let redis = RedisServer::start();
    let lifetime = ["--unused-session-lifetime", "300"];
    let start = || Server::start(&[&["--redis", &redis.url()][..], &lifetime[..]].concat());
    let (a, b) = (start(), start());
    let id = new_session_id();
    let mut on_a = Client::join(&a, &id, "").await;
    let (_, doc) = on_a.pull().await;
    let freq = find_id(&doc, "Slider", Some("frequency"));
    let mut on_b = Client::join(&b, &id, "").await;
    on_b.pull().await;
    // A change from B goes through the owner (A): the log and the requests exist.
    let (_, ok) = on_b.patch(set(&freq, 2.0)).await;
    assert_eq!(ok.body, Body::Ok);
    assert_eq!(keys_held(&redis, &id), ":4");

    // A's connection leaves and A retires the session; B's connection keeps it in Redis
    // well past the lifetime and the lease, and A loads it again for a new connection.
    drop(on_a);
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_ne!(keys_held(&redis, &id), ":0");
    let mut again = Client::join(&a, &id, "").await;
    assert_eq!(frequency(&again.pull().await.1), 2.0);

    // Nobody connected: every key of the session expires, and its id starts afresh.
    drop(again);
    drop(on_b);
    let deadline = Instant::now() + Duration::from_secs(6);
    while keys_held(&redis, &id) != ":0" {
        assert!(
            Instant::now() < deadline,
            "the session's keys outlive its lifetime and a lease: {}",
            keys_held(&redis, &id)
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut fresh = Client::join(&b, &id, "").await;
    assert_eq!(frequency(&fresh.pull().await.1), 1.0);
}

#[tokio::test]
async fn the_store_is_named_by_flag_or_environment_and_a_bad_one_is_refused() {
    let redis = RedisServer::start();
    let by_flag = shared(&redis);
    let by_env = Server::start_with_env(&[], &[("ROKEH_REDIS_URL", &redis.url())]);
    by_env.wait_for_log("Sharing sessions through the session store redis://127.0.0.1:");
    let id = new_session_id();
    let mut on_flag = Client::join(&by_flag, &id, "").await;
    let (_, doc) = on_flag.pull().await;
    let freq = find_id(&doc, "Slider", Some("frequency"));
    let (_, ok) = on_flag.patch(set(&freq, 2.0)).await;
    assert_eq!(ok.body, Body::Ok);
    let mut on_env = Client::join(&by_env, &id, "").await;
    assert_eq!(frequency(&on_env.pull().await.1), 2.0);

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_rokeh"))
        .args(["serve", "--port", "0", "--redis", "http://127.0.0.1:1"])
        .output()
        .expect("the rokeh binary runs");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{said}");
    assert!(said.contains("is not a Redis URL"), "{said}");
}
