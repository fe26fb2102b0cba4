//! Bokeh's marker shapes (BokehJS's `defs`), as paths around the origin for a radius
//! (half the marker's size): the part that is filled (and stroked), the extra strokes
//! (a cross, an x), and whether a dot in the line color sits in the middle.

use crate::models::MarkerType;
use crate::render::surface::Path;

const SQ3: f64 = 1.732_050_807_568_877_2;

/// One marker's geometry around the origin.
#[derive(Clone, Debug, Default)]
pub(crate) struct Shape {
    /// Filled, hatched and stroked.
    pub body: Path,
    /// Only stroked (after the body, with it).
    pub lines: Path,
    /// A dot of a quarter the radius, filled with the line color.
    pub dot: bool,
}

fn one_cross(p: &mut Path, r: f64) {
    p.move_to(0.0, r);
    p.line_to(0.0, -r);
    p.move_to(-r, 0.0);
    p.line_to(r, 0.0);
}

fn one_x(p: &mut Path, r: f64) {
    let d = r * std::f64::consts::FRAC_1_SQRT_2;
    p.move_to(-d, d);
    p.line_to(d, -d);
    p.move_to(-d, -d);
    p.line_to(d, d);
}

fn one_y(p: &mut Path, r: f64) {
    let h = r * SQ3;
    let a = h / 3.0;
    p.move_to(-h / 2.0, -a);
    p.line_to(0.0, 0.0);
    p.line_to(h / 2.0, -a);
    p.move_to(0.0, 0.0);
    p.line_to(0.0, r);
}

fn one_diamond(p: &mut Path, r: f64) {
    p.polygon([(0.0, r), (r / 1.5, 0.0), (0.0, -r), (-r / 1.5, 0.0)]);
}

fn one_hex(p: &mut Path, r: f64) {
    let r2 = r / 2.0;
    let h = SQ3 * r2;
    p.polygon([(r, 0.0), (r2, -h), (-r2, -h), (-r, 0.0), (-r2, h), (r2, h)]);
}

fn one_star(p: &mut Path, r: f64) {
    let sq5 = 5f64.sqrt();
    let c36 = (sq5 + 1.0) / 4.0;
    let s36 = ((5.0 - sq5) / 8.0).sqrt();
    let c72 = (sq5 - 1.0) / 4.0;
    let s72 = ((5.0 + sq5) / 8.0).sqrt();
    let a = (5.0 - 2.0 * sq5).sqrt() * r;
    p.polygon([
        (0.0, -r),
        (a * c72, -r + a * s72),
        (a * (1.0 + c72), -r + a * s72),
        (a * (1.0 + c72 - c36), -r + a * (s72 + s36)),
        (a * (1.0 + 2.0 * c72 - c36), -r + a * (2.0 * s72 + s36)),
        (0.0, -r + a * 2.0 * s72),
        (-a * (1.0 + 2.0 * c72 - c36), -r + a * (2.0 * s72 + s36)),
        (-a * (1.0 + c72 - c36), -r + a * (s72 + s36)),
        (-a * (1.0 + c72), -r + a * s72),
        (-a * c72, -r + a * s72),
    ]);
}

fn one_tri(p: &mut Path, r: f64, flip: f64) {
    let h = r * SQ3;
    let a = h / 3.0;
    p.polygon([(-r, a), (r, a), (0.0, a - h)].map(|(x, y)| (x * flip, y * flip)));
}

/// A quadratic Bézier from the current point, flattened.
fn quad_to(p: &mut Path, from: (f64, f64), c: (f64, f64), to: (f64, f64)) {
    const STEPS: usize = 12;
    for k in 1..=STEPS {
        let t = k as f64 / STEPS as f64;
        let u = 1.0 - t;
        p.line_to(
            u * u * from.0 + 2.0 * u * t * c.0 + t * t * to.0,
            u * u * from.1 + 2.0 * u * t * c.1 + t * t * to.1,
        );
    }
}

