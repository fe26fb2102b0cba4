//! What the box glyphs (VBar, HBar, Quad, Block) share: each row an axis-aligned box
//! whose extent along each axis is given by two edges, a centre and a size, or a start
//! and a size, sizes in data or screen units.

use crate::render::ranges::Bounds;
use crate::render::region::Region;
use crate::render::scales::{Maps, Scale};
use crate::render::specs::{Numbers, Units};
use crate::render::surface::{Path, Rect};
use crate::render::RenderError;

use super::{bounds_of, each_row, AreaVisuals, GlyphView, Paint};

/// A box's extent along one axis.
pub(crate) enum Extent<'d> {
    Edges(Numbers<'d>, Numbers<'d>),
    Center(Numbers<'d>, Numbers<'d>, Units),
    Start(Numbers<'d>, Numbers<'d>, Units),
    /// Across the frame, whatever the range (a strip's other axis).
    Across,
}

impl Extent<'_> {
    /// Row `i`'s extent in device pixels (ordered low to high).
    fn screen(&self, i: usize, scale: &Scale, dpr: f64) -> (f64, f64) {
        let (a, b) = match self {
            Extent::Edges(lo, hi) => (scale.apply(lo.get(i)), scale.apply(hi.get(i))),
            Extent::Center(c, size, units) => {
                let (c, s) = (c.get(i), size.get(i));
                match units {
                    Units::Data => (scale.apply(c - s / 2.0), scale.apply(c + s / 2.0)),
                    Units::Screen => {
                        let sc = scale.apply(c);
                        (sc - s * dpr / 2.0, sc + s * dpr / 2.0)
                    }
                }
            }
            Extent::Across => {
                // The visible range, and as far again each side: the edges and their
                // outline lie beyond the frame's clip.
                let (a, b) = (scale.apply(scale.range.start), scale.apply(scale.range.end));
                let pad = (b - a).abs() + 2.0 * dpr;
                (a.min(b) - pad, a.max(b) + pad)
            }
            Extent::Start(start, size, units) => {
                let (a, s) = (start.get(i), size.get(i));
                match units {
                    Units::Data => (scale.apply(a), scale.apply(a + s)),
                    Units::Screen => {
                        let sa = scale.apply(a);
                        (sa, sa + s * dpr)
                    }
                }
            }
        };
        (a.min(b), a.max(b))
    }

    fn bounds(&self, len: usize) -> Option<Bounds> {
        let spread = |lo: &Numbers<'_>, hi: &Numbers<'_>| {
            let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
            for i in 0..len {
                for v in [lo.get(i), hi.get(i)] {
                    if v.is_finite() {
                        min = min.min(v);
                        max = max.max(v);
                    }
                }
            }
            (min <= max).then_some(Bounds { min, max })
        };
        match self {
            Extent::Edges(lo, hi) => spread(lo, hi),
            Extent::Center(c, size, Units::Data) => {
                let lo: Vec<f64> = (0..len).map(|i| c.get(i) - size.get(i) / 2.0).collect();
                let hi: Vec<f64> = (0..len).map(|i| c.get(i) + size.get(i) / 2.0).collect();
                spread(&Numbers::Vector(lo.into()), &Numbers::Vector(hi.into()))
            }
            Extent::Start(a, size, Units::Data) => {
                let hi: Vec<f64> = (0..len).map(|i| a.get(i) + size.get(i)).collect();
                spread(a, &Numbers::Vector(hi.into()))
            }
            Extent::Center(c, _, Units::Screen) | Extent::Start(c, _, Units::Screen) => {
                bounds_of(c, len)
            }
            Extent::Across => None,
        }
    }
}

/// Axis-aligned boxes, one per row.
pub(crate) struct Boxes<'d> {
    pub x: Extent<'d>,
    pub y: Extent<'d>,
    pub visuals: AreaVisuals,
    pub len: usize,
}

impl Boxes<'_> {
    pub fn rect(&self, maps: &Maps, i: usize) -> Rect {
        let (x0, x1) = self.x.screen(i, &maps.x, maps.scale);
        let (y0, y1) = self.y.screen(i, &maps.y, maps.scale);
        Rect::new(x0, y0, x1 - x0, y1 - y0)
    }
}

/// Every box glyph (VBar, HBar, Quad, Block, the strips) is its boxes.
impl GlyphView for Boxes<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        (self.x.bounds(self.len), self.y.bounds(self.len))
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for i in each_row(rows, self.len) {
            let r = self.rect(&p.maps, i);
            if !(r.x.is_finite() && r.y.is_finite() && r.width.is_finite() && r.height.is_finite())
            {
                continue;
            }
            path.clear();
            path.rect(r);
            self.visuals.paint(p.surface, &path, i, p.maps.scale);
        }
        Ok(())
    }

    /// The boxes meeting a box `region` (BokehJS's spatial index query); BokehJS's boxes
    /// answer no lasso.
    fn hit_region(&self, maps: &Maps, region: &Region) -> Option<Vec<usize>> {
        if matches!(region, Region::Polygon(_)) {
            return None;
        }
        Some(
            (0..self.len)
                .filter(|&i| {
                    let r = self.rect(maps, i);
                    region.meets_box((r.x, r.y, r.right(), r.bottom()))
                })
                .collect(),
        )
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        (self.visuals).legend(p.surface, rect, row.unwrap_or(0), p.maps.scale);
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        (0..self.len)
            .filter(|&i| self.rect(maps, i).contains(at))
            .collect()
    }

    fn len(&self) -> usize {
        self.len
    }
}
