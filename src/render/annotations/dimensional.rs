//! Units of measurement, as Bokeh's `Dimensional` models give them to a scale bar: a
//! basis of named units with their factors (the metric prefixes of a base unit, their
//! reciprocals, or a custom basis such as `ImperialLength`'s), and the "nice" values a
//! length is rounded up to.

use crate::document::{AnyId, Value};
use crate::render::read::Reader;
use crate::render::RenderError;

/// The prefixes of a metric unit and their factors (BokehJS's `Metric._metric_basis`).
const METRIC_PREFIXES: [(&str, f64); 24] = [
    ("Q", 1e30),
    ("R", 1e27),
    ("Y", 1e24),
    ("Z", 1e21),
    ("E", 1e18),
    ("P", 1e15),
    ("T", 1e12),
    ("G", 1e9),
    ("M", 1e6),
    ("k", 1e3),
    ("h", 1e2),
    ("", 1e0),
    ("d", 1e-1),
    ("c", 1e-2),
    ("m", 1e-3),
    ("µ", 1e-6),
    ("n", 1e-9),
    ("p", 1e-12),
    ("f", 1e-15),
    ("a", 1e-18),
    ("z", 1e-21),
    ("y", 1e-24),
    ("r", 1e-27),
    ("q", 1e-30),
];

/// `Metric`'s nice values.
const METRIC_TICKS: [f64; 16] = [
    1.0, 2.0, 5.0, 10.0, 15.0, 20.0, 25.0, 50.0, 75.0, 100.0, 125.0, 150.0, 200.0, 250.0, 500.0,
    750.0,
];

/// A unit of a basis: its name and how many base units it is.
struct Unit {
    name: String,
    factor: f64,
}

/// A `Dimensional` model, read.
pub(crate) struct Dimensional {
    /// The units it may write a length in, smallest first.
    basis: Vec<Unit>,
    /// The nice values a length is rounded up to, ascending.
    ticks: Vec<f64>,
}

/// A length as a scale bar writes it.
pub(crate) struct Written {
    /// The number written.
    pub value: f64,
    /// The unit written after it.
    pub unit: String,
    /// How many times the length asked for the written one is.
    pub scale: f64,
    /// Whether the value is the length as it is (else a nice value).
    pub exact: bool,
}

impl Dimensional {
    /// The model `dimensional` names; none is Bokeh's default, a new `MetricLength`.
    pub fn read(r: Reader<'_>, dimensional: Option<AnyId>) -> Result<Dimensional, RenderError> {
        let Some(d) = dimensional else {
            return Ok(Dimensional::new(
                metric_basis("m", false),
                None,
                &["dm".into(), "hm".into()],
                METRIC_TICKS.to_vec(),
            ));
        };
        let basis = if r.is_a(d, "Metric") {
            metric_basis(&r.string(d, "base_unit")?, r.is_a(d, "ReciprocalMetric"))
        } else if r.is_a(d, "CustomDimensional") {
            custom_basis(&r.value(d, "basis")?)
                .ok_or_else(|| r.bad(d, "basis", "a map of units to (factor, name[, long name])"))?
        } else {
            return Err(r.bad(d, "type", "a Metric or CustomDimensional"));
        };
        let include: Option<Vec<String>> = r.get(d, "include")?;
        let exclude: Vec<String> = r.get(d, "exclude")?;
        Ok(Dimensional::new(
            basis,
            include.as_deref(),
            &exclude,
            r.get(d, "ticks")?,
        ))
    }

    fn new(
        basis: Vec<Unit>,
        include: Option<&[String]>,
        exclude: &[String],
        ticks: Vec<f64>,
    ) -> Dimensional {
        let mut basis: Vec<Unit> = basis
            .into_iter()
            .filter(|u| include.is_none_or(|names| names.contains(&u.name)))
            .filter(|u| !exclude.contains(&u.name))
            .collect();
        // Stable, as BokehJS's `sort_by`: units of one factor keep their order.
        basis.sort_by(|a, b| a.factor.total_cmp(&b.factor));
        Dimensional { basis, ticks }
    }

    /// Whether `unit` is one of its units.
    pub fn knows(&self, unit: &str) -> bool {
        self.basis.iter().any(|u| u.name == unit)
    }

