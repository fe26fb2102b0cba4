//! Bokeh's server demo apps (`examples/server/app/` in bokeh/bokeh), written in Rust on
//! rokeh: each a plain function that builds a document, as a user's own crate would
//! write it. The `rokeh` binary of this crate runs them.

mod sliders;
mod ticker;
mod widgets;

pub use sliders::{sliders, sliders_with_points, SINE_POINTS};
pub use ticker::{ticker, TICK};
pub use widgets::{big_table, widgets, TABLE_ROWS};

use rokeh::App;

/// Every app of the gallery; `points` overrides the sliders app's number of points (the
/// benchmarks draw a million).
pub fn apps(points: Option<usize>) -> Vec<App> {
    let points = points.unwrap_or(SINE_POINTS);
    vec![
        App::new("sliders", move |doc| sliders_with_points(doc, points)),
        App::new("widgets", widgets),
        App::new("table", big_table),
        App::new("ticker", ticker),
    ]
}
