//! How long one redraw of the sliders figure takes in an in-memory bitmap, for Bokeh's 200
//! points and for a million, what reading and laying it out costs alone, a million scatter
//! markers, and what decimating a million points costs alone.

// Native only: the bitmap backend and its fonts are dev-dependencies of native builds.
#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/fonts.rs"]
mod fonts;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{criterion_group, Criterion};
    use plotters::prelude::{BitMapBackend, IntoDrawingArea};

    use rokeh::document::{Document, Id};
    use rokeh::models::{ColumnDataSource, Figure};
    use rokeh::render::{ascending, decimate, draw_figure, figure_layout, Polyline};
    use rokeh_gallery::sliders_with_points;

    use super::fonts::register_fonts;

    fn sliders_doc(points: usize) -> (Document, Id<Figure>, Id<ColumnDataSource>) {
        let mut doc = Document::new();
        sliders_with_points(&mut doc, points);
        let typed = |name: &str| {
            doc.models()
                .find(|(_, m)| m.type_name == name)
                .map(|(_, m)| m.id.clone())
                .expect("the app made it")
        };
        let figure = doc.typed_id(&typed("Figure")).unwrap();
        let source = doc.typed_id(&typed("ColumnDataSource")).unwrap();
        (doc, figure, source)
    }

    fn redraw(c: &mut Criterion) {
        register_fonts();
        let (w, h) = (400u32, 400u32);
        let mut pixels = vec![0u8; (3 * w * h) as usize];
        for points in [200, 1_000_000] {
            let (doc, figure, _) = sliders_doc(points);
            c.bench_function(&format!("draw_figure 400x400, {points} points"), |b| {
                b.iter(|| {
                    let area = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
                    draw_figure(&doc, figure, &area, 1.0).unwrap();
                    area.present().unwrap();
                })
            });
        }
    }

    /// What every repaint of the sliders figure does before it draws: read the figure's
    /// models from the document, resolve its ranges, tick and lay it out.
    fn read_and_lay_out(c: &mut Criterion) {
        let (doc, figure, _) = sliders_doc(200);
        c.bench_function("read and lay out the sliders figure, 200 points", |b| {
            b.iter(|| figure_layout(black_box(&doc), figure, 400, 400, 1.0).unwrap())
        });
    }

    /// The scatter app's figure of a million markers (size 3, fill alpha 0.5).
    fn scatter(c: &mut Criterion) {
        register_fonts();
        let mut doc = Document::new();
        rokeh_gallery::scatter(&mut doc, 1_000_000);
        let figure = doc
            .models()
            .find(|(_, m)| m.type_name == "Figure")
            .and_then(|(_, m)| doc.typed_id::<Figure>(&m.id))
            .expect("the app made it");
        let (w, h) = (600u32, 600u32);
        let mut pixels = vec![255u8; (3 * w * h) as usize];
        c.bench_function("draw_figure 600x600, 1000000 markers", |b| {
            b.iter(|| {
                let area = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
                draw_figure(&doc, figure, &area, 1.0).unwrap();
                area.present().unwrap();
            })
        });
    }

    fn decimation(c: &mut Criterion) {
        let (doc, figure, source) = sliders_doc(1_000_000);
        let layout = figure_layout(&doc, figure, 400, 400, 1.0).unwrap();
        let xs = doc.column_f64(source, "x").unwrap();
        let ys = doc.column_f64(source, "y").unwrap();
        let columns = i64::from(layout.frame.left)..=i64::from(layout.frame.right);
        let mut out = Polyline::default();
        c.bench_function("check that 1000000 x values ascend", |b| {
            b.iter(|| ascending(black_box(xs)))
        });
        // Sorted x (the sliders' own) and the general path, as for x that goes back and forth.
        for (path, x_ascending) in [("sorted x", true), ("any x", false)] {
            c.bench_function(&format!("decimate 1000000 points, {path}"), |b| {
                b.iter(|| {
                    decimate(
                        black_box(xs),
                        black_box(ys),
                        x_ascending,
                        &layout.x_scale,
                        &layout.y_scale,
                        columns.clone(),
                        &mut out,
                    );
                    black_box(out.len())
                })
            });
        }
        println!("decimated 1000000 points to {} vertices", out.len());
    }

    criterion_group!(benches, redraw, read_and_lay_out, scatter, decimation);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
