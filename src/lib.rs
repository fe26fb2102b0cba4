//! rokeh: Bokeh-style interactive documents in Rust.
//!
//! App code builds a [`document::Document`] of Bokeh's models with an API that reads like
//! Bokeh's; the page runs it as WebAssembly, and the optional `rokeh serve` keeps sessions
//! in sync over Bokeh's own protocol.
//!
//! Layers, imports pointing down: `apps` → `models` (schemas, builders) → `document`
//! (store, events, callbacks) → `protocol` (Bokeh wire messages) → `render` (plotters) →
//! `web` (wasm32 page) / `server` (native `rokeh serve`).

pub mod apps;
pub mod document;
pub mod models;
pub mod protocol;
pub mod render;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;
#[cfg(target_arch = "wasm32")]
pub mod web;
