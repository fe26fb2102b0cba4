//! One binary: built for wasm32 (by Trunk) it is the page; built natively it is the
//! `rokeh` command line with `rokeh serve`.

#[cfg(target_arch = "wasm32")]
fn main() {
    rokeh::web::mount(rokeh::apps::sliders);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    rokeh::server::main_cli();
}
