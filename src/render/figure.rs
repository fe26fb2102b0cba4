//! Paints a laid-out figure on a plotters drawing area, in Bokeh's order: border and
//! frame fills, grid lines, glyphs, outline, axes, title.

use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::{DrawingArea, DrawingBackend, Rectangle};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, IntoFont, ShapeStyle};
use plotters_backend::{BackendCoord, DrawingErrorKind};

use super::clip::clip;
use super::decimate::{decimate, Polyline};
use super::layout::{AxisTicks, FrameLayout};
use super::plotters_color;
use super::scene::{Align, AxisSpec, Dimension, LineSpec, Scene, TitleSpec};
use super::style::{self, font_family};
use super::RenderError;
use crate::core::Rgba as Color;

pub(crate) fn paint<DB: DrawingBackend>(
    scene: &Scene<'_>,
    layout: &FrameLayout,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), RenderError> {
    let p = Painter { area, layout };
    let f = layout.frame;
    area.fill(&plotters_color(scene.border_fill))
        .map_err(backend)?;
    p.fill_rect((f.left, f.top), (f.right, f.bottom), scene.background_fill)?;
    for grid in &scene.grids {
        p.grid(grid.dimension, grid.color)?;
    }
    // Two buffers of at most ~4 points per frame column, reused for every line.
    let capacity = 4 * (f.width().max(0) as usize + 3);
    let mut decimated = Polyline::with_capacity(capacity);
    let mut clipped = Polyline::with_capacity(capacity);
    for line in &scene.lines {
        p.line(line, &mut decimated, &mut clipped)?;
    }
    if let Some(outline) = scene.outline {
        let (l, t, r, b) = (f.left, f.top, f.right, f.bottom);
        for (from, to) in [
            ((l, t), (r, t)),
            ((r, t), (r, b)),
            ((r, b), (l, b)),
            ((l, b), (l, t)),
        ] {
            p.segment(from, to, outline, 1.0)?;
        }
    }
    if let Some(axis) = &scene.x_axis {
        p.axis(axis, Dimension::X, &layout.x_ticks)?;
    }
    if let Some(axis) = &scene.y_axis {
        p.axis(axis, Dimension::Y, &layout.y_ticks)?;
    }
    if let Some(title) = &scene.title {
        p.title(title)?;
    }
    Ok(())
}

fn backend<E: std::error::Error + Send + Sync>(e: E) -> RenderError {
    RenderError::Backend(e.to_string())
}

struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    layout: &'a FrameLayout,
}

