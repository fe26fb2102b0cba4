//! HexTile: hexagons at axial coordinates (q, r), `size` from centre to corner, pointy
//! or flat on top, as BokehJS places them (y grows downwards with r).

use crate::models::HexTileOrientation;
use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::Numbers;
use crate::render::surface::{Path, Rect};
use crate::render::{Region, RenderError};

use super::{each_row, point_in_polygon, AreaVisuals, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    let q = s.numbers("q")?;
    let r = s.numbers("r")?;
    let size = s.r.number(s.model, "size")?;
    let aspect = s.r.number(s.model, "aspect_scale")?;
    let orientation: HexTileOrientation = s.r.get(s.model, "orientation")?;
    let sqrt3 = 3f64.sqrt();
    let len = s.rows.len;
    let (x, y): (Vec<f64>, Vec<f64>) = (0..len)
        .map(|i| {
            let (q, r) = (q.get(i), r.get(i));
            match orientation {
                HexTileOrientation::PointyTop => {
                    (size * sqrt3 * (q + r / 2.0) / aspect, -3.0 * size * r / 2.0)
                }
                HexTileOrientation::FlatTop => {
                    (3.0 * size * q / 2.0, -size * sqrt3 * (r + q / 2.0) * aspect)
                }
            }
        })
        .unzip();
    Ok(Box::new(View {
        x,
        y,
        scale: s.numbers("scale")?,
        size,
        aspect,
        orientation,
        visuals: AreaVisuals::read(s)?,
    }))
}

struct View<'d> {
    x: Vec<f64>,
    y: Vec<f64>,
    scale: Numbers<'d>,
    size: f64,
    aspect: f64,
    orientation: HexTileOrientation,
    visuals: AreaVisuals,
}

impl View<'_> {
    /// The corners around the centre, in device pixels, at scale 1.
    fn vertices(&self, maps: &Maps) -> [(f64, f64); 6] {
        let sqrt3 = 3f64.sqrt();
        let span = |s: &crate::render::scales::Scale| (s.apply(0.0) - s.apply(self.size)).abs();
        match self.orientation {
            HexTileOrientation::PointyTop => {
                let r = span(&maps.y);
                let h = sqrt3 / 2.0 * span(&maps.x) / self.aspect;
                let r2 = r / 2.0;
                [(0.0, r), (-h, r2), (-h, -r2), (0.0, -r), (h, -r2), (h, r2)]
            }
            HexTileOrientation::FlatTop => {
                let r = span(&maps.x);
                let h = sqrt3 / 2.0 * span(&maps.y) * self.aspect;
                let r2 = r / 2.0;
                [(r, 0.0), (r2, -h), (-r2, -h), (-r, 0.0), (-r2, h), (r2, h)]
            }
        }
    }

    fn corners(&self, maps: &Maps, i: usize) -> Option<[(f64, f64); 6]> {
        let (sx, sy) = maps.point(self.x[i], self.y[i]);
        let k = self.scale.get(i);
        if !(sx + sy + k).is_finite() {
            return None;
        }
        Some(
            self.vertices(maps)
                .map(|(vx, vy)| (sx + vx * k, sy + vy * k)),
        )
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        let sqrt3 = 3f64.sqrt();
        let (mut xsize, mut ysize) = (sqrt3 * self.size / 2.0, self.size);
        match self.orientation {
            HexTileOrientation::FlatTop => {
                std::mem::swap(&mut xsize, &mut ysize);
                ysize *= self.aspect;
            }
            HexTileOrientation::PointyTop => xsize /= self.aspect,
        }
        (
            Bounds::of(&self.x).map(|b| b.widened(xsize)),
            Bounds::of(&self.y).map(|b| b.widened(ysize)),
        )
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for i in each_row(rows, self.x.len()) {
            if let Some(corners) = self.corners(&p.maps, i) {
                path.clear();
                path.polygon(corners);
                self.visuals.paint(p.surface, &path, i, p.maps.scale);
            }
        }
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        self.visuals
            .legend(p.surface, rect, row.unwrap_or(0), p.maps.scale);
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        (0..self.x.len())
            .filter(|&i| {
                self.corners(maps, i)
                    .is_some_and(|c| point_in_polygon(at, &c))
            })
            .collect()
    }

    /// BokehJS's `_hit_rect`: the hexagons whose bounding box meets the box (its index
    /// holds their boxes); no `_hit_poly`, so a lasso selects none.
    fn hit_region(&self, maps: &Maps, region: &Region) -> Option<Vec<usize>> {
        if matches!(region, Region::Polygon(_)) {
            return None;
        }
        let meets = |corners: [(f64, f64); 6]| {
            let (mut l, mut t, mut r, mut b) = (
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            );
            for (x, y) in corners {
                (l, r, t, b) = (l.min(x), r.max(x), t.min(y), b.max(y));
            }
            region.meets_box((l, t, r, b))
        };
        Some(
            (0..self.x.len())
                .filter(|&i| self.corners(maps, i).is_some_and(meets))
                .collect(),
        )
    }

    fn len(&self) -> usize {
        self.x.len()
    }
}
