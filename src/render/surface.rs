//! What painting needs from a drawing target, in device pixels with sub-pixel precision:
//! fill and stroke paths (Bokeh's line joins, caps and dashes), fill with a hatch
//! pattern, draw and measure text, blit an image, clip to a rectangle. The page's canvas
//! implements it with the 2D context (as BokehJS paints); [`super::plotters`] implements it
//! on any plotters `DrawingBackend`.

use crate::core::Rgba;
use crate::models::{FontStyle, LineCap, LineJoin, TextAlign, TextBaseline};

/// A rectangle in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
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

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        self.x <= x && x <= self.right() && self.y <= y && y <= self.bottom()
    }

    pub fn center(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
}

/// How overlapping parts of a path fill: every enclosed area (non-zero), or alternately
/// (even-odd: holes in polygons).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FillRule {
    NonZero,
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
    pub fn new() -> Path {
        Path::default()
    }

    pub fn clear(&mut self) {
        self.points.clear();
        self.subpaths.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    pub fn move_to(&mut self, x: f64, y: f64) {
        self.subpaths.push(Subpath {
            start: self.points.len(),
            len: 1,
            closed: false,
        });
        self.points.push((x, y));
    }

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

/// How a path's outline is drawn, widths and dashes in device pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    pub color: Rgba,
    pub width: f64,
    pub cap: LineCap,
    pub join: LineJoin,
    pub dash: Vec<f64>,
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
}

/// A tile of straight (not premultiplied) RGBA pixels repeated from the canvas' origin:
/// a hatch pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub width: usize,
    pub height: usize,
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
    pub family: String,
    pub size: f64,
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
    pub ascent: f64,
    pub descent: f64,
    pub cap_height: f64,
    pub x_height: f64,
}

/// How a line of text is drawn at its anchor.
#[derive(Clone, Debug, PartialEq)]
pub struct TextStyle {
    pub font: Font,
    pub color: Rgba,
    pub align: TextAlign,
    pub baseline: TextBaseline,
    /// Radians, counter-clockwise on screen as Bokeh's angles are.
    pub angle: f64,
}

/// Straight (not premultiplied) RGBA pixels, row by row from the top.
#[derive(Clone, Copy, Debug)]
pub struct Image<'a> {
    pub width: usize,
    pub height: usize,
    pub rgba: &'a [u8],
}

/// Measures text as it will be drawn, in the font's own pixels.
pub trait TextMeasure {
    fn text_width(&self, text: &str, font: &Font) -> f64;
    fn font_metrics(&self, font: &Font) -> FontMetrics;
}

/// A drawing target; see the module docs. Everything is in device pixels.
pub trait Surface: TextMeasure {
    /// The target's size.
    fn size(&self) -> (u32, u32);
    fn fill(&mut self, path: &Path, color: Rgba, rule: FillRule);
    fn stroke(&mut self, path: &Path, stroke: &Stroke);
    /// Fills `path` with `pattern` repeated from the origin.
    fn fill_pattern(&mut self, path: &Path, pattern: &Pattern, rule: FillRule);
    /// One line of text at `at` (its anchor, as `style.align` and `style.baseline` say).
    fn text(&mut self, text: &str, at: (f64, f64), style: &TextStyle);
    /// Draws `image` scaled into `dest`, each image pixel a block (no smoothing, as
    /// BokehJS draws images).
    fn image(&mut self, image: Image<'_>, dest: Rect);
    /// Draws from now on only inside `rect` (and any clip already set), until `pop_clip`.
    fn push_clip(&mut self, rect: Rect);
    fn pop_clip(&mut self);
    /// Moves everything drawn from now on (and clips set from now on) by `(dx, dy)`, as
    /// a 2D context's `translate` does.
    fn translate(&mut self, dx: f64, dy: f64);
}
