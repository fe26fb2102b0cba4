//! A path's stroke as polygons: a quadrilateral per segment, a join at each corner, a cap
//! at each open end, dashes cut first, as the canvas strokes. Every polygon turns the same
//! way, so their non-zero fill is their union: overlaps are painted once, as a canvas
//! stroke paints them.

use crate::models::{LineCap, LineJoin};
use crate::render::surface::{Path, Stroke};

type Point = (f64, f64);

/// The canvas' default miter limit (a ratio of miter length to line width).
const MITER_LIMIT: f64 = 10.0;

/// The polygons covering `path` stroked with `stroke`.
pub(crate) fn stroke_polygons(path: &Path, stroke: &Stroke) -> Vec<Vec<Point>> {
    let mut out = Vec::new();
    let half = stroke.width / 2.0;
    if half.is_nan() || half <= 0.0 {
        return out;
    }
    let dash = dash_pattern(&stroke.dash);
    for (points, closed) in path.subpaths() {
        let mut line: Vec<Point> = Vec::with_capacity(points.len() + 1);
        for &p in points {
            if !(p.0.is_finite() && p.1.is_finite()) {
                continue;
            }
            if line.last() != Some(&p) {
                line.push(p);
            }
        }
        if closed && line.len() > 1 && line.first() != line.last() {
            line.push(line[0]);
        }
        match &dash {
            Some(pattern) => {
                for piece in dashes(&line, pattern, stroke.dash_offset) {
                    open_line(&piece, half, stroke, &mut out);
                }
            }
            None if closed && line.len() > 2 => closed_line(&line, half, stroke.join, &mut out),
            None => open_line(&line, half, stroke, &mut out),
        }
    }
    for poly in &mut out {
        if signed_area(poly) < 0.0 {
            poly.reverse();
        }
    }
    out
}

/// The dash lengths as the canvas uses them: an odd count is repeated; all zero (or
/// none) is solid.
fn dash_pattern(dash: &[f64]) -> Option<Vec<f64>> {
    if dash.is_empty() || dash.iter().any(|d| !(d.is_finite() && *d >= 0.0)) {
        return None;
    }
    if dash.iter().sum::<f64>() <= 0.0 {
        return None;
    }
    let mut pattern = dash.to_vec();
    if pattern.len() % 2 == 1 {
        pattern.extend_from_slice(dash);
    }
    Some(pattern)
}

/// The "on" pieces of a polyline under a dash pattern starting `offset` into it.
fn dashes(line: &[Point], pattern: &[f64], offset: f64) -> Vec<Vec<Point>> {
    let period: f64 = pattern.iter().sum();
    let mut at = offset.rem_euclid(period);
    let mut index = 0;
    while at >= pattern[index] {
        at -= pattern[index];
        index = (index + 1) % pattern.len();
    }
    // How much of the current dash entry is left, and whether it is "on".
    let mut left = pattern[index] - at;
    let mut on = index % 2 == 0;
    let mut pieces = Vec::new();
    let mut current: Vec<Point> = Vec::new();
    if on {
        if let Some(&p) = line.first() {
            current.push(p);
        }
    }
    for seg in line.windows(2) {
        let (a, b) = (seg[0], seg[1]);
        let length = (b.0 - a.0).hypot(b.1 - a.1);
        let mut done = 0.0;
        while length - done > left {
            done += left;
            let t = done / length;
            let p = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
            if on {
                current.push(p);
                pieces.push(std::mem::take(&mut current));
            } else {
                current.push(p);
            }
            on = !on;
            index = (index + 1) % pattern.len();
            left = pattern[index];
        }
        left -= length - done;
        if on {
            current.push(b);
        }
    }
    if on && current.len() > 1 {
        pieces.push(current);
    }
    pieces
}

fn normal(a: Point, b: Point, half: f64) -> Point {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = dx.hypot(dy);
    (-dy / len * half, dx / len * half)
}

fn add(a: Point, b: Point) -> Point {
    (a.0 + b.0, a.1 + b.1)
}

fn sub(a: Point, b: Point) -> Point {
    (a.0 - b.0, a.1 - b.1)
}

fn segment(a: Point, b: Point, half: f64, out: &mut Vec<Vec<Point>>) {
    let n = normal(a, b, half);
    out.push(vec![add(a, n), add(b, n), sub(b, n), sub(a, n)]);
}

fn circle(c: Point, r: f64, out: &mut Vec<Vec<Point>>) {
    let mut p = Path::new();
    p.circle(c, r);
    out.push(p.points);
}

/// The join at `v` between the segment arriving from `a` and the one leaving to `b`.
fn join(a: Point, v: Point, b: Point, half: f64, kind: LineJoin, out: &mut Vec<Vec<Point>>) {
    let (n1, n2) = (normal(a, v, half), normal(v, b, half));
    match kind {
        LineJoin::Round => circle(v, half, out),
        LineJoin::Bevel => {
            out.push(vec![v, add(v, n1), add(v, n2)]);
            out.push(vec![v, sub(v, n1), sub(v, n2)]);
        }
        LineJoin::Miter => {
            // The outer side is the one the path turns away from.
            let turn = (v.0 - a.0) * (b.1 - v.1) - (v.1 - a.1) * (b.0 - v.0);
            let (m1, m2) = if turn > 0.0 {
                ((-n1.0, -n1.1), (-n2.0, -n2.1))
            } else {
                (n1, n2)
            };
            let (p1, p2) = (add(v, m1), add(v, m2));
            let d1 = (v.0 - a.0, v.1 - a.1);
            let d2 = (b.0 - v.0, b.1 - v.1);
            // Intersect p1 + s·d1 with p2 + t·d2.
            let denom = d1.0 * d2.1 - d1.1 * d2.0;
            let miter = (denom.abs() > 1e-12).then(|| {
                let s = ((p2.0 - p1.0) * d2.1 - (p2.1 - p1.1) * d2.0) / denom;
                (p1.0 + s * d1.0, p1.1 + s * d1.1)
            });
            match miter {
                Some(m) if (m.0 - v.0).hypot(m.1 - v.1) <= MITER_LIMIT * half => {
                    out.push(vec![v, p1, m, p2]);
                }
                _ => out.push(vec![v, p1, p2]),
            }
        }
    }
}

