//! ImageURL: images fetched from `url`, each with its `anchor` at (x, y), `w` × `h` (data
//! or screen units; the image's own size in CSS pixels when unset), turned by `angle`
//! about its centre, at `global_alpha`, as BokehJS's `ImageURLView` places them. A `url`
//! may also be an encoded image's bytes (Python's `url=[png_bytes]`). The
//! surface fetches them ([`Surface::fetched`](crate::render::Surface::fetched)): a row
//! whose image has not arrived draws nothing until the page paints again.

use std::sync::Arc;

use crate::document::Value;
use crate::render::label::anchor_of;
use crate::render::ranges::Bounds;
use crate::render::scales::Scale;
use crate::render::specs::{shown_text, Numbers, Source, Uniform, Units};
use crate::render::surface::{ImageSource, Placed, Rect, Retry};
use crate::render::RenderError;

use super::{each_row, extent_bounds, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    // An unset size (null) is the image's own.
    let size = |attr: &str| -> Result<(Numbers<'d>, Units), RenderError> {
        let numbers = match s.parts(attr)?.source {
            Source::Value(Value::Null) => Numbers::Scalar(f64::NAN),
            _ => s.numbers(attr)?,
        };
        Ok((numbers, s.units(attr)?))
    };
    let anchor = s.r.value(s.model, "anchor")?;
    let anchor = match anchor_of(&anchor) {
        Some((Some(x), Some(y))) => (x, y),
        _ => return Err(s.r.bad(s.model, "anchor", "an anchor")),
    };
    let count = |attr: &str| -> Result<u32, RenderError> {
        Ok(s.r.get::<i64>(s.model, attr)?.clamp(0, i64::from(u32::MAX)) as u32)
    };
    Ok(Box::new(View {
        url: match s.values::<Value>("url")? {
            Uniform::Scalar(v) => Uniform::Scalar(Picture::of(v)),
            Uniform::Vector(vs) => Uniform::Vector(vs.into_iter().map(Picture::of).collect()),
        },
        x: s.coords("x", input.x_factors)?,
        y: s.coords("y", input.y_factors)?,
        w: size("w")?,
        h: size("h")?,
        angle: s.angles("angle")?,
        alpha: s.numbers("global_alpha")?,
        anchor,
        dilate: s.r.flag(s.model, "dilate")?,
        retry: Retry {
            attempts: count("retry_attempts")?,
            timeout_ms: count("retry_timeout")?,
        },
        len: s.rows.len,
    }))
}

/// Where one row's image comes from.
#[derive(Clone)]
enum Picture {
    None,
    Url(String),
    Bytes(Arc<Vec<u8>>),
}

impl Picture {
    /// A `url` value: bytes, or shown as text (an empty one is no image).
    fn of(v: Value) -> Picture {
        match v {
            Value::Bytes(bytes) => Picture::Bytes(bytes),
            v => match shown_text(&v) {
                Some(url) if !url.is_empty() => Picture::Url(url),
                _ => Picture::None,
            },
        }
    }

    fn source(&self) -> Option<ImageSource<'_>> {
        match self {
            Picture::None => None,
            Picture::Url(url) => Some(ImageSource::Url(url)),
            Picture::Bytes(bytes) => Some(ImageSource::Bytes(bytes)),
        }
    }
}

struct View<'d> {
    url: Uniform<Picture>,
    x: Numbers<'d>,
    y: Numbers<'d>,
    w: (Numbers<'d>, Units),
    h: (Numbers<'d>, Units),
    angle: Numbers<'static>,
    alpha: Numbers<'d>,
    /// The anchor as fractions of the width (from the left) and height (from the top).
    anchor: (f64, f64),
    dilate: bool,
    retry: Retry,
    len: usize,
}

impl View<'_> {
    /// A size in device pixels: data units measured from `at` to its edge (as BokehJS's
    /// `sdist` with "edge"), screen units scaled; NaN when unset.
    fn side(
        &self,
        scale: &Scale,
        at: f64,
        (size, units): &(Numbers<'_>, Units),
        i: usize,
        px: f64,
    ) -> f64 {
        let v = size.get(i);
        let side = match units {
            Units::Data => (scale.apply(at + v) - scale.apply(at)).abs(),
            Units::Screen => v * px,
        };
        match self.dilate && side.is_finite() {
            true => side.ceil(),
            false => side,
        }
    }

    /// The extent along one axis of rows sized in data units, from `anchor` of the way
    /// along (0 the low end).
    fn extent(
        &self,
        at: &Numbers<'_>,
        size: &(Numbers<'_>, Units),
        low: impl Fn(f64, f64) -> f64,
    ) -> Option<Bounds> {
        match size.1 {
            Units::Data => extent_bounds(self.len, |i| {
                let (c, d) = (at.get(i), size.0.get(i));
                // An unset size takes no room in the data, as BokehJS's `?? 0`.
                let d = if d.is_finite() { d } else { 0.0 };
                let lo = low(c, d);
                (lo, lo + d)
            }),
            Units::Screen => super::bounds_of(at, self.len),
        }
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        let (ax, ay) = self.anchor;
        (
            self.extent(&self.x, &self.w, |x, w| x - ax * w),
            // The anchor's y counts from the top: the low end is below it.
            self.extent(&self.y, &self.h, |y, h| y - (1.0 - ay) * h),
        )
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let px = p.maps.scale;
        // BokehJS clips its images a CSS pixel inside the frame.
        let f = p.frame;
        p.surface.push_clip(Rect::new(
            f.x + px,
            f.y + px,
            f.width - 2.0 * px,
            f.height - 2.0 * px,
        ));
        for i in each_row(rows, self.len) {
            let picture = self.url.get(i);
            let Some(image) = picture.source() else {
                continue;
            };
            let (x, y) = (self.x.get(i), self.y.get(i));
            let (sx, sy) = p.maps.point(x, y);
            let (angle, alpha) = (self.angle.get(i), self.alpha.get(i));
            if !(sx + sy + angle + alpha).is_finite() {
                continue;
            }
            let Some((width, height)) = p.surface.fetched(image, Some(self.retry)) else {
                continue;
            };
            let own = |side: f64, natural: u32| match side.is_finite() {
                true => side,
                false => f64::from(natural) * px,
            };
            let sw = own(self.side(&p.maps.x, x, &self.w, i, px), width);
            let sh = own(self.side(&p.maps.y, y, &self.h, i, px), height);
            let dest = Rect::new(sx - self.anchor.0 * sw, sy - self.anchor.1 * sh, sw, sh);
            let placed = Placed {
                dest,
                angle,
                alpha,
                smooth: true,
            };
            p.surface.draw_fetched(image, &placed);
        }
        p.surface.pop_clip();
        Ok(())
    }

    fn legend(&self, _p: &mut Paint<'_>, _rect: Rect, _row: Option<usize>) {}

    fn len(&self) -> usize {
        self.len
    }
}
