//! PolyAnnotation: a polygon through the points (`xs`, `ys`), in data, screen or canvas
//! units (`xs_units`, `ys_units`); filled and hatched once it has three points, its
//! outline stroked (open with fewer), as BokehJS's PolyAnnotationView paints it.

use crate::core::Rgba;
use crate::document::AnyId;
use crate::models::CoordinateUnits;
use crate::render::read::Reader;
use crate::render::surface::{FillRule, Path, Stroke};
use crate::render::RenderError;

use super::{place, AnnotationCtx, AnnotationView, Extent, Hatch};
use crate::render::ranges::Bounds;

pub(crate) fn build<'d>(
    r: Reader<'d>,
    p: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    let (xs, ys): (Vec<f64>, Vec<f64>) = (r.get(p, "xs")?, r.get(p, "ys")?);
    if xs.len() != ys.len() {
        return Err(r.bad(p, "ys", "as many numbers as xs"));
    }
    Ok(Box::new(View {
        xs,
        ys,
        units: (r.get(p, "xs_units")?, r.get(p, "ys_units")?),
        fill: r.fill(p, "")?,
        line: r.stroke(p, "", 1.0)?,
        hatch: Hatch::read(r, p)?,
        visible: r.flag(p, "visible")?,
        x_range_name: r.string(p, "x_range_name")?,
        y_range_name: r.string(p, "y_range_name")?,
    }))
}

struct View {
    xs: Vec<f64>,
    ys: Vec<f64>,
    units: (CoordinateUnits, CoordinateUnits),
    fill: Option<Rgba>,
    line: Option<Stroke>,
    hatch: Option<Hatch>,
    visible: bool,
    x_range_name: String,
    y_range_name: String,
}

impl AnnotationView for View {
    // Its points are its own: drawn from the ranges, not the data.
    fn reads_data(&self) -> bool {
        false
    }

    /// Its points, when both their coordinates are in data units.
    fn extent(&self) -> Option<Extent<'_>> {
        let data = self.units == (CoordinateUnits::Data, CoordinateUnits::Data);
        Some(Extent {
            x: Bounds::of(&self.xs).filter(|_| data),
            y: Bounds::of(&self.ys).filter(|_| data),
            x_range_name: &self.x_range_name,
            y_range_name: &self.y_range_name,
            visible: self.visible,
        })
    }

    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        if !self.visible || self.xs.is_empty() {
            return Ok(());
        }
        let maps = (c.maps)(&self.x_range_name, &self.y_range_name);
        let mut path = Path::new();
        for (&x, &y) in self.xs.iter().zip(&self.ys) {
            path.line_to(
                place(c, self.units.0, true, x, &|v| maps.x.apply(v)),
                place(c, self.units.1, false, y, &|v| maps.y.apply(v)),
            );
        }
        let closed = self.xs.len() >= 3;
        if closed {
            path.close();
            if let Some(fill) = self.fill {
                c.surface.fill(&path, fill, FillRule::NonZero);
            }
            if let Some(hatch) = &self.hatch {
                hatch.paint(c.surface, &path, c.scale);
            }
        }
        if let Some(line) = &self.line {
            c.surface.stroke(&path, &line.scaled(c.scale));
        }
        Ok(())
    }
}
