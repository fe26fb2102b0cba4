//! A region of a plot a select tool covers (device pixels): a dragged box or a lasso's
//! polygon, and which glyphs' screen geometry it holds or meets.

/// A region of the screen (device pixels).
#[derive(Clone, Debug, PartialEq)]
pub enum Region {
    /// A box: x from..to, y from..to.
    Rect {
        /// Left and right.
        x: (f64, f64),
        /// Top and bottom.
        y: (f64, f64),
    },
    /// A polygon's vertices (a lasso's path).
    Polygon(Vec<(f64, f64)>),
}

impl Region {
    /// Whether the point is inside (a polygon by the even-odd rule, as the canvas fills).
    pub fn contains(&self, (px, py): (f64, f64)) -> bool {
        match self {
            Region::Rect { x, y } => {
                x.0.min(x.1) <= px && px <= x.0.max(x.1) && y.0.min(y.1) <= py && py <= y.0.max(y.1)
            }
            Region::Polygon(points) => super::glyphs::point_in_polygon((px, py), points),
        }
    }

    /// The region's bounding box: (left, right), (top, bottom).
    pub fn extent(&self) -> ((f64, f64), (f64, f64)) {
        match self {
            Region::Rect { x, y } => ((x.0.min(x.1), x.0.max(x.1)), (y.0.min(y.1), y.0.max(y.1))),
            Region::Polygon(points) => points.iter().fold(
                (
                    (f64::INFINITY, f64::NEG_INFINITY),
                    (f64::INFINITY, f64::NEG_INFINITY),
                ),
                |((l, r), (t, b)), p| ((l.min(p.0), r.max(p.0)), (t.min(p.1), b.max(p.1))),
            ),
        }
    }

    /// Whether the closed polygon `poly` and the region overlap: a vertex of either inside
    /// the other, or edges crossing, as BokehJS's `vertex_overlap` and
    /// `edge_intersection` select a polygon.
    pub(crate) fn overlaps_polygon(&self, poly: &[(f64, f64)]) -> bool {
        let outline = match self {
            Region::Rect { x, y } => vec![(x.0, y.0), (x.1, y.0), (x.1, y.1), (x.0, y.1)],
            Region::Polygon(points) => points.clone(),
        };
        let edges = |pts: &[(f64, f64)]| {
            let n = pts.len();
            (0..n)
                .map(move |i| (pts[i], pts[(i + 1) % n]))
                .collect::<Vec<_>>()
        };
        let theirs = edges(&outline);
        poly.iter().any(|p| self.contains(*p))
            || outline
                .iter()
                .any(|p| super::glyphs::point_in_polygon(*p, poly))
            || edges(poly)
                .iter()
                .any(|a| theirs.iter().any(|b| segments_cross(*a, *b)))
    }

    /// Whether a box (left, top, right, bottom) meets the region's bounding box, as
    /// BokehJS's spatial index answers a box select of boxes.
    pub(crate) fn meets_box(&self, (l, t, r, b): (f64, f64, f64, f64)) -> bool {
        let ((x0, x1), (y0, y1)) = self.extent();
        l.min(r) <= x1 && x0 <= l.max(r) && t.min(b) <= y1 && y0 <= t.max(b)
    }
}

/// Whether segments a and b cross or touch.
fn segments_cross(a: ((f64, f64), (f64, f64)), b: ((f64, f64), (f64, f64))) -> bool {
    let side = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
    };
    let (d1, d2) = (side(b.0, b.1, a.0), side(b.0, b.1, a.1));
    let (d3, d4) = (side(a.0, a.1, b.0), side(a.0, a.1, b.1));
    let opposite = |u: f64, v: f64| (u < 0.0 && v > 0.0) || (u > 0.0 && v < 0.0);
    // Each segment's ends on opposite sides of the other.
    if opposite(d1, d2) && opposite(d3, d4) {
        return true;
    }
    // Collinear or touching: an end lies on the other segment.
    let on = |p: (f64, f64), (q, r): ((f64, f64), (f64, f64))| {
        side(q, r, p) == 0.0
            && p.0 >= q.0.min(r.0)
            && p.0 <= q.0.max(r.0)
            && p.1 >= q.1.min(r.1)
            && p.1 <= q.1.max(r.1)
    };
    on(a.0, b) || on(a.1, b) || on(b.0, a) || on(b.1, a)
}
