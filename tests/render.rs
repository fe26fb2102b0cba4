//! The sliders figure drawn natively into a bitmap, checked pixel by pixel where the
//! maths says the line must (and must not) be.
#![cfg(not(target_arch = "wasm32"))]

use std::f64::consts::PI;
use std::path::PathBuf;

use plotters::prelude::{BitMapBackend, IntoDrawingArea};

use rokeh::core::Rgba as Color;
use rokeh::document::{Document, DocumentError, Id};
use rokeh::models::{ColumnDataSource, Figure, Line, Slider, TextInput};
use rokeh::plotting::{figure, FigureArgs};
use rokeh::render::{draw_figure, figure_layout};
use rokeh_gallery::{sliders, sliders_with_points};

#[path = "support/fonts.rs"]
mod fonts;
#[path = "support/picture.rs"]
mod picture;
use fonts::register_fonts;
use picture::{is_grey, render_size, Picture};

fn figure_of(doc: &Document) -> Id<Figure> {
    doc.models()
        .find(|(_, m)| m.type_name == "Figure")
        .and_then(|(_, m)| doc.typed_id(&m.id))
        .expect("the app made a figure")
}

fn slider(doc: &Document, title: &str) -> Id<Slider> {
    doc.models()
        .filter(|(_, m)| m.type_name == "Slider")
        .filter_map(|(_, m)| doc.typed_id::<Slider>(&m.id))
        .find(|&s| doc.get(s, Slider::TITLE).as_deref() == Some(title))
        .unwrap_or_else(|| panic!("no slider '{title}'"))
}

fn source_of(doc: &Document) -> Id<ColumnDataSource> {
    doc.models()
        .find(|(_, m)| m.type_name == "ColumnDataSource")
        .and_then(|(_, m)| doc.typed_id(&m.id))
        .expect("the app made a source")
}

fn render(doc: &Document, figure: Id<Figure>, scale: f64) -> Picture {
    render_size(doc, figure, (400, 400), scale)
}

/// Writes the figure as a PNG for a person to look at.
fn save_png(doc: &Document, figure: Id<Figure>, scale: f64, name: &str) -> PathBuf {
    picture::save_png(doc, figure, (400, 400), scale, name)
}

/// #1f77b4 at alpha 0.6 over white, as the sliders line looks.
fn line_on_white() -> [u8; 3] {
    Color::parse("#1f77b4")
        .unwrap()
        .with_alpha(0.6)
        .over(Color::WHITE)
}

/// Asserts that the picture shows `f` over 0..4π: line colour at each predicted pixel,
/// and no line colour farther than a few pixels from the curve inside the frame.
fn assert_curve(pic: &Picture, f: impl Fn(f64) -> f64) {
    let scale = pic.layout.scale;
    let frame = pic.layout.frame;
    let curve: Vec<(f64, f64)> = (0..=4000)
        .map(|i| 4.0 * PI * f64::from(i) / 4000.0)
        .map(|x| pic.layout.to_pixel(x, f(x)))
        .collect();
    let radius = (1.5 * scale).ceil() as i32;
    for &(px, py) in curve.iter().step_by(20) {
        assert!(
            pic.has_near((px, py), radius, line_on_white(), 10),
            "no line colour near pixel ({px:.1}, {py:.1})"
        );
    }
    let far = 6.0 * scale;
    let step = (4.0 * scale) as usize;
    for y in (frame.top + 2..frame.bottom - 1).step_by(step) {
        for x in (frame.left + 2..frame.right - 1).step_by(step) {
            let (fx, fy) = (f64::from(x), f64::from(y));
            let distance = curve
                .iter()
                .map(|&(cx, cy)| (cx - fx).hypot(cy - fy))
                .fold(f64::INFINITY, f64::min);
            if distance > far {
                let p = pic.pixel(x, y).unwrap();
                assert!(
                    is_grey(p),
                    "line colour {p:?} at ({x}, {y}), {distance:.0} px off"
                );
            }
        }
    }
}

