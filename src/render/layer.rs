//! A figure's furniture (its fills, outline, grids, axes and title) recorded as drawing
//! calls instead of drawn. A new slider value in a fixed range changes the glyphs alone:
//! a surface that kept a picture of the last furniture shows that picture again when the
//! calls are the same ([`Surface::layer`]), instead of drawing every tick label again.

use crate::core::Rgba;

use super::surface::{
    FillRule, Font, FontMetrics, Image, Path, Pattern, Plane, Rect, Stroke, Surface, TextMeasure,
    TextStyle,
};

/// One drawing call, with what it drew.
#[derive(Clone, Debug, PartialEq)]
enum Op {
    Fill(Path, Rgba, FillRule),
    Stroke(Path, Stroke),
    Pattern(Path, Pattern, FillRule),
    Text(String, (f64, f64), TextStyle),
    Image {
        width: usize,
        height: usize,
        rgba: Vec<u8>,
        dest: Rect,
    },
    PushClip(Rect),
    PopClip,
    Translate(f64, f64),
}

/// Drawing calls, in order: two layers that compare equal draw the same pixels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layer {
    ops: Vec<Op>,
}

impl Layer {
    /// Whether the layer draws any text: a picture of a layer repays itself in the
    /// `fillText`s it saves; fills and lines draw about as fast as a picture of them.
    pub fn has_text(&self) -> bool {
        self.ops.iter().any(|op| matches!(op, Op::Text(..)))
    }

    /// Makes the layer's calls on `s`.
    pub fn replay<S: Surface + ?Sized>(&self, s: &mut S) {
        for op in &self.ops {
            match op {
                Op::Fill(path, color, rule) => s.fill(path, *color, *rule),
                Op::Stroke(path, stroke) => s.stroke(path, stroke),
                Op::Pattern(path, pattern, rule) => s.fill_pattern(path, pattern, *rule),
                Op::Text(text, at, style) => s.text(text, *at, style),
                Op::Image {
                    width,
                    height,
                    rgba,
                    dest,
                } => s.image(
                    Image {
                        width: *width,
                        height: *height,
                        rgba,
                    },
                    *dest,
                ),
                Op::PushClip(rect) => s.push_clip(*rect),
                Op::PopClip => s.pop_clip(),
                Op::Translate(dx, dy) => s.translate(*dx, *dy),
            }
        }
    }
}

/// A surface that records what is drawn on it into a [`Layer`], measuring text as the
/// surface the layer is for measures it.
pub(crate) struct Recorder<'a> {
    target: &'a dyn Surface,
    layer: Layer,
}

impl<'a> Recorder<'a> {
    /// Records for `target`: its size and its text measures.
    pub fn new(target: &'a dyn Surface) -> Recorder<'a> {
        Recorder {
            target,
            layer: Layer::default(),
        }
    }

    /// What was recorded.
    pub fn finish(self) -> Layer {
        self.layer
    }

    fn push(&mut self, op: Op) {
        self.layer.ops.push(op);
    }
}

impl TextMeasure for Recorder<'_> {
    fn text_width(&self, text: &str, font: &Font) -> f64 {
        self.target.text_width(text, font)
    }

    fn font_metrics(&self, font: &Font) -> FontMetrics {
        self.target.font_metrics(font)
    }
}

impl Surface for Recorder<'_> {
    fn size(&self) -> (u32, u32) {
        self.target.size()
    }

    fn fill(&mut self, path: &Path, color: Rgba, rule: FillRule) {
        self.push(Op::Fill(path.clone(), color, rule));
    }

    fn stroke(&mut self, path: &Path, stroke: &Stroke) {
        self.push(Op::Stroke(path.clone(), stroke.clone()));
    }

    fn fill_pattern(&mut self, path: &Path, pattern: &Pattern, rule: FillRule) {
        self.push(Op::Pattern(path.clone(), pattern.clone(), rule));
    }

    fn text(&mut self, text: &str, at: (f64, f64), style: &TextStyle) {
        self.push(Op::Text(text.to_owned(), at, style.clone()));
    }

    fn image(&mut self, image: Image<'_>, dest: Rect) {
        self.push(Op::Image {
            width: image.width,
            height: image.height,
            rgba: image.rgba.to_vec(),
            dest,
        });
    }

    fn push_clip(&mut self, rect: Rect) {
        self.push(Op::PushClip(rect));
    }

    fn pop_clip(&mut self) {
        self.push(Op::PopClip);
    }

    fn translate(&mut self, dx: f64, dy: f64) {
        self.push(Op::Translate(dx, dy));
    }

    fn layer(&mut self, _: Plane, layer: &Layer) {
        self.layer.ops.extend_from_slice(&layer.ops);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::render::Estimate;

    /// A surface that only counts what is drawn on it.
    #[derive(Default)]
    pub(crate) struct Counting {
        calls: usize,
        clips: i32,
    }

    impl TextMeasure for Counting {
        fn text_width(&self, text: &str, font: &Font) -> f64 {
            Estimate.text_width(text, font)
        }
        fn font_metrics(&self, font: &Font) -> FontMetrics {
            Estimate.font_metrics(font)
        }
    }

    impl Surface for Counting {
        fn size(&self) -> (u32, u32) {
            (10, 10)
        }
        fn fill(&mut self, _: &Path, _: Rgba, _: FillRule) {
            self.calls += 1;
        }
        fn stroke(&mut self, _: &Path, _: &Stroke) {
            self.calls += 1;
        }
        fn fill_pattern(&mut self, _: &Path, _: &Pattern, _: FillRule) {
            self.calls += 1;
        }
        fn text(&mut self, _: &str, _: (f64, f64), _: &TextStyle) {
            self.calls += 1;
        }
        fn image(&mut self, _: Image<'_>, _: Rect) {
            self.calls += 1;
        }
        fn push_clip(&mut self, _: Rect) {
            self.clips += 1;
        }
        fn pop_clip(&mut self) {
            self.clips -= 1;
        }
        fn translate(&mut self, _: f64, _: f64) {}
    }

    fn square(x: f64) -> Path {
        let mut p = Path::new();
        p.rect(Rect::new(x, 0.0, 2.0, 2.0));
        p
    }

    fn record(x: f64) -> Layer {
        let target = Counting::default();
        let mut r = Recorder::new(&target);
        r.push_clip(Rect::new(0.0, 0.0, 5.0, 5.0));
        r.fill(&square(x), Rgba::rgb(1, 2, 3), FillRule::NonZero);
        r.pop_clip();
        r.finish()
    }

    #[test]
    fn layers_of_the_same_calls_are_equal_and_others_are_not() {
        assert_eq!(record(1.0), record(1.0));
        assert_ne!(record(1.0), record(1.5));
    }

    #[test]
    fn a_replayed_layer_makes_its_calls_on_the_surface() {
        let mut s = Counting::default();
        record(1.0).replay(&mut s);
        assert_eq!((s.calls, s.clips), (1, 0));
    }
}
