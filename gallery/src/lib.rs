//! Bokeh's server demo apps (`examples/server/app/` in bokeh/bokeh), written in Rust on
//! rokeh: each a plain function that builds a document, as a user's own crate would
//! write it. The `rokeh` binary of this crate runs them.

mod bench;
pub mod compare;
mod sliders;
mod ticker;
mod tools;
mod widgets;

pub use bench::{scatter, ten_glyphs, SCATTER_POINTS};
pub use sliders::{sliders, sliders_with_points, SINE_POINTS};
pub use ticker::{ticker, TICK};
pub use tools::{tools, TOOL_POINTS};
pub use widgets::{big_table, widgets, TABLE_ROWS};

use rokeh::App;

/// Every app of the gallery; `points` overrides the sliders' and the scatter's number of
/// points (the benchmarks draw millions).
pub fn apps(points: Option<usize>) -> Vec<App> {
    let sine = points.unwrap_or(SINE_POINTS);
    let dots = points.unwrap_or(SCATTER_POINTS);
    let mut apps = vec![
        App::new("sliders", move |doc| sliders_with_points(doc, sine)),
        App::new("widgets", widgets),
        App::new("table", big_table),
        App::new("ticker", ticker),
        App::new("scatter", move |doc| scatter(doc, dots)),
        App::new("ten_glyphs", ten_glyphs),
        App::new("tools", tools),
    ];
    apps.extend(compare::apps());
    apps
}
