//! Bokeh's data specs read row by row: a value for every row, or a column of the data
//! source (through the renderer's view), with a transform (mappers, Dodge, Jitter), an
//! expression (Stack, CumSum) or units. Numeric columns are borrowed, not copied, when
//! nothing needs changing.

use std::borrow::Cow;

use crate::core::{Elements, PropType, Rgba};
use crate::document::{AnyId, Value};

use super::mappers::{map_colors, map_markers};
use super::ranges::FactorMap;
use super::read::{array_colors, parse_color, Reader};
use super::scripted::{self, Script};
use super::transforms::transform_numbers;
use super::RenderError;

/// One value for every row, or one per row.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Uniform<T> {
    Scalar(T),
    Vector(Vec<T>),
}

impl<T: Clone> Uniform<T> {
    pub fn get(&self, i: usize) -> T {
        match self {
            Uniform::Scalar(v) => v.clone(),
            Uniform::Vector(vs) => vs.get(i).cloned().unwrap_or_else(|| vs[0].clone()),
        }
    }

    /// Whether some row has a value for which `f` holds.
    pub fn any(&self, f: impl Fn(&T) -> bool) -> bool {
        match self {
            Uniform::Scalar(v) => f(v),
            Uniform::Vector(vs) => vs.iter().any(f),
        }
    }
}

/// Numbers for every row: one, or a column (borrowed when it is stored as f64).
#[derive(Clone, Debug)]
pub(crate) enum Numbers<'d> {
    Scalar(f64),
    Vector(Cow<'d, [f64]>),
    /// A data source's f64 column as it is stored, so what it remembers (its bounds)
    /// serves every redraw until it changes.
    Stored(&'d Elements<f64>),
}

impl Numbers<'_> {
    #[inline]
    pub fn get(&self, i: usize) -> f64 {
        match self {
            Numbers::Scalar(v) => *v,
            Numbers::Vector(vs) => vs.get(i).copied().unwrap_or(f64::NAN),
            Numbers::Stored(vs) => vs.get(i).copied().unwrap_or(f64::NAN),
        }
    }

    /// The column, when there is one.
    pub fn as_slice(&self) -> Option<&[f64]> {
        match self {
            Numbers::Scalar(_) => None,
            Numbers::Vector(vs) => Some(vs),
            Numbers::Stored(vs) => Some(vs),
        }
    }

    /// The finite bounds of every row's number (`None` when there is no row or none is
    /// finite); a stored column's are remembered.
    pub fn finite_bounds(&self, len: usize) -> Option<(f64, f64)> {
        match self {
            Numbers::Scalar(v) if len > 0 && v.is_finite() => Some((*v, *v)),
            Numbers::Scalar(_) => None,
            Numbers::Vector(vs) => rokeh_np::scan::finite_bounds(vs),
            Numbers::Stored(vs) => vs.finite_bounds(),
        }
    }

    pub fn scaled(self, factor: f64) -> Numbers<'static> {
        match self.as_slice() {
            None => Numbers::Scalar(self.get(0) * factor),
            Some(vs) => Numbers::Vector(Cow::Owned(vs.iter().map(|v| v * factor).collect())),
        }
    }

    pub fn into_owned(self) -> Numbers<'static> {
        match self {
            Numbers::Scalar(v) => Numbers::Scalar(v),
            Numbers::Vector(vs) => Numbers::Vector(Cow::Owned(vs.into_owned())),
            Numbers::Stored(vs) => Numbers::Vector(Cow::Owned(vs.to_vec())),
        }
    }
}

/// Where a spec's values come from.
#[derive(Clone, Debug)]
pub(crate) enum Source {
    Value(Value),
    Field(String),
    Expr(AnyId),
    /// Coordinates a renderer places rather than its source holds (a graph's node and
    /// edge positions, from its layout provider), one per source row: an override
    /// `{"type": "placed", "value": column}`, never a document's value.
    Placed(Value),
}

/// A data spec as written: its source, transform and units.
#[derive(Clone, Debug)]
pub(crate) struct SpecParts {
    pub source: Source,
    pub transform: Option<AnyId>,
    pub units: Option<String>,
}

/// Units of a distance: data or screen (CSS pixels).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Units {
    Data,
    Screen,
}

/// A data source seen through a renderer's view: which of its rows are drawn.
#[derive(Clone, Debug)]
pub(crate) struct Rows {
    pub source: Option<AnyId>,
    /// The source's rows drawn, in order; `None`: all of them.
    pub indices: Option<Vec<usize>>,
    /// How many rows are drawn.
    pub len: usize,
}