#[test]
fn sliders_sine_is_drawn_where_the_maths_says_at_scale_1_and_2() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let fig = figure_of(&doc);
    for scale in [1.0, 2.0] {
        let pic = render(&doc, fig, scale);
        assert_curve(&pic, f64::sin);
        let path = save_png(&doc, fig, scale, &format!("sliders_x{scale}.png"));
        eprintln!("wrote {}", path.display());
    }
}

#[test]
fn layout_matches_bokehs_and_scales_with_the_pixel_ratio() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let fig = figure_of(&doc);
    let one = figure_layout(&doc, fig, 400, 400, 1.0).unwrap();
    // Bokeh 3.9 puts this frame at x 27..370, y 25..378 (measured from BokehJS's view of
    // the same document): the toolbar on the right (figure()'s default) keeps 30 px,
    // min_border 5 of them; the y labels of the demo's fixed range are narrow.
    let f = one.frame;
    assert_eq!((f.top, f.right, f.bottom), (25, 370, 378));
    assert!((25..=30).contains(&f.left), "left border {}", f.left);
    // Bokeh's demo fixes its ranges.
    assert_eq!((one.x_range.start, one.x_range.end), (0.0, 4.0 * PI));
    assert_eq!((one.y_range.start, one.y_range.end), (-2.5, 2.5));
    assert_eq!(one.x_ticks.labels, ["0", "2", "4", "6", "8", "10", "12"]);
    assert_eq!(
        one.y_ticks.labels,
        ["\u{2212}2", "\u{2212}1", "0", "1", "2"]
    );

    let two = figure_layout(&doc, fig, 800, 800, 2.0).unwrap();
    let g = two.frame;
    for (a, b) in [
        (f.left, g.left),
        (f.top, g.top),
        (f.right, g.right),
        (f.bottom, g.bottom),
    ] {
        assert!((2 * a - b).abs() <= 1, "scale 2 frame {g:?} vs {f:?}");
    }
    let (px, py) = two.to_pixel(PI, 0.5);
    let (x, y) = two.to_data(px, py);
    assert!((x - PI).abs() < 1e-9 && (y - 0.5).abs() < 1e-9);
}

#[test]
fn title_and_tick_labels_are_drawn_in_grey_text() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let pic = render(&doc, figure_of(&doc), 1.0);
    let f = pic.layout.frame;
    let dark = |x0: i32, x1: i32, y0: i32, y1: i32| {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| pic.pixel(x, y).is_some_and(|p| is_grey(p) && p[0] < 160))
            .count()
    };
    assert!(dark(f.left, f.left + 80, 0, f.top) > 40, "title text");
    assert!(
        dark(f.left, f.right, f.bottom + 8, 400) > 40,
        "x tick labels"
    );
    assert!(dark(0, f.left - 6, f.top, f.bottom) > 30, "y tick labels");
    assert_eq!(
        dark(f.right + 2, 400, 0, 400),
        0,
        "nothing right of the frame"
    );
}

#[test]
fn moving_the_frequency_slider_moves_the_pixels() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let fig = figure_of(&doc);
    let freq = slider(&doc, "frequency");
    doc.set(freq, Slider::VALUE, 2.0).unwrap();
    let pic = render(&doc, fig, 1.0);
    assert_curve(&pic, |x| (2.0 * x).sin());
    save_png(&doc, fig, 1.0, "sliders_freq2.png");
}

#[test]
fn the_ranges_stay_as_amplitude_and_offset_move_the_sine() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let fig = figure_of(&doc);
    doc.set(slider(&doc, "amplitude"), Slider::VALUE, 1.5)
        .unwrap();
    doc.set(slider(&doc, "offset"), Slider::VALUE, 0.5).unwrap();
    let pic = render(&doc, fig, 1.0);
    // y = 1.5 sin x + 0.5 spans -1..2, inside the demo's fixed -2.5..2.5.
    let r = pic.layout.y_range;
    assert_eq!((r.start, r.end), (-2.5, 2.5));
    assert_eq!(
        pic.layout.y_ticks.labels,
        ["\u{2212}2", "\u{2212}1", "0", "1", "2"]
    );
    assert_curve(&pic, |x| 1.5 * x.sin() + 0.5);
}

