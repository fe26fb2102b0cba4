//! rokeh: Bokeh-style interactive documents in Rust.
//!
//! App code builds a [`Document`] of Bokeh's models with an API that reads like Bokeh's;
//! the page runs it as WebAssembly, and the optional `rokeh serve` keeps sessions in sync
//! over Bokeh's own protocol, so Python's `bokeh.client` can join them. An app is a value
//! ([`App`]): a name and a function that builds a document. A binary hands its apps to
//! [`run`], which is the page in a browser and the `rokeh` command line natively; the app
//! never knows which of them runs it.
//!
//! ```no_run
//! use rokeh::models::Slider;
//! use rokeh::{App, Document};
//!
//! fn frequency(doc: &mut Document) {
//!     let freq = doc.add(Slider::new("frequency", 1.0, 0.1, 5.1, 0.1));
//!     doc.on_change(freq, Slider::VALUE, |doc, change| {
//!         doc.set_title(format!("frequency {}", change.new));
//!         Ok(())
//!     });
//!     doc.add_root(freq);
//! }
//!
//! fn main() {
//!     rokeh::run(vec![App::new("frequency", frequency)]);
//! }
//! ```
//!
//! # Layers
//!
//! Each layer uses only the ones listed before it:
//!
//! - [`core`]: values, typed arrays, kinds (Bokeh's property types as data), schemas,
//!   typed keys, [`model!`] and [`bokeh_enum!`], the registry of model types. It knows no
//!   model by name.
//! - [`document`]: the store of models, validated writes, recorded changes, callbacks,
//!   all-or-nothing batches, and Bokeh's document JSON ([`document::json`]). It knows
//!   models only through the registry it is given.
//! - [`models`]: one definition per model rokeh uses, over Bokeh's own schema of every
//!   model type (generated from Python Bokeh), and the standard registry that
//!   [`Document::new`] uses.
//! - [`plotting`]: `figure(...)` and its glyph methods, as `bokeh.plotting`; [`np`]:
//!   column math like numpy's; [`format`](mod@format): Bokeh's number, date and template
//!   formats.
//! - [`render`]: a figure drawn with plotters, on the page's canvas or a bitmap.
//! - [`protocol`]: Bokeh's wire messages, their framing and session tokens, with no I/O;
//!   [`sync`]: keeping a session's document in step, shared by page and server, no I/O
//!   either.
//! - `web` (wasm32): the page, Leptos components over its one document; `server`
//!   (native, the `server` feature): `rokeh serve`, one task per session owning that
//!   session's document. They meet only in the protocol. Beside them, `scaffold` (native,
//!   `server` too): `rokeh new`, a crate of one's own.
//!
//! # Features
//!
//! - `server` (off by default): the `rokeh` command line natively, `rokeh serve` (axum,
//!   tokio, redis) and `rokeh new`. A crate that only builds documents, draws them with
//!   [`render`] or builds the page compiles none of it.
//!
//! # How a change flows
//!
//! Whoever changes a document (app code, a callback, a user's edit in the page, a peer's
//! patch) calls the same methods: [`Document::set`], [`Document::stream`], … A change is
//! validated against the registry, written, recorded with its origin (here, or which
//! peer: [`document::Origin`]) and handed to the `on_change` callbacks, whose own changes
//! are recorded the same way; if anything fails, all of it is undone. Then:
//!
//! 1. The side that made the change takes what was recorded
//!    ([`Document::take_changes`]): the page redraws what the changes touch and, when
//!    served, sends them to the server as one PATCH-DOC.
//! 2. The server's session applies a patch as the peer that sent it
//!    ([`Document::acting_as`]), then sends what changed to every connection of the
//!    session as a PATCH-DOC of its own, encoded per kind of peer, never echoing a peer's
//!    own changes back to it; models a peer lacks travel in full.
//! 3. Each other page applies the patch as the server's and redraws, running no
//!    callbacks: those ran where the change was made, and what they changed came in the
//!    same patch.
//!
//! # Who runs callbacks
//!
//! A callback runs once, on the side that holds the app for that change:
//!
//! - a page runs them for its own user's edits and UI events: it builds the app's
//!   document itself (a served page then brings it to the session's state by model id),
//!   and tells the server so (`?client=rokeh`);
//! - the server runs them for clients that run no rokeh code (Python's `bokeh.client`),
//!   and runs the session's periodic callbacks;
//! - a page alone (a static build, no server) runs all of them, periodic ones included.
//!
//! The [`Actor`](document::Actor) a change is made as carries that choice:
//! [`Actor::LOCAL`](document::Actor::LOCAL) runs callbacks;
//! [`Actor::peer`](document::Actor::peer) runs them on behalf of a client that runs none
//! itself; [`Actor::mirror`](document::Actor::mirror) records the change of a peer that
//! ran them already (a rokeh page as the server sees it, the server as a page sees it).
//! Callbacks always act as local, so what they change goes to every peer, including the
//! one whose change ran them.

// Users write their own crates on rokeh: every public item says what it is for.
#![deny(missing_docs)]

pub mod app;
pub mod core;
pub mod document;
pub mod format;
pub mod interact;
pub mod models;
pub mod np;
pub mod plotting;
pub mod protocol;
pub mod render;
#[cfg(all(feature = "server", not(target_arch = "wasm32")))]
pub mod scaffold;
#[cfg(all(feature = "server", not(target_arch = "wasm32")))]
pub mod server;
pub mod sync;
pub mod views;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use app::{run, run_extended, run_with_views, App};
pub use document::{Document, SessionContext};
#[cfg(all(feature = "server", not(target_arch = "wasm32")))]
pub use server::auth::Auth;

// Used by `model!`, so user crates defining models need no dependency of their own.
#[doc(hidden)]
pub use paste::paste as __paste;

// The README's examples are compiled with the doctests, so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