impl Rows {
    /// The source row of drawn row `i`.
    pub fn source_row(&self, i: usize) -> usize {
        self.indices.as_ref().map_or(i, |ix| ix[i])
    }
}

/// Properties read in place of a model's own: the faded "auto" glyphs of selection and
/// muting, the coordinates a graph places.
pub(crate) type Overrides<'a> = &'a [(&'static str, Value)];

/// Reads the specs of one model (a glyph, an annotation) over some rows, with property
/// overrides (the faded "auto" glyphs of selection and muting).
#[derive(Clone, Copy)]
pub(crate) struct Specs<'a, 'd> {
    pub r: Reader<'d>,
    pub model: AnyId,
    pub rows: &'a Rows,
    pub overrides: Overrides<'a>,
}

impl<'a, 'd> Specs<'a, 'd> {
    /// The property's value as the model holds it (or as `overrides` replace it).
    pub fn raw(&self, attr: &str) -> Result<Cow<'a, Value>, RenderError>
    where
        'd: 'a,
    {
        if let Some((_, v)) = self.overrides.iter().find(|(name, _)| *name == attr) {
            return Ok(Cow::Borrowed(v));
        }
        self.r.value_ref(self.model, attr)
    }

    pub fn parts(&self, attr: &str) -> Result<SpecParts, RenderError> {
        let v = self.raw(attr)?;
        let bad = || {
            self.r
                .bad(self.model, attr, "a field, value or expression spec")
        };
        let parts = match v.object_type() {
            Some(kind @ ("field" | "value" | "expr" | "placed")) => {
                let source = match kind {
                    "placed" => Source::Placed(v.object_field("value").cloned().ok_or_else(bad)?),
                    "field" => Source::Field(
                        v.object_field("field")
                            .and_then(Value::as_str)
                            .ok_or_else(bad)?
                            .to_owned(),
                    ),
                    "value" => Source::Value(v.object_field("value").cloned().ok_or_else(bad)?),
                    _ => Source::Expr(self.r.lookup(
                        self.model,
                        attr,
                        v.object_field("expr").ok_or_else(bad)?,
                    )?),
                };
                let transform = match v.object_field("transform") {
                    Some(t) => Some(self.r.lookup(self.model, attr, t)?),
                    None => None,
                };
                let units = v
                    .object_field("units")
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                SpecParts {
                    source,
                    transform,
                    units,
                }
            }
            _ => SpecParts {
                source: Source::Value(v.into_owned()),
                transform: None,
                units: None,
            },
        };
        Ok(parts)
    }

    /// The units a distance spec is in (data unless it says screen).
    pub fn units(&self, attr: &str) -> Result<Units, RenderError> {
        Ok(match self.parts(attr)?.units.as_deref() {
            Some("screen") => Units::Screen,
            _ => Units::Data,
        })
    }

    /// The raw column `name` of the rows drawn.
    pub fn column(&self, name: &str) -> Result<Column<'a, 'd>, RenderError> {
        let source = self.rows.source.ok_or_else(|| {
            self.r
                .bad(self.model, name, "readable without a data source")
        })?;
        let column = self
            .r
            .doc
            .column(source, name)
            .ok_or_else(|| RenderError::MissingColumn {
                source_id: self.r.doc.model_id(source).to_string(),
                column: name.to_owned(),
            })?;
        Ok(Column {
            value: column,
            indices: self.rows.indices.as_deref(),
            len: self.rows.len,
        })
    }

    /// A number spec's values (transforms and expressions applied).
    pub fn numbers(&self, attr: &str) -> Result<Numbers<'d>, RenderError> {
        self.coords(attr, None)
    }

    /// A coordinate spec's values: factors map through `factors` (a FactorRange's
    /// synthetic coordinates) when the axis is categorical.
    pub fn coords(
        &self,
        attr: &str,
        factors: Option<&FactorMap>,
    ) -> Result<Numbers<'d>, RenderError> {
        let parts = self.parts(attr)?;
        let numbers = match &parts.source {
            Source::Value(v) => Numbers::Scalar(
                scalar_coord(v, factors)
                    .ok_or_else(|| self.r.bad(self.model, attr, "a number or a factor"))?,
            ),
            Source::Field(name) => {
                let column = self.column(name)?;
                column.numbers(factors).ok_or_else(|| {
                    self.r
                        .bad(self.model, attr, &format!("a column of numbers ('{name}')"))
                })?
            }
            Source::Expr(expr) => Numbers::Vector(Cow::Owned(self.expression(*expr)?)),
            Source::Placed(Value::Array(column)) => Numbers::Vector(Cow::Owned(
                (0..self.rows.len)
                    .map(|i| {
                        column
                            .data
                            .get_f64(self.rows.source_row(i))
                            .unwrap_or(f64::NAN)
                    })
                    .collect(),
            )),
            Source::Placed(_) => return Err(self.r.bad(self.model, attr, "placed numbers")),
        };
        match parts.transform {
            Some(t) => transform_numbers(self.r, t, numbers, self.rows.len, factors),
            None => Ok(numbers),
        }
    }

    /// Whether `attr` reads a data source's f64 column as it is (no transform, every row)
    /// that ascends, as the column remembers it between redraws; `None` when it reads
    /// anything else.
    pub fn ascending(&self, attr: &str) -> Option<bool> {
        let parts = self.parts(attr).ok()?;
        let Source::Field(name) = &parts.source else {
            return None;
        };
        if parts.transform.is_some() || self.rows.indices.is_some() {
            return None;
        }
        match self.column(name).ok()?.value {
            Value::Array(a) => a.ascending(),
            _ => None,
        }
    }

    /// Stack (the sum of columns) and CumSum (a running sum), per row.
    #[inline(never)]
    fn expression(&self, expr: AnyId) -> Result<Vec<f64>, RenderError> {
        match self.r.type_name(expr) {
            "Stack" => {
                let fields: Vec<String> = self.r.get(expr, "fields")?;
                let mut sum = vec![0.0; self.rows.len];
                for f in fields {
                    let col = self
                        .column(&f)?
                        .numbers(None)
                        .ok_or_else(|| self.r.bad(expr, "fields", "names of numeric columns"))?;
                    for (i, s) in sum.iter_mut().enumerate() {
                        *s += col.get(i);
                    }
                }
                Ok(sum)
            }
            "CumSum" => {
                let field: String = self.r.get(expr, "field")?;
                let zero: bool = self.r.get(expr, "include_zero")?;
                let col = self
                    .column(&field)?
                    .numbers(None)
                    .ok_or_else(|| self.r.bad(expr, "field", "a numeric column"))?;
                let mut total = 0.0;
                Ok((0..self.rows.len)
                    .map(|i| {
                        let before = total;
                        total += col.get(i);
                        if zero {
                            before
                        } else {
                            total
                        }
                    })
                    .collect())
            }
            // A PolarTransform's x or y: (radius, angle) to x and y, as BokehJS computes
            // them (angles as an AngleSpec reads them, turned for "anticlock").
            kind @ ("XComponent" | "YComponent") => {
                let transform = self.r.reference(expr, "transform")?;
                let Some(polar) = transform.filter(|t| self.r.type_name(*t) == "PolarTransform")
                else {
                    return Err(self.r.bad(expr, "transform", "a PolarTransform"));
                };
                let polar = Specs {
                    r: self.r,
                    model: polar,
                    rows: self.rows,
                    overrides: &[],
                };
                let radius = polar.numbers("radius")?;
                let angle = polar.angles("angle")?;
                let turn = match self.r.string(polar.model, "direction")?.as_str() {
                    "anticlock" => -1.0,
                    _ => 1.0,
                };
                let x = kind == "XComponent";
                Ok((0..self.rows.len)
                    .map(|i| {
                        let (r, a) = (radius.get(i), angle.get(i) * turn);
                        if x {
                            r * a.cos()
                        } else {
                            r * a.sin()
                        }
                    })
                    .collect())
            }
            "CustomJSExpr" => {
                let Some(Script::Expr(run)) = scripted::find("CustomJSExpr") else {
                    let why = scripted::not_run("CustomJSExpr", "CUSTOM_JS_EXPR");
                    return Err(RenderError::Model(why));
                };
                let values = run(self.r, expr, self.rows.source).map_err(|e| {
                    let id = self.r.doc.model_id(expr);
                    RenderError::Model(format!("CustomJSExpr {id}: {e}"))
                })?;
                // Computed for the whole source, as BokehJS does; the view's rows drawn.
                Ok((0..self.rows.len)
                    .map(|i| {
                        let row = self.rows.source_row(i);
                        values.get(row).copied().unwrap_or(f64::NAN)
                    })
                    .collect())
            }
            other => Err(RenderError::Model(format!(
                "expression {other} is not one rokeh evaluates (Stack, CumSum, a \
                 PolarTransform's XComponent and YComponent, CustomJSExpr)"
            ))),
        }
    }

    /// An angle spec in canvas radians (clockwise on screen, as BokehJS materializes
    /// Bokeh's counter-clockwise angles), its units ("rad", "deg", "grad", "turn")
    /// applied.
    pub fn angles(&self, attr: &str) -> Result<Numbers<'static>, RenderError> {
        let coeff = radians_per(self.parts(attr)?.units.as_deref());
        Ok(self.numbers(attr)?.scaled(-coeff))
    }

    /// A color spec's colors with an alpha spec applied (`None`: not drawn).
    pub fn colors(
        &self,
        attr: &str,
        alpha_attr: Option<&str>,
    ) -> Result<Uniform<Option<Rgba>>, RenderError> {
        let parts = self.parts(attr)?;
        let colors = match (&parts.source, parts.transform) {
            (Source::Value(v), None) => Uniform::Scalar(match v {
                Value::Null => None,
                v => Some(parse_color(v).ok_or_else(|| self.r.bad(self.model, attr, "a color"))?),
            }),
            (source, transform) => self.row_colors(attr, source, transform)?,
        };
        let alpha = match alpha_attr {
            Some(a) => self.numbers(a)?,
            None => Numbers::Scalar(1.0),
        };
        Ok(match (colors, alpha) {
            (Uniform::Scalar(c), Numbers::Scalar(a)) => Uniform::Scalar(c.map(|c| c.with_alpha(a))),
            (colors, alpha) => self.with_row_alphas(&colors, &alpha),
        })
    }

    /// [`Specs::colors`] of a column or a color mapper: one per row (out of line, as
    /// the arms of every spec read that a constant does not take; see `render`).
    #[inline(never)]
    fn row_colors(
        &self,
        attr: &str,
        source: &Source,
        transform: Option<AnyId>,
    ) -> Result<Uniform<Option<Rgba>>, RenderError> {
        Ok(match (source, transform) {
            (Source::Field(name), None) => {
                let col = self.column(name)?;
                Uniform::Vector(col.array_colors().unwrap_or_else(|| {
                    col.map_values(|v| match v {
                        Value::Null => None,
                        v => parse_color(&v),
                    })
                }))
            }
            (source, Some(mapper)) => {
                let values = self.source_values(attr, source)?;
                Uniform::Vector(map_colors(self.r, mapper, &values)?)
            }
            (Source::Value(_) | Source::Expr(_) | Source::Placed(_), None) => {
                return Err(self.r.bad(self.model, attr, "a color (not an expression)"))
            }
        })
    }

    /// Each row's color with its row's alpha.
    #[inline(never)]
    fn with_row_alphas(
        &self,
        colors: &Uniform<Option<Rgba>>,
        alpha: &Numbers<'_>,
    ) -> Uniform<Option<Rgba>> {
        Uniform::Vector(
            (0..self.rows.len)
                .map(|i| colors.get(i).map(|c| c.with_alpha(alpha.get(i))))
                .collect(),
        )
    }

    /// The values of a spec's source, one per row, before any transform.
    fn source_values(&self, attr: &str, source: &Source) -> Result<Vec<Value>, RenderError> {
        Ok(match source {
            Source::Value(v) => vec![v.clone(); self.rows.len],
            Source::Field(name) => self.column(name)?.map_values(|v| v),
            Source::Expr(_) | Source::Placed(_) => {
                return Err(self.r.bad(self.model, attr, "a value or field"));
            }
        })
    }

    /// A spec of any value type (strings, enums such as markers), per row; a
    /// CategoricalMarkerMapper maps factors to markers.
    pub fn values<T: PropType + Clone>(&self, attr: &str) -> Result<Uniform<T>, RenderError> {
        let parts = self.parts(attr)?;
        match (&parts.source, parts.transform) {
            (Source::Value(v), None) => Ok(Uniform::Scalar(
                T::from_value(v, self.r.doc).ok_or_else(|| self.bad_value::<T>(attr))?,
            )),
            (source, transform) => self.row_values(attr, source, transform),
        }
    }

    /// A text spec's text per row, each value written as BokehJS writes it (`${value}`):
    /// numbers as JavaScript prints them, a list's items joined by commas; null is no
    /// text.
    pub fn texts(&self, attr: &str) -> Result<Uniform<Option<String>>, RenderError> {
        Ok(match self.values::<Value>(attr)? {
            Uniform::Scalar(v) => Uniform::Scalar(shown_text(&v)),
            Uniform::Vector(vs) => Uniform::Vector(vs.iter().map(shown_text).collect()),
        })
    }

    fn bad_value<T: PropType>(&self, attr: &str) -> RenderError {
        self.r.bad(self.model, attr, &T::KIND.describe())
    }

    /// [`Specs::values`] of a column or a mapper: one per row (out of line, see
    /// [`Specs::row_colors`]).
    #[inline(never)]
    fn row_values<T: PropType + Clone>(
        &self,
        attr: &str,
        source: &Source,
        transform: Option<AnyId>,
    ) -> Result<Uniform<T>, RenderError> {
        let convert = |v: &Value| T::from_value(v, self.r.doc);
        let bad = || self.bad_value::<T>(attr);
        match (source, transform) {
            (Source::Field(name), None) => {
                let col = self.column(name)?.map_values(|v| v);
                col.iter()
                    .map(|v| convert(v).ok_or_else(bad))
                    .collect::<Result<Vec<T>, _>>()
                    .map(Uniform::Vector)
            }
            (source, Some(mapper)) => {
                let values = self.source_values(attr, source)?;
                let mapped = map_markers(self.r, mapper, &values)?;
                mapped
                    .iter()
                    .map(|v| convert(v).ok_or_else(bad))
                    .collect::<Result<Vec<T>, _>>()
                    .map(Uniform::Vector)
            }
            (Source::Value(_) | Source::Expr(_) | Source::Placed(_), None) => Err(bad()),
        }
    }

    /// A spec whose rows each hold a list of coordinates (MultiLine's `xs`, Patches'):
    /// one list of numbers per row.
    pub fn lists(
        &self,
        attr: &str,
        factors: Option<&FactorMap>,
    ) -> Result<Vec<Vec<f64>>, RenderError> {
        let parts = self.parts(attr)?;
        let name = match &parts.source {
            Source::Field(name) => name,
            Source::Placed(Value::List(rows)) => {
                let row = |i: usize| rows.get(self.rows.source_row(i));
                return Ok((0..self.rows.len)
                    .map(|i| {
                        row(i)
                            .and_then(|r| list_coords(r, factors))
                            .unwrap_or_default()
                    })
                    .collect());
            }
            _ => return Err(self.r.bad(self.model, attr, "a field of lists")),
        };
        let col = self.column(name)?;
        let bad = || {
            self.r
                .bad(self.model, attr, &format!("a column of lists ('{name}')"))
        };
        col.map_values(|v| v)
            .iter()
            .map(|row| list_coords(row, factors).ok_or_else(bad))
            .collect()
    }

    /// MultiPolygons' `xs`: per row, polygons, each rings (exterior, then holes), each a
    /// list of coordinates.
    pub fn nested_lists(
        &self,
        attr: &str,
        factors: Option<&FactorMap>,
    ) -> Result<Vec<Vec<Vec<Vec<f64>>>>, RenderError> {
        let parts = self.parts(attr)?;
        let Source::Field(name) = &parts.source else {
            return Err(self.r.bad(self.model, attr, "a field of nested lists"));
        };
        let col = self.column(name)?;
        let bad = || {
            self.r.bad(
                self.model,
                attr,
                &format!("a column of nested lists ('{name}')"),
            )
        };
        let items = |v: &Value| -> Option<Vec<Value>> {
            match v {
                Value::List(items) => Some(items.clone()),
                Value::Array(_) => Some(vec![v.clone()]),
                _ => None,
            }
        };
        col.map_values(|v| v)
            .iter()
            .map(|row| {
                items(row)?
                    .iter()
                    .map(|poly| {
                        items(poly)?
                            .iter()
                            .map(|ring| list_coords(ring, factors))
                            .collect::<Option<Vec<_>>>()
                    })
                    .collect::<Option<Vec<_>>>()
            })
            .map(|r| r.ok_or_else(bad))
            .collect()
    }
}