    /// `value` `unit`s in the largest unit not larger than it, rounded up to the next nice
    /// value above it unless `exact` (BokehJS's `Dimensional.compute`). `None` for a unit
    /// it does not know.
    pub fn compute(&self, value: f64, unit: &str, exact: bool) -> Option<Written> {
        let found = self.basis.iter().find(|u| u.name == unit)?;
        let in_unit = value * found.factor;
        let fits = self.basis.partition_point(|u| u.factor <= in_unit);
        let (unit, new_value) = match fits.checked_sub(1).map(|k| &self.basis[k]) {
            Some(u) => (u.name.clone(), in_unit / u.factor),
            None => (unit.to_owned(), in_unit),
        };
        // Without nice values a length is kept exact (BokehJS would index an empty list).
        let exact = exact || self.ticks.is_empty();
        let preferred = if exact {
            new_value
        } else {
            let above = self.ticks.partition_point(|&t| t <= new_value);
            self.ticks[above.min(self.ticks.len() - 1)]
        };
        Some(Written {
            value: preferred,
            unit,
            scale: preferred / new_value,
            exact,
        })
    }
}

/// The prefixed units of `base` (their reciprocals, `km⁻1`, when `reciprocal`).
fn metric_basis(base: &str, reciprocal: bool) -> Vec<Unit> {
    METRIC_PREFIXES
        .iter()
        .map(|&(prefix, factor)| {
            if reciprocal {
                Unit {
                    name: format!("{prefix}{base}\u{207b}1"),
                    factor: 1.0 / factor,
                }
            } else {
                Unit {
                    name: format!("{prefix}{base}"),
                    factor,
                }
            }
        })
        .collect()
}

/// A `CustomDimensional`'s `basis`: a map of unit names to (factor, TeX name[, long name]).
fn custom_basis(basis: &Value) -> Option<Vec<Unit>> {
    let Value::Map(entries) = basis else {
        return None;
    };
    entries
        .iter()
        .map(|(name, def)| {
            Some(Unit {
                name: name.as_str()?.to_owned(),
                factor: def.as_list()?.first()?.as_f64()?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric_length() -> Dimensional {
        Dimensional::new(
            metric_basis("m", false),
            None,
            &["dm".into(), "hm".into()],
            METRIC_TICKS.to_vec(),
        )
    }

    #[test]
    fn a_length_is_written_in_the_unit_that_fits_and_rounded_up_to_a_nice_value() {
        let m = metric_length();
        // 2 km: the next nice value above 2 is 5.
        let w = m.compute(2000.0, "m", false).unwrap();
        assert_eq!((w.value, w.unit.as_str(), w.scale), (5.0, "km", 2.5));
        // 0.44 km is 440 m (no hectometres): 500 m.
        let w = m.compute(0.44, "km", false).unwrap();
        assert_eq!((w.value, w.unit.as_str()), (500.0, "m"));
        assert!((w.scale - 500.0 / 440.0).abs() < 1e-12);
        // Exact: as it is.
        let w = m.compute(4.36, "km", true).unwrap();
        assert_eq!(
            (w.value, w.unit.as_str(), w.scale, w.exact),
            (4.36, "km", 1.0, true)
        );
        // Beyond the last nice value: the last.
        let w = m.compute(900.0, "m", false).unwrap();
        assert_eq!((w.value, w.unit.as_str()), (750.0, "m"));
        assert!(m.compute(1.0, "ft", false).is_none());
    }

    #[test]
    fn reciprocal_and_custom_bases() {
        let per = Dimensional::new(metric_basis("m", true), None, &[], METRIC_TICKS.to_vec());
        assert!(per.knows("km\u{207b}1"));
        let feet = Value::Map(vec![
            (
                Value::str("ft"),
                Value::List(vec![Value::Int(1), Value::str("ft")]),
            ),
            (
                Value::str("mi"),
                Value::List(vec![Value::Int(5280), Value::str("mi"), Value::str("mile")]),
            ),
        ]);
        let imperial = Dimensional::new(custom_basis(&feet).unwrap(), None, &[], vec![1.0, 3.0]);
        let w = imperial.compute(7920.0, "ft", false).unwrap();
        assert_eq!((w.value, w.unit.as_str(), w.scale), (3.0, "mi", 2.0));
    }
}
