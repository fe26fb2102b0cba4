//! The `rokeh` binary: built for wasm32 (by Trunk) it is the gallery's page; built natively
//! it is the `rokeh` command line, whose `rokeh serve` serves every app of the gallery.

// See gallery/Cargo.toml: glibc's allocator fragments under session churn.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    // Every view of rokeh's, and surface3d's of its own model type.
    rokeh::run_extended(&[rokeh_gallery::SURFACE3D], rokeh_gallery::apps());
}
