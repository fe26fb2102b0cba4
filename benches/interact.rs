//! What the tools cost on the sliders figure of a million points: finding the row under
//! the pointer for a hover (µs), and one frame of a pan, the ranges moved and the figure
//! redrawn in a 400 × 400 bitmap (ms); and a hover over a figure of twenty quad renderers
//! (glyphs hit by their own geometry, not through the marker index).

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/fonts.rs"]
mod fonts;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{criterion_group, Criterion};
    use plotters::prelude::{BitMapBackend, IntoDrawingArea};

    use rokeh::document::{Document, Id};
    use rokeh::interact::{inspect, pan, Motion, Navigation, Policy, View};
    use rokeh::models::{Dimensions, Figure};
    use rokeh::render::{draw_figure, layout_following};
    use rokeh_gallery::sliders_with_points;

    use super::fonts::register_fonts;

    const POINTS: usize = 1_000_000;

    fn sliders() -> (Document, Id<Figure>) {
        let mut doc = Document::new();
        sliders_with_points(&mut doc, POINTS);
        let id = doc
            .models()
            .find(|(_, m)| m.type_name == "Figure")
            .map(|(_, m)| m.id.clone())
            .expect("the app made it");
        let figure = doc.typed_id(&id).unwrap();
        (doc, figure)
    }

    fn hover(c: &mut Criterion) {
        let (doc, figure) = sliders();
        let nav = Navigation::new(&doc, figure);
        let laid = layout_following(&doc, figure, (400, 400), 1.0, &nav.following()).unwrap();
        let view = View::of(&laid);
        // On the sine at x = π/2 (its crest).
        let at = view.x.apply(std::f64::consts::FRAC_PI_2);
        let at = (at, view.y.apply(1.0));
        assert!(!inspect(&doc, figure, &view, Policy::default(), &[], at, 1.0).is_empty());
        c.bench_function("hover hit-test, 1000000-point line", |b| {
            b.iter(|| {
                black_box(inspect(
                    &doc,
                    figure,
                    &view,
                    Policy::default(),
                    &[],
                    at,
                    1.0,
                ))
            })
        });
    }

    fn hover_twenty_renderers(c: &mut Criterion) {
        use rokeh::models::{ColumnDataSource, Quad};
        use rokeh::plotting::{figure, FigureArgs, RangeArg};
        let mut doc = Document::new();
        let fig = figure(
            &mut doc,
            FigureArgs {
                x_range: RangeArg::Fixed(0.0, 20.0),
                y_range: RangeArg::Fixed(0.0, 10.0),
                width: 400,
                height: 400,
                ..FigureArgs::default()
            },
        );
        // Twenty renderers of ten quads each, side by side; the pointer over the last.
        for r in 0..20 {
            let left: Vec<f64> = (0..10).map(|_| f64::from(r)).collect();
            let right: Vec<f64> = left.iter().map(|l| l + 0.8).collect();
            let bottom: Vec<f64> = (0..10).map(f64::from).collect();
            let top: Vec<f64> = bottom.iter().map(|b| b + 0.8).collect();
            let source = doc.add(ColumnDataSource::new([
                ("left", left),
                ("right", right),
                ("bottom", bottom),
                ("top", top),
            ]));
            fig.quad(&mut doc, source, Quad::default());
        }
        doc.add_root(fig);
        let nav = Navigation::new(&doc, fig);
        let laid = layout_following(&doc, fig, (400, 400), 1.0, &nav.following()).unwrap();
        let view = View::of(&laid);
        let at = (view.x.apply(19.4), view.y.apply(5.4));
        assert_eq!(
            inspect(&doc, fig, &view, Policy::default(), &[], at, 1.0).len(),
            1
        );
        c.bench_function("hover hit-test, figure of 20 quad renderers", |b| {
            b.iter(|| black_box(inspect(&doc, fig, &view, Policy::default(), &[], at, 1.0)))
        });
    }

    fn pan_frame(c: &mut Criterion) {
        register_fonts();
        let (mut doc, figure) = sliders();
        let mut nav = Navigation::new(&doc, figure);
        let laid = layout_following(&doc, figure, (400, 400), 1.0, &nav.following()).unwrap();
        let start = View::of(&laid);
        let (w, h) = (400u32, 400u32);
        let mut pixels = vec![0u8; (3 * w * h) as usize];
        let mut dx = 0.0;
        c.bench_function(
            "pan frame (ranges moved, redrawn), 1000000-point line",
            |b| {
                b.iter(|| {
                    dx = (dx + 3.0) % 150.0;
                    let change = pan(&start, Dimensions::Both, Dimensions::Both, dx, 0.0);
                    nav.apply(&mut doc, &change, Motion::default()).unwrap();
                    doc.take_changes();
                    let area = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
                    draw_figure(&doc, figure, &area, 1.0).unwrap();
                    area.present().unwrap();
                })
            },
        );
    }

    criterion_group!(benches, hover, hover_twenty_renderers, pan_frame);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
