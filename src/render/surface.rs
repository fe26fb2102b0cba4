//! What painting needs from a drawing target, in device pixels with sub-pixel precision:
//! fill and stroke paths (Bokeh's line joins, caps and dashes), fill with a hatch
//! pattern, draw and measure text, blit an image, draw an image fetched by URL, clip to a
//! rectangle. The page's canvas implements it with the 2D context (as BokehJS paints);
//! [`super::plotters`] implements it on any plotters `DrawingBackend`.

use crate::core::Rgba;
use crate::models::{FontStyle, LineCap, LineJoin, TextAlign, TextBaseline};

use super::layer::Layer;

/// A turn by an angle (canvas radians) about a point: where an offset from the point
/// lands once turned (text boxes, arrow heads, rotated rects).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Turn {
    about: (f64, f64),
    sin: f64,
    cos: f64,
}

impl Turn {
    pub fn about(about: (f64, f64), angle: f64) -> Turn {
        let (sin, cos) = angle.sin_cos();
        Turn { about, sin, cos }
    }

    /// The point `(dx, dy)` from the centre, turned.
    pub fn apply(&self, (dx, dy): (f64, f64)) -> (f64, f64) {
        let (sin, cos) = (self.sin, self.cos);
        (
            self.about.0 + dx * cos - dy * sin,
            self.about.1 + dx * sin + dy * cos,
        )
    }
}

/// A rectangle in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge (y grows downwards).
    pub y: f64,
    /// Width, rightwards from `x`.
    pub width: f64,
    /// Height, downwards from `y`.
    pub height: f64,
}

impl Rect {
    /// The rectangle with its top-left corner at (`x`, `y`).
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// The rectangle between two corners, in either order.
    pub fn from_corners((x0, y0): (f64, f64), (x1, y1): (f64, f64)) -> Rect {
        Rect::new(x0.min(x1), y0.min(y1), (x1 - x0).abs(), (y1 - y0).abs())
    }

    /// The right edge: `x + width`.
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// The bottom edge: `y + height`.
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// Whether the point is inside the rectangle or on its border.
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        self.x <= x && x <= self.right() && self.y <= y && y <= self.bottom()
    }

    /// The centre point.
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
}

/// How overlapping parts of a path fill: every enclosed area (non-zero), or alternately
/// (even-odd: holes in polygons).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FillRule {
    /// Every enclosed area is filled (the canvas' `"nonzero"`).
    NonZero,
    /// Areas enclosed an odd number of times are filled (the canvas' `"evenodd"`): holes stay empty.
    EvenOdd,
}

/// Straight-line sub-paths in device pixels; curves are flattened when added, finely
/// enough that no backend can tell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Path {
    pub(crate) points: Vec<(f64, f64)>,
    pub(crate) subpaths: Vec<Subpath>,
}

/// Where a sub-path's points are in [`Path::points`], and whether it closes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Subpath {
    pub start: usize,
    pub len: usize,
    pub closed: bool,
}

/// The largest distance a flattened arc may stray from the true one, in device pixels.
const ARC_TOLERANCE: f64 = 0.1;

impl Path {
    /// An empty path.
    pub fn new() -> Path {
        Path::default()
    }

    /// Removes every sub-path, keeping the allocation for the next path.
    pub fn clear(&mut self) {
        self.points.clear();
        self.subpaths.clear();
    }

    /// Whether the path has no points.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// Starts a new sub-path at (`x`, `y`).
    pub fn move_to(&mut self, x: f64, y: f64) {
        self.subpaths.push(Subpath {
            start: self.points.len(),
            len: 1,
            closed: false,
        });
        self.points.push((x, y));
    }

    /// Continues the current sub-path to (`x`, `y`) (starts one if there is none or it is closed).
    pub fn line_to(&mut self, x: f64, y: f64) {
        match self.subpaths.last_mut() {
            Some(sub) if !sub.closed => {
                sub.len += 1;
                self.points.push((x, y));
            }
            _ => self.move_to(x, y),
        }
    }

    /// Closes the current sub-path back to its first point.
    pub fn close(&mut self) {
        if let Some(sub) = self.subpaths.last_mut() {
            sub.closed = true;
        }
    }

    /// The rectangle `r` as a closed sub-path.
    pub fn rect(&mut self, r: Rect) {
        self.move_to(r.x, r.y);
        self.line_to(r.right(), r.y);
        self.line_to(r.right(), r.bottom());
        self.line_to(r.x, r.bottom());
        self.close();
    }

    /// A polygon through `points`, closed.
    pub fn polygon(&mut self, points: impl IntoIterator<Item = (f64, f64)>) {
        let mut first = true;
        for (x, y) in points {
            if first {
                self.move_to(x, y);
                first = false;
            } else {
                self.line_to(x, y);
            }
        }
        self.close();
    }

