//! Ranges: the data interval an axis of a plot shows.

models! {
    /// A fixed range.
    pub struct Range1d("Range1d") {
        start: f64 = 0.0,
        end: f64 = 1.0,
    }

    /// A range that follows the data of the plot's renderers, with padding. Its `start`
    /// and `end` are null until set (Bokeh computes them in the browser).
    pub struct DataRange1d("DataRange1d") {
        start: Option<f64> = None,
        end: Option<f64> = None,
        range_padding: f64 = 0.1,
    }
}
