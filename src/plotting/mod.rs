//! The `figure` convenience, as Bokeh's `bokeh.plotting`: a [`Figure`] made with the
//! ranges, scales, axes and grids Bokeh's `figure(...)` adds, and glyph methods that add a
//! glyph with its renderer (`plot.line(doc, source, Line { .. })`).

use crate::core::{AnyId, Color, Id};
use crate::document::Document;
use crate::models::{
    BasicTickFormatter, BasicTicker, ColumnDataSource, DataRange1d, Figure, GlyphRenderer, Grid,
    Line, LinearAxis, LinearScale, Range1d, Title,
};

/// The arguments of Bokeh's `figure(title=…, width=…, height=…, x_range=…, y_range=…)`.
pub struct FigureArgs {
    pub title: String,
    pub width: i64,
    pub height: i64,
    /// A fixed x range (Bokeh's `x_range=(start, end)`); `None` follows the data.
    pub x_range: Option<(f64, f64)>,
    pub y_range: Option<(f64, f64)>,
}

impl Default for FigureArgs {
    fn default() -> FigureArgs {
        FigureArgs {
            title: String::new(),
            width: 600,
            height: 600,
            x_range: None,
            y_range: None,
        }
    }
}

/// Bokeh's colour for a glyph given none: the first of its default palette.
pub const DEFAULT_GLYPH_COLOR: &str = "#1f77b4";

/// A plot like `bokeh.plotting.figure(...)`: with its title, ranges, linear scales, an
/// axis below and left (each with a BasicTicker and BasicTickFormatter) and their grids.
pub fn figure(doc: &mut Document, args: FigureArgs) -> Id<Figure> {
    let title = doc.add(Title {
        text: args.title.into(),
        ..Title::default()
    });
    let x_range = range(doc, args.x_range);
    let y_range = range(doc, args.y_range);
    let x_scale = doc.add(LinearScale {}).any();
    let y_scale = doc.add(LinearScale {}).any();
    let below = axis(doc);
    let left = axis(doc);
    let x_grid = doc.add(Grid {
        axis: Some(below),
        ..Grid::default()
    });
    let y_grid = doc.add(Grid {
        dimension: 1,
        axis: Some(left),
        ..Grid::default()
    });
    doc.add(Figure {
        title: Some(title),
        width: Some(args.width),
        height: Some(args.height),
        x_range: Some(x_range),
        y_range: Some(y_range),
        x_scale: Some(x_scale),
        y_scale: Some(y_scale),
        below: vec![below],
        left: vec![left],
        center: vec![x_grid.any(), y_grid.any()],
        ..Figure::default()
    })
}

fn range(doc: &mut Document, fixed: Option<(f64, f64)>) -> AnyId {
    match fixed {
        Some((start, end)) => doc.add(Range1d { start, end, ..Range1d::default() }).any(),
        None => doc.add(DataRange1d::default()).any(),
    }
}

/// An axis with a new BasicTicker and BasicTickFormatter, as Bokeh's figure makes.
fn axis(doc: &mut Document) -> AnyId {
    let ticker = doc.add(BasicTicker::default()).any();
    let formatter = doc.add(BasicTickFormatter::default()).any();
    doc.add(LinearAxis {
        ticker: Some(ticker),
        formatter: Some(formatter),
        ..LinearAxis::default()
    })
    .any()
}

impl Id<Figure> {
    /// Adds a line glyph drawing `source`'s columns, like `plot.line('x', 'y',
    /// source=source)`. A line left at the model's default colour gets Bokeh's glyph
    /// colour, as `figure.line` does.
    pub fn line(
        self,
        doc: &mut Document,
        source: Id<ColumnDataSource>,
        mut glyph: Line,
    ) -> Id<GlyphRenderer> {
        if glyph.line_color == Line::default().line_color {
            glyph.line_color = Some(Color::from(DEFAULT_GLYPH_COLOR));
        }
        let glyph = doc.add(glyph).any();
        self.add_renderer(doc, source, glyph)
    }

    /// Adds a renderer drawing `glyph` with `source`'s columns.
    fn add_renderer(
        self,
        doc: &mut Document,
        source: Id<ColumnDataSource>,
        glyph: AnyId,
    ) -> Id<GlyphRenderer> {
        let renderer = doc.add(GlyphRenderer::new(source, glyph));
        let mut renderers = doc.get(self, Figure::RENDERERS);
        renderers.push(renderer.any());
        doc.set(self, Figure::RENDERERS, renderers)
            .expect("a new renderer is a valid reference");
        renderer
    }
}
