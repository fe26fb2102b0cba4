//! Scales: how data coordinates map to the screen.

models! {
    /// A linear map from data to screen coordinates.
    pub struct LinearScale("LinearScale") {}
}
