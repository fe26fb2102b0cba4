//! Zero copies on the way from a callback to the screen: with a counting global allocator,
//! one slider change of the sliders app at a million points allocates about the one
//! column its callback computes (the numpy-like math works in place; the document, its
//! journal and the change's event share that column rather than copy it), and a redraw
//! of the figure allocates no more at a million points than at 100,000 (the renderer
//! reads the column where the document holds it and decimates it to the frame's width;
//! what it does allocate, text and the bitmap's rasteriser, grows with what is drawn,
//! which is bounded by the frame, not with the data). Figures
//! are printed; the bounds are asserted.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fonts.rs"]
mod fonts;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use plotters::prelude::{BitMapBackend, IntoDrawingArea};
use rokeh::document::Document;
use rokeh::models::{Figure, Slider};
use rokeh::render::draw_figure;
use rokeh_gallery::sliders_with_points;

struct Counting;

/// Bytes asked for since the start, and the largest single allocation.
static TOTAL: AtomicUsize = AtomicUsize::new(0);
static LARGEST: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    TOTAL.fetch_add(by, Ordering::Relaxed);
    LARGEST.fetch_max(by, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grew(new_size);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Bytes `f` allocated in all, and its largest allocation.
fn allocated<R>(f: impl FnOnce() -> R) -> (usize, usize, R) {
    let start = TOTAL.load(Ordering::Relaxed);
    LARGEST.store(0, Ordering::Relaxed);
    let result = f();
    let total = TOTAL.load(Ordering::Relaxed) - start;
    (total, LARGEST.load(Ordering::Relaxed), result)
}

/// The sliders app at `n` points: a change of its frequency slider's value, and a redraw
/// after it, as (bytes the change allocated, its largest allocation, bytes the redraw
/// allocated), for three changes after a first redraw.
fn change_and_redraw(n: usize) -> Vec<(usize, usize, usize)> {
    let mut doc = Document::new();
    sliders_with_points(&mut doc, n);
    let id = |type_name: &str, title: Option<&str>| {
        doc.models()
            .find(|(_, m)| {
                m.type_name == type_name
                    && title
                        .is_none_or(|t| m.attrs.get("title").and_then(|v| v.as_str()) == Some(t))
            })
            .map(|(_, m)| m.id.clone())
            .expect("the app made it")
    };
    let freq = doc
        .typed_id::<Slider>(&id("Slider", Some("frequency")))
        .unwrap();
    let figure = doc.typed_id::<Figure>(&id("Figure", None)).unwrap();

    let (w, h) = (400u32, 400u32);
    let mut pixels = vec![0u8; (3 * w * h) as usize];
    let mut redraw = |doc: &Document| {
        let area = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        draw_figure(doc, figure, &area, 1.0).unwrap();
        area.present().unwrap();
    };
    redraw(&doc); // warm: the line's buffers are sized once

    [2.0, 2.1, 2.2]
        .into_iter()
        .map(|value| {
            let (change, largest, result) = allocated(|| doc.set(freq, Slider::VALUE, value));
            result.expect("the slider takes the value");
            let (paint, _, ()) = allocated(|| redraw(&doc));
            (change, largest, paint)
        })
        .collect()
}

/// One test: the counters are global, and tests in one binary run on parallel threads.
#[test]
fn a_slider_change_allocates_one_column_and_a_redraw_none() {
    fonts::register_fonts();
    let n = 1_000_000;
    let column = n * std::mem::size_of::<f64>();
    let small = change_and_redraw(100_000);
    for (i, ((change, largest, paint), (_, _, small_paint))) in
        change_and_redraw(n).into_iter().zip(small).enumerate()
    {
        eprintln!(
            "change {i}: {:.3} columns allocated (largest {:.3}); redraw: {paint} bytes \
             ({small_paint} at 100,000 points)",
            change as f64 / column as f64,
            largest as f64 / column as f64,
        );
        assert!(
            change <= column + column / 8,
            "a change allocated {change} bytes: more than the one column ({column} bytes)"
        );
        assert!(
            paint <= small_paint + column / 100,
            "a redraw at {n} points allocated {paint} bytes, at 100,000 {small_paint}"
        );
    }
}
