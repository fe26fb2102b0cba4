//! What a figure shows, read from the document's model graph: title, ranges, axes, grids
//! and line glyphs with their data. Columns are borrowed when they are f64 already.

use std::borrow::Cow;

use crate::core::{Color as CssColor, ModelType, Prop, PropType, Rgba as Color, Spec};
use crate::document::{AnyId, Document, Id, Value};
use crate::models::{
    BasicTickFormatter, BasicTicker, ColumnDataSource, DataRange1d, Figure, GlyphRenderer, Grid,
    Line, LinearAxis, Range1d, TextAlign, Title,
};

use super::decimate::ascending;
use super::ranges::{Interval, RangeSpec};
use super::style::parse_font_size;
use super::ticks::Ticker;
use super::RenderError;

pub(crate) struct Scene<'d> {
    pub title: Option<TitleSpec>,
    pub border_fill: Color,
    pub background_fill: Color,
    pub outline: Option<Color>,
    pub x_range: RangeSpec,
    pub y_range: RangeSpec,
    /// The first LinearAxis below and left of the frame.
    pub x_axis: Option<AxisSpec>,
    pub y_axis: Option<AxisSpec>,
    pub grids: Vec<GridSpec>,
    pub lines: Vec<LineSpec<'d>>,
}

pub(crate) struct TitleSpec {
    pub text: String,
    pub color: Color,
    pub font_px: f64,
    pub align: Align,
}

#[derive(Clone, Copy)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

pub(crate) struct AxisSpec {
    pub ticker: Ticker,
    pub use_scientific: bool,
    pub line_color: Option<Color>,
    pub label_color: Option<Color>,
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Dimension {
    X,
    Y,
}

pub(crate) struct GridSpec {
    pub dimension: Dimension,
    pub color: Color,
}

pub(crate) struct LineSpec<'d> {
    pub x: Cow<'d, [f64]>,
    pub y: Cow<'d, [f64]>,
    /// `x` is finite and sorted: its bounds are its ends and decimation can slice it.
    pub x_ascending: bool,
    /// With `line_alpha` applied.
    pub color: Color,
    /// In CSS pixels.
    pub width: f64,
}

impl<'d> Scene<'d> {
    pub fn read(doc: &'d Document, figure: Id<Figure>) -> Result<Scene<'d>, RenderError> {
        let r = Reader { doc };
        let fig = figure.any();
        let title = match r.reference(fig, Figure::TITLE.name, Title::NAME)? {
            Some(t) => r.title(t)?,
            None => None,
        };
        let below = r.refs(fig, Figure::BELOW.name)?;
        let left = r.refs(fig, Figure::LEFT.name)?;
        let mut grids = Vec::new();
        for any in r.refs(fig, Figure::CENTER.name)? {
            if r.type_name(any) == Grid::NAME {
                grids.extend(r.grid(any)?);
            }
        }
        let mut lines = Vec::new();
        for any in r.refs(fig, Figure::RENDERERS.name)? {
            if r.type_name(any) == GlyphRenderer::NAME {
                lines.extend(r.glyph(any)?);
            }
        }
        Ok(Scene {
            title,
            border_fill: r
                .color(fig, Figure::BORDER_FILL_COLOR)?
                .unwrap_or(Color::WHITE),
            background_fill: r
                .color(fig, Figure::BACKGROUND_FILL_COLOR)?
                .unwrap_or(Color::WHITE),
            outline: r.color(fig, Figure::OUTLINE_LINE_COLOR)?,
            x_range: r.range(fig, Figure::X_RANGE.name)?,
            y_range: r.range(fig, Figure::Y_RANGE.name)?,
            x_axis: r.first_axis(&below)?,
            y_axis: r.first_axis(&left)?,
            grids,
            lines,
        })
    }
}

/// Reads properties without panicking on documents that came from elsewhere: a value of
/// the wrong kind is an error naming the model and property.
struct Reader<'d> {
    doc: &'d Document,
}

