//! Work that takes the CPU a while — reading a large message, a request's handling with
//! the app's callbacks — runs off the runtime's async workers, so one session's work never
//! stalls another's connections. Large messages also wait for one of a few permits (one
//! per core): at most that many are decoded at once, which bounds the memory they take.
//! Small work stays where it is: handing a worker's place to another thread costs more
//! than a slider's round trip.

use std::sync::OnceLock;
use std::time::Duration;

use tokio::runtime::{Handle, RuntimeFlavor};
use tokio::sync::Semaphore;
use tokio::time::Instant;

/// A message at least this large is heavy: read and handled off the workers, with a permit.
pub(crate) const HEAVY_BYTES: usize = 256 * 1024;

/// A request whose handling took longer than this makes its session slow for a while:
/// its next requests (their callbacks, most likely) run off the workers however small.
const SLOW_REQUEST: Duration = Duration::from_millis(5);
const SLOW_FOR: Duration = Duration::from_secs(2);

fn permits() -> &'static Semaphore {
    static PERMITS: OnceLock<Semaphore> = OnceLock::new();
    PERMITS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Semaphore::new(cores)
    })
}

/// Where a session's requests run, from how long its last ones took.
#[derive(Default)]
pub(crate) struct Pace {
    slow_until: Option<Instant>,
}

impl Pace {
    /// Runs one request of `bytes` (see [`off_the_workers`]), and learns how long it took.
    pub(crate) async fn run<R>(&mut self, bytes: usize, f: impl FnOnce() -> R) -> R {
        let started = Instant::now();
        let slow = self.slow_until.is_some_and(|t| started < t);
        let result = off_the_workers(bytes, slow, f).await;
        if started.elapsed() > SLOW_REQUEST {
            self.slow_until = Some(Instant::now() + SLOW_FOR);
        }
        result
    }
}

/// Runs `f` where it blocks no other task when it is heavy (`bytes` at least
/// [`HEAVY_BYTES`], then with a permit first) or `slow`: on a blocking thread of a
/// multi-threaded runtime, in place, so `f` may borrow. Otherwise, or on a single-threaded
/// runtime (a test serving in-process), it runs here.
pub(crate) async fn off_the_workers<R>(bytes: usize, slow: bool, f: impl FnOnce() -> R) -> R {
    let heavy = bytes >= HEAVY_BYTES;
    let multi_threaded =
        Handle::try_current().is_ok_and(|h| h.runtime_flavor() == RuntimeFlavor::MultiThread);
    if !(heavy || slow) || !multi_threaded {
        return f();
    }
    let _permit = if heavy {
        Some(
            permits()
                .acquire()
                .await
                .expect("the permits are never closed"),
        )
    } else {
        None
    };
    tokio::task::block_in_place(f)
}