/// A value as JavaScript's template strings write it; `None` for null.
pub(crate) fn shown_text(v: &Value) -> Option<String> {
    Some(match v {
        Value::Null => return None,
        Value::Str(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::List(items) => items
            .iter()
            .map(|i| shown_text(i).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(","),
        Value::Array(a) => (0..a.len())
            .map(|i| crate::format::js_number(a.data.get_f64(i).unwrap_or(f64::NAN)))
            .collect::<Vec<_>>()
            .join(","),
        v => crate::format::js_number(v.as_f64()?),
    })
}

/// A column of the rows drawn.
pub(crate) struct Column<'a, 'd> {
    pub value: &'d Value,
    indices: Option<&'a [usize]>,
    len: usize,
}

impl<'d> Column<'_, 'd> {
    /// The column as numbers: typed arrays widened (borrowed when f64 and unfiltered),
    /// lists of numbers, null as NaN, factors through `factors`.
    pub fn numbers(&self, factors: Option<&FactorMap>) -> Option<Numbers<'d>> {
        if let (Value::Array(a), None) = (self.value, self.indices) {
            if let Some(values) = a.f64_elements() {
                return Some(Numbers::Stored(values));
            }
        }
        let at = |i: usize| -> Option<f64> {
            match self.value {
                Value::Array(a) => Some(a.data.get_f64(i).unwrap_or(f64::NAN)),
                Value::List(items) => match items.get(i)? {
                    Value::Null => Some(f64::NAN),
                    v => v.as_f64().or_else(|| factors.and_then(|f| f.synthetic(v))),
                },
                _ => None,
            }
        };
        let rows: Option<Vec<f64>> = match self.indices {
            Some(ix) => ix.iter().map(|&i| at(i)).collect(),
            None => (0..self.len).map(at).collect(),
        };
        rows.map(|v| Numbers::Vector(Cow::Owned(v)))
    }

    /// Every drawn row's color, when the column is an array of colors (see
    /// [`array_colors`]).
    fn array_colors(&self) -> Option<Vec<Option<Rgba>>> {
        let Value::Array(a) = self.value else {
            return None;
        };
        let all = array_colors(a)?;
        let row = |i: usize| all.get(i).copied().flatten();
        Some(match self.indices {
            Some(ix) => ix.iter().map(|&i| row(i)).collect(),
            None => (0..self.len).map(row).collect(),
        })
    }

    /// Every drawn row's value, through `f`.
    pub fn map_values<T>(&self, f: impl Fn(Value) -> T) -> Vec<T> {
        let at = |i: usize| -> Value {
            match self.value {
                Value::Array(a) => {
                    if a.shape.len() > 1 {
                        row_of_array(a, i)
                    } else {
                        a.data.get_f64(i).map_or(Value::Null, Value::Float)
                    }
                }
                Value::List(items) => items.get(i).cloned().unwrap_or(Value::Null),
                _ => Value::Null,
            }
        };
        match self.indices {
            Some(ix) => ix.iter().map(|&i| f(at(i))).collect(),
            None => (0..self.len).map(|i| f(at(i))).collect(),
        }
    }
}

