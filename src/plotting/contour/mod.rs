//! Contours of a gridded field, as Bokeh's `bokeh.plotting.contour`: [`contour_data`]
//! works out the filled bands between levels and the lines at them, and
//! `plot.contour(doc, …)` adds a [`ContourRenderer`] drawing them (its bands a
//! MultiPolygons, its lines a MultiLine), whose data a callback replaces with
//! [`set_data`](Id::<ContourRenderer>::set_data) as Python's `renderer.set_data(…)`.
//!
//! ```
//! use rokeh::plotting::{contour_data, figure, ContourArgs, ContourColor, FigureArgs};
//!
//! let mut doc = rokeh::Document::new();
//! let p = figure(&mut doc, FigureArgs::default());
//! let (x, y) = ([0.0, 1.0, 2.0], [0.0, 1.0]);
//! let z = [0.0, 1.0, 2.0, 1.0, 2.0, 3.0];
//! let levels = [0.0, 1.5, 3.0];
//! let args = ContourArgs {
//!     fill_color: Some(ContourColor::Palette("Viridis".into())),
//!     line_color: Some(ContourColor::Same("black".into())),
//!     ..ContourArgs::default()
//! };
//! let contour = p.contour(&mut doc, (&x, &y, &z), &levels, args).unwrap();
//! let z = [1.0, 1.0, 1.0, 2.0, 2.0, 2.0];
//! contour.set_data(&mut doc, &contour_data((&x, &y, &z), &levels).unwrap()).unwrap();
//! ```

mod marching;

use crate::core::{Color, ColumnData, Id, NdArray, PropType, Rgba, Spec, Value};
use crate::document::{Document, DocumentError};
use crate::models::palettes::{names, palette};
use crate::models::{
    AutoOr, ColumnDataSource, ContourColorBar, ContourRenderer, Figure, FixedTicker, GlyphRenderer,
    MultiLine, MultiPolygons, SourceId,
};

use marching::Triangles;

/// A gridded field: `x` (its columns' coordinates, increasing), `y` (its rows'), and `z`,
/// row by row (`y.len()` rows of `x.len()` values; a value that is not finite leaves its
/// cells out), as Python's `contour(x, y, z, …)` with 1-D `x` and `y`.
pub type Field<'f> = (&'f [f64], &'f [f64], &'f [f64]);

/// Why a contour cannot be worked out.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ContourError {
    /// `z` does not hold `x.len()` × `y.len()` values.
    #[error("z holds {got} values, not {nx} x {ny}")]
    Shape {
        /// `x.len()`.
        nx: usize,
        /// `y.len()`.
        ny: usize,
        /// `z.len()`.
        got: usize,
    },
    /// The levels do not increase, or there are none.
    #[error("the levels must be one or more, each above the last")]
    Levels,
    /// Neither bands nor lines were asked for.
    #[error("neither a fill nor a line colour: nothing to draw")]
    Nothing,
    /// A colour is not a palette rokeh knows.
    #[error("no palette named {0}")]
    Palette(String),
    /// The document refused the contour's models.
    #[error(transparent)]
    Document(#[from] DocumentError),
}

/// The bands between each pair of levels and the lines at each, as Python's
/// `ContourData`: what [`set_data`](Id::<ContourRenderer>::set_data) takes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContourData {
    /// The bands: per band, its polygons, each its rings; `lower` and `upper` levels.
    pub fill: Option<FillData>,
    /// The lines: per level, coordinates with NaN between lines.
    pub line: Option<LineData>,
}

/// Filled bands, as Python's `FillData`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FillData {
    /// `xs[band][polygon][ring]`.
    pub xs: Vec<Vec<Vec<Vec<f64>>>>,
    /// `ys[band][polygon][ring]`.
    pub ys: Vec<Vec<Vec<Vec<f64>>>>,
    /// Each band's lower level.
    pub lower_levels: Vec<f64>,
    /// Each band's upper level.
    pub upper_levels: Vec<f64>,
}

/// Lines, as Python's `LineData`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineData {
    /// `xs[level]`, NaN between one line and the next.
    pub xs: Vec<Vec<f64>>,
    /// `ys[level]`, alike.
    pub ys: Vec<Vec<f64>>,
    /// The levels.
    pub levels: Vec<f64>,
}

