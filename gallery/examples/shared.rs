//! `rokeh serve --redis` on loopback: a real redis-server and three servers of the same
//! build profile (target/<profile>/rokeh). Prints
//! - patches relayed per second across the three servers: sessions with a page-like
//!   client on each server (the page ran its callbacks, the servers relay), each client
//!   keeping patches in flight: patches answered per second, each of which reached the
//!   session's connections on the two other servers (counted too); and, for scale, the
//!   same clients on one server alone;
//! - the round trip of one change (one client, one request in flight) on a server alone
//!   and, with Redis, on the session's owner and on another server: p50, p99, and what
//!   sharing adds;
//! - sessions held by one server with Redis on: its RSS, and Redis's memory, per session.
//!
//! Figures are printed, never asserted. Bounded: ~30 s, at most 5,000 connections.
//! Run: `cargo build --profile server -p rokeh-gallery --bins --examples &&
//! target/server/examples/shared` (make bench runs it).

// Native only; built for wasm32 it is an empty program.
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

    use std::sync::Arc;
    use std::time::Duration;

    use rokeh::protocol::token::SessionId;
    use rokeh::protocol::{Body, Message, MsgId};
    use serde_json::json;
    use tokio::sync::Semaphore;
    use tokio::time::Instant;

    const RELAY_SESSIONS: usize = 8;
    const IN_FLIGHT: usize = 32;
    const RELAY_SECONDS: u64 = 5;
    const TARGET_PER_SECOND: f64 = 50_000.0;
    const ROUND_TRIPS: usize = 2_000;
    const SESSION_STEPS: [usize; 2] = [1_000, 5_000];

    #[tokio::main]
    pub async fn main() {
        raise_open_file_limit();
        let redis = RedisServer::start();
        let url = redis.url();
        let args = [
            "--redis",
            url.as_str(),
            "--unused-session-lifetime",
            "60000",
        ];
        let servers = [
            Server::start(&args),
            Server::start(&args),
            Server::start(&args),
        ];
        println!(
            "redis-server on 127.0.0.1:{}; rokeh serve --redis on ports {}, {}, {}",
            redis.port, servers[0].port, servers[1].port, servers[2].port
        );
        let alone = Server::start(&["--unused-session-lifetime", "60000"]);
        let [a, b, c] = &servers;
        let shared = relayed([a, b, c]).await;
        println!(
            "\n== patches relayed across 3 servers ({RELAY_SESSIONS} sessions owned in turn by each server, a page-like client on each server, {IN_FLIGHT} patches in flight each)"
        );
        println!(
            "{:.0} patches/s answered, each reaching the two other servers' connections: {:.0} patches/s received there (2 per patch: {:.2}); target >= {TARGET_PER_SECOND:.0}/s: {}",
            shared.answered,
            shared.received,
            shared.received / shared.answered.max(1.0),
            if shared.answered >= TARGET_PER_SECOND { "met" } else { "MISSED" }
        );
        let single = relayed([&alone, &alone, &alone]).await;
        println!(
            "for scale, the same three clients per session on one server alone: {:.0} patches/s answered, {:.0} patches/s received",
            single.answered, single.received
        );
        round_trips(&alone, &servers).await;
        drop(servers);
        let held = Server::start(&args);
        sessions_held(&held, &redis).await;
    }

    fn set(slider: &str, value: f64) -> Message {
        let event =
            json!({"kind": "ModelChanged", "model": {"id": slider}, "attr": "value", "new": value});
        Message::new(
            MsgId::next(),
            Body::PatchDoc {
                events: vec![event],
            },
        )
    }

    /// Patches per second.
    struct Rates {
        answered: f64,
        received: f64,
    }

    /// What one relaying client did: patches answered, patches received from the others.
    struct Relayed {
        answered: u64,
        received: u64,
    }

    async fn relay(mut client: Client, slider: String, offset: f64, until: Instant) -> Relayed {
        let mut out = Relayed {
            answered: 0,
            received: 0,
        };
        let mut in_flight = 0usize;
        let mut i = 0u64;
        loop {
            while in_flight < IN_FLIGHT && Instant::now() < until {
                // Each client's values differ from the others' (none is dropped as no change).
                let value = offset + (i % 100) as f64 * 0.01;
                client.send(&set(&slider, value)).await;
                in_flight += 1;
                i += 1;
            }
            if in_flight == 0 {
                return out;
            }
            match client.next(Duration::from_secs(5)).await {
                Some(Ok(m)) => match m.body {
                    Body::Ok => {
                        in_flight -= 1;
                        if Instant::now() < until {
                            out.answered += 1;
                        }
                    }
                    Body::PatchDoc { events } => {
                        if Instant::now() < until {
                            out.received += events.len() as u64;
                        }
                    }
                    other => panic!("unexpected {other:?}"),
                },
                other => panic!("relay stopped: {other:?}"),
            }
        }
    }

    /// Patches per second, answered and received, with a client on each of `servers` (the
    /// same server thrice: one server alone) in each session.
    async fn relayed(servers: [&Server; 3]) -> Rates {
        let mut clients = Vec::new();
        for s in 0..RELAY_SESSIONS {
            let id = new_session_id();
            // The first server to see a session owns it: as behind a balancer, the
            // sessions' owners are spread over the servers.
            for k in 0..servers.len() {
                let server = servers[(s + k) % servers.len()];
                let mut client = Client::join(server, &id, "?client=rokeh").await;
                let (_, doc) = client.pull().await;
                let slider = find_id(&doc, "Slider", Some("phase"));
                clients.push((client, slider, k as f64 + 1.0));
            }
        }
        let until = Instant::now() + Duration::from_secs(RELAY_SECONDS);
        let mut tasks = tokio::task::JoinSet::new();
        for (client, slider, offset) in clients {
            tasks.spawn(relay(client, slider, offset, until));
        }
        let (mut answered, mut received) = (0, 0);
        while let Some(r) = tasks.join_next().await {
            let r = r.expect("a relaying client");
            answered += r.answered;
            received += r.received;
        }
        Rates {
            answered: answered as f64 / RELAY_SECONDS as f64,
            received: received as f64 / RELAY_SECONDS as f64,
        }
    }

    /// One client, one change in flight: the round trip's p50 and p99, in ms.
    async fn round_trip(server: &Server, id: &SessionId) -> (f64, f64) {
        let mut client = Client::join(server, id, "?client=rokeh").await;
        let (_, doc) = client.pull().await;
        let slider = find_id(&doc, "Slider", Some("phase"));
        let mut times = Vec::with_capacity(ROUND_TRIPS);
        for i in 0..ROUND_TRIPS {
            let message = set(&slider, (i % 100) as f64 * 0.01);
            let started = Instant::now();
            client.send(&message).await;
            let (_, reply) = client.until_reply(&message.msgid).await;
            assert_eq!(reply.body, Body::Ok);
            times.push(started.elapsed());
        }
        times.sort();
        let pct = |p: f64| {
            times[((times.len() as f64 * p) as usize).min(times.len() - 1)].as_secs_f64() * 1e3
        };
        (pct(0.5), pct(0.99))
    }

    async fn round_trips(alone: &Server, servers: &[Server; 3]) {
        println!("\n== one change's round trip (send → OK, one in flight, {ROUND_TRIPS} each)");
        let (a50, a99) = round_trip(alone, &new_session_id()).await;
        println!("server alone:               p50 {a50:.3} ms, p99 {a99:.3} ms");
        let id = new_session_id();
        // The first server to see a session owns it.
        let mut owner = Client::join(&servers[0], &id, "").await;
        owner.pull().await;
        let (o50, o99) = round_trip(&servers[0], &id).await;
        println!(
            "with Redis, on the owner:   p50 {o50:.3} ms, p99 {o99:.3} ms (adds {:.3} ms, {:.3} ms)",
            o50 - a50,
            o99 - a99
        );
        let (f50, f99) = round_trip(&servers[1], &id).await;
        println!(
            "with Redis, on another:     p50 {f50:.3} ms, p99 {f99:.3} ms (adds {:.3} ms, {:.3} ms)",
            f50 - a50,
            f99 - a99
        );
    }

    async fn sessions_held(server: &Server, redis: &RedisServer) {
        let server = Arc::new(server);
        let rss = |s: &Server| (s.rss_mib().0 * 1024.0) as u64;
        let redis_bytes = || {
            redis
                .info("used_memory")
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0)
        };
        let (base, redis_base) = (rss(&server), redis_bytes());
        println!("\n== sessions held by one server with Redis on (each: websocket + ACK + PULL-DOC, then idle)");
        let mut held: Vec<Client> = Vec::new();
        let started = Instant::now();
        for target in SESSION_STEPS {
            let gate = Arc::new(Semaphore::new(32));
            let mut tasks = Vec::new();
            for _ in held.len()..target {
                let gate = gate.clone();
                let server: &Server = &server;
                tasks.push(async move {
                    let _permit = gate.acquire().await.unwrap();
                    let mut client = Client::join(server, &new_session_id(), "").await;
                    client.pull().await;
                    client
                });
            }
            held.extend(futures_util::future::join_all(tasks).await);
            tokio::time::sleep(Duration::from_millis(1_000)).await;
            let (now, redis_now) = (rss(&server), redis_bytes());
            println!(
                "{:>6} sessions: server RSS {:>7.1} MiB, {:>5.1} KiB per session; Redis {:>7.1} MiB, {:>5.1} KiB per session; {:.1} s so far",
                held.len(),
                now as f64 / 1024.0,
                now.saturating_sub(base) as f64 / held.len() as f64,
                redis_now as f64 / 1048576.0,
                redis_now.saturating_sub(redis_base) as f64 / 1024.0 / held.len() as f64,
                started.elapsed().as_secs_f64()
            );
        }
    }
}
