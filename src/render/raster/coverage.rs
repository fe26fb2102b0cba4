//! Polygons to coverage: for each pixel, the fraction of it the polygons cover under a
//! fill rule. Four sub-scanlines per pixel row; along each, the span's exact overlap with
//! each pixel. Enough for edges that look like the canvas' anti-aliasing.

use crate::render::surface::FillRule;

/// Sub-scanlines per pixel row.
const SUB_ROWS: usize = 4;

/// A rectangle of whole pixels: `x0..x1` × `y0..y1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct IRect {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl IRect {
    pub fn intersect(self, o: IRect) -> IRect {
        IRect {
            x0: self.x0.max(o.x0),
            y0: self.y0.max(o.y0),
            x1: self.x1.min(o.x1),
            y1: self.y1.min(o.y1),
        }
    }

    pub fn is_empty(self) -> bool {
        self.x0 >= self.x1 || self.y0 >= self.y1
    }

    /// The whole pixels a real rectangle touches.
    pub fn around(x0: f64, y0: f64, x1: f64, y1: f64) -> IRect {
        let clamp = |v: f64| v.clamp(-1e7, 1e7);
        IRect {
            x0: clamp(x0.floor()) as i32,
            y0: clamp(y0.floor()) as i32,
            x1: clamp(x1.ceil()) as i32,
            y1: clamp(y1.ceil()) as i32,
        }
    }
}

/// One edge of a polygon, top to bottom, and which way it went.
#[derive(Clone, Copy)]
struct Edge {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    winding: i32,
}

/// Coverage of a rectangle of pixels, each 0..=1, row by row.
pub(crate) struct Coverage {
    pub area: IRect,
    pub alpha: Vec<f32>,
}

impl Coverage {
    /// The coverage of `polygons` (each closed implicitly) within `clip`.
    pub fn fill<'p>(
        polygons: impl IntoIterator<Item = &'p [(f64, f64)]>,
        rule: FillRule,
        clip: IRect,
    ) -> Coverage {
        let mut edges = Vec::new();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for poly in polygons {
            let finite = poly.iter().filter(|p| p.0.is_finite() && p.1.is_finite());
            let points: Vec<(f64, f64)> = finite.copied().collect();
            if points.len() < 3 {
                continue;
            }
            for (i, &a) in points.iter().enumerate() {
                let b = points[(i + 1) % points.len()];
                x0 = x0.min(a.0);
                x1 = x1.max(a.0);
                y0 = y0.min(a.1);
                y1 = y1.max(a.1);
                if a.1 == b.1 {
                    continue;
                }
                let (top, bottom, winding) = if a.1 < b.1 { (a, b, 1) } else { (b, a, -1) };
                edges.push(Edge {
                    x0: top.0,
                    y0: top.1,
                    x1: bottom.0,
                    y1: bottom.1,
                    winding,
                });
            }
        }
        let area = if edges.is_empty() {
            IRect {
                x0: 0,
                y0: 0,
                x1: 0,
                y1: 0,
            }
        } else {
            IRect::around(x0, y0, x1, y1).intersect(clip)
        };
        let mut cov = Coverage {
            area,
            alpha: Vec::new(),
        };
        if area.is_empty() {
            cov.area = IRect {
                x0: 0,
                y0: 0,
                x1: 0,
                y1: 0,
            };
            return cov;
        }
        let width = (area.x1 - area.x0) as usize;
        cov.alpha = vec![0.0; width * (area.y1 - area.y0) as usize];
        edges.sort_by(|a, b| a.y0.total_cmp(&b.y0));
        let mut active: Vec<Edge> = Vec::new();
        let mut next = 0;
        let mut crossings: Vec<(f64, i32)> = Vec::new();
        let weight = 1.0 / SUB_ROWS as f32;
        for py in area.y0..area.y1 {
            let row = (py - area.y0) as usize * width;
            for k in 0..SUB_ROWS {
                let sy = f64::from(py) + (k as f64 + 0.5) / SUB_ROWS as f64;
                while next < edges.len() && edges[next].y0 <= sy {
                    active.push(edges[next]);
                    next += 1;
                }
                active.retain(|e| e.y1 > sy);
                crossings.clear();
                for e in &active {
                    if e.y0 <= sy {
                        let t = (sy - e.y0) / (e.y1 - e.y0);
                        crossings.push((e.x0 + t * (e.x1 - e.x0), e.winding));
                    }
                }
                crossings.sort_by(|a, b| a.0.total_cmp(&b.0));
                let mut winding = 0;
                for pair in crossings.windows(2) {
                    winding += pair[0].1;
                    let inside = match rule {
                        FillRule::NonZero => winding != 0,
                        FillRule::EvenOdd => winding % 2 != 0,
                    };
                    if inside {
                        let from = pair[0].0.max(f64::from(area.x0));
                        let to = pair[1].0.min(f64::from(area.x1));
                        add_span(&mut cov.alpha[row..row + width], area.x0, from, to, weight);
                    }
                }
            }
        }
        for a in &mut cov.alpha {
            *a = a.min(1.0);
        }
        cov
    }

    /// Every pixel with some coverage: (x, y, coverage).
    pub fn pixels(&self) -> impl Iterator<Item = (i32, i32, f32)> + '_ {
        let width = (self.area.x1 - self.area.x0).max(0) as usize;
        self.alpha
            .iter()
            .enumerate()
            .filter(|(_, &a)| a > 0.0)
            .map(move |(i, &a)| {
                let x = self.area.x0 + (i % width) as i32;
                let y = self.area.y0 + (i / width) as i32;
                (x, y, a)
            })
    }
}

