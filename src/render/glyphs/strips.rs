//! HStrip and VStrip: a band across the frame from each row's y0 to y1 (or x0 to x1),
//! filled, hatched and outlined as a Quad is.

use crate::render::ranges::Bounds;
use crate::render::region::Region;
use crate::render::scales::Maps;
use crate::render::surface::Rect;
use crate::render::RenderError;

use super::bars::{Boxes, Extent};
use super::{AreaVisuals, GlyphInput, GlyphView, Paint};

pub(crate) fn build_h<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    let y = Extent::Edges(
        s.coords("y0", input.y_factors)?,
        s.coords("y1", input.y_factors)?,
    );
    Ok(Box::new(View(Boxes {
        x: Extent::Across,
        y,
        visuals: AreaVisuals::read(s)?,
        len: s.rows.len,
    })))
}

pub(crate) fn build_v<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    let x = Extent::Edges(
        s.coords("x0", input.x_factors)?,
        s.coords("x1", input.x_factors)?,
    );
    Ok(Box::new(View(Boxes {
        x,
        y: Extent::Across,
        visuals: AreaVisuals::read(s)?,
        len: s.rows.len,
    })))
}

struct View<'d>(Boxes<'d>);

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        self.0.bounds()
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        self.0.paint(p, rows)
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        self.0
            .visuals
            .legend(p.surface, rect, row.unwrap_or(0), p.maps.scale);
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        self.0.hit_point(maps, at)
    }

    fn hit_region(&self, maps: &Maps, region: &Region) -> Option<Vec<usize>> {
        self.0.hit_region(maps, region)
    }

    fn len(&self) -> usize {
        self.0.len
    }
}
