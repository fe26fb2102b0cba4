//! The `rokeh` binary: built for wasm32 (by Trunk) it is the gallery's page; built natively
//! it is the `rokeh` command line, whose `rokeh serve` serves every app of the gallery.

// A long-running server with sessions coming and going on every worker thread fragments
// glibc's heap: `make soak` grew by about 200 MiB an hour with it, flat with jemalloc
// preloaded. The page keeps wasm's own allocator.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // `?N=100000` draws more points in the page, for the benchmarks.
    #[cfg(target_arch = "wasm32")]
    let points = rokeh::web::query_count("N", 2, 10_000_000);
    #[cfg(not(target_arch = "wasm32"))]
    let points = None;
    rokeh::run(rokeh_gallery::apps(points));
}
