//! rokeh: Bokeh-style interactive documents in Rust.
//!
//! App code builds a [`Document`] of Bokeh's models with an API that reads like Bokeh's;
//! the page runs it as WebAssembly, and the optional `rokeh serve` keeps sessions in sync
//! over Bokeh's own protocol. An app is a value ([`App`]) that a binary hands to the page
//! or the server; it never knows which one runs it.
//!
//! Layers, imports pointing down only:
//! - [`core`]: values, kinds, schemas, typed keys, [`model!`], the registry of model types;
//! - [`document`]: the store of models, its events and callbacks, Bokeh's document JSON;
//! - [`models`]: one definition per Bokeh model, and the standard registry;
//! - [`format`]: Bokeh's number, date and template formats, as text;
//! - [`plotting`]: `figure(...)` and its glyph methods; [`np`]: column math like numpy's;
//! - [`protocol`]: Bokeh's wire messages; `sync`: the session sync both sides share;
//! - [`render`]: a figure drawn with plotters;
//! - `web` (wasm32): the page; `server` (native): `rokeh serve`; `scaffold` (native):
//!   `rokeh new`, a crate of one's own.

pub mod app;
pub mod core;
pub mod document;
pub mod format;
pub mod models;
pub mod np;
pub mod plotting;
pub mod protocol;
pub mod render;
#[cfg(not(target_arch = "wasm32"))]
pub mod scaffold;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use app::{run, App};
pub use document::Document;

// Used by `model!`, so user crates defining models need no dependency of their own.
#[doc(hidden)]
pub use paste::paste as __paste;

// The README's examples are compiled with the doctests, so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
