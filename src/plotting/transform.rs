//! Bokeh's `bokeh.transform` helpers: a field spec with a transform model (a color or
//! marker mapper, Dodge, Jitter) made and added to the document, `cumsum`'s running
//! total; `transform` and `expr` with a model made beforehand.

use crate::core::{AnyId, Color, ColorSpec, NumberSpec, Spec, Value};
use crate::document::Document;
use crate::models::{
    CategoricalColorMapper, CategoricalMarkerMapper, CumSum, Dodge, Factor, Jitter,
    LinearColorMapper, LogColorMapper, MarkerType,
};

/// `{"field": field, "transform": transform}`.
fn transformed<T>(doc: &Document, field: &str, transform: AnyId) -> Spec<T> {
    Spec::Other(Value::Object(vec![
        ("type".into(), Value::str("field")),
        ("field".into(), Value::str(field)),
        ("transform".into(), doc.reference(transform)),
    ]))
}

/// `transform(field, transform)`: column `field` through a transform model already in the
/// document (a `CustomJSTransform`, a mapper).
pub fn transform<T>(doc: &Document, field: &str, transform: impl Into<AnyId>) -> Spec<T> {
    transformed(doc, field, transform.into())
}

/// `expr(expression)`: values an expression model already in the document computes (a
/// `CustomJSExpr`, a `Stack`).
pub fn expr<T>(doc: &Document, expression: impl Into<AnyId>) -> Spec<T> {
    Spec::Other(Value::Object(vec![
        ("type".into(), Value::str("expr")),
        ("expr".into(), doc.reference(expression.into())),
    ]))
}

/// `cumsum(field, include_zero)`: column `field`'s running total (a new `CumSum`).
pub fn cumsum<T>(doc: &mut Document, field: &str, include_zero: bool) -> Spec<T> {
    let sum = doc.add(CumSum {
        field: field.into(),
        include_zero,
    });
    expr(doc, sum)
}

/// `linear_cmap(field, palette, low, high)`.
pub fn linear_cmap(
    doc: &mut Document,
    field: &str,
    palette: Vec<Color>,
    low: f64,
    high: f64,
) -> ColorSpec {
    let mapper = doc.add(LinearColorMapper {
        low: Some(low),
        high: Some(high),
        ..LinearColorMapper::new(palette)
    });
    transformed(doc, field, mapper.any())
}

/// `log_cmap(field, palette, low, high)`.
pub fn log_cmap(
    doc: &mut Document,
    field: &str,
    palette: Vec<Color>,
    low: f64,
    high: f64,
) -> ColorSpec {
    let mapper = doc.add(LogColorMapper {
        palette,
        low: Some(low),
        high: Some(high),
        low_color: None,
        high_color: None,
        nan_color: "gray".into(),
    });
    transformed(doc, field, mapper.any())
}

/// `factor_cmap(field, palette, factors)`.
pub fn factor_cmap(
    doc: &mut Document,
    field: &str,
    palette: Vec<Color>,
    factors: Vec<Factor>,
) -> ColorSpec {
    let mapper = doc.add(CategoricalColorMapper {
        factors,
        palette,
        start: 0,
        end: None,
        nan_color: "gray".into(),
    });
    transformed(doc, field, mapper.any())
}

/// `factor_mark(field, markers, factors)`.
pub fn factor_mark(
    doc: &mut Document,
    field: &str,
    markers: Vec<MarkerType>,
    factors: Vec<Factor>,
) -> Spec<MarkerType> {
    let mapper = doc.add(CategoricalMarkerMapper {
        factors,
        markers,
        start: 0,
        end: None,
        default_value: MarkerType::Circle,
    });
    transformed(doc, field, mapper.any())
}

/// `dodge(field, value, range)`: shifts by `value` (factor units on a categorical axis).
pub fn dodge(doc: &mut Document, field: &str, value: f64, range: Option<AnyId>) -> NumberSpec {
    let t = doc.add(Dodge { value, range });
    transformed(doc, field, t.any())
}

/// `jitter(field, width, range)`: uniform noise `width` wide.
pub fn jitter(doc: &mut Document, field: &str, width: f64, range: Option<AnyId>) -> NumberSpec {
    let t = doc.add(Jitter {
        width,
        range,
        ..Jitter::default()
    });
    transformed(doc, field, t.any())
}
