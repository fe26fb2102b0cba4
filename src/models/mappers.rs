//! Color and marker mappers: transforms from data to colors (or marker types), used by a
//! spec's `transform` (`linear_cmap`, `factor_cmap`, `factor_mark`) and by Image.

use crate::core::Color;

use super::enums::MarkerType;
use super::props::Factor;

models! {
    /// Numbers to colors: `low..high` split evenly over the palette.
    pub struct LinearColorMapper("LinearColorMapper") {
        palette: Vec<Color>,
        low: Option<f64> = None,
        high: Option<f64> = None,
        low_color: Option<Color> = None,
        high_color: Option<Color> = None,
        nan_color: Color = "gray",
    }

    /// Numbers to colors on a log scale between `low` and `high`.
    pub struct LogColorMapper("LogColorMapper") {
        palette: Vec<Color>,
        low: Option<f64> = None,
        high: Option<f64> = None,
        low_color: Option<Color> = None,
        high_color: Option<Color> = None,
        nan_color: Color = "gray",
    }

    /// Factors to colors: the i-th factor gets the i-th color.
    pub struct CategoricalColorMapper("CategoricalColorMapper") {
        factors: Vec<Factor>,
        palette: Vec<Color>,
        start: i64 = 0,
        end: Option<i64> = None,
        nan_color: Color = "gray",
    }

    /// Factors to marker types: the i-th factor gets the i-th marker.
    pub struct CategoricalMarkerMapper("CategoricalMarkerMapper") {
        factors: Vec<Factor>,
        markers: Vec<MarkerType>,
        start: i64 = 0,
        end: Option<i64> = None,
        default_value: MarkerType = MarkerType::Circle,
    }
}

impl LinearColorMapper {
    /// A mapper over `palette` whose low and high follow the data.
    pub fn new(palette: Vec<Color>) -> LinearColorMapper {
        LinearColorMapper {
            palette,
            low: None,
            high: None,
            low_color: None,
            high_color: None,
            nan_color: "gray".into(),
        }
    }
}
