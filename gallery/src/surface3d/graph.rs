//! The maths of a 3-D surface drawn as vis.js' Graph3d draws its default 'surface' style:
//! the points gathered into a grid, scaled into a unit box (x and y alike, keeping their
//! aspect; z to the box's height), seen by a camera on an arm around the box's centre
//! (its horizontal and vertical angles and its length, as Graph3d's `cameraPosition`),
//! projected with perspective, each cell a quad coloured by its mean height (blue low,
//! red high) and the quads ordered back to front, so that painting them in order hides
//! what lies behind; under them the floor's grid and the box's edges, around them round
//! values along each axis. Plain functions, tested natively; the page only paints the
//! result.

/// Where the camera looks from: angles in radians around the box's vertical axis and up
/// from its floor, and the arm's length in box widths (Graph3d's `cameraPosition`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub horizontal: f64,
    pub vertical: f64,
    pub distance: f64,
}

/// How far a drag turns the camera: radians per CSS pixel (Graph3d's is 1/200).
const DRAG_RADIANS_PER_PIXEL: f64 = 1.0 / 200.0;
/// The arm's length, at its shortest and longest (Graph3d's limits).
const DISTANCE_RANGE: (f64, f64) = (0.71, 5.0);

impl Camera {
    /// The gallery app's start: Bokeh's example's `cameraPosition`.
    pub const EXAMPLE: Camera = Camera {
        horizontal: -0.35,
        vertical: 0.22,
        distance: 1.8,
    };

    /// The camera after a drag of `dx`, `dy` CSS pixels: right turns the box right,
    /// down looks more from above, never past straight above or below the floor.
    pub fn dragged(self, dx: f64, dy: f64) -> Camera {
        let limit = std::f64::consts::FRAC_PI_2;
        Camera {
            horizontal: self.horizontal + dx * DRAG_RADIANS_PER_PIXEL,
            vertical: (self.vertical + dy * DRAG_RADIANS_PER_PIXEL).clamp(0.0, limit),
            ..self
        }
    }

    /// The camera after a wheel turn of `delta` (a wheel event's `deltaY`): forward
    /// (negative) comes closer.
    pub fn zoomed(self, delta: f64) -> Camera {
        let distance = self.distance * (delta * 0.001).exp();
        Camera {
            distance: distance.clamp(DISTANCE_RANGE.0, DISTANCE_RANGE.1),
            ..self
        }
    }

    /// The camera's place, its axes (right, up, forward) and the centre it looks at.
    fn frame(&self) -> Frame {
        let (sh, ch) = self.horizontal.sin_cos();
        let (sv, cv) = self.vertical.sin_cos();
        let eye = [
            self.distance * sh * cv,
            -self.distance * ch * cv,
            self.distance * sv,
        ];
        let forward = scale(eye, -1.0 / self.distance);
        // Looking straight down, "right" follows the horizontal angle.
        let right = [ch, sh, 0.0];
        let up = cross(right, forward);
        Frame {
            eye,
            right,
            up,
            forward,
        }
    }
}

struct Frame {
    eye: [f64; 3],
    right: [f64; 3],
    up: [f64; 3],
    forward: [f64; 3],
}

impl Frame {
    /// `point` (in the unit box) on the screen: x right and y up in units of the focal
    /// length, and its depth along the line of sight.
    fn project(&self, point: [f64; 3]) -> Projected {
        let rel = sub(point, self.eye);
        let depth = dot(rel, self.forward).max(1e-6);
        Projected {
            x: dot(rel, self.right) / depth,
            y: dot(rel, self.up) / depth,
            depth,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Projected {
    x: f64,
    y: f64,
    depth: f64,
}

/// Points on a rectangular grid: the distinct x and y values, sorted, and each cell's z
/// (`None` where no point gave one), row by row of y.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    xs: Vec<f64>,
    ys: Vec<f64>,
    zs: Vec<Option<f64>>,
}

impl Grid {
    /// The grid of the points (`x[i]`, `y[i]`, `z[i]`), in any order; a point past the
    /// shortest column, or with a value that is not finite, is left out.
    pub fn new(x: &[f64], y: &[f64], z: &[f64]) -> Grid {
        let finite = |v: &&f64| v.is_finite();
        let distinct = |values: &[f64]| {
            let mut values: Vec<f64> = values.iter().filter(finite).copied().collect();
            values.sort_by(f64::total_cmp);
            values.dedup();
            values
        };
        let (xs, ys) = (distinct(x), distinct(y));
        let mut zs = vec![None; xs.len() * ys.len()];
        for ((x, y), z) in x.iter().zip(y).zip(z) {
            let at = |values: &[f64], v: &f64| values.binary_search_by(|p| p.total_cmp(v)).ok();
            if let (Some(i), Some(j), true) = (at(&xs, x), at(&ys, y), z.is_finite()) {
                zs[j * xs.len() + i] = Some(*z);
            }
        }
        Grid { xs, ys, zs }
    }

    fn z(&self, i: usize, j: usize) -> Option<f64> {
        self.zs[j * self.xs.len() + i]
    }

    /// The least and greatest of x, y and z; `None` without a point.
    fn bounds(&self) -> Option<[(f64, f64); 3]> {
        let range = |values: &mut dyn Iterator<Item = f64>| {
            values.fold(None, |r: Option<(f64, f64)>, v| {
                Some(r.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))))
            })
        };
        let z = range(&mut self.zs.iter().flatten().copied())?;
        Some([
            (*self.xs.first()?, *self.xs.last()?),
            (*self.ys.first()?, *self.ys.last()?),
            z,
        ])
    }
}

