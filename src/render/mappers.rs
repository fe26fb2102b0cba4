//! Color and marker mappers as BokehJS applies them: LinearColorMapper and
//! LogColorMapper split low..high over the palette (low and high from the data when
//! unset), CategoricalColorMapper and CategoricalMarkerMapper look factors up.

use crate::core::Rgba;
use crate::document::{AnyId, Value};
use crate::models::{Factor, MarkerType};

use super::filters::view_rows;
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
        let domain = domain_values(r, mapper)?;
        let data = domain.as_deref().unwrap_or(data);
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

/// The values a continuous mapper's `domain` names (pairs of a GlyphRenderer and one or
/// more of its source's fields), as BokehJS scans them for an unset low or high, whatever
/// glyph maps through it (one mapper shared by several plots colours them alike): the
/// rows the renderer's view keeps, only the selected ones while its source has a
/// selection, nested columns flattened; `None` without a domain. (BokehJS also narrows
/// them to its `masked` rows, what a culling glyph drew: not here.)
fn domain_values(r: Reader<'_>, mapper: AnyId) -> Result<Option<Vec<f64>>, RenderError> {
    let domain = r.value_ref(mapper, "domain")?;
    let Some(pairs) = domain.as_list().filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let mut values = Vec::new();
    for pair in pairs {
        let Some([renderer, fields]) = pair.as_list() else {
            return Err(r.bad(mapper, "domain", "pairs of a renderer and its fields"));
        };
        let renderer = r.lookup(mapper, "domain", renderer)?;
        let Some(source) = r.reference(renderer, "data_source")? else {
            continue;
        };
        let len = r.rows_of(Some(source));
        let kept = view_rows(r, r.reference(renderer, "view")?, Some(source), len)?;
        let is_kept =
            |i: &usize| *i < len && kept.as_ref().is_none_or(|k| k.binary_search(i).is_ok());
        let selected: Vec<i64> = match r.reference(source, "selected")? {
            Some(selection) => r.get(selection, "indices")?,
            None => Vec::new(),
        };
        let rows: Vec<usize> = if selected.is_empty() {
            (0..len).filter(is_kept).collect()
        } else {
            selected
                .iter()
                .filter_map(|&i| usize::try_from(i).ok())
                .filter(is_kept)
                .collect()
        };
        let names: Vec<&str> = match fields {
            Value::List(names) => names.iter().filter_map(Value::as_str).collect(),
            name => name.as_str().into_iter().collect(),
        };
        // Each column looked up once, its rows read from it.
        for name in names {
            match r.doc.column(source, name) {
                Some(Value::Array(array)) => match array.as_f64() {
                    Some(numbers) => values.extend(rows.iter().filter_map(|&i| numbers.get(i))),
                    None => rows
                        .iter()
                        .filter_map(|&i| array.data.get(i))
                        .for_each(|v| push_numbers(&v, &mut values)),
                },
                Some(Value::List(items)) => rows
                    .iter()
                    .filter_map(|&i| items.get(i))
                    .for_each(|v| push_numbers(v, &mut values)),
                _ => {}
            }
        }
    }
    Ok(Some(values))
}

/// A cell's numbers: itself, or a nested column's items.
fn push_numbers(cell: &Value, out: &mut Vec<f64>) {
    match cell {
        Value::List(items) => items.iter().for_each(|v| push_numbers(v, out)),
        Value::Array(array) => match array.as_f64() {
            Some(numbers) => out.extend_from_slice(numbers),
            None => (0..array.len())
                .filter_map(|i| array.data.get(i))
                .for_each(|v| push_numbers(&v, out)),
        },
        v => out.push(v.as_f64().unwrap_or(f64::NAN)),
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
    fn a_domain_sets_low_and_high_from_its_renderers_rows_selected_ones_while_selected() {
        use crate::core::Color;
        use crate::document::Document;
        use crate::models::{ColumnDataSource, LinearColorMapper, Scatter, Selection};
        use crate::plotting::{figure, FigureArgs};

        let mut doc = Document::new();
        let plot = figure(&mut doc, FigureArgs::default());
        let a = doc.add(ColumnDataSource::new([("r", vec![0.0, 1.0, 2.0])]));
        let b = doc.add(ColumnDataSource::new([("r", vec![5.0, 10.0])]));
        let renderers = [a, b].map(|s| plot.scatter(&mut doc, s, Scatter::default()));
        let palette = ["#000000", "#010000", "#020000", "#030000"].map(Color::from);
        let mapper = doc.add(LinearColorMapper::new(palette.to_vec())).any();
        let index = |doc: &Document| {
            let colors = map_colors(Reader::new(doc, None, None), mapper, &[Value::Float(5.0)]);
            colors.unwrap()[0].unwrap().r
        };
        // Without a domain, low and high are the mapped values' own: 5 is the high end.
        assert_eq!(index(&doc), 3);
        let pair =
            |r: AnyId| Value::List(vec![Value::Ref(doc.model_id(r).clone()), Value::str("r")]);
        let domain = Value::List(renderers.iter().map(|r| pair(r.any())).collect());
        doc.set_attr(mapper, "domain", domain).unwrap();
        // Both renderers' rows: 0..10, 5 half way.
        assert_eq!(index(&doc), 2);
        // A's source selects its last row: 2..10.
        let selected = a.selected(&doc);
        doc.set(selected, Selection::INDICES, vec![2]).unwrap();
        assert_eq!(index(&doc), 1);
    }

    #[test]
    fn log_splits_ratios_evenly() {
        let s = scale(true, 1.0, 10_000.0);
        let idx = |v| s.color(v).r;
        assert_eq!([idx(1.0), idx(15.0), idx(150.0), idx(9000.0)], [0, 1, 2, 3]);
    }
}
