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

    /// Whether a box (left, top, right, bottom) meets the region's bounding box, as
    /// BokehJS's spatial index answers a box select of boxes.
    pub(crate) fn meets_box(&self, (l, t, r, b): (f64, f64, f64, f64)) -> bool {
        let ((x0, x1), (y0, y1)) = self.extent();
        l.min(r) <= x1 && x0 <= l.max(r) && t.min(b) <= y1 && y0 <= t.max(b)
    }
}
