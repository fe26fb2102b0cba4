//! MercatorTicker: ticks of a web-mercator axis (metres, as tile maps use) at nice
//! longitudes or latitudes, as BokehJS's MercatorTicker places them: a BasicTicker's ticks
//! over the range in degrees, projected back. Its formatter (MercatorTickFormatter, in
//! `format`) writes a tick's degrees.

use crate::document::{AnyId, Value};

use super::super::read::Reader;
use super::super::RenderError;
use super::{Adaptive, Ticker, TickerView, Ticks};

/// The spherical ("GOOGLE") web-mercator radius, metres.
const RADIUS: f64 = 6_378_137.0;

/// Which coordinate an axis shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum LatLon {
    Lat,
    Lon,
}

impl LatLon {
    /// A model's `dimension` (`None`: unset, and the axis is ticked as a linear one).
    pub fn read(r: Reader<'_>, model: AnyId) -> Result<Option<LatLon>, RenderError> {
        Ok(match r.value(model, "dimension")? {
            Value::Str(d) if d == "lat" => Some(LatLon::Lat),
            Value::Str(d) if d == "lon" => Some(LatLon::Lon),
            _ => None,
        })
    }

    /// Metres to degrees.
    pub fn degrees(self, metres: f64) -> f64 {
        match self {
            LatLon::Lon => (metres / RADIUS).to_degrees(),
            LatLon::Lat => {
                (2.0 * (metres / RADIUS).exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees()
            }
        }
    }

    /// Degrees to metres.
    fn metres(self, degrees: f64) -> f64 {
        let r = degrees.to_radians();
        match self {
            LatLon::Lon => RADIUS * r,
            LatLon::Lat => RADIUS * (std::f64::consts::FRAC_PI_4 + r / 2.0).tan().ln(),
        }
    }

    /// The mercator extent BokehJS clips to, and the degrees a tick must lie within.
    fn bounds(self) -> ((f64, f64), (f64, f64)) {
        match self {
            LatLon::Lon => ((-20_026_376.39, 20_026_376.39), (-180.0, 180.0)),
            LatLon::Lat => ((-20_048_966.10, 20_048_966.10), (-85.06, 85.06)),
        }
    }
}

struct Mercator {
    basic: Adaptive,
    dimension: Option<LatLon>,
}

impl TickerView for Mercator {
    fn ticks(&self, low: f64, high: f64) -> Ticks {
        let Some(d) = self.dimension else {
            return self.basic.ticks(low, high);
        };
        let ((lo, hi), (min, max)) = d.bounds();
        let (low, high) = (low.max(lo), high.min(hi));
        let ticks = self.basic.ticks(d.degrees(low), d.degrees(high));
        let back = |ticks: Vec<f64>| -> Vec<f64> {
            ticks
                .into_iter()
                .filter(|t| min < *t && *t < max)
                .map(|t| d.metres(t))
                .collect()
        };
        Ticks {
            major: back(ticks.major),
            minor: back(ticks.minor),
        }
    }

    fn interval_limits(&self) -> (f64, f64) {
        Ticker::Adaptive(self.basic.clone()).interval_limits()
    }
}

/// A MercatorTicker model.
pub(crate) fn read(r: Reader<'_>, t: AnyId) -> Result<Ticker, RenderError> {
    Ok(Ticker::Viewed(Box::new(Mercator {
        basic: Adaptive::read(r, t)?,
        dimension: LatLon::read(r, t)?,
    })))
}
