//! Scales: how data coordinates map to the screen.

use crate::model;

model! {
    /// A linear map from data to screen coordinates.
    pub struct LinearScale("LinearScale") {}
}
