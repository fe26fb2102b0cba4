//! ImageRGBA: 2D arrays of packed RGBA (a uint32 per pixel, red in the lowest byte),
//! placed like Image.

use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::surface::Rect;
use crate::render::RenderError;

use super::image::{grid, Grid, Placement};
use super::{each_row, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    let grids = match s.parts("image")?.source {
        crate::render::specs::Source::Field(name) => s.column(&name)?.map_values(|v| grid(&v)),
        _ => return Err(s.r.bad(s.model, "image", "a field of 2D arrays")),
    };
    Ok(Box::new(View {
        placement: Placement::read(input)?,
        grids,
    }))
}

struct View<'d> {
    placement: Placement<'d>,
    grids: Vec<Option<Grid>>,
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        self.placement.bounds()
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        for i in each_row(rows, self.grids.len()) {
            let Some(g) = &self.grids[i] else { continue };
            let rgba: Vec<u8> = g
                .cells
                .iter()
                .flat_map(|&v| (v as u32).to_le_bytes())
                .collect();
            self.placement.draw(p, i, g.width, g.height, rgba);
        }
        Ok(())
    }

    fn legend(&self, _p: &mut Paint<'_>, _rect: Rect, _row: Option<usize>) {}

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        (0..self.placement.len)
            .filter(|&i| self.placement.rect(maps, i).contains(at))
            .collect()
    }

    fn len(&self) -> usize {
        self.placement.len
    }
}