/// The shape of `marker` with radius `r`.
pub(crate) fn shape(marker: MarkerType, r: f64) -> Shape {
    use MarkerType as M;
    let mut s = Shape::default();
    let (body, lines) = (&mut s.body, &mut s.lines);
    match marker {
        M::Asterisk => {
            one_cross(lines, r);
            one_x(lines, r);
        }
        M::Circle | M::CircleDot => body.circle((0.0, 0.0), r),
        M::CircleCross => {
            body.circle((0.0, 0.0), r);
            one_cross(lines, r);
        }
        M::CircleX => {
            body.circle((0.0, 0.0), r);
            one_x(lines, r);
        }
        M::CircleY => {
            body.circle((0.0, 0.0), r);
            one_y(lines, r);
        }
        M::Cross => one_cross(lines, r),
        M::Dash => {
            lines.move_to(-r, 0.0);
            lines.line_to(r, 0.0);
        }
        M::Diamond | M::DiamondDot => one_diamond(body, r),
        M::DiamondCross => {
            one_diamond(body, r);
            lines.move_to(0.0, r);
            lines.line_to(0.0, -r);
            lines.move_to(-r / 1.5, 0.0);
            lines.line_to(r / 1.5, 0.0);
        }
        M::Dot => {}
        M::Hex | M::HexDot => one_hex(body, r),
        M::InvertedTriangle => one_tri(body, r, -1.0),
        M::Plus => {
            let a = 3.0 * r / 8.0;
            let b = r;
            let xs = [a, a, b, b, a, a, -a, -a, -b, -b, -a, -a];
            let ys = [b, a, a, -a, -a, -b, -b, -a, -a, a, a, b];
            body.polygon(xs.into_iter().zip(ys));
        }
        M::Square | M::SquareDot => body.polygon([(-r, -r), (r, -r), (r, r), (-r, r)]),
        M::SquareCross => {
            body.polygon([(-r, -r), (r, -r), (r, r), (-r, r)]);
            one_cross(lines, r);
        }
        M::SquareX => {
            body.polygon([(-r, -r), (r, -r), (r, r), (-r, r)]);
            lines.move_to(-r, r);
            lines.line_to(r, -r);
            lines.move_to(-r, -r);
            lines.line_to(r, r);
        }
        M::SquarePin => {
            let a = 3.0 * r / 8.0;
            body.move_to(-r, -r);
            quad_to(body, (-r, -r), (0.0, -a), (r, -r));
            quad_to(body, (r, -r), (a, 0.0), (r, r));
            quad_to(body, (r, r), (0.0, a), (-r, r));
            quad_to(body, (-r, r), (-a, 0.0), (-r, -r));
            body.close();
        }
        M::Star | M::StarDot => one_star(body, r),
        M::Triangle | M::TriangleDot => one_tri(body, r, 1.0),
        M::TrianglePin => {
            let h = r * SQ3;
            let a = h / 3.0;
            let b = 3.0 * a / 8.0;
            body.move_to(-r, a);
            quad_to(body, (-r, a), (0.0, b), (r, a));
            quad_to(body, (r, a), (SQ3 * b / 2.0, b / 2.0), (0.0, a - h));
            quad_to(body, (0.0, a - h), (-SQ3 * b / 2.0, b / 2.0), (-r, a));
            body.close();
        }
        M::X => one_x(lines, r),
        M::Y => one_y(lines, r),
    }
    s.dot = matches!(
        marker,
        M::Dot
            | M::CircleDot
            | M::DiamondDot
            | M::HexDot
            | M::SquareDot
            | M::StarDot
            | M::TriangleDot
    );
    s
}

/// `path` turned by `angle` (canvas radians) and moved to (x, y), into `out`.
pub(crate) fn place(path: &Path, (x, y): (f64, f64), angle: f64, out: &mut Path) {
    let (sin, cos) = angle.sin_cos();
    for (points, closed) in path.subpaths() {
        for (k, &(px, py)) in points.iter().enumerate() {
            let (tx, ty) = (x + px * cos - py * sin, y + px * sin + py * cos);
            if k == 0 {
                out.move_to(tx, ty);
            } else {
                out.line_to(tx, ty);
            }
        }
        if closed {
            out.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_marker_has_something_to_draw() {
        for name in MarkerType::NAMES {
            let m = MarkerType::from_name(name).unwrap();
            let s = shape(m, 5.0);
            assert!(
                !s.body.is_empty() || !s.lines.is_empty() || s.dot,
                "{name} draws nothing"
            );
            for b in [s.body.bounds(), s.lines.bounds()].into_iter().flatten() {
                assert!(
                    b.x >= -5.001 && b.right() <= 5.001,
                    "{name} is too wide: {b:?}"
                );
            }
        }
    }
}