/// Python's `contour_data(x, y, z, levels)`: the bands and lines of `field` at `levels`.
pub fn contour_data(field: Field<'_>, levels: &[f64]) -> Result<ContourData, ContourError> {
    contour_data_of(field, levels, true, true)
}

fn contour_data_of(
    (x, y, z): Field<'_>,
    levels: &[f64],
    want_fill: bool,
    want_line: bool,
) -> Result<ContourData, ContourError> {
    if z.len() != x.len() * y.len() {
        let (nx, ny, got) = (x.len(), y.len(), z.len());
        return Err(ContourError::Shape { nx, ny, got });
    }
    if levels.is_empty() || levels.windows(2).any(|w| w[1] <= w[0]) {
        return Err(ContourError::Levels);
    }
    let grid = Triangles::new(x, y, z);
    let fill = (want_fill && levels.len() > 1).then(|| {
        let mut data = FillData::default();
        for pair in levels.windows(2) {
            let pieces = grid.band(pair[0], pair[1]);
            let rings = |coord: fn(&(f64, f64)) -> f64| -> Vec<Vec<Vec<f64>>> {
                let ring = |piece: &Vec<(f64, f64)>| vec![piece.iter().map(coord).collect()];
                pieces.iter().map(ring).collect()
            };
            data.xs.push(rings(|p| p.0));
            data.ys.push(rings(|p| p.1));
            data.lower_levels.push(pair[0]);
            data.upper_levels.push(pair[1]);
        }
        data
    });
    let line = want_line.then(|| {
        let mut data = LineData::default();
        for &level in levels {
            let (mut xs, mut ys) = (Vec::new(), Vec::new());
            for (n, line) in grid.lines(level).into_iter().enumerate() {
                if n > 0 {
                    xs.push(f64::NAN);
                    ys.push(f64::NAN);
                }
                xs.extend(line.iter().map(|p| p.0));
                ys.extend(line.iter().map(|p| p.1));
            }
            data.xs.push(xs);
            data.ys.push(ys);
            data.levels.push(level);
        }
        data
    });
    Ok(ContourData { fill, line })
}

/// The colours of a contour's bands or lines, as Python's `fill_color=` / `line_color=`
/// of `contour(…)`.
#[derive(Clone, Debug, PartialEq)]
pub enum ContourColor {
    /// One colour for all.
    Same(Color),
    /// A colour each; a list of another length is interpolated to the number needed, as
    /// Python's `interp_palette`.
    Each(Vec<Color>),
    /// A palette family by name ("Viridis", "PiYG"): its palette of the number needed, or
    /// its largest interpolated, as Python's `fill_color=Viridis`.
    Palette(String),
}

impl ContourColor {
    /// `n` colours (one, for all, when it is `Same`).
    fn colors(&self, n: usize) -> Result<Vec<Color>, ContourError> {
        match self {
            ContourColor::Same(color) => Ok(vec![color.clone()]),
            ContourColor::Each(colors) if colors.len() == n => Ok(colors.clone()),
            ContourColor::Each(colors) => Ok(interpolate(colors, n)),
            ContourColor::Palette(family) => {
                if let Some(exact) = palette(&format!("{family}{n}")) {
                    return Ok(exact);
                }
                // The family's largest palette (Viridis256, Category10_10), stretched.
                let size = |name: &str| {
                    name.strip_prefix(family.as_str())?
                        .trim_start_matches('_')
                        .parse::<usize>()
                        .ok()
                };
                let largest = names().filter_map(|name| Some((size(name)?, name))).max();
                let (_, name) = largest.ok_or_else(|| ContourError::Palette(family.clone()))?;
                let colors = palette(name).unwrap_or_default();
                Ok(interpolate(&colors, n))
            }
        }
    }
}