/// Adds `weight` times the overlap of `from..to` with each pixel to a row of coverage
/// starting at pixel `x0`.
fn add_span(row: &mut [f32], x0: i32, from: f64, to: f64, weight: f32) {
    if to <= from {
        return;
    }
    let first = from.floor();
    let last = to.ceil();
    let mut x = first;
    while x < last {
        let i = (x as i64 - i64::from(x0)) as usize;
        let overlap = (to.min(x + 1.0) - from.max(x)) as f32;
        if let Some(a) = row.get_mut(i) {
            *a += overlap * weight;
        }
        x += 1.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLIP: IRect = IRect {
        x0: 0,
        y0: 0,
        x1: 20,
        y1: 20,
    };

    fn at(c: &Coverage, x: i32, y: i32) -> f32 {
        let w = c.area.x1 - c.area.x0;
        if x < c.area.x0 || x >= c.area.x1 || y < c.area.y0 || y >= c.area.y1 {
            return 0.0;
        }
        c.alpha[((y - c.area.y0) * w + (x - c.area.x0)) as usize]
    }

    #[test]
    fn a_pixel_aligned_square_covers_its_pixels_fully() {
        let square = [(2.0, 2.0), (6.0, 2.0), (6.0, 6.0), (2.0, 6.0)];
        let c = Coverage::fill([&square[..]], FillRule::NonZero, CLIP);
        assert_eq!(at(&c, 2, 2), 1.0);
        assert_eq!(at(&c, 5, 5), 1.0);
        assert_eq!(at(&c, 6, 5), 0.0);
        assert_eq!(c.pixels().count(), 16);
    }

    #[test]
    fn half_pixels_are_half_covered() {
        let square = [(2.5, 2.0), (6.5, 2.0), (6.5, 4.0), (2.5, 4.0)];
        let c = Coverage::fill([&square[..]], FillRule::NonZero, CLIP);
        assert!((at(&c, 2, 3) - 0.5).abs() < 1e-6);
        assert!((at(&c, 6, 3) - 0.5).abs() < 1e-6);
        assert_eq!(at(&c, 4, 3), 1.0);
    }

    #[test]
    fn even_odd_leaves_holes_and_non_zero_fills_them() {
        let outer = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        let inner = [(3.0, 3.0), (7.0, 3.0), (7.0, 7.0), (3.0, 7.0)];
        let polys = [&outer[..], &inner[..]];
        let eo = Coverage::fill(polys, FillRule::EvenOdd, CLIP);
        assert_eq!(at(&eo, 5, 5), 0.0);
        assert_eq!(at(&eo, 1, 1), 1.0);
        let nz = Coverage::fill(polys, FillRule::NonZero, CLIP);
        assert_eq!(at(&nz, 5, 5), 1.0);
    }

    #[test]
    fn the_clip_cuts() {
        let big = [(-5.0, -5.0), (50.0, -5.0), (50.0, 50.0), (-5.0, 50.0)];
        let c = Coverage::fill([&big[..]], FillRule::NonZero, CLIP);
        assert_eq!(c.area, CLIP);
        assert_eq!(c.pixels().count(), 400);
    }
}