impl<DB: DrawingBackend> Painter<'_, DB> {
    /// CSS pixels to device pixels.
    fn px(&self, css: f64) -> f64 {
        css * self.layout.scale
    }

    /// A stroke width in whole device pixels, never thinner than one.
    fn stroke(&self, css: f64) -> u32 {
        self.px(css).round().max(1.0) as u32
    }

    fn style(&self, color: Color, css_width: f64) -> ShapeStyle {
        ShapeStyle {
            color: plotters_color(color),
            filled: false,
            stroke_width: self.stroke(css_width),
        }
    }

    fn fill_rect(
        &self,
        from: BackendCoord,
        to: BackendCoord,
        color: Color,
    ) -> Result<(), RenderError> {
        let style = ShapeStyle {
            color: plotters_color(color),
            filled: true,
            stroke_width: 0,
        };
        self.area
            .draw(&Rectangle::new([from, to], style))
            .map_err(backend)
    }

    fn segment(
        &self,
        from: BackendCoord,
        to: BackendCoord,
        color: Color,
        css_width: f64,
    ) -> Result<(), RenderError> {
        let points = [from, to].map(|(x, y)| (f64::from(x), f64::from(y)));
        let stroke = Stroke {
            points: &points,
            style: self.style(color, css_width),
        };
        self.area.draw(&stroke).map_err(backend)
    }

    fn grid(&self, dimension: Dimension, color: Color) -> Result<(), RenderError> {
        let f = self.layout.frame;
        match dimension {
            Dimension::X => {
                let map = self.layout.x_map();
                for &t in &self.layout.x_ticks.ticks.major {
                    let x = map.apply(t).round() as i32;
                    self.segment((x, f.top), (x, f.bottom), color, 1.0)?;
                }
            }
            Dimension::Y => {
                let map = self.layout.y_map();
                for &t in &self.layout.y_ticks.ticks.major {
                    let y = map.apply(t).round() as i32;
                    self.segment((f.left, y), (f.right, y), color, 1.0)?;
                }
            }
        }
        Ok(())
    }

    /// One line glyph: decimated per pixel column, cut at the frame, each sub-path drawn
    /// as one path (the canvas strokes a path at once, so alpha does not pile up).
    fn line(
        &self,
        line: &LineSpec<'_>,
        decimated: &mut Polyline,
        clipped: &mut Polyline,
    ) -> Result<(), RenderError> {
        let f = self.layout.frame;
        let columns = i64::from(f.left)..=i64::from(f.right);
        decimate(
            &line.x,
            &line.y,
            line.x_ascending,
            self.layout.x_map(),
            self.layout.y_map(),
            columns,
            decimated,
        );
        clip(decimated, f, clipped);
        let style = self.style(line.color, line.width);
        for points in clipped.subpaths().filter(|s| s.len() > 1) {
            self.area.draw(&Stroke { points, style }).map_err(backend)?;
        }
        Ok(())
    }

    fn axis(
        &self,
        axis: &AxisSpec,
        dimension: Dimension,
        ticks: &AxisTicks,
    ) -> Result<(), RenderError> {
        let f = self.layout.frame;
        // Ticks reach out of the frame by `out` and into it by `inn`, across the axis line.
        let (map, along_from, along_to) = match dimension {
            Dimension::X => (self.layout.x_map(), f.left, f.right),
            Dimension::Y => (self.layout.y_map(), f.bottom, f.top),
        };
        let across = |at: i32, out: f64, inn: f64| -> (BackendCoord, BackendCoord) {
            let (out, inn) = (self.px(out).round() as i32, self.px(inn).round() as i32);
            match dimension {
                Dimension::X => ((at, f.bottom - inn), (at, f.bottom + out)),
                Dimension::Y => ((f.left + inn, at), (f.left - out, at)),
            }
        };
        if let Some(color) = axis.line_color {
            let (a, b) = match dimension {
                Dimension::X => ((along_from, f.bottom), (along_to, f.bottom)),
                Dimension::Y => ((f.left, along_from), (f.left, along_to)),
            };
            self.segment(a, b, color, 1.0)?;
            let ticks_at = |values: &[f64], out, inn| -> Result<(), RenderError> {
                for &t in values {
                    let (a, b) = across(map.apply(t).round() as i32, out, inn);
                    self.segment(a, b, color, 1.0)?;
                }
                Ok(())
            };
            ticks_at(&ticks.ticks.minor, style::MINOR_TICK_OUT, 0.0)?;
            ticks_at(
                &ticks.ticks.major,
                style::MAJOR_TICK_OUT,
                style::MAJOR_TICK_IN,
            )?;
        }
        let Some(color) = axis.label_color else {
            return Ok(());
        };
        let text = (font_family(), self.px(style::TICK_LABEL_FONT_PX))
            .into_font()
            .color(&plotters_color(color));
        let reach = self
            .px(style::MAJOR_TICK_OUT + style::LABEL_STANDOFF)
            .round() as i32;
        for (&t, label) in ticks.ticks.major.iter().zip(&ticks.labels) {
            let at = map.apply(t).round() as i32;
            let (pos, anchor) = match dimension {
                Dimension::X => ((at, f.bottom + reach), Pos::new(HPos::Center, VPos::Top)),
                Dimension::Y => ((f.left - reach, at), Pos::new(HPos::Right, VPos::Center)),
            };
            self.area
                .draw_text(label, &text.pos(anchor), pos)
                .map_err(backend)?;
        }
        Ok(())
    }

    /// Above the frame, aligned with its edges, `standoff / 2` above it (Bokeh's Title).
    fn title(&self, title: &TitleSpec) -> Result<(), RenderError> {
        let f = self.layout.frame;
        let (x, h) = match title.align {
            Align::Left => (f.left, HPos::Left),
            Align::Center => ((f.left + f.right) / 2, HPos::Center),
            Align::Right => (f.right, HPos::Right),
        };
        let y = f.top - self.px(style::TITLE_STANDOFF / 2.0).round() as i32;
        let text = (font_family(), self.px(title.font_px), FontStyle::Bold)
            .into_font()
            .color(&plotters_color(title.color))
            .pos(Pos::new(h, VPos::Bottom));
        self.area
            .draw_text(&title.text, &text, (x, y))
            .map_err(backend)
    }
}

/// A polyline in device pixels drawn as ONE backend path, borrowed from a reused buffer.
/// Two-point strokes go through `draw_line`, which the canvas backend aligns to the pixel
/// grid so 1 px grid lines and ticks stay crisp.
struct Stroke<'p> {
    points: &'p [(f64, f64)],
    style: ShapeStyle,
}

type ToCoord = fn(&(f64, f64)) -> BackendCoord;

fn to_coord(&(x, y): &(f64, f64)) -> BackendCoord {
    (x.round() as i32, y.round() as i32)
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Stroke<'_> {
    type Point = BackendCoord;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (f64, f64)>, ToCoord>;

    fn point_iter(self) -> Self::IntoIter {
        self.points.iter().map(to_coord as ToCoord)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Stroke<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        if self.points.len() == 2 {
            if let (Some(a), Some(b)) = (points.next(), points.next()) {
                return backend.draw_line(a, b, &self.style);
            }
        }
        backend.draw_path(points, &self.style)
    }
}