/// `colors` stretched (or squeezed) to `n`, each in between mixed linearly in RGB, as
/// Python's `interp_palette`.
fn interpolate(colors: &[Color], n: usize) -> Vec<Color> {
    let rgb: Vec<[f64; 3]> = colors
        .iter()
        .filter_map(|c| Rgba::parse(&c.0))
        .map(|c| [c.r, c.g, c.b].map(f64::from))
        .collect();
    if rgb.is_empty() || n == 0 {
        return Vec::new();
    }
    (0..n)
        .map(|i| {
            let at = if n == 1 {
                0.0
            } else {
                i as f64 * (rgb.len() - 1) as f64 / (n - 1) as f64
            };
            let (lo, t) = (at.floor() as usize, at.fract());
            let hi = (lo + 1).min(rgb.len() - 1);
            let [r, g, b] =
                [0, 1, 2].map(|k| (rgb[lo][k] + t * (rgb[hi][k] - rgb[lo][k])).round() as u8);
            Color(format!("#{r:02x}{g:02x}{b:02x}"))
        })
        .collect()
}

/// Python's `contour(…)` visuals: the bands are drawn where `fill_color` is given, the
/// lines where `line_color` is.
#[derive(Clone, Debug, PartialEq)]
pub struct ContourArgs {
    /// The bands' colours (one per band: `levels.len() - 1`).
    pub fill_color: Option<ContourColor>,
    /// The bands' alpha.
    pub fill_alpha: f64,
    /// The lines' colours (one per level).
    pub line_color: Option<ContourColor>,
    /// The lines' width: one for all, or one per level.
    pub line_width: Vec<f64>,
    /// The lines' alpha.
    pub line_alpha: f64,
}

impl Default for ContourArgs {
    fn default() -> ContourArgs {
        ContourArgs {
            fill_color: None,
            fill_alpha: 1.0,
            line_color: None,
            line_width: vec![1.0],
            line_alpha: 1.0,
        }
    }
}

fn nums(values: Vec<f64>) -> Value {
    Value::Array(NdArray::from(values))
}

/// A visual given once (a value) or per row (a column of that name in `columns`).
fn one_or_each(
    name: &str,
    values: Vec<Value>,
    columns: &mut Vec<(String, Value)>,
) -> Option<Value> {
    match <[Value; 1]>::try_from(values) {
        Ok([one]) => Some(one),
        Err(each) => {
            columns.push((name.to_owned(), Value::List(each)));
            None
        }
    }
}

/// `columns` into `source`: beside its other columns (the visuals per band or level) when
/// `keep_others`, else as its whole data.
fn replace(
    doc: &mut Document,
    source: SourceId,
    columns: Vec<(String, Value)>,
    keep_others: bool,
) -> Result<(), DocumentError> {
    if keep_others {
        doc.set_columns(source, columns)
    } else {
        let data = ColumnData(columns).to_value(&*doc);
        doc.set_attr(source.into(), "data", data)
    }
}

impl Id<Figure> {
    /// Python's `p.contour(x, y, z, levels, fill_color=…, line_color=…)`: a
    /// [`ContourRenderer`] of `field`'s bands between `levels` and lines at them.
    pub fn contour(
        self,
        doc: &mut Document,
        field: Field<'_>,
        levels: &[f64],
        args: ContourArgs,
    ) -> Result<Id<ContourRenderer>, ContourError> {
        let (want_fill, want_line) = (args.fill_color.is_some(), args.line_color.is_some());
        if !want_fill && !want_line {
            return Err(ContourError::Nothing);
        }
        let data = contour_data_of(field, levels, want_fill, want_line)?;
        let bands = levels.len().saturating_sub(1);
        let mut fill_columns = Vec::new();
        let mut fill = MultiPolygons {
            line_alpha: 0.0.into(),
            line_width: 0.0.into(),
            fill_alpha: args.fill_alpha.into(),
            ..MultiPolygons::default()
        };
        if let Some(color) = &args.fill_color {
            let colors = color
                .colors(bands)?
                .into_iter()
                .map(|c| Value::Str(c.0))
                .collect();
            fill.fill_color = match one_or_each("fill_color", colors, &mut fill_columns) {
                Some(Value::Str(c)) => Spec::Value(Some(Color(c))),
                _ => Spec::field("fill_color"),
            };
        }
        let mut line_columns = Vec::new();
        let mut line = MultiLine {
            line_alpha: args.line_alpha.into(),
            ..MultiLine::default()
        };
        if let Some(color) = &args.line_color {
            let colors = color
                .colors(levels.len())?
                .into_iter()
                .map(|c| Value::Str(c.0))
                .collect();
            line.line_color = match one_or_each("line_color", colors, &mut line_columns) {
                Some(Value::Str(c)) => Spec::Value(Some(Color(c))),
                _ => Spec::field("line_color"),
            };
            let widths = args.line_width.iter().map(|&w| Value::Float(w)).collect();
            line.line_width = match one_or_each("line_width", widths, &mut line_columns) {
                Some(w) => Spec::Value(w.as_f64().unwrap_or(1.0)),
                None => Spec::field("line_width"),
            };
        }
        let fill_source = doc.add(ColumnDataSource {
            data: ColumnData(fill_columns),
        });
        let fill = doc.add(fill).any();
        let fill_renderer = doc.add(GlyphRenderer::new(fill_source, fill));
        let line_source = doc.add(ColumnDataSource {
            data: ColumnData(line_columns),
        });
        let line = doc.add(line).any();
        let line_renderer = doc.add(GlyphRenderer::new(line_source, line));
        let contour = doc.add(ContourRenderer {
            fill_renderer,
            line_renderer,
            levels: levels.to_vec(),
            visible: true,
            x_range_name: "default".into(),
            y_range_name: "default".into(),
        });
        contour.set_data(doc, &data)?;
        self.push(doc, Figure::RENDERERS, contour.any());
        Ok(contour)
    }
}

