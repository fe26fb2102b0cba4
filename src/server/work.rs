//! Work that takes the CPU a while — reading a large message, a request's handling with
//! the app's callbacks — runs off the runtime's async workers, so one session's work never
//! stalls another's connections. Large messages also wait for one of a few permits (one
//! per core): at most that many are decoded at once, which bounds the memory they take.

use std::sync::OnceLock;

use tokio::runtime::{Handle, RuntimeFlavor};
use tokio::sync::Semaphore;

/// A message at least this large is heavy: it waits for a permit.
pub(crate) const HEAVY_BYTES: usize = 256 * 1024;

fn permits() -> &'static Semaphore {
    static PERMITS: OnceLock<Semaphore> = OnceLock::new();
    PERMITS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Semaphore::new(cores)
    })
}

/// Runs `f` where it blocks no other task: a blocking thread of a multi-threaded runtime
/// (in place, so `f` may borrow), with a permit first when `bytes` is heavy. On a
/// single-threaded runtime (a test serving in-process) it runs here.
pub(crate) async fn off_the_workers<R>(bytes: usize, f: impl FnOnce() -> R) -> R {
    let multi_threaded =
        Handle::try_current().is_ok_and(|h| h.runtime_flavor() == RuntimeFlavor::MultiThread);
    if !multi_threaded {
        return f();
    }
    let _permit = if bytes >= HEAVY_BYTES {
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
