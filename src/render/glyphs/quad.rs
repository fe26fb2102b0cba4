//! Quad: Boxes given by their four edges.

use crate::render::ranges::Bounds;
use crate::render::region::Region;
use crate::render::scales::Maps;
use crate::render::surface::Rect;
use crate::render::RenderError;

use super::bars::{Boxes, Extent};
use super::{AreaVisuals, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View(Boxes {
        x: Extent::Edges(
            s.coords("left", input.x_factors)?,
            s.coords("right", input.x_factors)?,
        ),
        y: Extent::Edges(
            s.coords("bottom", input.y_factors)?,
            s.coords("top", input.y_factors)?,
        ),
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
