//! Bokeh's server demo apps (`examples/server/app/` in bokeh/bokeh), written in Rust on
//! rokeh: each a plain function that builds a document, as a user's own crate would
//! write it. The `rokeh` binary of this crate runs them.

mod apply_theme;
mod bench;
mod clustering;
pub mod compare;
mod contour_animated;
mod crossfilter;
mod dash;
mod data;
mod duffing_oscillator;
mod events_app;
mod export_csv;
mod expression;
mod fourier_animated;
mod gapminder;
mod hold_app;
mod image_blur;
mod line_on_off;
mod movies;
mod ohlc;
mod patch_app;
mod population;
mod selection_histogram;
mod server_auth;
mod sliders;
mod spectrogram;
mod stocks;
pub mod surface3d;
mod taylor;
mod ticker;
mod tools;
mod weather;
mod widgets;

pub use apply_theme::apply_theme;
pub use bench::{scatter, ten_glyphs, SCATTER_POINTS};
pub use clustering::clustering;
pub use contour_animated::contour_animated;
pub use crossfilter::{crossfilter, AUTOMPG_FILE};
pub use dash::{dash, DASH_FILES};
pub use duffing_oscillator::duffing_oscillator;
pub use events_app::events_app;
pub use export_csv::{export_csv, SALARY_FILE};
pub use fourier_animated::fourier_animated;
pub use gapminder::{gapminder, GAPMINDER_FILE};
pub use hold_app::hold_app;
pub use image_blur::image_blur;
pub use line_on_off::line_on_off;
pub use movies::{movies, MOVIES_FILE};
pub use ohlc::ohlc;
pub use patch_app::patch_app;
pub use population::{population, POPULATION_FILE};
pub use selection_histogram::selection_histogram;
pub use server_auth::server_auth;
#[cfg(not(target_arch = "wasm32"))]
pub use server_auth::ToyAuth;
pub use sliders::{sliders, sliders_with_points, SINE_POINTS};
pub use spectrogram::spectrogram;
pub use stocks::{stocks, STOCKS_FILE};
pub use surface3d::{surface3d, Surface3d, SURFACE3D};
pub use taylor::taylor;
pub use ticker::{ticker, TICK};
pub use tools::{grid_tools, tools, TOOL_POINTS};
pub use weather::{weather, WEATHER_FILE};
pub use widgets::{big_table, widgets, TABLE_ROWS};

use rokeh::{App, Document};

/// The most points `?N=` may ask for.
const MOST_POINTS: usize = 10_000_000;

/// Every app of the gallery. The sliders' and the scatter's number of points is their
/// session's `?N=` if it has one (the benchmarks draw millions; see [`points_argument`]).
/// An app's template, where Bokeh's example has one (`templates/index.html`), is in
/// `gallery/templates/`. Served, `server_auth` is behind [`ToyAuth`]'s login.
pub fn apps() -> Vec<App> {
    let mut apps = vec![
        App::new("sliders", sliders),
        App::new("movies", movies).with_files([MOVIES_FILE]),
        App::new("ohlc", ohlc),
        App::new("gapminder", gapminder)
            .with_files([GAPMINDER_FILE])
            .with_template(include_str!("../templates/gapminder.html")),
        App::new("stocks", stocks).with_files([STOCKS_FILE]),
        App::new("selection_histogram", selection_histogram),
        App::new("crossfilter", crossfilter)
            .with_files([AUTOMPG_FILE])
            .with_template(include_str!("../templates/crossfilter.html")),
        App::new("widgets", widgets),
        App::new("table", big_table),
        App::new("ticker", ticker),
        App::new("fourier_animated", fourier_animated),
        App::new("contour_animated", contour_animated),
        App::new("patch_app", patch_app),
        App::new("events_app", events_app),
        App::new("duffing_oscillator", duffing_oscillator),
        App::new("line_on_off", line_on_off),
        App::new("apply_theme", apply_theme),
        App::new("hold_app", hold_app),
        App::new("export_csv", export_csv)
            .with_files([SALARY_FILE])
            .with_template(include_str!("../templates/export_csv.html")),
        App::new("weather", weather).with_files([WEATHER_FILE]),
        App::new("taylor", taylor),
        App::new("population", population).with_files([POPULATION_FILE]),
        App::new("image_blur", image_blur),
        App::new("spectrogram", spectrogram),
        App::new("clustering", clustering),
        App::new("surface3d", surface3d),
        App::new("dash", dash)
            .with_files(DASH_FILES)
            .with_template(dash::template()),
        guarded(App::new("server_auth", server_auth)),
        App::new("scatter", |doc| {
            let n = points_argument(doc).unwrap_or(SCATTER_POINTS);
            scatter(doc, n)
        }),
        App::new("ten_glyphs", ten_glyphs),
        App::new("tools", tools),
        App::new("grid_tools", grid_tools),
    ];
    apps.extend(compare::apps());
    apps
}

/// The count the session's `?N=` gives, if it is one from 2 to 10,000,000; anything else
/// is left unread, so that a mistyped URL still shows the app.
pub fn points_argument(doc: &Document) -> Option<usize> {
    let n = doc.session_context().argument("N")?.trim().parse().ok()?;
    (2..=MOST_POINTS).contains(&n).then_some(n)
}

/// `server_auth` behind its toy login, where `rokeh serve` runs it.
fn guarded(app: App) -> App {
    #[cfg(not(target_arch = "wasm32"))]
    let app = app.with_auth(std::sync::Arc::new(ToyAuth));
    app
}