#[test]
fn a_million_points_draw_the_same_curve() {
    let mut doc = Document::new();
    sliders_with_points(&mut doc, 1_000_000);
    let fig = figure_of(&doc);
    let pic = render(&doc, fig, 1.0);
    assert_curve(&pic, f64::sin);
    save_png(&doc, fig, 1.0, "sliders_1m.png");
}

#[test]
fn nan_breaks_the_line() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let fig = figure_of(&doc);
    let source = source_of(&doc);
    let x = doc.column_f64(source, "x").unwrap().to_vec();
    let gap = 5.0..6.5;
    let y: Vec<f64> = x
        .iter()
        .map(|&x| if gap.contains(&x) { f64::NAN } else { x.sin() })
        .collect();
    doc.set_column(source, "y", y).unwrap();
    let pic = render(&doc, fig, 1.0);
    let line = line_on_white();
    // Well inside the gap (beyond the last point before it and the first after it).
    for i in 0..20 {
        let x = 5.2 + 1.0 * f64::from(i) / 20.0;
        let p = pic.layout.to_pixel(x, x.sin());
        assert!(
            !pic.has_near(p, 1, line, 10),
            "line drawn across the gap at x={x}"
        );
    }
    let p = pic.layout.to_pixel(4.0, 4.0_f64.sin());
    assert!(
        pic.has_near(p, 2, line, 10),
        "the line is there outside the gap"
    );
}

#[test]
fn a_fixed_range_clips_the_line_to_the_frame() {
    let mut doc = Document::new();
    let x: Vec<f64> = (0..=400).map(|i| f64::from(i) * 0.05).collect();
    let y: Vec<f64> = x.iter().map(|x| 3.0 * x.sin()).collect();
    let source = doc.add(ColumnDataSource::new([("x", x), ("y", y)]));
    let fig = figure(
        &mut doc,
        FigureArgs {
            title: "zoomed".into(),
            width: 400,
            height: 400,
            x_range: (4.0, 8.0).into(),
            y_range: (-1.0, 1.0).into(),
            ..FigureArgs::default()
        },
    );
    fig.line(
        &mut doc,
        source,
        Line {
            line_width: 3.0,
            line_alpha: 0.6,
            ..Line::default()
        },
    );
    let pic = render(&doc, fig, 1.0);
    let f = pic.layout.frame;
    assert_eq!(
        (pic.layout.x_range.start, pic.layout.x_range.end),
        (4.0, 8.0)
    );
    let outside = (0..400)
        .flat_map(|y| (0..400).map(move |x| (x, y)))
        .filter(|&(x, y)| x < f.left - 1 || x > f.right + 1 || y < f.top - 1 || y > f.bottom + 1)
        .filter(|&(x, y)| !is_grey(pic.pixel(x, y).unwrap()))
        .count();
    assert_eq!(outside, 0, "line pixels outside the frame");
    // Inside, where 3 sin x is within -1..1 (x = 2π ± 0.3), the line is drawn.
    let p = pic.layout.to_pixel(2.0 * PI, 0.0);
    assert!(pic.has_near(p, 2, line_on_white(), 10));
    save_png(&doc, fig, 1.0, "clipped.png");
}

#[test]
fn a_bad_color_is_refused_and_the_figure_still_draws() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let fig = figure_of(&doc);
    let line = doc
        .models()
        .find(|(_, m)| m.type_name == "Line")
        .and_then(|(_, m)| doc.typed_id::<Line>(&m.id))
        .unwrap();
    let err = doc
        .set(line, Line::LINE_COLOR, Some("not-a-color".into()))
        .unwrap_err();
    assert!(matches!(err, DocumentError::WrongType { .. }), "{err}");
    assert!(err.to_string().contains("not-a-color"), "{err}");
    assert!(figure_layout(&doc, fig, 400, 400, 1.0).is_ok());
}

