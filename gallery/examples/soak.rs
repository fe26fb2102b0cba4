//! Soak test for `rokeh serve`, on loopback: starts the server binary of the same build
//! profile, then keeps 1,000 clients busy for `SOAK_MINUTES` minutes (default 10): each
//! changes a slider about once a second and waits for its answer; one in ten is a rokeh
//! page; every client leaves and joins a fresh session now and then, so sessions are
//! created and expire all along. The server's resident memory is sampled every second, and
//! the slope of a least-squares line through the samples after three minutes' warm-up
//! is printed (MiB per hour): a server that keeps nothing it should not is flat. Printed,
//! never asserted. Run: `make soak` (SOAK_MINUTES=1 make soak for a short one).

// The soak is native; built for wasm32 (as `cargo test --target wasm32…` builds examples)
// it is an empty program.
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

    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    use rokeh::protocol::{Body, Message, MsgId};
    use serde_json::json;
    use tokio::sync::Semaphore;
    use tokio::time::Instant;

    const CLIENTS: usize = 1_000;
    const CONNECT_CONCURRENCY: usize = 64;
    /// Each client changes a slider this often, give or take half.
    const PERIOD: Duration = Duration::from_millis(1000);
    /// A client leaves its session after this many changes, give or take half.
    const CHANGES_PER_SESSION: u64 = 60;
    /// Samples before this are the warm-up, left out of the slope: sessions live about a
    /// minute, so the population of live sessions (and the allocator's arenas under it)
    /// takes a few minutes to reach its steady state.
    const WARM_UP: Duration = Duration::from_secs(180);

    #[tokio::main]
    pub async fn main() {
        raise_open_file_limit();
        let minutes: f64 = std::env::var("SOAK_MINUTES")
            .ok()
            .and_then(|m| m.parse().ok())
            .unwrap_or(10.0);
        let run_for = Duration::from_secs_f64(minutes * 60.0);
        // Sessions nobody uses go after 5 s: the soak sees them come and go.
        let server = Arc::new(Server::start(&["--unused-session-lifetime", "5000"]));
        println!(
            "rokeh serve (pid {}) on 127.0.0.1:{}: {CLIENTS} clients for {minutes} min",
            server.pid(),
            server.port
        );
        let deadline = Instant::now() + run_for;
        let answered = Arc::new(AtomicU64::new(0));
        let failed = Arc::new(AtomicU64::new(0));
        let gate = Arc::new(Semaphore::new(CONNECT_CONCURRENCY));
        let mut clients = tokio::task::JoinSet::new();
        for i in 0..CLIENTS {
            let (server, answered, failed, gate) = (
                server.clone(),
                answered.clone(),
                failed.clone(),
                gate.clone(),
            );
            clients.spawn(async move {
                let query = if i % 10 == 0 { "?client=rokeh" } else { "" };
                while Instant::now() < deadline {
                    let permit = gate.acquire().await.unwrap();
                    let mut client = Client::join(&server, &new_session_id(), query).await;
                    let (_, doc) = client.pull().await;
                    drop(permit);
                    let slider = find_id(&doc, "Slider", Some("frequency"));
                    let changes =
                        CHANGES_PER_SESSION / 2 + rand::random_range(0..CHANGES_PER_SESSION);
                    for n in 0..changes {
                        let pause = PERIOD.mul_f64(rand::random_range(0.5..1.5));
                        tokio::time::sleep(pause).await;
                        if Instant::now() >= deadline {
                            return;
                        }
                        let value = 1.0 + (n % 40) as f64 * 0.1;
                        let event = json!({"kind": "ModelChanged", "model": {"id": slider},
                                           "attr": "value", "new": value});
                        let message = Message::new(
                            MsgId::next(),
                            Body::PatchDoc {
                                events: vec![event],
                            },
                        );
                        client.send(&message).await;
                        // The callback's consequences come first, then the OK.
                        let answer = loop {
                            match client.next(Duration::from_secs(10)).await {
                                Some(Ok(m)) if m.reqid.as_ref() == Some(&message.msgid) => {
                                    break Some(m.body);
                                }
                                Some(Ok(_)) => continue,
                                _ => break None,
                            }
                        };
                        if answer == Some(Body::Ok) {
                            answered.fetch_add(1, Ordering::Relaxed);
                        } else {
                            failed.fetch_add(1, Ordering::Relaxed);
                            break;
                        }
                    }
                }
            });
        }

        let started = Instant::now();
        let mut samples: Vec<(f64, f64)> = Vec::new();
        let mut ticks = tokio::time::interval(Duration::from_secs(1));
        while Instant::now() < deadline {
            ticks.tick().await;
            let t = started.elapsed().as_secs_f64();
            let (rss, _) = server.rss_mib();
            samples.push((t, rss));
            if samples.len().is_multiple_of(30) {
                // The server's index page counts the live sessions: a count that keeps
                // rising is sessions not retired, not the allocator.
                let (_, index) = tokio::task::block_in_place(|| http_get(&server.http("/")));
                let sessions = index
                    .split(" sessions)")
                    .next()
                    .and_then(|s| s.rsplit('(').next())
                    .unwrap_or("?")
                    .to_owned();
                println!(
                    "{:>5.0} s: RSS {rss:>6.1} MiB, {sessions} sessions, {} answered, {} failed",
                    t,
                    answered.load(Ordering::Relaxed),
                    failed.load(Ordering::Relaxed)
                );
            }
        }
        while clients.join_next().await.is_some() {}
        let (_, peak) = server.rss_mib();
        let steady: Vec<(f64, f64)> = samples
            .iter()
            .copied()
            .filter(|(t, _)| *t >= WARM_UP.as_secs_f64().min(run_for.as_secs_f64() / 2.0))
            .collect();
        let per_hour = slope(&steady) * 3600.0;
        let (first, last) = (
            steady.first().map_or(0.0, |s| s.1),
            steady.last().map_or(0.0, |s| s.1),
        );
        println!("\n== soak: {CLIENTS} clients, {minutes} min");
        println!(
            "{} changes answered ({:.0}/s), {} failed",
            answered.load(Ordering::Relaxed),
            answered.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64(),
            failed.load(Ordering::Relaxed)
        );
        println!(
            "RSS after warm-up: {first:.1} → {last:.1} MiB over {} samples (peak {peak:.1} MiB)",
            steady.len()
        );
        println!("RSS slope after warm-up: {per_hour:+.2} MiB per hour");
        // A curve still levelling off and a steady leak differ here: the later half's
        // slope falls towards zero for the first, and stays for the second.
        let later = &steady[steady.len() / 2..];
        println!(
            "RSS slope over the later half ({:.0} s on): {:+.2} MiB per hour",
            later.first().map_or(0.0, |s| s.0),
            slope(later) * 3600.0
        );
    }

    /// The slope of the least-squares line through `points`.
    fn slope(points: &[(f64, f64)]) -> f64 {
        let n = points.len() as f64;
        if n < 2.0 {
            return 0.0;
        }
        let (sx, sy) = points
            .iter()
            .fold((0.0, 0.0), |(sx, sy), (x, y)| (sx + x, sy + y));
        let (mx, my) = (sx / n, sy / n);
        let (num, den) = points.iter().fold((0.0, 0.0), |(num, den), (x, y)| {
            (num + (x - mx) * (y - my), den + (x - mx) * (x - mx))
        });
        if den == 0.0 {
            0.0
        } else {
            num / den
        }
    }
}
