//! Tickers: where an axis puts its ticks.

models! {
    /// Ticks at "nice" numbers: a mantissa times a power of the base.
    pub struct BasicTicker("BasicTicker") {
        desired_num_ticks: i64 = 6,
        mantissas: Vec<f64> = vec![1.0, 2.0, 5.0],
        base: f64 = 10.0,
        num_minor_ticks: i64 = 5,
    }
}