    /// An arc of the ellipse centred on (cx, cy) with radii (rx, ry) turned by `rotation`,
    /// from angle `a0` to `a1` (radians, measured as the canvas does: clockwise on
    /// screen), continuing the current sub-path (a new one when there is none), as the
    /// canvas' `ellipse()` does.
    pub fn ellipse_arc(
        &mut self,
        center: (f64, f64),
        radii: (f64, f64),
        rotation: f64,
        (a0, a1): (f64, f64),
        anticlockwise: bool,
    ) {
        let full = std::f64::consts::TAU;
        let sweep = if anticlockwise {
            if a0 - a1 >= full {
                -full
            } else {
                -(a0 - a1).rem_euclid(full)
            }
        } else if a1 - a0 >= full {
            full
        } else {
            (a1 - a0).rem_euclid(full)
        };
        for (i, (x, y)) in arc_points(center, radii, rotation, a0, sweep).enumerate() {
            match self.subpaths.last() {
                Some(sub) if !sub.closed || i > 0 => self.line_to(x, y),
                _ => self.move_to(x, y),
            }
        }
    }

    /// A quadratic Bézier curve from the current point through control point `c` to `to`,
    /// as the canvas' `quadraticCurveTo()` (from `c` when there is no current point).
    pub fn quadratic_to(&mut self, c: (f64, f64), to: (f64, f64)) {
        let from = self.current_or(c);
        // The flattened curve strays at most |B''| / 8n² from it, and |B''| is twice the
        // control polygon's second difference.
        let bend = (from.0 - 2.0 * c.0 + to.0).hypot(from.1 - 2.0 * c.1 + to.1);
        let n = curve_steps(bend / 4.0);
        for i in 1..=n {
            let t = i as f64 / n as f64;
            let (a, b, d) = ((1.0 - t) * (1.0 - t), 2.0 * (1.0 - t) * t, t * t);
            self.line_to(
                a * from.0 + b * c.0 + d * to.0,
                a * from.1 + b * c.1 + d * to.1,
            );
        }
    }

    /// A cubic Bézier curve from the current point through control points `c0` and `c1`
    /// to `to`, as the canvas' `bezierCurveTo()` (from `c0` when there is no current point).
    pub fn cubic_to(&mut self, c0: (f64, f64), c1: (f64, f64), to: (f64, f64)) {
        let from = self.current_or(c0);
        // |B''| is at most six times the control polygon's largest second difference.
        let bend = (from.0 - 2.0 * c0.0 + c1.0)
            .hypot(from.1 - 2.0 * c0.1 + c1.1)
            .max((c0.0 - 2.0 * c1.0 + to.0).hypot(c0.1 - 2.0 * c1.1 + to.1));
        let n = curve_steps(0.75 * bend);
        for i in 1..=n {
            let t = i as f64 / n as f64;
            let u = 1.0 - t;
            let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            self.line_to(
                a * from.0 + b * c0.0 + c * c1.0 + d * to.0,
                a * from.1 + b * c0.1 + c * c1.1 + d * to.1,
            );
        }
    }

    /// The last point of the current sub-path; when there is none (or it is closed), a
    /// new sub-path starts at `p`, as the canvas does before a curve.
    fn current_or(&mut self, p: (f64, f64)) -> (f64, f64) {
        match (self.subpaths.last(), self.points.last()) {
            (Some(sub), Some(&last)) if !sub.closed => last,
            _ => {
                self.move_to(p.0, p.1);
                p
            }
        }
    }

    /// A whole circle as its own closed sub-path.
    pub fn circle(&mut self, center: (f64, f64), r: f64) {
        self.ellipse(center, (r, r), 0.0);
    }

    /// A whole ellipse as its own closed sub-path.
    pub fn ellipse(&mut self, center: (f64, f64), radii: (f64, f64), rotation: f64) {
        let full = std::f64::consts::TAU;
        let points: Vec<(f64, f64)> = arc_points(center, radii, rotation, 0.0, full).collect();
        // The last point repeats the first.
        self.polygon(points[..points.len() - 1].iter().copied());
    }

    /// The sub-paths' points, and whether each closes.
    pub fn subpaths(&self) -> impl Iterator<Item = (&[(f64, f64)], bool)> + '_ {
        self.subpaths
            .iter()
            .map(|s| (&self.points[s.start..s.start + s.len], s.closed))
    }

    /// The smallest rectangle holding every point.
    pub fn bounds(&self) -> Option<Rect> {
        let mut it = self
            .points
            .iter()
            .filter(|p| p.0.is_finite() && p.1.is_finite());
        let &(x, y) = it.next()?;
        let (mut x0, mut y0, mut x1, mut y1) = (x, y, x, y);
        for &(x, y) in it {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        Some(Rect::new(x0, y0, x1 - x0, y1 - y0))
    }
}