impl<'d> Reader<'d> {
    fn type_name(&self, any: AnyId) -> &'d str {
        &self.doc.model(any).type_name
    }

    fn value(&self, any: AnyId, attr: &str) -> Result<Value, RenderError> {
        self.doc
            .get_attr(any, attr)
            .map_err(|e| RenderError::Model(e.to_string()))
    }

    fn bad(&self, any: AnyId, attr: &str, expected: &str) -> RenderError {
        let model = self.doc.model(any);
        RenderError::Model(format!(
            "{} {}.{attr} is not {expected}",
            model.type_name, model.id
        ))
    }

    fn get<M, T: PropType>(&self, any: AnyId, prop: Prop<M, T>) -> Result<T, RenderError> {
        let value = self.value(any, prop.name)?;
        T::from_value(&value, self.doc).ok_or_else(|| self.bad(any, prop.name, "readable"))
    }

    fn number<M>(&self, any: AnyId, prop: Prop<M, f64>) -> Result<f64, RenderError> {
        self.get(any, prop)
    }

    fn color<M>(
        &self,
        any: AnyId,
        prop: Prop<M, Option<CssColor>>,
    ) -> Result<Option<Color>, RenderError> {
        self.get(any, prop)?
            .map(|CssColor(css)| Color::parse(&css).ok_or(RenderError::Color(css)))
            .transpose()
    }

    /// The model a reference property points to, if set; an error if it is not `expected`.
    fn reference(
        &self,
        any: AnyId,
        attr: &str,
        expected: &str,
    ) -> Result<Option<AnyId>, RenderError> {
        match self.value(any, attr)? {
            Value::Null => Ok(None),
            v => {
                let target = self.lookup(any, attr, &v)?;
                if self.type_name(target) == expected {
                    Ok(Some(target))
                } else {
                    Err(self.bad(any, attr, &format!("a {expected}")))
                }
            }
        }
    }

    fn lookup(&self, any: AnyId, attr: &str, v: &Value) -> Result<AnyId, RenderError> {
        v.as_ref_id()
            .and_then(|id| self.doc.lookup(id))
            .ok_or_else(|| self.bad(any, attr, "a reference to a model of the document"))
    }

    fn refs(&self, any: AnyId, attr: &str) -> Result<Vec<AnyId>, RenderError> {
        let value = self.value(any, attr)?;
        let items = value
            .as_list()
            .ok_or_else(|| self.bad(any, attr, "a list"))?;
        items.iter().map(|v| self.lookup(any, attr, v)).collect()
    }

    fn title(&self, title: AnyId) -> Result<Option<TitleSpec>, RenderError> {
        let text = self.get(title, Title::TEXT)?.as_plain().unwrap_or_default().to_owned();
        if text.is_empty() {
            return Ok(None);
        }
        let size: String = self.get(title, Title::TEXT_FONT_SIZE)?;
        let align = self.get(title, Title::ALIGN)?;
        let Some(color) = self.color(title, Title::TEXT_COLOR)? else {
            return Ok(None);
        };
        Ok(Some(TitleSpec {
            text,
            color,
            font_px: parse_font_size(&size)
                .ok_or_else(|| self.bad(title, Title::TEXT_FONT_SIZE.name, "a CSS font size"))?,
            align: match align {
                TextAlign::Center => Align::Center,
                TextAlign::Right => Align::Right,
                TextAlign::Left => Align::Left,
            },
        }))
    }

    fn range(&self, fig: AnyId, attr: &str) -> Result<RangeSpec, RenderError> {
        let v = self.value(fig, attr)?;
        let range = self.lookup(fig, attr, &v)?;
        match self.type_name(range) {
            Range1d::NAME => {
                let start = self.number(range, Range1d::START)?;
                let end = self.number(range, Range1d::END)?;
                if !(start.is_finite() && end.is_finite() && start != end) {
                    return Err(self.bad(range, Range1d::END.name, "finite and apart from start"));
                }
                Ok(RangeSpec::Fixed(Interval { start, end }))
            }
            DataRange1d::NAME => Ok(RangeSpec::Data {
                range_padding: self.number(range, DataRange1d::RANGE_PADDING)?,
                start: self.get(range, DataRange1d::START)?,
                end: self.get(range, DataRange1d::END)?,
            }),
            _ => Err(self.bad(fig, attr, "a Range1d or DataRange1d")),
        }
    }

    fn first_axis(&self, side: &[AnyId]) -> Result<Option<AxisSpec>, RenderError> {
        let Some(&axis) = side
            .iter()
            .find(|&&a| self.type_name(a) == LinearAxis::NAME)
        else {
            return Ok(None);
        };
        let ticker = match self.reference(axis, LinearAxis::TICKER.name, BasicTicker::NAME)? {
            Some(t) => self.ticker(t)?,
            None => Ticker::default(),
        };
        let formatter =
            self.reference(axis, LinearAxis::FORMATTER.name, BasicTickFormatter::NAME)?;
        let use_scientific = match formatter {
            Some(f) => self.get(f, BasicTickFormatter::USE_SCIENTIFIC)?,
            None => true,
        };
        Ok(Some(AxisSpec {
            ticker,
            use_scientific,
            line_color: self.color(axis, LinearAxis::AXIS_LINE_COLOR)?,
            label_color: self.color(axis, LinearAxis::MAJOR_LABEL_TEXT_COLOR)?,
        }))
    }

    fn ticker(&self, t: AnyId) -> Result<Ticker, RenderError> {
        let count = |prop| {
            let n: i64 = self.get(t, prop)?;
            usize::try_from(n).map_err(|_| self.bad(t, prop.name, "a count"))
        };
        let mantissas = self.get(t, BasicTicker::MANTISSAS)?;
        let defaults = Ticker::default();
        Ok(Ticker {
            desired_num_ticks: count(BasicTicker::DESIRED_NUM_TICKS)?,
            mantissas: Some(mantissas)
                .filter(|m| !m.is_empty())
                .unwrap_or(defaults.mantissas),
            base: self.number(t, BasicTicker::BASE)?,
            num_minor_ticks: count(BasicTicker::NUM_MINOR_TICKS)?,
        })
    }

    fn grid(&self, grid: AnyId) -> Result<Option<GridSpec>, RenderError> {
        let dimension = match self.get(grid, Grid::DIMENSION)? {
            0 => Dimension::X,
            _ => Dimension::Y,
        };
        let alpha = self.number(grid, Grid::GRID_LINE_ALPHA)?;
        Ok(self.color(grid, Grid::GRID_LINE_COLOR)?.map(|c| GridSpec {
            dimension,
            color: c.with_alpha(alpha),
        }))
    }

    /// A visible GlyphRenderer drawing a Line; other glyph types are not drawn yet.
    fn glyph(&self, renderer: AnyId) -> Result<Option<LineSpec<'d>>, RenderError> {
        if !self.get(renderer, GlyphRenderer::VISIBLE)? {
            return Ok(None);
        }
        let glyph_ref = self.value(renderer, GlyphRenderer::GLYPH.name)?;
        let glyph = self.lookup(renderer, GlyphRenderer::GLYPH.name, &glyph_ref)?;
        if self.type_name(glyph) != Line::NAME {
            return Ok(None);
        }
        let source = self
            .reference(
                renderer,
                GlyphRenderer::DATA_SOURCE.name,
                ColumnDataSource::NAME,
            )?
            .ok_or_else(|| self.bad(renderer, "data_source", "set"))?;
        let source = self
            .doc
            .typed_id::<ColumnDataSource>(self.doc.model_id(source))
            .expect("the type was checked");
        let Some(color) = self.color(glyph, Line::LINE_COLOR)? else {
            return Ok(None);
        };
        let x = self.coordinates(glyph, Line::X, source)?;
        Ok(Some(LineSpec {
            x_ascending: ascending(&x),
            x,
            y: self.coordinates(glyph, Line::Y, source)?,
            color: color.with_alpha(self.number(glyph, Line::LINE_ALPHA)?),
            width: self.number(glyph, Line::LINE_WIDTH)?,
        }))
    }

    /// A glyph's coordinate spec: a column by name (borrowed when it holds f64), or one
    /// value for every row.
    fn coordinates(
        &self,
        glyph: AnyId,
        prop: Prop<Line, Spec<f64>>,
        source: Id<ColumnDataSource>,
    ) -> Result<Cow<'d, [f64]>, RenderError> {
        match self.get(glyph, prop)? {
            Spec::Field(name) => {
                let column =
                    self.doc
                        .column(source, &name)
                        .ok_or_else(|| RenderError::MissingColumn {
                            source_id: self.doc.model_id(source.any()).to_string(),
                            column: name.clone(),
                        })?;
                column_values(column)
                    .ok_or_else(|| self.bad(source.any(), &name, "a numeric column"))
            }
            Spec::Value(value) => Ok(Cow::Owned(vec![value; self.rows(source)])),
            Spec::Other(_) => Err(self.bad(glyph, prop.name, "a plain field or value")),
        }
    }

    fn rows(&self, source: Id<ColumnDataSource>) -> usize {
        let data = self.doc.try_get(source, ColumnDataSource::DATA);
        data.ok()
            .and_then(|data| data.0.first().and_then(|(_, col)| col.rows()))
            .unwrap_or(0)
    }
}

/// A column as f64s: borrowed when stored as f64, widened otherwise; null is NaN.
fn column_values(column: &Value) -> Option<Cow<'_, [f64]>> {
    match column {
        Value::Array(a) => Some(match a.as_f64() {
            Some(values) => Cow::Borrowed(values),
            None => Cow::Owned(
                (0..a.len())
                    .map(|i| a.data.get_f64(i).unwrap_or(f64::NAN))
                    .collect(),
            ),
        }),
        Value::List(items) => items
            .iter()
            .map(|v| match v {
                Value::Null => Some(f64::NAN),
                v => v.as_f64(),
            })
            .collect::<Option<Vec<f64>>>()
            .map(Cow::Owned),
        _ => None,
    }
}
