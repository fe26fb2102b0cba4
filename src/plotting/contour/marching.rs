//! Contours of a gridded field by marching triangles: each grid cell is split along its
//! diagonal into two triangles over which `z` is linear, so a level crosses a triangle in
//! at most one straight segment and a band between two levels covers a convex piece of it.
//! Bokeh's contourpy works on whole quads; the pictures differ only inside saddle cells.

use std::collections::HashMap;

/// A point of the plane.
type Point = (f64, f64);
/// A piece of a line, between two points.
type Segment = (Point, Point);

/// A grid's corner: its coordinates and value.
#[derive(Clone, Copy)]
struct Corner {
    /// Its index in the grid, to order an edge's ends the same way from either side.
    at: usize,
    x: f64,
    y: f64,
    z: f64,
}

/// Values `z` (row by row: `y.len()` rows of `x.len()`) at `x` and `y`, split into
/// triangles, each counter-clockwise when `x` and `y` increase.
pub(super) struct Triangles<'g> {
    x: &'g [f64],
    y: &'g [f64],
    z: &'g [f64],
}

impl<'g> Triangles<'g> {
    pub fn new(x: &'g [f64], y: &'g [f64], z: &'g [f64]) -> Triangles<'g> {
        Triangles { x, y, z }
    }

    fn corner(&self, i: usize, j: usize) -> Corner {
        let at = j * self.x.len() + i;
        Corner {
            at,
            x: self.x[i],
            y: self.y[j],
            z: self.z[at],
        }
    }

    /// Each cell's two triangles (none where a corner's value is not finite), and whether
    /// the cell is whole: `f(triangles, cell)` with the cell's four corners.
    fn each_cell(&self, mut f: impl FnMut([[Corner; 3]; 2], [Corner; 4])) {
        for j in 0..self.y.len().saturating_sub(1) {
            for i in 0..self.x.len().saturating_sub(1) {
                let [a, b, c, d] = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
                    .map(|(i, j)| self.corner(i, j));
                if [a, b, c, d].iter().all(|k| k.z.is_finite()) {
                    f([[a, b, c], [a, c, d]], [a, b, c, d]);
                }
            }
        }
    }

    /// The pieces of the field between `lower` and `upper`: convex rings, counter-clockwise;
    /// a cell wholly inside is one square.
    pub fn band(&self, lower: f64, upper: f64) -> Vec<Vec<(f64, f64)>> {
        let mut pieces = Vec::new();
        let inside = |k: &Corner| lower <= k.z && k.z <= upper;
        self.each_cell(|triangles, cell| {
            if cell.iter().all(inside) {
                pieces.push(cell.iter().map(|k| (k.x, k.y)).collect());
                return;
            }
            for triangle in triangles {
                let low = triangle.iter().map(|k| k.z).fold(f64::INFINITY, f64::min);
                let high = triangle
                    .iter()
                    .map(|k| k.z)
                    .fold(f64::NEG_INFINITY, f64::max);
                if high < lower || low > upper {
                    continue;
                }
                let above = clip(&triangle, |z| z - lower);
                let piece = clip(&above, |z| upper - z);
                if piece.len() >= 3 {
                    pieces.push(piece.iter().map(|k| (k.x, k.y)).collect());
                }
            }
        });
        pieces
    }

    /// The lines where the field crosses `level`, each a list of points (a closed one ends
    /// where it starts).
    pub fn lines(&self, level: f64) -> Vec<Vec<(f64, f64)>> {
        let mut segments = Vec::new();
        self.each_cell(|triangles, _| {
            for triangle in triangles {
                // A corner at the level counts as above it: a triangle is crossed on two
                // edges or none.
                let crossed: Vec<(f64, f64)> = [(0, 1), (1, 2), (2, 0)]
                    .into_iter()
                    .filter(|&(p, q)| (triangle[p].z >= level) != (triangle[q].z >= level))
                    .map(|(p, q)| crossing(triangle[p], triangle[q], level))
                    .collect();
                if let [a, b] = crossed[..] {
                    if a != b {
                        segments.push((a, b));
                    }
                }
            }
        });
        chain(&segments)
    }
}

/// The polygon `ring`'s part where `side(z)` is not negative (Sutherland–Hodgman).
fn clip(ring: &[Corner], side: impl Fn(f64) -> f64) -> Vec<Corner> {
    let mut out = Vec::with_capacity(ring.len() + 2);
    for (n, &p) in ring.iter().enumerate() {
        let q = ring[(n + 1) % ring.len()];
        let (sp, sq) = (side(p.z), side(q.z));
        if sp >= 0.0 {
            out.push(p);
        }
        if (sp >= 0.0) != (sq >= 0.0) {
            let t = sp / (sp - sq);
            out.push(Corner {
                at: usize::MAX,
                x: p.x + t * (q.x - p.x),
                y: p.y + t * (q.y - p.y),
                z: p.z + t * (q.z - p.z),
            });
        }
    }
    out
}

/// Where `level` crosses the edge from `p` to `q`: worked out from the edge's ends in
/// grid order, so the two triangles that share the edge find the very same point.
fn crossing(p: Corner, q: Corner, level: f64) -> (f64, f64) {
    let (p, q) = if p.at < q.at { (p, q) } else { (q, p) };
    if p.z == level {
        return (p.x, p.y);
    }
    if q.z == level {
        return (q.x, q.y);
    }
    let t = (level - p.z) / (q.z - p.z);
    (p.x + t * (q.x - p.x), p.y + t * (q.y - p.y))
}

/// Segments joined end to end into lines: first the open ones, from an end met once,
/// then the closed ones.
fn chain(segments: &[Segment]) -> Vec<Vec<Point>> {
    let key = |p: Point| (p.0.to_bits(), p.1.to_bits());
    let mut at: HashMap<(u64, u64), Vec<usize>> = HashMap::new();
    for (n, &(a, b)) in segments.iter().enumerate() {
        at.entry(key(a)).or_default().push(n);
        at.entry(key(b)).or_default().push(n);
    }
    let mut used = vec![false; segments.len()];
    let mut lines = Vec::new();
    let open = (0..segments.len()).flat_map(|n| [(n, segments[n].0), (n, segments[n].1)]);
    let starts: Vec<(usize, Point)> = open
        .filter(|&(_, p)| at[&key(p)].len() == 1)
        .chain((0..segments.len()).map(|n| (n, segments[n].0)))
        .collect();
    for (first, from) in starts {
        if used[first] {
            continue;
        }
        let mut line = vec![from];
        let (mut segment, mut point) = (first, from);
        loop {
            used[segment] = true;
            let (a, b) = segments[segment];
            point = if key(a) == key(point) { b } else { a };
            line.push(point);
            let next = at[&key(point)].iter().find(|&&n| !used[n]);
            match next {
                Some(&n) => segment = n,
                None => break,
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(ring: &[(f64, f64)]) -> f64 {
        let n = ring.len();
        (0..n)
            .map(|i| {
                let (a, b) = (ring[i], ring[(i + 1) % n]);
                a.0 * b.1 - b.0 * a.1
            })
            .sum::<f64>()
            / 2.0
    }

    #[test]
    fn a_plane_s_bands_are_strips_and_its_lines_straight() {
        // z = x on [0, 4] x [0, 2].
        let (x, y) = ([0.0, 1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 2.0]);
        let z: Vec<f64> = y.iter().flat_map(|_| x).collect();
        let grid = Triangles::new(&x, &y, &z);
        let band = grid.band(0.5, 2.5);
        let total: f64 = band.iter().map(|r| area(r)).sum();
        assert!((total - 4.0).abs() < 1e-12, "{total}");
        assert!(band.iter().all(|r| area(r) > 0.0), "counter-clockwise");
        let lines = grid.lines(1.5);
        assert_eq!(lines.len(), 1, "{lines:?}");
        let line = &lines[0];
        assert!(line.iter().all(|p| p.0 == 1.5));
        let ys: Vec<f64> = line.iter().map(|p| p.1).collect();
        assert_eq!(
            (ys[0].min(ys[ys.len() - 1]), ys[0].max(ys[ys.len() - 1])),
            (0.0, 2.0)
        );
    }

    #[test]
    fn a_cone_s_band_is_a_ring_and_its_line_a_closed_circle() {
        let n = 81;
        let axis: Vec<f64> = (0..n)
            .map(|i| -2.0 + 4.0 * i as f64 / (n - 1) as f64)
            .collect();
        let z: Vec<f64> = axis
            .iter()
            .flat_map(|y| axis.iter().map(move |x| (x * x + y * y).sqrt()))
            .collect();
        let grid = Triangles::new(&axis, &axis, &z);
        let ring: f64 = grid.band(0.5, 1.0).iter().map(|r| area(r)).sum();
        let want = std::f64::consts::PI * (1.0 - 0.25);
        assert!((ring - want).abs() / want < 0.01, "{ring} against {want}");
        let lines = grid.lines(1.0);
        assert_eq!(lines.len(), 1);
        let circle = &lines[0];
        assert_eq!(circle.first(), circle.last(), "closed");
        assert!(circle
            .iter()
            .all(|p| ((p.0 * p.0 + p.1 * p.1).sqrt() - 1.0).abs() < 0.01));
    }

    #[test]
    fn cells_with_a_missing_value_are_left_out() {
        let (x, y) = ([0.0, 1.0, 2.0], [0.0, 1.0]);
        let z = [0.0, 1.0, 2.0, 0.0, f64::NAN, 2.0];
        let grid = Triangles::new(&x, &y, &z);
        assert!(grid.band(-1.0, 3.0).is_empty());
        assert!(grid.lines(0.5).is_empty());
    }
}