/// Row `i` of an n-dimensional array, as an array of one less dimension.
fn row_of_array(a: &crate::core::NdArray, i: usize) -> Value {
    let inner: usize = a.shape[1..].iter().product();
    let values: Vec<f64> = (i * inner..(i + 1) * inner)
        .map(|k| a.data.get_f64(k).unwrap_or(f64::NAN))
        .collect();
    let mut array = crate::core::NdArray::from(values);
    array.shape = a.shape[1..].to_vec();
    Value::Array(array)
}

/// A coordinate value: a number, or a factor when the axis is categorical.
fn scalar_coord(v: &Value, factors: Option<&FactorMap>) -> Option<f64> {
    match v {
        Value::Null => Some(f64::NAN),
        v => v.as_f64().or_else(|| factors.and_then(|f| f.synthetic(v))),
    }
}

/// A row holding a list (or array) of coordinates.
fn list_coords(row: &Value, factors: Option<&FactorMap>) -> Option<Vec<f64>> {
    match row {
        Value::Array(a) => Some(
            (0..a.len())
                .map(|i| a.data.get_f64(i).unwrap_or(f64::NAN))
                .collect(),
        ),
        Value::List(items) => items.iter().map(|v| scalar_coord(v, factors)).collect(),
        _ => None,
    }
}

/// Radians in one of Bokeh's angle units ("rad", "deg", "grad", "turn"; `None` is rad).
pub(crate) fn radians_per(units: Option<&str>) -> f64 {
    match units {
        Some("deg") => std::f64::consts::PI / 180.0,
        Some("grad") => std::f64::consts::PI / 200.0,
        Some("turn") => std::f64::consts::TAU,
        _ => 1.0,
    }
}
