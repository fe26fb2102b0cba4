//! Apps built on rokeh: plain functions that build a document. They know nothing of the
//! page or the server, which both run them.

mod sliders;

pub use sliders::{sliders, sliders_with_points, SINE_POINTS};

use crate::document::Document;

/// An app: builds a fresh document for each page or session.
pub type App = fn(&mut Document);