/// Points along an elliptical arc from `a0` through `sweep` radians, both ends included,
/// close enough together that the polygon strays less than [`ARC_TOLERANCE`].
fn arc_points(
    (cx, cy): (f64, f64),
    (rx, ry): (f64, f64),
    rotation: f64,
    a0: f64,
    sweep: f64,
) -> impl Iterator<Item = (f64, f64)> {
    let r = rx.abs().max(ry.abs());
    let step = if r > ARC_TOLERANCE {
        2.0 * (1.0 - ARC_TOLERANCE / r).acos()
    } else {
        std::f64::consts::FRAC_PI_2
    };
    let n = ((sweep.abs() / step).ceil() as usize).clamp(4, 4096);
    let (sin_r, cos_r) = rotation.sin_cos();
    (0..=n).map(move |i| {
        let (s, c) = (a0 + sweep * i as f64 / n as f64).sin_cos();
        let (x, y) = (rx * c, ry * s);
        (cx + x * cos_r - y * sin_r, cy + x * sin_r + y * cos_r)
    })
}

/// How many straight steps flatten a curve whose error over n steps is `k / n²` device
/// pixels, so that it strays less than [`ARC_TOLERANCE`].
fn curve_steps(k: f64) -> usize {
    let n = (k / ARC_TOLERANCE).sqrt().ceil();
    if n.is_finite() {
        (n as usize).clamp(1, 4096)
    } else {
        1
    }
}

/// How a path's outline is drawn, widths and dashes in device pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    /// The line's color and alpha.
    pub color: Rgba,
    /// Line width.
    pub width: f64,
    /// How open ends are drawn (Bokeh's `line_cap`).
    pub cap: LineCap,
    /// How segments meet (Bokeh's `line_join`).
    pub join: LineJoin,
    /// On/off lengths of the dash pattern; empty is a solid line (Bokeh's `line_dash`).
    pub dash: Vec<f64>,
    /// Where in the dash pattern the line starts (Bokeh's `line_dash_offset`).
    pub dash_offset: f64,
}

impl Stroke {
    /// A solid stroke with Bokeh's default cap and join.
    pub fn solid(color: Rgba, width: f64) -> Stroke {
        Stroke {
            color,
            width,
            cap: LineCap::Butt,
            join: LineJoin::Bevel,
            dash: Vec::new(),
            dash_offset: 0.0,
        }
    }

    /// This stroke with its width and dashes `k` times as long (CSS to device pixels).
    pub fn scaled(&self, k: f64) -> Stroke {
        Stroke {
            width: self.width * k,
            dash: self.dash.iter().map(|d| d * k).collect(),
            dash_offset: self.dash_offset * k,
            ..self.clone()
        }
    }
}

/// A tile of straight (not premultiplied) RGBA pixels repeated from the canvas' origin:
/// a hatch pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    /// Tile width in pixels.
    pub width: usize,
    /// Tile height in pixels.
    pub height: usize,
    /// `width * height` RGBA pixels, row by row from the top.
    pub rgba: Vec<u8>,
}

impl Pattern {
    /// The pattern's color at device pixel (x, y).
    pub fn at(&self, x: i64, y: i64) -> [u8; 4] {
        let (w, h) = (self.width as i64, self.height as i64);
        let i = 4 * (y.rem_euclid(h) * w + x.rem_euclid(w)) as usize;
        [
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ]
    }
}

/// A font as CSS names it, its size in device pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Font {
    /// The CSS font family ("helvetica").
    pub family: String,
    /// Font size in device pixels.
    pub size: f64,
    /// Normal, italic, bold or both (Bokeh's `text_font_style`).
    pub style: FontStyle,
}

impl Font {
    /// The CSS `font` shorthand, as BokehJS writes it: "bold 13px helvetica".
    pub fn css(&self) -> String {
        let style = match self.style {
            FontStyle::Normal => "",
            FontStyle::Italic => "italic ",
            FontStyle::Bold => "bold ",
            FontStyle::BoldItalic => "bold italic ",
        };
        format!("{style}{}px {}", self.size, self.family)
    }
}

/// A font's vertical metrics in device pixels, as BokehJS measures them: the font's
/// ascent and descent, and the heights of "M" and "x".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FontMetrics {
    /// Distance from the baseline up to the top of the tallest glyphs.
    pub ascent: f64,
    /// Distance from the baseline down to the bottom of descenders.
    pub descent: f64,
    /// Height of a capital "M".
    pub cap_height: f64,
    /// Height of a lower-case "x".
    pub x_height: f64,
}

