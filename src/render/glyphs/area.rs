//! What VArea, HArea and their step versions share: the area between two curves over a
//! shared coordinate, split where a value is NaN, filled and hatched (no outline).

use crate::models::StepMode;
use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::Numbers;
use crate::render::surface::{FillRule, Path, Rect};
use crate::render::visuals::{FillVisual, HatchVisual};
use crate::render::RenderError;

use super::{bounds_of, point_in_polygon, Paint};

pub(crate) struct Area<'d> {
    /// The shared coordinate (x of a VArea).
    pub along: Numbers<'d>,
    pub first: Numbers<'d>,
    pub second: Numbers<'d>,
    /// The curves are y over x (VArea) rather than x over y (HArea).
    pub vertical: bool,
    pub step: Option<StepMode>,
    pub fill: FillVisual,
    pub hatch: HatchVisual,
    pub len: usize,
}

impl Area<'_> {
    fn point(&self, maps: &Maps, a: f64, v: f64) -> (f64, f64) {
        if self.vertical {
            maps.point(a, v)
        } else {
            maps.point(v, a)
        }
    }

    /// The screen polygons, one per finite stretch of rows.
    fn polygons(&self, maps: &Maps) -> Vec<Vec<(f64, f64)>> {
        let mut out = Vec::new();
        let mut run: Vec<usize> = Vec::new();
        let finite = |i: usize| {
            [self.along.get(i), self.first.get(i), self.second.get(i)]
                .iter()
                .all(|v| v.is_finite())
        };
        for i in 0..=self.len {
            if i < self.len && finite(i) {
                run.push(i);
                continue;
            }
            if run.len() > 1 {
                let curve = |values: &Numbers<'_>| -> Vec<(f64, f64)> {
                    let pts: Vec<(f64, f64)> = run
                        .iter()
                        .map(|&k| self.point(maps, self.along.get(k), values.get(k)))
                        .collect();
                    self.stepped(&pts)
                };
                let mut poly = curve(&self.first);
                let mut back = curve(&self.second);
                back.reverse();
                poly.extend(back);
                out.push(poly);
            }
            run.clear();
        }
        out
    }

    /// The corners of a step curve through screen points (the shared coordinate steps).
    fn stepped(&self, pts: &[(f64, f64)]) -> Vec<(f64, f64)> {
        let Some(mode) = self.step else {
            return pts.to_vec();
        };
        let mut out = Vec::with_capacity(pts.len() * 3);
        for (k, &p) in pts.iter().enumerate() {
            if k > 0 {
                let q = pts[k - 1];
                // (along, value) in screen axes: swap for horizontal areas.
                let corner = |a: f64, v: f64| if self.vertical { (a, v) } else { (v, a) };
                let (qa, qv, pa, pv) = if self.vertical {
                    (q.0, q.1, p.0, p.1)
                } else {
                    (q.1, q.0, p.1, p.0)
                };
                match mode {
                    StepMode::Before => out.push(corner(qa, pv)),
                    StepMode::After => out.push(corner(pa, qv)),
                    StepMode::Center => {
                        let m = (qa + pa) / 2.0;
                        out.push(corner(m, qv));
                        out.push(corner(m, pv));
                    }
                }
            }
            out.push(p);
        }
        out
    }

    pub fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        let along = bounds_of(&self.along, self.len);
        let values = Bounds::union(
            bounds_of(&self.first, self.len),
            bounds_of(&self.second, self.len),
        );
        if self.vertical {
            (along, values)
        } else {
            (values, along)
        }
    }

    pub fn paint(&self, p: &mut Paint<'_>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for poly in self.polygons(&p.maps) {
            path.polygon(poly);
        }
        if let Some(c) = self.fill.color(0) {
            p.surface.fill(&path, c, FillRule::NonZero);
        }
        if let Some(pattern) = self.hatch.pattern(0, p.maps.scale) {
            p.surface.fill_pattern(&path, &pattern, FillRule::NonZero);
        }
        Ok(())
    }

    pub fn legend(&self, p: &mut Paint<'_>, rect: Rect) {
        let (dw, dh) = (rect.width * 0.1, rect.height * 0.1);
        let mut path = Path::new();
        path.rect(Rect::new(
            rect.x + dw,
            rect.y + dh,
            rect.width - 2.0 * dw,
            rect.height - 2.0 * dh,
        ));
        if let Some(c) = self.fill.color(0) {
            p.surface.fill(&path, c, FillRule::NonZero);
        }
        if let Some(pattern) = self.hatch.pattern(0, p.maps.scale) {
            p.surface.fill_pattern(&path, &pattern, FillRule::NonZero);
        }
    }

    pub fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        if self
            .polygons(maps)
            .iter()
            .any(|poly| point_in_polygon(at, poly))
        {
            vec![0]
        } else {
            Vec::new()
        }
    }
}

/// `impl GlyphView` for a type wrapping an [`Area`] in its field `0`.
macro_rules! area_view {
    ($view:ident) => {
        impl crate::render::glyphs::GlyphView for $view<'_> {
            fn bounds(
                &self,
            ) -> (
                Option<crate::render::ranges::Bounds>,
                Option<crate::render::ranges::Bounds>,
            ) {
                self.0.bounds()
            }
            fn paint(
                &self,
                p: &mut crate::render::glyphs::Paint<'_>,
                _rows: Option<&[usize]>,
            ) -> Result<(), crate::render::RenderError> {
                self.0.paint(p)
            }
            fn legend(
                &self,
                p: &mut crate::render::glyphs::Paint<'_>,
                rect: crate::render::surface::Rect,
                _row: Option<usize>,
            ) {
                self.0.legend(p, rect)
            }
            fn hit_point(&self, maps: &crate::render::scales::Maps, at: (f64, f64)) -> Vec<usize> {
                self.0.hit_point(maps, at)
            }
            fn len(&self) -> usize {
                self.0.len
            }
        }
    };
}
pub(crate) use area_view;
