//! Load generator for `rokeh serve`, on loopback: starts the server binary of the same
//! build profile, then prints
//! - sessions held (1k, 5k, 10k connections, each its own session, each having pulled the
//!   document) and the server's resident memory per session;
//! - PATCH-DOC at 1,000 patches/s into sessions of two connections, one sending and one
//!   listening: the sender's round trip (send → OK, and schedule → OK) and the broadcast
//!   (send → the listener has the change), p50, p99, max;
//! - one client's closed-loop round trips per second.
//!
//! Figures are printed, never asserted. Bounded: at most 10,000 connections, ~15 s of
//! traffic. Run: `cargo build --release && cargo run --release --example loadgen`.

// The load generator is native; built for wasm32 (as `cargo test --target wasm32…`
// builds examples) it is an empty program.
#![cfg_attr(target_arch = "wasm32", allow(unused))]
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/server_support/mod.rs"]
mod server_support;
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::server_support::*;

    use std::collections::HashMap;
    use std::sync::Arc;
    use std::time::Duration;

    use rokeh::protocol::{Body, Message, MsgId};
    use serde_json::json;
    use tokio::sync::Semaphore;
    use tokio::time::{Instant, MissedTickBehavior};

    const SESSION_STEPS: [usize; 3] = [1_000, 5_000, 10_000];
    const CONNECT_CONCURRENCY: usize = 64;
    const RATE_CLIENTS: usize = 10;
    const RATE_PER_CLIENT: u64 = 100;
    const RATE_SECONDS: u64 = 5;
    const CLOSED_LOOP_SECONDS: u64 = 3;

    #[tokio::main]
    pub async fn main() {
        raise_open_file_limit();
        let server = Server::start(&["--unused-session-lifetime", "60000"]);
        println!(
            "rokeh serve (pid {}) on 127.0.0.1:{}",
            server.pid(),
            server.port
        );
        let server = Arc::new(server);
        sessions_held(&server).await;
        for (label, query) in [
            ("bokeh.client-like (server runs the callback)", ""),
            ("rokeh page (relay only)", "?client=rokeh"),
        ] {
            round_trips_at_rate(&server, label, query).await;
            closed_loop(&server, label, query).await;
        }
    }

    fn rss_kib(server: &Server) -> u64 {
        (server.rss_mib().0 * 1024.0) as u64
    }

    async fn sessions_held(server: &Arc<Server>) {
        let base = rss_kib(server);
        println!("\n== sessions held (each: websocket + ACK + PULL-DOC, then idle)");
        println!("server RSS at start: {:.1} MiB", base as f64 / 1024.0);
        let mut held: Vec<Client> = Vec::new();
        let started = Instant::now();
        for target in SESSION_STEPS {
            let gate = Arc::new(Semaphore::new(CONNECT_CONCURRENCY));
            let mut tasks = tokio::task::JoinSet::new();
            for _ in held.len()..target {
                let (server, gate) = (server.clone(), gate.clone());
                tasks.spawn(async move {
                    let _permit = gate.acquire().await.unwrap();
                    let mut client = Client::join(&server, &new_session_id(), "").await;
                    client.pull().await;
                    client
                });
            }
            while let Some(client) = tasks.join_next().await {
                held.push(client.expect("a session opens"));
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
            let rss = rss_kib(server);
            println!(
            "{:>6} sessions: server RSS {:>7.1} MiB, {:>5.1} KiB per session (above start); {:.1} s so far",
            held.len(),
            rss as f64 / 1024.0,
            (rss.saturating_sub(base)) as f64 / held.len() as f64,
            started.elapsed().as_secs_f64()
        );
        }
        let last = held.len();
        if last > 0 {
            let per_session = (rss_kib(server).saturating_sub(base)) as f64 / last as f64;
            summary(
                &format!("server: memory per session ({last} sessions held)"),
                &format!("{per_session:.1} KiB"),
                "",
                "",
                "<= 50 KB",
                per_session * 1024.0 <= 50_000.0,
            );
        }
        drop(held);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    /// The frequency of change `i`: each differs from the last, from the app's first value
    /// (1.0, which would change nothing), and from every other of one client's changes
    /// (fewer than 1,000), so a listener can tell them apart.
    fn value(i: u64) -> f64 {
        1.0 + (i % 1000 + 1) as f64 * 0.004
    }

    /// A frequency change the server must act on.
    fn patch(slider: &str, i: u64) -> Message {
        let event = json!({"kind": "ModelChanged", "model": {"id": slider}, "attr": "value", "new": value(i)});
        Message::new(
            MsgId::next(),
            Body::PatchDoc {
                events: vec![event],
            },
        )
    }

    async fn joined_with_slider(server: &Server, query: &str) -> (Client, String) {
        let mut client = Client::join(server, &new_session_id(), query).await;
        let (_, doc) = client.pull().await;
        let slider = find_id(&doc, "Slider", Some("frequency"));
        (client, slider)
    }

    /// Open loop: each client sends on a fixed schedule whatever the replies do, and a
    /// second connection of its session listens, so what is measured includes the
    /// broadcast to the session's other connections. Three series: the sender's OK from
    /// when the patch went out, the same from when it was due (a stall counts in full),
    /// and the listener's copy of the change from when it went out.
    async fn round_trips_at_rate(server: &Arc<Server>, label: &str, query: &str) {
        let mut tasks = tokio::task::JoinSet::new();
        let mut listeners = tokio::task::JoinSet::new();
        for _ in 0..RATE_CLIENTS {
            let (id, query) = (new_session_id(), query.to_owned());
            let mut client = Client::join(server, &id, &query).await;
            let (_, doc) = client.pull().await;
            let slider = find_id(&doc, "Slider", Some("frequency"));
            let mut listener = Client::join(server, &id, &query).await;
            listener.pull().await;
            // When each value went out: the listener knows a change by its value.
            let sent_at = Arc::new(std::sync::Mutex::new(HashMap::<u64, Instant>::new()));
            let total = RATE_PER_CLIENT * RATE_SECONDS;
            let deadline = Instant::now() + Duration::from_secs(RATE_SECONDS + 5);
            {
                let (slider, sent_at) = (slider.clone(), sent_at.clone());
                listeners.spawn(async move {
                    let mut latencies = Vec::with_capacity(total as usize);
                    while (latencies.len() as u64) < total && Instant::now() < deadline {
                        let Some(Ok(m)) = listener.next(Duration::from_secs(1)).await else {
                            continue;
                        };
                        let Body::PatchDoc { events } = &m.body else {
                            continue;
                        };
                        for event in events {
                            let value = event["new"].as_f64().filter(|_| {
                                event["attr"] == "value" && event["model"]["id"] == slider
                            });
                            let out = value.and_then(|v| {
                                sent_at.lock().expect("sent_at").remove(&v.to_bits())
                            });
                            if let Some(out) = out {
                                latencies.push(out.elapsed());
                            }
                        }
                    }
                    latencies
                });
            }
            tasks.spawn(async move {
                let mut ticks =
                    tokio::time::interval(Duration::from_micros(1_000_000 / RATE_PER_CLIENT));
                ticks.set_missed_tick_behavior(MissedTickBehavior::Burst);
                // Per request: when it was due and when it went out.
                let mut sent: HashMap<MsgId, (Instant, Instant)> = HashMap::new();
                let mut latencies = Vec::with_capacity(total as usize);
                let mut i = 0;
                while (latencies.len() as u64) < total && Instant::now() < deadline {
                    tokio::select! {
                        scheduled = ticks.tick(), if i < total => {
                            let message = patch(&slider, i);
                            let now = Instant::now();
                            sent.insert(message.msgid.clone(), (scheduled, now));
                            sent_at.lock().expect("sent_at").insert(value(i).to_bits(), now);
                            client.send(&message).await;
                            i += 1;
                        }
                        got = client.next(Duration::from_secs(1)) => {
                            if let Some(Ok(m)) = got {
                                if let (Body::Ok, Some((due, out))) = (&m.body, m.reqid.as_ref().and_then(|r| sent.remove(r))) {
                                    latencies.push((due.elapsed(), out.elapsed()));
                                }
                            }
                        }
                    }
                }
                latencies
            });
        }
        let (mut from_due, mut from_send): (Vec<Duration>, Vec<Duration>) =
            (Vec::new(), Vec::new());
        while let Some(l) = tasks.join_next().await {
            for (due, out) in l.unwrap() {
                from_due.push(due);
                from_send.push(out);
            }
        }
        let mut heard = Vec::new();
        while let Some(l) = listeners.join_next().await {
            heard.extend(l.unwrap());
        }
        let expected = RATE_CLIENTS as u64 * RATE_PER_CLIENT * RATE_SECONDS;
        println!(
            "\n== PATCH-DOC at {} patches/s, {RATE_CLIENTS} sessions of 2 connections (one sends, \
             one listens), {label}",
            RATE_CLIENTS as u64 * RATE_PER_CLIENT
        );
        println!(
            "{} of {expected} answered, {} of {expected} heard by the listener",
            from_send.len(),
            heard.len()
        );
        for (what, mut all) in [
            ("sender's OK, from send", from_send),
            (
                "sender's OK, from schedule (timer lateness included)",
                from_due,
            ),
            ("listener's copy, from send (the broadcast)", heard),
        ] {
            if all.is_empty() {
                println!("  {what}: none");
                continue;
            }
            all.sort();
            let pct = |p: f64| {
                all[((all.len() as f64 * p) as usize).min(all.len() - 1)].as_secs_f64() * 1e3
            };
            println!(
                "  {what}: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
                pct(0.50),
                pct(0.99),
                pct(1.0)
            );
            if query.is_empty() && what == "sender's OK, from send" {
                summary(
                    "server: PATCH-DOC p99 at 1,000/s, server runs the callback (from send)",
                    &format!("{:.2} ms", pct(0.99)),
                    "",
                    "",
                    "<= 5 ms",
                    pct(0.99) <= 5.0,
                );
            }
        }
    }

    /// One client, one request in flight: send, wait for OK, again.
    async fn closed_loop(server: &Server, label: &str, query: &str) {
        let (mut client, slider) = joined_with_slider(server, query).await;
        let started = Instant::now();
        let mut n = 0u64;
        while started.elapsed() < Duration::from_secs(CLOSED_LOOP_SECONDS) {
            let message = patch(&slider, n);
            client.send(&message).await;
            let (_, reply) = client.until_reply(&message.msgid).await;
            assert_eq!(reply.body, Body::Ok);
            n += 1;
        }
        let secs = started.elapsed().as_secs_f64();
        println!(
            "== one client closed loop, {label}: {n} round trips in {secs:.1} s = {:.0}/s",
            n as f64 / secs
        );
    }
}
