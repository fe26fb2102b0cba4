//! PolyAnnotation: a polygon through the points (`xs`, `ys`), in data, screen or canvas
//! units (`xs_units`, `ys_units`); filled and hatched once it has three points, its
//! outline stroked (open with fewer), as BokehJS's PolyAnnotationView paints it.

use crate::document::AnyId;
use crate::models::CoordinateUnits;
use crate::render::ranges::Bounds;
use crate::render::read::Reader;
use crate::render::surface::Path;
use crate::render::RenderError;

use super::{place, AnnotationCtx, AnnotationView, Area, Extent};

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
        area: Area::read(r, p)?,
    }))
}

struct View {
    xs: Vec<f64>,
    ys: Vec<f64>,
    units: (CoordinateUnits, CoordinateUnits),
    area: Area,
}

impl AnnotationView for View {
    // Its points are its own: drawn from the ranges, not the data.
    fn reads_data(&self) -> bool {
        false
    }

    /// Its points, when both their coordinates are in data units.
    fn extent(&self) -> Option<Extent<'_>> {
        if self.units != (CoordinateUnits::Data, CoordinateUnits::Data) {
            return None;
        }
        let (x, y) = (Bounds::of(&self.xs), Bounds::of(&self.ys));
        Some(self.area.extent(x, y))
    }

    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        let area = &self.area;
        if !area.visible || self.xs.is_empty() {
            return Ok(());
        }
        let maps = (c.maps)(&area.x_range_name, &area.y_range_name);
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
        }
        area.paint(c.surface, &path, closed, c.scale);
        Ok(())
    }
}