fn open_line(line: &[Point], half: f64, stroke: &Stroke, out: &mut Vec<Vec<Point>>) {
    match line {
        [] => {}
        [p] => match stroke.cap {
            LineCap::Round => circle(*p, half, out),
            LineCap::Square => out.push(vec![
                (p.0 - half, p.1 - half),
                (p.0 + half, p.1 - half),
                (p.0 + half, p.1 + half),
                (p.0 - half, p.1 + half),
            ]),
            LineCap::Butt => {}
        },
        _ => {
            let mut points = line.to_vec();
            if stroke.cap == LineCap::Square {
                let n = points.len();
                let extend = |from: Point, to: Point| {
                    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
                    let len = dx.hypot(dy);
                    (to.0 + dx / len * half, to.1 + dy / len * half)
                };
                points[0] = extend(points[1], points[0]);
                points[n - 1] = extend(points[n - 2], points[n - 1]);
            }
            for seg in points.windows(2) {
                segment(seg[0], seg[1], half, out);
            }
            for w in points.windows(3) {
                join(w[0], w[1], w[2], half, stroke.join, out);
            }
            if stroke.cap == LineCap::Round {
                circle(points[0], half, out);
                circle(points[points.len() - 1], half, out);
            }
        }
    }
}

/// A closed polyline (its last point repeats its first): joins all round.
fn closed_line(line: &[Point], half: f64, kind: LineJoin, out: &mut Vec<Vec<Point>>) {
    for seg in line.windows(2) {
        segment(seg[0], seg[1], half, out);
    }
    for w in line.windows(3) {
        join(w[0], w[1], w[2], half, kind, out);
    }
    let n = line.len();
    join(line[n - 2], line[0], line[1], half, kind, out);
}

fn signed_area(poly: &[Point]) -> f64 {
    let n = poly.len();
    (0..n)
        .map(|i| {
            let (a, b) = (poly[i], poly[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Rgba;
    use crate::render::raster::{Coverage, IRect};
    use crate::render::surface::FillRule;

    fn covered(path: &Path, stroke: &Stroke) -> Coverage {
        let polys = stroke_polygons(path, stroke);
        let clip = IRect {
            x0: -50,
            y0: -50,
            x1: 100,
            y1: 100,
        };
        Coverage::fill(polys.iter().map(Vec::as_slice), FillRule::NonZero, clip)
    }

    fn line(points: &[Point]) -> Path {
        let mut p = Path::new();
        for &(x, y) in points {
            p.line_to(x, y);
        }
        p
    }

    #[test]
    fn a_horizontal_stroke_is_its_width_tall_and_painted_once() {
        let stroke = Stroke::solid(Rgba::WHITE, 4.0);
        let c = covered(&line(&[(0.0, 10.0), (20.0, 10.0)]), &stroke);
        let total: f32 = c.alpha.iter().sum();
        assert!((total - 80.0).abs() < 0.5, "{total}");
        assert!(c.alpha.iter().all(|&a| a <= 1.0));
    }

    #[test]
    fn square_caps_reach_half_the_width_further() {
        let mut stroke = Stroke::solid(Rgba::WHITE, 4.0);
        stroke.cap = LineCap::Square;
        let c = covered(&line(&[(0.0, 10.0), (20.0, 10.0)]), &stroke);
        let total: f32 = c.alpha.iter().sum();
        assert!((total - 96.0).abs() < 0.5, "{total}");
    }

    #[test]
    fn dashes_paint_only_the_on_parts() {
        let mut stroke = Stroke::solid(Rgba::WHITE, 2.0);
        stroke.dash = vec![5.0, 5.0];
        let c = covered(&line(&[(0.0, 10.0), (40.0, 10.0)]), &stroke);
        let total: f32 = c.alpha.iter().sum();
        assert!((total - 40.0).abs() < 0.5, "{total}");
    }

    #[test]
    fn a_miter_corner_fills_its_point_and_a_bevel_cuts_it() {
        let corner = line(&[(0.0, 20.0), (20.0, 20.0), (20.0, 0.0)]);
        let mut stroke = Stroke::solid(Rgba::WHITE, 6.0);
        stroke.join = LineJoin::Miter;
        let miter: f32 = covered(&corner, &stroke).alpha.iter().sum();
        stroke.join = LineJoin::Bevel;
        let bevel: f32 = covered(&corner, &stroke).alpha.iter().sum();
        // The miter adds the 3×3 outer corner; the bevel half of it.
        assert!((miter - bevel - 4.5).abs() < 0.5, "{miter} vs {bevel}");
    }
}