impl Id<ContourRenderer> {
    /// Python's `renderer.set_data(contour_data(…))`: the bands and lines shown replaced,
    /// their colours and widths kept; bands or lines not given are emptied, colours and
    /// all, as Python's.
    pub fn set_data(self, doc: &mut Document, data: &ContourData) -> Result<(), DocumentError> {
        let fill = doc.get(self, ContourRenderer::FILL_RENDERER);
        let line = doc.get(self, ContourRenderer::LINE_RENDERER);
        let fill_source = doc.get(fill, GlyphRenderer::DATA_SOURCE);
        let line_source = doc.get(line, GlyphRenderer::DATA_SOURCE);
        let nested = |rows: &Vec<Vec<Vec<Vec<f64>>>>| {
            let ring = |r: &Vec<f64>| nums(r.clone());
            let polygon = |p: &Vec<Vec<f64>>| Value::List(p.iter().map(ring).collect());
            let band = |b: &Vec<Vec<Vec<f64>>>| Value::List(b.iter().map(polygon).collect());
            Value::List(rows.iter().map(band).collect())
        };
        let fill_data = data.fill.clone().unwrap_or_default();
        let fill_columns = vec![
            ("xs".to_owned(), nested(&fill_data.xs)),
            ("ys".to_owned(), nested(&fill_data.ys)),
            ("lower_levels".to_owned(), nums(fill_data.lower_levels)),
            ("upper_levels".to_owned(), nums(fill_data.upper_levels)),
        ];
        replace(doc, fill_source, fill_columns, data.fill.is_some())?;
        let line_data = data.line.clone().unwrap_or_default();
        let lines = |rows: Vec<Vec<f64>>| Value::List(rows.into_iter().map(nums).collect());
        let line_columns = vec![
            ("xs".to_owned(), lines(line_data.xs)),
            ("ys".to_owned(), lines(line_data.ys)),
            ("levels".to_owned(), nums(line_data.levels)),
        ];
        replace(doc, line_source, line_columns, data.line.is_some())
    }

    /// Python's `renderer.construct_color_bar()`: a ContourColorBar of its bands and
    /// lines over its levels, ticked at them, for `p.add_layout(bar, Place::Right)`.
    pub fn construct_color_bar(self, doc: &mut Document) -> Id<ContourColorBar> {
        let levels = doc.get(self, ContourRenderer::LEVELS);
        let ticker = doc.add(FixedTicker {
            ticks: levels.clone(),
            ..FixedTicker::default()
        });
        let bar = ContourColorBar {
            fill_renderer: doc.get(self, ContourRenderer::FILL_RENDERER),
            line_renderer: doc.get(self, ContourRenderer::LINE_RENDERER),
            levels,
            ticker: AutoOr::Value(ticker.any()),
        };
        doc.add(bar)
    }
}
