//! Color and marker mappers as BokehJS applies them: LinearColorMapper and
//! LogColorMapper split low..high over the palette (low and high from the data when
//! unset), CategoricalColorMapper and CategoricalMarkerMapper look factors up.

use crate::core::Rgba;
use crate::document::{AnyId, Value};
use crate::models::{Factor, MarkerType};

use super::read::{parse_color, Reader};
use super::RenderError;

/// A continuous color mapper, its low and high resolved.
#[derive(Clone, Debug)]
pub(crate) struct ColorScale {
    pub log: bool,
    pub low: f64,
    pub high: f64,
    pub palette: Vec<Rgba>,
    pub low_color: Rgba,
    pub high_color: Rgba,
    pub nan_color: Rgba,
}

impl ColorScale {
    /// Reads a Linear or Log color mapper; unset low and high come from `data`.
    pub fn read(r: Reader<'_>, mapper: AnyId, data: &[f64]) -> Result<ColorScale, RenderError> {
        let log = match r.type_name(mapper) {
            "LinearColorMapper" => false,
            "LogColorMapper" => true,
            other => {
                return Err(RenderError::Model(format!(
                    "{other} is not a continuous color mapper rokeh knows"
                )))
            }
        };
        let palette = palette(r, mapper)?;
        let finite = data.iter().copied().filter(|v| v.is_finite());
        let min = finite.clone().fold(f64::INFINITY, f64::min);
        let max = finite.fold(f64::NEG_INFINITY, f64::max);
        let low = r.get::<Option<f64>>(mapper, "low")?.unwrap_or(min);
        let high = r.get::<Option<f64>>(mapper, "high")?.unwrap_or(max);
        let first = palette.first().copied().unwrap_or(Rgba::WHITE);
        let last = palette.last().copied().unwrap_or(Rgba::WHITE);
        Ok(ColorScale {
            log,
            low,
            high,
            low_color: r.color(mapper, "low_color", None)?.unwrap_or(first),
            high_color: r.color(mapper, "high_color", None)?.unwrap_or(last),
            nan_color: r.color(mapper, "nan_color", None)?.unwrap_or(Rgba::WHITE),
            palette,
        })
    }

    /// The palette index of `value`: -1 below low, `len` above high.
    fn index(&self, value: f64) -> i64 {
        let n = self.palette.len() as i64;
        if value == self.high {
            return n - 1;
        }
        if self.log {
            let reversed = self.high < self.low;
            if (!reversed && value > self.high) || (reversed && value < self.high) {
                return n;
            }
            if (!reversed && value < self.low) || (reversed && value > self.low) {
                return -1;
            }
            let scale = n as f64 / (self.high / self.low).ln();
            ((value / self.low).ln() * scale).floor().abs() as i64
        } else {
            let norm = (value - self.low) / (self.high - self.low);
            let index = (norm * n as f64).floor();
            if index.is_nan() {
                return 0;
            }
            (index as i64).clamp(-1, n)
        }
    }

    pub fn color(&self, value: f64) -> Rgba {
        if value.is_nan() || self.palette.is_empty() {
            return self.nan_color;
        }
        let i = self.index(value);
        if i < 0 {
            self.low_color
        } else if i as usize >= self.palette.len() {
            self.high_color
        } else {
            self.palette[i as usize]
        }
    }
}

fn palette(r: Reader<'_>, mapper: AnyId) -> Result<Vec<Rgba>, RenderError> {
    let value = r.value(mapper, "palette")?;
    let items = value
        .as_list()
        .ok_or_else(|| r.bad(mapper, "palette", "a list of colors"))?;
    items
        .iter()
        .map(|c| parse_color(c).ok_or_else(|| r.bad(mapper, "palette", "a list of colors")))
        .collect()
}

/// A factor as a data value names it: a string or a list of strings.
fn factor_of(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Str(s) => Some(vec![s.clone()]),
        Value::List(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => None,
    }
}

