//! Bokeh's "surface3d" demo: a 3-D surface, z = sin(x/50 + t/10)·cos(y/50 + t/10)·50 + 50
//! over a 15 × 15 grid, its data replaced every 100 ms so that the surface waves. Bokeh's
//! is its example of a custom extension: a Python model (`Surface3d(LayoutDOM)`, its
//! `__implementation__` TypeScript wrapping vis.js' Graph3d). This one is rokeh's: the
//! model is this crate's own [`model!`](rokeh::model) type and its view
//! (`view.rs`, [`SURFACE3D`]) draws the surface on a canvas with this module's maths
//! (`graph.rs`), as Graph3d's 'surface' style draws it; drag to turn it, wheel to zoom.

pub mod graph;
#[cfg(target_arch = "wasm32")]
mod view;

use std::time::Duration;

use rokeh::core::{ColumnData, Dict, Id, NdArray, Value};
use rokeh::document::{Document, DocumentError};
use rokeh::models::ColumnDataSource;
use rokeh::views::View;

use graph::Camera;

rokeh::model! {
    /// A 3-D surface of a data source's points, as Bokeh's example's `Surface3d`: a
    /// LayoutDOM of its own, which Bokeh names "Surface3d" (an `__implementation__`
    /// extension's name is its class').
    pub struct Surface3d("Surface3d") {
        /// The source of the points.
        data_source: Option<Id<ColumnDataSource>> = None,
        /// The column of the points' x.
        x: String = "",
        /// The column of their y.
        y: String = "",
        /// The column of their heights.
        z: String = "",
        /// Graph3d's options: its size (`width`, `height`, as CSS lengths, where the
        /// model's own are not set) and its `cameraPosition` at the start.
        options: Dict<Value> = default_options(),
    }
    extends = "LayoutDOM";
}

/// The example's options, as its Python model's default.
fn default_options() -> Dict<Value> {
    let number = |(key, v): (&str, f64)| (key.to_owned(), Value::Float(v));
    let camera = [
        ("horizontal", Camera::EXAMPLE.horizontal),
        ("vertical", Camera::EXAMPLE.vertical),
        ("distance", Camera::EXAMPLE.distance),
    ];
    let text = |(key, v): (&str, &str)| (key.to_owned(), Value::str(v));
    let flag = |(key, v): (&str, bool)| (key.to_owned(), Value::Bool(v));
    let mut options: Vec<(String, Value)> = [
        ("width", "600px"),
        ("height", "600px"),
        ("style", "surface"),
    ]
    .map(text)
    .into();
    options.extend(
        [
            ("showPerspective", true),
            ("showGrid", true),
            ("keepAspectRatio", true),
        ]
        .map(flag),
    );
    options.push(number(("verticalRatio", 1.0)));
    options.push(text(("legendLabel", "stuff")));
    let camera = camera.map(|(k, v)| (Value::str(k), Value::Float(v)));
    options.push(("cameraPosition".to_owned(), Value::Map(camera.into())));
    Dict(options)
}

/// The page's view of [`Surface3d`]: hand it to `rokeh::run_extended`.
pub const SURFACE3D: View = rokeh::custom_view!(Surface3d => view::surface3d);

/// The grid's side: x and y from 0 to 280 by 20, as main.py's `np.arange(0, 300, 20)`.
const SIDE: usize = 15;

/// The grid's points, x and y (main.py's `meshgrid`, raveled: x varies fastest), as
/// integers as numpy's.
fn grid_points() -> (Vec<i32>, Vec<i32>) {
    let along = (0..SIDE as i32).map(|k| k * 20);
    along
        .clone()
        .flat_map(|y| along.clone().map(move |x| (x, y)))
        .unzip()
}

/// The heights at step `t` (main.py's `compute(t)`).
pub fn heights(t: f64, x: &[i32], y: &[i32]) -> Vec<f64> {
    let wave = |x: f64, y: f64| (x / 50.0 + t / 10.0).sin() * (y / 50.0 + t / 10.0).cos();
    let point = |(&x, &y): (&i32, &i32)| wave(f64::from(x), f64::from(y)) * 50.0 + 50.0;
    x.iter().zip(y).map(point).collect()
}

/// The source's data at step `t`: main.py's `compute(t)`.
fn compute(t: f64, x: &[i32], y: &[i32]) -> ColumnData {
    ColumnData::from([
        ("x", NdArray::from(x.to_vec()).into()),
        ("y", NdArray::from(y.to_vec()).into()),
        ("z", heights(t, x, y).into()),
    ])
}

/// The app: the surface, its points' heights recomputed every 100 ms one step on.
pub fn surface3d(doc: &mut Document) -> Result<(), DocumentError> {
    let (x, y) = grid_points();
    let source = doc.add(ColumnDataSource {
        data: compute(0.0, &x, &y),
    });
    let surface = doc.add(Surface3d {
        data_source: Some(source),
        x: "x".into(),
        y: "y".into(),
        z: "z".into(),
        ..Surface3d::default()
    });
    doc.add_root(surface);
    // Bokeh's `@count()`: the first call is step 0.
    let mut step = 0u32;
    doc.add_periodic_callback(Duration::from_millis(100), move |doc| {
        let data = compute(f64::from(step), &x, &y);
        step += 1;
        doc.set(source, ColumnDataSource::DATA, data)
    });
    doc.set_title("Surface3d");
    Ok(())
}
