//! One binary: built for wasm32 (by Trunk) it is the page; built natively it is the
//! `rokeh` command line with `rokeh serve`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use rokeh::apps::{sliders_with_points, SINE_POINTS};
    // `?N=100000` draws more points, for the benchmarks.
    let n = rokeh::web::query_count("N", 2, 10_000_000).unwrap_or(SINE_POINTS);
    rokeh::web::mount(move |doc| sliders_with_points(doc, n));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    rokeh::server::main_cli();
}