/// The index of each value among `factors` (Bokeh's `cat_v_compute`), after slicing a
/// nested factor to `start..end`.
fn factor_indices(
    r: Reader<'_>,
    mapper: AnyId,
    values: &[Value],
) -> Result<Vec<Option<usize>>, RenderError> {
    let factors: Vec<Factor> = r.get(mapper, "factors")?;
    let start = r.number(mapper, "start")?.max(0.0) as usize;
    let end = r.get::<Option<f64>>(mapper, "end")?.map(|e| e as usize);
    Ok(values
        .iter()
        .map(|v| {
            let levels = factor_of(v)?;
            let levels = if levels.len() > 1 {
                let stop = end.unwrap_or(levels.len()).min(levels.len());
                levels.get(start.min(stop)..stop)?.to_vec()
            } else {
                levels
            };
            factors.iter().position(|f| f.0 == levels)
        })
        .collect())
}

/// Each value's color under `mapper`.
pub(crate) fn map_colors(
    r: Reader<'_>,
    mapper: AnyId,
    values: &[Value],
) -> Result<Vec<Option<Rgba>>, RenderError> {
    match r.type_name(mapper) {
        "CategoricalColorMapper" => {
            let palette = palette(r, mapper)?;
            let nan = r.color(mapper, "nan_color", None)?;
            Ok(factor_indices(r, mapper, values)?
                .into_iter()
                .map(|i| i.and_then(|i| palette.get(i).copied()).or(nan))
                .collect())
        }
        _ => {
            let numbers: Vec<f64> = values
                .iter()
                .map(|v| v.as_f64().unwrap_or(f64::NAN))
                .collect();
            let scale = ColorScale::read(r, mapper, &numbers)?;
            Ok(numbers.iter().map(|&v| Some(scale.color(v))).collect())
        }
    }
}

/// Each value's marker name under a CategoricalMarkerMapper.
pub(crate) fn map_markers(
    r: Reader<'_>,
    mapper: AnyId,
    values: &[Value],
) -> Result<Vec<Value>, RenderError> {
    if r.type_name(mapper) != "CategoricalMarkerMapper" {
        return Err(RenderError::Model(format!(
            "{} does not map to markers",
            r.type_name(mapper)
        )));
    }
    let markers: Vec<MarkerType> = r.get(mapper, "markers")?;
    let default: MarkerType = r.get(mapper, "default_value")?;
    Ok(factor_indices(r, mapper, values)?
        .into_iter()
        .map(|i| {
            let m = i.and_then(|i| markers.get(i).copied()).unwrap_or(default);
            Value::str(m.name())
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(log: bool, low: f64, high: f64) -> ColorScale {
        ColorScale {
            log,
            low,
            high,
            palette: (0..4).map(|i| Rgba::rgb(i, 0, 0)).collect(),
            low_color: Rgba::rgb(0, 0, 255),
            high_color: Rgba::rgb(0, 255, 0),
            nan_color: Rgba::rgb(9, 9, 9),
        }
    }

    #[test]
    fn linear_splits_low_to_high_evenly() {
        let s = scale(false, 0.0, 4.0);
        let idx = |v| s.color(v).r;
        assert_eq!(
            [idx(0.0), idx(0.99), idx(1.0), idx(3.5), idx(4.0)],
            [0, 0, 1, 3, 3]
        );
        assert_eq!(s.color(-1.0), Rgba::rgb(0, 0, 255));
        assert_eq!(s.color(5.0), Rgba::rgb(0, 255, 0));
        assert_eq!(s.color(f64::NAN), Rgba::rgb(9, 9, 9));
    }

    #[test]
    fn log_splits_ratios_evenly() {
        let s = scale(true, 1.0, 10_000.0);
        let idx = |v| s.color(v).r;
        assert_eq!([idx(1.0), idx(15.0), idx(150.0), idx(9000.0)], [0, 1, 2, 3]);
    }
}