/// How a line of text is drawn at its anchor.
#[derive(Clone, Debug, PartialEq)]
pub struct TextStyle {
    /// The font, size in device pixels.
    pub font: Font,
    /// The text's color and alpha.
    pub color: Rgba,
    /// Where the anchor is horizontally (Bokeh's `text_align`).
    pub align: TextAlign,
    /// Where the anchor is vertically (Bokeh's `text_baseline`).
    pub baseline: TextBaseline,
    /// Radians, clockwise on screen as the canvas' `rotate` turns (Bokeh's
    /// counter-clockwise angles negated).
    pub angle: f64,
}

/// Straight (not premultiplied) RGBA pixels, row by row from the top.
#[derive(Clone, Copy, Debug)]
pub struct Image<'a> {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// `width * height` RGBA pixels.
    pub rgba: &'a [u8],
}

/// An image a surface fetches ([`Surface::fetched`]): by URL, or from the bytes of an
/// encoded image (Bokeh's `bytes`, as Python sends `image_url(url=[png_bytes])`; BokehJS
/// shows them as a PNG blob). Bytes are known by their allocation: the same column's
/// image is fetched once.
#[derive(Clone, Copy, Debug)]
pub enum ImageSource<'a> {
    /// An image's URL.
    Url(&'a str),
    /// An encoded image's bytes.
    Bytes(&'a std::sync::Arc<Vec<u8>>),
}

/// How a surface tries to fetch an image by URL: Bokeh's `retry_attempts` (tries after
/// the first) and `retry_timeout` (milliseconds between tries).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Retry {
    /// Tries after the first.
    pub attempts: u32,
    /// Milliseconds between tries.
    pub timeout_ms: u32,
}

/// Where and how an image fetched by URL is drawn (see [`Surface::draw_fetched`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// The rectangle the image fills, before turning.
    pub dest: Rect,
    /// Radians, clockwise on screen, about `dest`'s centre.
    pub angle: f64,
    /// Opacity, 0 to 1.
    pub alpha: f64,
    /// Whether the image is smoothed as it is scaled (else each pixel is a block).
    pub smooth: bool,
}

/// Where a figure's furniture is painted: beneath everything else (fills, grids) or
/// over it (axes and titles, when nothing is painted after them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plane {
    /// Painted first, on the cleared surface.
    Back,
    /// Painted last, over everything else.
    Front,
}

/// Measures text as it will be drawn, in the font's own pixels.
pub trait TextMeasure {
    /// The width of `text` in `font`, in device pixels.
    fn text_width(&self, text: &str, font: &Font) -> f64;
    /// The font's vertical metrics.
    fn font_metrics(&self, font: &Font) -> FontMetrics;
}

/// A drawing target; see the module docs. Everything is in device pixels.
pub trait Surface: TextMeasure {
    /// The target's size.
    fn size(&self) -> (u32, u32);
    /// Fills `path` with `color` (alpha included), overlaps filled as `rule` says.
    fn fill(&mut self, path: &Path, color: Rgba, rule: FillRule);
    /// Strokes `path`'s outline as `stroke` says.
    fn stroke(&mut self, path: &Path, stroke: &Stroke);
    /// Fills `path` with `pattern` repeated from the origin.
    fn fill_pattern(&mut self, path: &Path, pattern: &Pattern, rule: FillRule);
    /// One line of text at `at` (its anchor, as `style.align` and `style.baseline` say).
    fn text(&mut self, text: &str, at: (f64, f64), style: &TextStyle);
    /// Draws `image` scaled into `dest`, each image pixel a block (no smoothing, as
    /// BokehJS draws images).
    fn image(&mut self, image: Image<'_>, dest: Rect);
    /// The size in pixels of the image `image`, when the target has it. When it has not
    /// (yet) and `fetch` says how, a target that fetches images (a page's canvas)
    /// fetches it and paints the figure again once it has arrived; one that does not (a
    /// bitmap drawn natively) never has it.
    fn fetched(&mut self, _image: ImageSource<'_>, _fetch: Option<Retry>) -> Option<(u32, u32)> {
        None
    }
    /// Draws `image`, which [`Surface::fetched`] said the target has, as `placed` says.
    fn draw_fetched(&mut self, _image: ImageSource<'_>, _placed: &Placed) {}
    /// Draws from now on only inside `rect` (and any clip already set), until `pop_clip`.
    fn push_clip(&mut self, rect: Rect);
    /// Ends the clip of the matching `push_clip`.
    fn pop_clip(&mut self);
    /// Moves everything drawn from now on (and clips set from now on) by `(dx, dy)`, as
    /// a 2D context's `translate` does.
    fn translate(&mut self, dx: f64, dy: f64);
    /// Draws `layer`'s calls, a whole plane of a figure's furniture. A surface that keeps
    /// a picture of the layer it drew last in `plane` may show that picture again
    /// instead, when the calls are the same.
    fn layer(&mut self, _plane: Plane, layer: &Layer) {
        layer.replay(self);
    }
}