/// An RGB colour.
pub type Rgb = [u8; 3];

/// The colour of a height `t` of the box (0 at its floor, 1 at its top): Graph3d's hue
/// from 240° (blue) down to 0° (red), fully saturated and bright.
pub fn height_color(t: f64) -> Rgb {
    hsv(240.0 * (1.0 - t.clamp(0.0, 1.0)), 1.0, 1.0)
}

/// The colour of hue `h` (degrees), saturation `s` and value `v` (0..=1).
fn hsv(h: f64, s: f64, v: f64) -> Rgb {
    let sector = (h / 60.0).rem_euclid(6.0);
    let c = v * s;
    let x = c * (1.0 - (sector % 2.0 - 1.0).abs());
    let (r, g, b) = match sector as u8 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = v - c;
    let byte = |f: f64| ((f + m) * 255.0).round() as u8;
    [byte(r), byte(g), byte(b)]
}

/// One cell of the surface on the screen: its corners in CSS pixels, its colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Quad {
    pub corners: [(f64, f64); 4],
    pub color: Rgb,
}

/// A label at a place on the screen (an axis' name or a tick's value).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub at: (f64, f64),
    pub text: String,
}

/// What to paint, in order: the floor's grid (Graph3d's `showGrid`), the box's floor and
/// back edges, the ticks' values, the surface's quads back to front (hiding what of those
/// lies behind them) and the axes' names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub grid: Vec<[(f64, f64); 2]>,
    pub edges: Vec<[(f64, f64); 2]>,
    pub quads: Vec<Quad>,
    pub ticks: Vec<Label>,
    pub labels: Vec<Label>,
}

/// How many ticks an axis has, about.
const TICKS: usize = 6;

/// Round values from `lo` to `hi`, about `count` of them, 1, 2 or 5 × 10ⁿ apart, and
/// that step; none for an empty or non-finite range.
pub fn ticks(lo: f64, hi: f64, count: usize) -> (Vec<f64>, f64) {
    if !(lo.is_finite() && hi.is_finite() && hi > lo) || count == 0 {
        return (Vec::new(), 0.0);
    }
    let raw = (hi - lo) / count as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .map(|m| m * magnitude)
        .into_iter()
        .find(|&step| step >= raw)
        .unwrap_or(10.0 * magnitude);
    // Within rounding of an end counts as on it (0.6 / 0.2 is 2.9999999999999996).
    let slack = 1e-9;
    let first = (lo / step - slack).ceil() as i64;
    let last = (hi / step + slack).floor() as i64;
    ((first..=last).map(|k| k as f64 * step).collect(), step)
}

/// A tick's value written with as many decimals as its step needs.
pub fn tick_text(value: f64, step: f64) -> String {
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    format!("{value:.decimals$}")
}

