//! Arrow: a line from (x_start, y_start) to (x_end, y_end) per row, with an arrow head
//! (OpenHead, NormalHead, VeeHead, TeeHead) at either end, as BokehJS draws them.

use crate::document::AnyId;
use crate::render::read::Reader;
use crate::render::specs::{Rows, Specs};
use crate::render::surface::{FillRule, Path, Surface, Turn};
use crate::render::visuals::{FillVisual, LineVisual};
use crate::render::RenderError;

use super::{source_rows, AnnotationCtx, AnnotationView};

pub(crate) fn build<'d>(
    r: Reader<'d>,
    arrow: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    let rows = source_rows(r, arrow)?;
    Ok(Box::new(View {
        r,
        arrow,
        start: r.reference(arrow, "start")?,
        end: r.reference(arrow, "end")?,
        rows,
        visible: r.flag(arrow, "visible")?,
        x_range_name: r.string(arrow, "x_range_name")?,
        y_range_name: r.string(arrow, "y_range_name")?,
    }))
}

struct View<'d> {
    r: Reader<'d>,
    arrow: AnyId,
    start: Option<AnyId>,
    end: Option<AnyId>,
    rows: Rows,
    visible: bool,
    x_range_name: String,
    y_range_name: String,
}

/// Draws arrow head `head` with its tip at `tip`, turned by `angle` (the back towards
/// +y before turning), for row `i`.
pub(crate) fn draw_head(
    s: &mut dyn Surface,
    r: Reader<'_>,
    head: AnyId,
    rows: &Rows,
    i: usize,
    (tip, angle): ((f64, f64), f64),
    scale: f64,
) -> Result<(), RenderError> {
    let specs = Specs {
        r,
        model: head,
        rows,
        overrides: &[],
    };
    let size = specs.numbers("size")?.get(i) * scale;
    let turn = Turn::about(tip, angle);
    let at = |x: f64, y: f64| turn.apply((x, y));
    let half = 0.5 * size;
    let kind = r.type_name(head);
    let mut path = Path::new();
    let outline: Vec<(f64, f64)> = match kind {
        "OpenHead" => vec![at(half, size), at(0.0, 0.0), at(-half, size)],
        "NormalHead" => vec![at(half, size), at(0.0, 0.0), at(-half, size)],
        "VeeHead" => vec![
            at(half, size),
            at(0.0, 0.0),
            at(-half, size),
            at(0.0, 0.5 * size),
        ],
        "TeeHead" => vec![at(half, 0.0), at(-half, 0.0)],
        _ => return Ok(()),
    };
    let closed = matches!(kind, "NormalHead" | "VeeHead");
    if closed {
        path.polygon(outline);
        let fill = FillVisual::read(&specs, "")?;
        if let Some(c) = fill.color(i) {
            s.fill(&path, c, FillRule::NonZero);
        }
    } else {
        for (k, &(x, y)) in outline.iter().enumerate() {
            if k == 0 {
                path.move_to(x, y);
            } else {
                path.line_to(x, y);
            }
        }
    }
    let line = LineVisual::read(&specs, "")?;
    if let Some(stroke) = line.stroke(i, scale) {
        s.stroke(&path, &stroke);
    }
    Ok(())
}

impl AnnotationView for View<'_> {
    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        if !self.visible {
            return Ok(());
        }
        let s = Specs {
            r: self.r,
            model: self.arrow,
            rows: &self.rows,
            overrides: &[],
        };
        let xf = (c.factors)(&self.x_range_name, true);
        let yf = (c.factors)(&self.y_range_name, false);
        let (x0, y0) = (s.coords("x_start", xf)?, s.coords("y_start", yf)?);
        let (x1, y1) = (s.coords("x_end", xf)?, s.coords("y_end", yf)?);
        let line = LineVisual::read(&s, "")?;
        let maps = (c.maps)(&self.x_range_name, &self.y_range_name);
        for i in 0..self.rows.len {
            let a = maps.point(x0.get(i), y0.get(i));
            let b = maps.point(x1.get(i), y1.get(i));
            if !(a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite()) {
                continue;
            }
            if let Some(stroke) = line.stroke(i, c.scale) {
                let mut path = Path::new();
                path.move_to(a.0, a.1);
                path.line_to(b.0, b.1);
                c.surface.stroke(&path, &stroke);
            }
            let angle = std::f64::consts::FRAC_PI_2 + (b.1 - a.1).atan2(b.0 - a.0);
            if let Some(end) = self.end {
                draw_head(c.surface, self.r, end, &self.rows, i, (b, angle), c.scale)?;
            }
            if let Some(start) = self.start {
                let back = angle + std::f64::consts::PI;
                draw_head(c.surface, self.r, start, &self.rows, i, (a, back), c.scale)?;
            }
        }
        Ok(())
    }
}
