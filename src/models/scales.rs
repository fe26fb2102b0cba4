//! Scales: how data coordinates map to the screen.

models! {
    /// A linear map from data to screen coordinates.
    pub struct LinearScale("LinearScale") {}

    /// A logarithmic map: equal ratios take equal room.
    pub struct LogScale("LogScale") {}

    /// Factors (of a FactorRange) to their places along the axis.
    pub struct CategoricalScale("CategoricalScale") {}
}