#[test]
fn bad_scales_and_empty_ranges_are_errors() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let fig = figure_of(&doc);
    for scale in [0.0, -1.0, f64::NAN] {
        assert!(figure_layout(&doc, fig, 400, 400, scale).is_err());
    }
    let flat = figure(
        &mut doc,
        FigureArgs {
            x_range: (2.0, 2.0).into(),
            ..FigureArgs::default()
        },
    );
    let err = figure_layout(&doc, flat, 400, 400, 1.0).unwrap_err();
    assert!(err.to_string().contains("Range1d"), "{err}");
}

#[test]
fn typing_a_title_redraws_it() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let fig = figure_of(&doc);
    let title_ink = |pic: &Picture| {
        let f = pic.layout.frame;
        (0..f.top)
            .flat_map(|y| (0..400).map(move |x| (x, y)))
            .filter(|&(x, y)| pic.pixel(x, y).is_some_and(|p| p[0] < 160))
            .count()
    };
    let before = title_ink(&render(&doc, fig, 1.0));
    let input = doc
        .models()
        .find(|(_, m)| m.type_name == "TextInput")
        .and_then(|(_, m)| doc.typed_id::<TextInput>(&m.id))
        .unwrap();
    doc.set(
        input,
        TextInput::VALUE,
        "a much longer sine wave title".to_owned(),
    )
    .unwrap();
    let after = title_ink(&render(&doc, fig, 1.0));
    assert!(after > 2 * before, "title ink {before} -> {after}");
}

#[test]
fn a_tiny_area_draws_without_panicking() {
    register_fonts();
    let mut doc = Document::new();
    sliders(&mut doc);
    let fig = figure_of(&doc);
    let mut rgb = vec![0u8; 3 * 8 * 8];
    let area = BitMapBackend::with_buffer(&mut rgb, (8, 8)).into_drawing_area();
    draw_figure(&doc, fig, &area, 1.0).expect("a tiny figure still draws");
    let layout = figure_layout(&doc, fig, 0, 0, 1.0).unwrap();
    assert!(layout.frame.width() >= 1 && layout.frame.height() >= 1);
}

/// A figure is as big as its width and height, or, with a fixed frame, as the frame and
/// what goes around it need.
#[test]
fn a_figure_is_its_size_or_its_frame_and_sides() {
    let mut doc = Document::new();
    let fig = figure(
        &mut doc,
        FigureArgs {
            width: 450,
            height: 300,
            ..FigureArgs::default()
        },
    );
    assert_eq!(rokeh::render::css_size(&doc, fig), (450, 300));
    doc.set(fig, Figure::FRAME_WIDTH, Some(400)).unwrap();
    let (w, h) = rokeh::render::css_size(&doc, fig);
    assert!(w > 400 + 20, "the frame, the y axis and borders: {w}");
    assert_eq!(h, 300, "the height stays the figure's");
}

/// A toolbar above shares the title's band, as deep as the deeper of the two (BokehJS's
/// `toolbar_sticky`); unstuck, it takes a band of its own beyond the title's.
#[test]
fn a_sticky_toolbar_shares_the_title_s_band() {
    use rokeh::models::Place;
    use rokeh::render::css_size;
    let top = |sticky: bool| {
        let mut doc = Document::new();
        let args = FigureArgs {
            title: "t".into(),
            toolbar_location: Some(Place::Above),
            ..FigureArgs::default()
        };
        let p = figure(&mut doc, args);
        doc.set_attr(p.any(), "toolbar_sticky", sticky.into())
            .unwrap();
        let (w, h) = css_size(&doc, p);
        figure_layout(&doc, p, w, h, 1.0).unwrap().frame.top
    };
    let (stuck, unstuck) = (top(true), top(false));
    assert_eq!(
        stuck, 30,
        "the band is the toolbar's 30 px, deeper than the title"
    );
    assert!(unstuck > 30 + 15, "title and toolbar stacked: {unstuck}");
}