/// The surface of `grid` seen by `camera` on a `width` × `height` canvas (CSS pixels).
pub fn scene(grid: &Grid, camera: &Camera, width: f64, height: f64) -> Scene {
    let Some(bounds) = grid.bounds() else {
        return Scene::default();
    };
    // x and y keep their aspect, the longer one the box's width; z fills its height.
    let span = |(lo, hi): (f64, f64)| if hi > lo { hi - lo } else { 1.0 };
    let across = span(bounds[0]).max(span(bounds[1]));
    let centre = |(lo, hi): (f64, f64)| (lo + hi) / 2.0;
    let unit = |x: f64, y: f64, z: f64| {
        [
            (x - centre(bounds[0])) / across,
            (y - centre(bounds[1])) / across,
            (z - centre(bounds[2])) / span(bounds[2]),
        ]
    };
    let frame = camera.frame();
    // The focal length: the box fills some 0.8 of the canvas' shorter side at Graph3d's
    // usual distance.
    let focal = 0.8 * width.min(height);
    let screen = |p: Projected| (width / 2.0 + p.x * focal, height / 2.0 - p.y * focal);

    let mut quads: Vec<(f64, Quad)> = Vec::new();
    let (nx, ny) = (grid.xs.len(), grid.ys.len());
    for j in 0..ny.saturating_sub(1) {
        for i in 0..nx.saturating_sub(1) {
            let cell = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)];
            let Some(zs) = cell
                .iter()
                .map(|&(i, j)| grid.z(i, j))
                .collect::<Option<Vec<f64>>>()
            else {
                continue;
            };
            let projected = cell
                .iter()
                .zip(&zs)
                .map(|(&(i, j), &z)| frame.project(unit(grid.xs[i], grid.ys[j], z)));
            let projected: Vec<Projected> = projected.collect();
            let depth = projected.iter().map(|p| p.depth).sum::<f64>() / 4.0;
            let mean = zs.iter().sum::<f64>() / 4.0;
            let corners = [0, 1, 2, 3].map(|k| screen(projected[k]));
            let color = height_color((mean - bounds[2].0) / span(bounds[2]));
            quads.push((depth, Quad { corners, color }));
        }
    }
    // Back to front: the farthest first.
    quads.sort_by(|a, b| b.0.total_cmp(&a.0));

    // The box's floor, and its vertical edges at the corners behind the surface.
    let floor = [(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)];
    let mut edges: Vec<[(f64, f64); 2]> = Vec::new();
    let corner = |(x, y): (f64, f64), z: f64| frame.project([x, y, z]);
    for k in 0..4 {
        let (a, b) = (floor[k], floor[(k + 1) % 4]);
        edges.push([screen(corner(a, -0.5)), screen(corner(b, -0.5))]);
    }
    let mut by_depth: Vec<(f64, (f64, f64))> =
        floor.iter().map(|&c| (corner(c, -0.5).depth, c)).collect();
    by_depth.sort_by(|a, b| b.0.total_cmp(&a.0));
    for &(_, c) in by_depth.iter().take(3) {
        edges.push([screen(corner(c, -0.5)), screen(corner(c, 0.5))]);
    }

    // x's values along the floor's front edge across x, y's along the one across y, z's
    // up the corner at the left of the picture (of the two beside the nearest and the
    // farthest); each axis named beyond its values.
    let label = |at: [f64; 3], text: String| Label {
        at: screen(frame.project(at)),
        text,
    };
    let front = |eye: f64| if eye < 0.0 { -0.5 } else { 0.5 };
    let (front_x, front_y) = (front(frame.eye[0]), front(frame.eye[1]));
    let side = by_depth[1..3]
        .iter()
        .map(|&(_, c)| c)
        .min_by(|a, b| {
            screen(corner(*a, -0.5))
                .0
                .total_cmp(&screen(corner(*b, -0.5)).0)
        })
        .expect("two corners");
    let mut grid_lines = Vec::new();
    let mut tick_labels = Vec::new();
    let (xs, x_step) = ticks(bounds[0].0, bounds[0].1, TICKS);
    for x in xs {
        let u = unit(x, 0.0, 0.0)[0];
        grid_lines.push([
            screen(corner((u, -0.5), -0.5)),
            screen(corner((u, 0.5), -0.5)),
        ]);
        tick_labels.push(label([u, front_y * 1.15, -0.5], tick_text(x, x_step)));
    }
    let (ys, y_step) = ticks(bounds[1].0, bounds[1].1, TICKS);
    for y in ys {
        let u = unit(0.0, y, 0.0)[1];
        grid_lines.push([
            screen(corner((-0.5, u), -0.5)),
            screen(corner((0.5, u), -0.5)),
        ]);
        tick_labels.push(label([front_x * 1.15, u, -0.5], tick_text(y, y_step)));
    }
    let (zs, z_step) = ticks(bounds[2].0, bounds[2].1, TICKS);
    for z in zs {
        let u = unit(0.0, 0.0, z)[2];
        tick_labels.push(label(
            [side.0 * 1.15, side.1 * 1.15, u],
            tick_text(z, z_step),
        ));
    }
    let labels = vec![
        label([0.0, front_y * 1.4, -0.5], "x".to_owned()),
        label([front_x * 1.4, 0.0, -0.5], "y".to_owned()),
        label([side.0 * 1.4, side.1 * 1.4, 0.0], "z".to_owned()),
    ];
    Scene {
        grid: grid_lines,
        edges,
        quads: quads.into_iter().map(|(_, q)| q).collect(),
        ticks: tick_labels,
        labels,
    }
}

fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

fn scale(a: [f64; 3], k: f64) -> [f64; 3] {
    [a[0] * k, a[1] * k, a[2] * k]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat_grid(n: usize, z: impl Fn(f64, f64) -> f64) -> Grid {
        let (mut xs, mut ys, mut zs) = (Vec::new(), Vec::new(), Vec::new());
        for j in 0..n {
            for i in 0..n {
                let (x, y) = (i as f64 * 20.0, j as f64 * 20.0);
                xs.push(x);
                ys.push(y);
                zs.push(z(x, y));
            }
        }
        Grid::new(&xs, &ys, &zs)
    }

    #[test]
    fn the_box_centre_projects_to_the_canvas_centre_and_up_stays_up() {
        let frame = Camera::EXAMPLE.frame();
        let centre = frame.project([0.0, 0.0, 0.0]);
        assert!(
            centre.x.abs() < 1e-12 && centre.y.abs() < 1e-12,
            "{centre:?}"
        );
        assert!((centre.depth - Camera::EXAMPLE.distance).abs() < 1e-12);
        let top = frame.project([0.0, 0.0, 0.5]);
        assert!(top.y > 0.0, "a point above the centre is drawn above it");
        // The camera's axes are orthonormal.
        for (a, b) in [(frame.right, frame.up), (frame.up, frame.forward)] {
            assert!(dot(a, b).abs() < 1e-12);
        }
        assert!((dot(frame.up, frame.up) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn nearer_points_are_drawn_larger() {
        let frame = Camera {
            horizontal: 0.0,
            vertical: 0.0,
            distance: 2.0,
        }
        .frame();
        // Looking along +y: the near face's corner is further from the centre on screen.
        let near = frame.project([0.5, -0.5, 0.5]);
        let far = frame.project([0.5, 0.5, 0.5]);
        assert!(near.depth < far.depth);
        assert!(near.x > far.x && near.y > far.y);
        assert!((near.x - 0.5 / 1.5).abs() < 1e-12);
    }

    #[test]
    fn quads_are_ordered_back_to_front() {
        // A flat floor seen from above: a farther cell is higher up the screen, so the
        // quads' centres must climb down the screen as they are painted.
        let grid = flat_grid(6, |_, _| 0.0);
        let scene = scene(&grid, &Camera::EXAMPLE, 600.0, 600.0);
        assert_eq!(scene.quads.len(), 25);
        let centre_y = |q: &Quad| q.corners.iter().map(|c| c.1).sum::<f64>() / 4.0;
        let ys: Vec<f64> = scene.quads.iter().map(centre_y).collect();
        assert!(ys[0] < ys[24], "the first painted is the farthest: {ys:?}");
        // Of a hill and a floor behind it, the floor is painted first.
        let hill = flat_grid(6, |x, y| if x < 40.0 && y < 40.0 { 1.0 } else { 0.0 });
        let reds: Vec<u8> = scene_reds(&hill);
        assert_eq!(reds[0], 0, "a blue floor cell comes first");
        assert!(*reds.last().unwrap() > 0, "the near hill comes last");
    }

    fn scene_reds(grid: &Grid) -> Vec<u8> {
        let scene = scene(grid, &Camera::EXAMPLE, 600.0, 600.0);
        scene.quads.iter().map(|q| q.color[0]).collect()
    }

    #[test]
    fn colours_run_from_blue_at_the_floor_to_red_at_the_top() {
        assert_eq!(height_color(0.0), [0, 0, 255]);
        assert_eq!(height_color(0.5), [0, 255, 0]);
        assert_eq!(height_color(1.0), [255, 0, 0]);
        assert_eq!(height_color(0.25), [0, 255, 255]);
        // Out of the box, clamped.
        assert_eq!(height_color(-3.0), height_color(0.0));
        // The surface's highest cell is the reddest, its lowest the bluest.
        let grid = flat_grid(3, |x, _| x);
        let scene = scene(&grid, &Camera::EXAMPLE, 300.0, 300.0);
        let reds: Vec<u8> = scene.quads.iter().map(|q| q.color[0]).collect();
        assert!(reds.contains(&0) && reds.iter().any(|&r| r > 0));
    }

    #[test]
    fn a_grid_gathers_points_in_any_order_and_leaves_holes_empty() {
        let grid = Grid::new(&[20.0, 0.0, 0.0], &[0.0, 0.0, 10.0], &[3.0, 1.0, 2.0]);
        assert_eq!(grid.xs, [0.0, 20.0]);
        assert_eq!(grid.ys, [0.0, 10.0]);
        assert_eq!(grid.zs, [Some(1.0), Some(3.0), Some(2.0), None]);
        // A cell missing a corner draws nothing; an empty grid draws nothing at all.
        assert!(scene(&grid, &Camera::EXAMPLE, 100.0, 100.0)
            .quads
            .is_empty());
        assert_eq!(
            scene(&Grid::new(&[], &[], &[]), &Camera::EXAMPLE, 1.0, 1.0),
            Scene::default()
        );
    }

    #[test]
    fn drags_turn_and_tilt_within_limits_and_the_wheel_zooms() {
        let c = Camera::EXAMPLE.dragged(200.0, 0.0);
        assert!((c.horizontal - (Camera::EXAMPLE.horizontal + 1.0)).abs() < 1e-12);
        assert_eq!(
            Camera::EXAMPLE.dragged(0.0, 10_000.0).vertical,
            std::f64::consts::FRAC_PI_2
        );
        assert_eq!(Camera::EXAMPLE.dragged(0.0, -10_000.0).vertical, 0.0);
        assert!(Camera::EXAMPLE.zoomed(-100.0).distance < Camera::EXAMPLE.distance);
        assert_eq!(Camera::EXAMPLE.zoomed(1e6).distance, 5.0);
        // A turned camera sees a different picture.
        let grid = flat_grid(4, |x, y| x + y);
        assert_ne!(
            scene(&grid, &Camera::EXAMPLE, 200.0, 200.0),
            scene(&grid, &c, 200.0, 200.0)
        );
    }

    #[test]
    fn the_example_grid_makes_a_quad_per_cell_the_box_its_grid_and_its_labels() {
        // 15 × 15 points, as main.py's.
        let grid = flat_grid(15, |x, y| (x / 50.0).sin() * (y / 50.0).cos() * 50.0 + 50.0);
        let scene = scene(&grid, &Camera::EXAMPLE, 600.0, 600.0);
        assert_eq!(scene.quads.len(), 14 * 14);
        assert_eq!(scene.edges.len(), 7);
        assert_eq!(scene.labels.len(), 3);
        // 0, 50, …, 250 across x and y (each a line on the floor), 20, 40, … up z.
        assert_eq!(scene.grid.len(), 12);
        let texts: Vec<&str> = scene.ticks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(&texts[..6], ["0", "50", "100", "150", "200", "250"]);
        assert!(texts[12..]
            .iter()
            .all(|t| t.parse::<f64>().unwrap() % 20.0 == 0.0));
    }

    #[test]
    fn ticks_are_round_values_about_so_many_of_them() {
        assert_eq!(
            ticks(0.0, 280.0, 6),
            (vec![0.0, 50.0, 100.0, 150.0, 200.0, 250.0], 50.0)
        );
        assert_eq!(ticks(0.3, 99.7, 6).0, [20.0, 40.0, 60.0, 80.0]);
        assert_eq!(ticks(-1.0, 1.0, 4).0, [-1.0, -0.5, 0.0, 0.5, 1.0]);
        let (small, step) = ticks(0.0, 0.6, 3);
        assert_eq!(step, 0.2);
        let texts: Vec<String> = small.iter().map(|&v| tick_text(v, step)).collect();
        assert_eq!(texts, ["0.0", "0.2", "0.4", "0.6"]);
        // A flat or broken range has none.
        assert_eq!(ticks(5.0, 5.0, 6).0, Vec::<f64>::new());
        assert_eq!(ticks(0.0, f64::NAN, 6).0, Vec::<f64>::new());
    }
}
