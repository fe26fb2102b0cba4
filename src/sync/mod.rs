//! Keeping a session's document in step between its peers, free of I/O and shared by both
//! ends: the page's websocket driver (`web`) and the server's sessions (`server`) feed it
//! messages and send what it returns.
//!
//! - [`wire`]: the document as Bokeh's messages carry it — PULL-DOC-REPLY, PATCH-DOC for
//!   one kind of peer (models it lacks defined in full, its own changes never echoed),
//!   and patches applied as the peer that sent them.
//! - [`client`]: the page's side of a session: pull, live, edits kept while offline (in
//!   their order), edits in flight resent after a reconnect, pulling again after an
//!   ERROR or a failed pull.

pub mod client;
pub mod wire;

pub use client::{Client, Status};
pub use wire::PeerKind;
