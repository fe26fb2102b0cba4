//! Every glyph, marker, axis kind and annotation drawn natively into a bitmap and checked
//! where the maths says its pixels are (and are not). Pictures go to target/tmp for a
//! person to look at.
#![cfg(not(target_arch = "wasm32"))]

use rokeh::core::{Color, ColorSpec, NdArray, Rgba, Spec, Value};
use rokeh::document::{Document, Id};
use rokeh::models::{
    palettes::palette, AnnularWedge, Annulus, Arc, Arrow, AutoOr, Band, Bezier, Block,
    BooleanFilter, BoxAnnotation, CDSView, Circle, ColorBar, ColumnDataSource, DashPattern,
    Ellipse, Figure, GlyphRenderer, GroupFilter, HArea, HBar, HSpan, HStrip, HexTile, Image,
    ImageRGBA, IndexFilter, Label, LabelSet, Legend, LegendClickPolicy, Line, LinearAxis,
    LinearColorMapper, MarkerType, MultiLine, MultiPolygons, Ngon, NormalHead, Patch, Patches,
    Place, Quad, Quadratic, Range1d, Ray, Rect, Scatter, Segment, Selection, Span, Step, StepMode,
    TeeHead, Text, TextAlign, VArea, VAreaStep, VBar, VSpan, VStrip, Wedge, Whisker,
};
use rokeh::plotting::{factor_cmap, figure, linear_cmap, AxisType, FigureArgs, RangeArg};

#[path = "support/fonts.rs"]
mod fonts;
#[path = "support/picture.rs"]
mod picture;
use picture::{close, is_grey, render_inspected, render_size, save_png, Picture};

const RED: [u8; 3] = [255, 0, 0];
const BLUE: [u8; 3] = [0, 0, 255];
const GREEN: [u8; 3] = [0, 128, 0];
const WHITE: [u8; 3] = [255, 255, 255];
const GREEN_BYTE: [u8; 3] = [0, 255, 0];
const SIZE: (u32, u32) = (400, 400);

fn red() -> ColorSpec {
    "#ff0000".into()
}

fn blue() -> ColorSpec {
    "#0000ff".into()
}

/// A 400 × 400 figure over 0..10 × 0..10 with Bokeh's axes and grids.
fn plot(doc: &mut Document) -> Id<Figure> {
    figure(
        doc,
        FigureArgs {
            width: 400,
            height: 400,
            x_range: (0.0, 10.0).into(),
            y_range: (0.0, 10.0).into(),
            ..FigureArgs::default()
        },
    )
}

fn source(doc: &mut Document, columns: Vec<(&str, Value)>) -> Id<ColumnDataSource> {
    doc.add(ColumnDataSource {
        data: rokeh::core::ColumnData(
            columns
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        ),
    })
}

fn nums(values: &[f64]) -> Value {
    Value::Array(NdArray::from(values.to_vec()))
}

fn strs(values: &[&str]) -> Value {
    Value::List(values.iter().map(|s| Value::str(*s)).collect())
}

fn lists(rows: &[&[f64]]) -> Value {
    Value::List(rows.iter().map(|r| nums(r)).collect())
}

/// A model of a Bokeh type rokeh has no Rust definition of, as a pushed document holds it;
/// a reference to it.
fn raw_model(doc: &mut Document, id: &str, type_name: &str, attrs: Vec<(&str, Value)>) -> Value {
    let id = rokeh::document::ModelId::from(id);
    let model = rokeh::document::Model {
        id: id.clone(),
        type_name: type_name.into(),
        attrs: attrs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
    };
    doc.insert_model(model).unwrap();
    Value::Ref(id)
}

fn draw(doc: &Document, fig: Id<Figure>, name: &str) -> Picture {
    save_png(doc, fig, SIZE, 1.0, name);
    render_size(doc, fig, SIZE, 1.0)
}

/// The pixel of data point (x, y).
fn at(pic: &Picture, x: f64, y: f64) -> (f64, f64) {
    pic.layout.to_pixel(x, y)
}

fn color_at(pic: &Picture, (x, y): (f64, f64)) -> [u8; 3] {
    pic.pixel(x.round() as i32, y.round() as i32).unwrap()
}

#[test]
fn every_marker_type_is_drawn_at_its_point() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let markers = MarkerType::NAMES;
    let xs: Vec<f64> = (0..markers.len())
        .map(|i| 1.0 + (i % 7) as f64 * 1.3)
        .collect();
    let ys: Vec<f64> = (0..markers.len())
        .map(|i| 1.5 + (i / 7) as f64 * 2.2)
        .collect();
    let src = source(
        &mut doc,
        vec![("x", nums(&xs)), ("y", nums(&ys)), ("m", strs(markers))],
    );
    fig.scatter(
        &mut doc,
        src,
        Scatter {
            marker: Spec::field("m"),
            size: 24.0.into(),
            fill_color: red(),
            line_color: blue(),
            line_width: 2.0.into(),
            ..Scatter::default()
        },
    );
    let pic = draw(&doc, fig, "markers.png");
    for (i, name) in markers.iter().enumerate() {
        let p = at(&pic, xs[i], ys[i]);
        let lines_only = matches!(*name, "asterisk" | "cross" | "dash" | "x" | "y" | "dot");
        let expected = if lines_only { BLUE } else { RED };
        assert!(
            pic.has_near(p, 3, expected, 40),
            "{name}: no {expected:?} near its point {p:?}"
        );
        // Half way to the next marker the frame is empty.
        let gap = at(&pic, xs[i] + 0.65, ys[i] + 1.1);
        assert_eq!(color_at(&pic, gap), WHITE, "{name}: paint between markers");
    }
}

#[test]
fn marker_size_and_alpha_follow_their_columns() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(
        &mut doc,
        vec![
            ("x", nums(&[3.0, 7.0])),
            ("y", nums(&[5.0, 5.0])),
            ("s", nums(&[20.0, 60.0])),
        ],
    );
    fig.scatter(
        &mut doc,
        src,
        Scatter {
            marker: MarkerType::Square.into(),
            size: Spec::field("s"),
            fill_color: red(),
            line_color: Spec::Value(None),
            ..Scatter::default()
        },
    );
    let pic = draw(&doc, fig, "marker_sizes.png");
    let area = |x: f64| {
        let (cx, cy) = at(&pic, x, 5.0);
        let (cx, cy) = (cx as i32, cy as i32);
        pic.count((cx - 40, cy - 40), (cx + 40, cy + 40), RED, 30)
    };
    // Squares of 20 and 60 pixels: 400 and 3600 pixels.
    assert!((area(3.0) as f64 - 400.0).abs() < 60.0, "{}", area(3.0));
    assert!((area(7.0) as f64 - 3600.0).abs() < 200.0, "{}", area(7.0));
}

/// Colors in an array column, as numpy sends them (`fill_color=np.array([(r, g, b), ..],
/// dtype="uint8")`): rows of RGB(A) bytes, packed RGBA words, rows of RGB(A) floats.
#[test]
fn color_columns_may_be_arrays() {
    use rokeh::core::{ArrayData, DType};
    let array = |dtype, shape: Vec<usize>, values: &[f64]| {
        let values: Vec<Value> = values.iter().map(|&v| Value::Float(v)).collect();
        let data = ArrayData::from_values(dtype, &values).unwrap();
        Value::Array(NdArray {
            data: std::sync::Arc::new(data),
            shape,
        })
    };
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let columns = [
        // Red, then half-transparent red over white: (255, 128, 128).
        array(DType::U8, vec![2, 3], &[255.0, 0.0, 0.0, 0.0, 0.0, 255.0]),
        array(
            DType::U32,
            vec![2],
            &[f64::from(0x00ff_00ffu32), f64::from(0xff00_0080u32)],
        ),
        array(
            DType::F64,
            vec![2, 4],
            &[0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0],
        ),
    ];
    for (k, colors) in columns.into_iter().enumerate() {
        let y = 2.0 + 3.0 * k as f64;
        let src = source(
            &mut doc,
            vec![
                ("x", nums(&[3.0, 7.0])),
                ("y", nums(&[y, y])),
                ("c", colors),
            ],
        );
        fig.scatter(
            &mut doc,
            src,
            Scatter {
                marker: MarkerType::Square.into(),
                size: 30.0.into(),
                fill_color: Spec::field("c"),
                line_color: Spec::Value(None),
                ..Scatter::default()
            },
        );
    }
    let pic = draw(&doc, fig, "color_arrays.png");
    let color = |x, y| color_at(&pic, at(&pic, x, y));
    assert_eq!((color(3.0, 2.0), color(7.0, 2.0)), (RED, BLUE));
    assert_eq!(color(3.0, 5.0), GREEN_BYTE);
    let faint = color(7.0, 5.0);
    assert!(
        faint[0] == 255 && (120..=136).contains(&faint[1]),
        "{faint:?}"
    );
    assert_eq!((color(3.0, 8.0), color(7.0, 8.0)), (BLUE, RED));
}

/// Draws nothing: records the images drawn and where they went (device pixels, the
/// surface's shift included), to see what a scatter's raster buffer covers; and, of the
/// images fetched by URL, which were asked for (and whether to fetch them), which it
/// `holds` (their sizes), and where those were drawn; and the text drawn.
#[derive(Default)]
struct Images {
    size: (u32, u32),
    shift: (f64, f64),
    drawn: Vec<(usize, usize, Vec<u8>, rokeh::render::Rect)>,
    holds: Vec<(&'static str, (u32, u32))>,
    asked: Vec<(String, Option<rokeh::render::Retry>)>,
    placed: Vec<(String, rokeh::render::Placed)>,
    texts: Vec<(String, (f64, f64), rokeh::render::TextStyle)>,
}

impl rokeh::render::TextMeasure for Images {
    fn text_width(&self, text: &str, font: &rokeh::render::Font) -> f64 {
        rokeh::render::Estimate.text_width(text, font)
    }
    fn font_metrics(&self, font: &rokeh::render::Font) -> rokeh::render::FontMetrics {
        rokeh::render::Estimate.font_metrics(font)
    }
}

/// An image's URL, or for bytes "N bytes".
fn named(image: rokeh::render::ImageSource<'_>) -> String {
    match image {
        rokeh::render::ImageSource::Url(url) => url.to_owned(),
        rokeh::render::ImageSource::Bytes(bytes) => format!("{} bytes", bytes.len()),
    }
}

impl rokeh::render::Surface for Images {
    fn size(&self) -> (u32, u32) {
        self.size
    }
    fn fill(&mut self, _: &rokeh::render::Path, _: Rgba, _: rokeh::render::FillRule) {}
    fn stroke(&mut self, _: &rokeh::render::Path, _: &rokeh::render::Stroke) {}
    fn fill_pattern(
        &mut self,
        _: &rokeh::render::Path,
        _: &rokeh::render::Pattern,
        _: rokeh::render::FillRule,
    ) {
    }
    fn text(&mut self, text: &str, (x, y): (f64, f64), style: &rokeh::render::TextStyle) {
        let at = (x + self.shift.0, y + self.shift.1);
        self.texts.push((text.to_owned(), at, style.clone()));
    }
    fn fetched(
        &mut self,
        image: rokeh::render::ImageSource<'_>,
        fetch: Option<rokeh::render::Retry>,
    ) -> Option<(u32, u32)> {
        let url = named(image);
        self.asked.push((url.clone(), fetch));
        self.holds
            .iter()
            .find(|(u, _)| *u == url)
            .map(|&(_, size)| size)
    }
    fn draw_fetched(
        &mut self,
        image: rokeh::render::ImageSource<'_>,
        placed: &rokeh::render::Placed,
    ) {
        let mut placed = *placed;
        placed.dest.x += self.shift.0;
        placed.dest.y += self.shift.1;
        self.placed.push((named(image), placed));
    }
    fn image(&mut self, image: rokeh::render::Image<'_>, dest: rokeh::render::Rect) {
        let dest = rokeh::render::Rect::new(
            dest.x + self.shift.0,
            dest.y + self.shift.1,
            dest.width,
            dest.height,
        );
        let rgba = image.rgba.to_vec();
        self.drawn.push((image.width, image.height, rgba, dest));
    }
    fn push_clip(&mut self, _: rokeh::render::Rect) {}
    fn pop_clip(&mut self) {}
    fn translate(&mut self, dx: f64, dy: f64) {
        self.shift = (self.shift.0 + dx, self.shift.1 + dy);
    }
}

/// Up to 400 markers are drawn as paths, one by one, as BokehJS draws them (no image);
/// one more, and they are rasterised into one.
#[test]
fn a_few_hundred_markers_are_paths_and_more_one_image() {
    for (count, images) in [(3, 0), (400, 0), (401, 1)] {
        let xs: Vec<f64> = (0..count).map(|i| 1.0 + f64::from(i % 8)).collect();
        let mut doc = Document::new();
        let fig = plot(&mut doc);
        let src = source(&mut doc, vec![("x", nums(&xs)), ("y", nums(&xs))]);
        fig.scatter(
            &mut doc,
            src,
            Scatter {
                size: 10.0.into(),
                fill_color: red(),
                ..Scatter::default()
            },
        );
        let pic = render_size(&doc, fig, SIZE, 1.0);
        let (x, y) = at(&pic, 1.0, 1.0);
        assert_eq!(
            color_at(&pic, (x + 0.5, y + 0.5)),
            RED,
            "{count}: a marker's centre"
        );
        let mut drawn = Images {
            size: (pic.width, pic.height),
            ..Images::default()
        };
        rokeh::render::draw_on(&doc, fig, &mut drawn, 1.0).unwrap();
        assert_eq!(drawn.drawn.len(), images, "{count} markers: images drawn");
    }
}

/// Markers in a corner, past the count drawn as paths (each of three places taken by 150),
/// are rasterised into a buffer around them only (not over the frame), on whole device
/// pixels at any scale, one colour (counted depths) or two (stamped sprites): their pixels
/// where they belong, nothing outside their reach.
#[test]
fn markers_in_a_corner_draw_only_around_themselves() {
    let (xs, ys) = ([0.6, 1.2, 1.8], [9.4, 8.9, 9.3]);
    let many = |v: &[f64]| nums(&v.repeat(150));
    let (size, line) = (10.0, 2.0);
    let styles = [("one colour", red(), RED), ("two colours", blue(), BLUE)];
    for (name, line_color, edge) in styles {
        let mut doc = Document::new();
        let fig = plot(&mut doc);
        let src = source(&mut doc, vec![("x", many(&xs)), ("y", many(&ys))]);
        fig.scatter(
            &mut doc,
            src,
            Scatter {
                size: size.into(),
                fill_color: red(),
                line_color,
                line_width: line.into(),
                ..Scatter::default()
            },
        );
        for scale in [1.0, 1.5, 2.0] {
            let what = format!("{name} at {scale}×");
            let pic = render_size(&doc, fig, SIZE, scale);
            // Drawn, as everything, half a CSS pixel right of and below the layout.
            let half = 0.5 * scale;
            let centres: Vec<(f64, f64)> = xs
                .iter()
                .zip(&ys)
                .map(|(&x, &y)| at(&pic, x, y))
                .map(|(x, y)| (x + half, y + half))
                .collect();
            // How far from its centre a marker (and its outline, if any) may paint.
            let reach = (size / 2.0 + line + 1.0) * scale;
            let near = |(px, py): (f64, f64)| {
                centres
                    .iter()
                    .any(|&(cx, cy)| (px - cx).abs() <= reach && (py - cy).abs() <= reach)
            };
            for &c in &centres {
                assert_eq!(color_at(&pic, c), RED, "{what}: a marker's centre");
                // The outline's middle.
                let rim = (c.0 + size / 2.0 * scale, c.1);
                assert!(pic.has_near(rim, 1, edge, 60), "{what}: its edge");
            }
            let f = pic.layout.frame;
            for y in f.top..f.bottom {
                for x in f.left..f.right {
                    let p = pic.pixel(x, y).unwrap();
                    let centre = (f64::from(x) + 0.5, f64::from(y) + 0.5);
                    assert!(
                        is_grey(p) || near(centre),
                        "{what}: {p:?} at ({x}, {y}), off the markers"
                    );
                }
            }

            let mut images = Images {
                size: (pic.width, pic.height),
                ..Images::default()
            };
            rokeh::render::draw_on(&doc, fig, &mut images, scale).unwrap();
            let [(width, height, rgba, dest)] = images.drawn.as_slice() else {
                panic!("{what}: {} images", images.drawn.len());
            };
            assert_eq!((dest.width, dest.height), (*width as f64, *height as f64));
            assert_eq!(
                (dest.x.fract(), dest.y.fract()),
                (0.0, 0.0),
                "{what}: {dest:?}"
            );
            // The buffer spans the markers' reach (their sprites' margin of 2 device
            // pixels, rounded out, from the pixel each lands on), not the frame.
            let buffer_reach = (size / 2.0 + line) * scale + 4.0;
            let extreme = |pick: fn(&(f64, f64)) -> f64, most: bool| {
                let values = centres.iter().map(pick);
                if most {
                    values.fold(f64::MIN, f64::max) + buffer_reach
                } else {
                    values.fold(f64::MAX, f64::min) - buffer_reach
                }
            };
            assert!(
                dest.x >= extreme(|c| c.0, false)
                    && dest.y >= extreme(|c| c.1, false)
                    && dest.right() <= extreme(|c| c.0, true)
                    && dest.bottom() <= extreme(|c| c.1, true),
                "{what}: the buffer {dest:?} reaches past the markers {centres:?}"
            );
            for &(cx, cy) in &centres {
                let (u, v) = ((cx - dest.x) as usize, (cy - dest.y) as usize);
                let i = 4 * (v * width + u);
                assert_eq!(rgba[i..i + 4], [255, 0, 0, 255], "{what}: its centre");
            }
        }
    }
}

#[test]
fn box_glyphs_fill_their_boxes() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(
        &mut doc,
        vec![
            ("x", nums(&[2.0])),
            ("top", nums(&[8.0])),
            ("y", nums(&[2.0])),
            ("right", nums(&[9.0])),
        ],
    );
    fig.vbar(
        &mut doc,
        src,
        VBar {
            width: 1.0.into(),
            fill_color: red(),
            line_color: Spec::Value(None),
            ..VBar::default()
        },
    );
    fig.hbar(
        &mut doc,
        src,
        HBar {
            left: 4.0.into(),
            height: 1.0.into(),
            fill_color: blue(),
            line_color: Spec::Value(None),
            ..HBar::default()
        },
    );
    let quad = source(
        &mut doc,
        vec![
            ("left", nums(&[4.0])),
            ("right", nums(&[6.0])),
            ("bottom", nums(&[6.0])),
            ("top", nums(&[9.0])),
        ],
    );
    fig.quad(
        &mut doc,
        quad,
        Quad {
            fill_color: "green".into(),
            line_color: Spec::Value(None),
            ..Quad::default()
        },
    );
    let pic = draw(&doc, fig, "boxes.png");
    // VBar: x 1.5..2.5, y 0..8.
    assert_eq!(color_at(&pic, at(&pic, 2.0, 4.0)), RED);
    assert_eq!(color_at(&pic, at(&pic, 2.7, 5.0)), WHITE);
    assert_eq!(color_at(&pic, at(&pic, 2.2, 8.3)), WHITE);
    // HBar: y 1.5..2.5, x 4..9.
    assert_eq!(color_at(&pic, at(&pic, 6.0, 2.0)), BLUE);
    assert_ne!(color_at(&pic, at(&pic, 3.7, 2.0)), BLUE);
    // Quad: 4..6 × 6..9.
    assert_eq!(color_at(&pic, at(&pic, 5.0, 7.5)), GREEN);
    assert_eq!(color_at(&pic, at(&pic, 6.3, 7.5)), WHITE);
}

#[test]
fn rect_block_and_ellipse_take_their_sizes_and_angles() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(&mut doc, vec![("x", nums(&[3.0])), ("y", nums(&[3.0]))]);
    fig.rect(
        &mut doc,
        src,
        Rect {
            width: 4.0.into(),
            height: 1.0.into(),
            angle: Spec::Value(std::f64::consts::FRAC_PI_2),
            fill_color: red(),
            line_color: Spec::Value(None),
            ..Rect::default()
        },
    );
    let block = source(&mut doc, vec![("x", nums(&[6.0])), ("y", nums(&[6.0]))]);
    fig.block(
        &mut doc,
        block,
        Block {
            width: 2.0.into(),
            height: 3.0.into(),
            fill_color: blue(),
            line_color: Spec::Value(None),
            ..Block::default()
        },
    );
    let ell = source(&mut doc, vec![("x", nums(&[7.5])), ("y", nums(&[2.0]))]);
    fig.ellipse(
        &mut doc,
        ell,
        Ellipse {
            width: 3.0.into(),
            height: 1.0.into(),
            fill_color: "green".into(),
            line_color: Spec::Value(None),
            ..Ellipse::default()
        },
    );
    let pic = draw(&doc, fig, "rect_block_ellipse.png");
    // The rect turned a quarter: 1 wide, 4 tall.
    assert_eq!(color_at(&pic, at(&pic, 3.0, 4.7)), RED);
    assert_eq!(color_at(&pic, at(&pic, 4.2, 3.0)), WHITE);
    // Block from its corner: 6..8 × 6..9.
    assert_eq!(color_at(&pic, at(&pic, 7.8, 8.8)), BLUE);
    assert_eq!(color_at(&pic, at(&pic, 5.8, 7.0)), WHITE);
    // Ellipse 3 × 1: its ends at 6.0 and 9.0.
    assert_eq!(color_at(&pic, at(&pic, 6.2, 2.0)), GREEN);
    assert_eq!(color_at(&pic, at(&pic, 7.5, 2.7)), WHITE);
}

#[test]
fn circles_have_data_radii() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(&mut doc, vec![("x", nums(&[5.0])), ("y", nums(&[5.0]))]);
    fig.circle(
        &mut doc,
        src,
        Circle {
            radius: 2.0.into(),
            fill_color: red(),
            line_color: Spec::Value(None),
            hit_dilation: 1.0,
            radius_dimension: rokeh::models::RadiusDimension::X,
            x: Spec::field("x"),
            y: Spec::field("y"),
            ..Circle::new(1.0)
        },
    );
    let pic = draw(&doc, fig, "circle.png");
    assert_eq!(color_at(&pic, at(&pic, 6.9, 5.0)), RED);
    assert_eq!(color_at(&pic, at(&pic, 7.2, 5.0)), WHITE);
    assert_eq!(color_at(&pic, at(&pic, 5.0, 3.2)), RED);
}

#[test]
fn lines_dash_and_steps_turn_where_their_mode_says() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(
        &mut doc,
        vec![("x", nums(&[1.0, 9.0])), ("y", nums(&[8.0, 8.0]))],
    );
    fig.line(
        &mut doc,
        src,
        Line {
            line_color: Some("#ff0000".into()),
            line_width: 3.0,
            line_dash: DashPattern::from("dashed"),
            ..Line::default()
        },
    );
    let steps = source(
        &mut doc,
        vec![("x", nums(&[2.0, 5.0, 8.0])), ("y", nums(&[2.0, 4.0, 2.0]))],
    );
    fig.step(
        &mut doc,
        steps,
        Step {
            mode: StepMode::After,
            line_color: Some("#0000ff".into()),
            line_width: 3.0,
            ..Step::default()
        },
    );
    let pic = draw(&doc, fig, "line_step.png");
    // 6 px dashes and gaps along y = 8.
    let (x0, y) = at(&pic, 1.0, 8.0);
    let row: Vec<bool> = (0..60)
        .map(|dx| {
            pic.pixel(x0 as i32 + dx, y.round() as i32)
                .is_some_and(|p| close(p, RED, 60))
        })
        .collect();
    let on = row.iter().filter(|&&b| b).count();
    assert!(
        (20..=40).contains(&on),
        "{on} of 60 pixels of a dashed line are on"
    );
    // "after": the riser is at the second point's x, from 2 up to 4.
    assert!(
        pic.has_near(at(&pic, 5.0, 3.0), 2, BLUE, 60),
        "riser at x = 5"
    );
    assert!(
        pic.has_near(at(&pic, 3.5, 2.0), 2, BLUE, 60),
        "tread at y = 2"
    );
    assert!(
        !pic.has_near(at(&pic, 3.5, 4.0), 2, BLUE, 60),
        "no tread at y = 4 before x = 5"
    );
}

#[test]
fn multi_line_segment_and_ray_go_where_told() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let ml = source(
        &mut doc,
        vec![
            ("xs", lists(&[&[1.0, 4.0], &[6.0, 9.0]])),
            ("ys", lists(&[&[1.0, 4.0], &[9.0, 6.0]])),
        ],
    );
    fig.multi_line(
        &mut doc,
        ml,
        MultiLine {
            line_color: red(),
            line_width: 2.0.into(),
            ..MultiLine::default()
        },
    );
    let seg = source(
        &mut doc,
        vec![
            ("x0", nums(&[1.0])),
            ("y0", nums(&[9.0])),
            ("x1", nums(&[4.0])),
            ("y1", nums(&[9.0])),
        ],
    );
    fig.segment(
        &mut doc,
        seg,
        Segment {
            line_color: blue(),
            line_width: 2.0.into(),
            ..Segment::default()
        },
    );
    let ray = source(&mut doc, vec![("x", nums(&[5.0])), ("y", nums(&[1.0]))]);
    fig.ray(
        &mut doc,
        ray,
        Ray {
            angle: std::f64::consts::FRAC_PI_2.into(),
            line_color: "green".into(),
            line_width: 2.0.into(),
            ..Ray::default()
        },
    );
    let pic = draw(&doc, fig, "multi_line_segment_ray.png");
    assert!(pic.has_near(at(&pic, 2.5, 2.5), 1, RED, 60));
    assert!(pic.has_near(at(&pic, 7.5, 7.5), 1, RED, 60));
    assert!(
        !pic.has_near(at(&pic, 5.0, 5.0), 2, RED, 60),
        "rows are separate lines"
    );
    assert!(pic.has_near(at(&pic, 2.5, 9.0), 1, BLUE, 60));
    // A ray of length 0 reaches the frame's edge, upwards (counter-clockwise angle).
    assert!(pic.has_near(at(&pic, 5.0, 9.9), 1, GREEN, 60));
}

#[test]
fn areas_fill_between_their_curves_and_patches_keep_holes() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let va = source(
        &mut doc,
        vec![
            ("x", nums(&[1.0, 4.0])),
            ("y1", nums(&[1.0, 1.0])),
            ("y2", nums(&[2.0, 3.0])),
        ],
    );
    fig.varea(
        &mut doc,
        va,
        VArea {
            fill_color: Some("#ff0000".into()),
            ..VArea::default()
        },
    );
    let steps = source(
        &mut doc,
        vec![
            ("x", nums(&[6.0, 8.0])),
            ("y1", nums(&[1.0, 1.0])),
            ("y2", nums(&[2.0, 3.0])),
        ],
    );
    fig.varea_step(
        &mut doc,
        steps,
        VAreaStep {
            step_mode: StepMode::After,
            fill_color: Some("#0000ff".into()),
            ..VAreaStep::default()
        },
    );
    let ha = source(
        &mut doc,
        vec![
            ("y", nums(&[5.0, 6.0])),
            ("x1", nums(&[1.0, 1.0])),
            ("x2", nums(&[3.0, 3.0])),
        ],
    );
    fig.harea(
        &mut doc,
        ha,
        HArea {
            fill_color: Some("green".into()),
            ..HArea::default()
        },
    );
    let mp = source(
        &mut doc,
        vec![
            (
                "xs",
                Value::List(vec![Value::List(vec![Value::List(vec![
                    nums(&[5.0, 9.0, 9.0, 5.0]),
                    nums(&[6.0, 8.0, 8.0, 6.0]),
                ])])]),
            ),
            (
                "ys",
                Value::List(vec![Value::List(vec![Value::List(vec![
                    nums(&[5.0, 5.0, 9.0, 9.0]),
                    nums(&[6.0, 6.0, 8.0, 8.0]),
                ])])]),
            ),
        ],
    );
    fig.multi_polygons(
        &mut doc,
        mp,
        MultiPolygons {
            fill_color: red(),
            line_color: Spec::Value(None),
            ..MultiPolygons::default()
        },
    );
    let pic = draw(&doc, fig, "areas.png");
    assert_eq!(color_at(&pic, at(&pic, 3.5, 1.5)), RED);
    assert_eq!(
        color_at(&pic, at(&pic, 3.5, 2.95)),
        WHITE,
        "above y2 at x = 3.5 (2.83)"
    );
    // "after": y2 stays 2 until x = 8.
    assert_eq!(color_at(&pic, at(&pic, 7.5, 2.5)), WHITE);
    assert_eq!(color_at(&pic, at(&pic, 7.5, 1.5)), BLUE);
    assert_eq!(color_at(&pic, at(&pic, 2.0, 5.5)), GREEN);
    assert_eq!(color_at(&pic, at(&pic, 5.5, 7.0)), RED);
    assert_eq!(color_at(&pic, at(&pic, 7.0, 7.0)), WHITE, "the hole");
}

#[test]
fn patches_wedges_and_rings() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let p = source(
        &mut doc,
        vec![("x", nums(&[1.0, 3.0, 2.0])), ("y", nums(&[1.0, 1.0, 3.0]))],
    );
    fig.patch(
        &mut doc,
        p,
        Patch {
            fill_color: Some("#ff0000".into()),
            line_color: None,
            ..Patch::default()
        },
    );
    let ps = source(
        &mut doc,
        vec![
            ("xs", lists(&[&[4.0, 6.0, 5.0]])),
            ("ys", lists(&[&[1.0, 1.0, 3.0]])),
        ],
    );
    fig.patches(
        &mut doc,
        ps,
        Patches {
            fill_color: blue(),
            line_color: Spec::Value(None),
            ..Patches::default()
        },
    );
    let c = source(&mut doc, vec![("x", nums(&[2.5])), ("y", nums(&[7.0]))]);
    fig.wedge(
        &mut doc,
        c,
        Wedge {
            radius: 2.0.into(),
            start_angle: 0.0.into(),
            end_angle: std::f64::consts::FRAC_PI_2.into(),
            fill_color: red(),
            line_color: Spec::Value(None),
            ..Wedge::default()
        },
    );
    let a = source(&mut doc, vec![("x", nums(&[7.5])), ("y", nums(&[7.0]))]);
    fig.annulus(
        &mut doc,
        a,
        Annulus {
            inner_radius: 1.0.into(),
            outer_radius: 2.0.into(),
            fill_color: blue(),
            line_color: Spec::Value(None),
            ..Annulus::default()
        },
    );
    let aw = source(&mut doc, vec![("x", nums(&[8.0])), ("y", nums(&[2.0]))]);
    fig.annular_wedge(
        &mut doc,
        aw,
        AnnularWedge {
            inner_radius: 0.5.into(),
            outer_radius: 1.5.into(),
            start_angle: std::f64::consts::PI.into(),
            end_angle: (1.5 * std::f64::consts::PI).into(),
            fill_color: "green".into(),
            line_color: Spec::Value(None),
            ..AnnularWedge::default()
        },
    );
    let pic = draw(&doc, fig, "patches_wedges.png");
    assert_eq!(color_at(&pic, at(&pic, 2.0, 1.5)), RED);
    assert_eq!(color_at(&pic, at(&pic, 5.0, 1.5)), BLUE);
    // The wedge is the upper-right quarter.
    assert_eq!(color_at(&pic, at(&pic, 3.3, 7.8)), RED);
    assert_eq!(color_at(&pic, at(&pic, 1.7, 7.8)), WHITE);
    assert_eq!(color_at(&pic, at(&pic, 3.3, 6.2)), WHITE);
    // The ring: solid between its radii, empty inside.
    assert_eq!(color_at(&pic, at(&pic, 9.0, 7.0)), BLUE);
    assert_eq!(color_at(&pic, at(&pic, 7.5, 7.0)), WHITE);
    // The annular wedge: the lower-left quarter of its ring.
    assert_eq!(color_at(&pic, at(&pic, 7.3, 1.3)), GREEN);
    assert_eq!(color_at(&pic, at(&pic, 8.7, 1.3)), WHITE);
}

#[test]
fn text_images_and_hex_tiles() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let t = source(
        &mut doc,
        vec![
            ("x", nums(&[1.0])),
            ("y", nums(&[9.0])),
            ("text", strs(&["Bokeh"])),
        ],
    );
    fig.text(
        &mut doc,
        t,
        Text {
            text_color: red(),
            ..Text::default()
        },
    );
    let img = source(
        &mut doc,
        vec![(
            "image",
            Value::List(vec![Value::List(vec![
                nums(&[0.0, 1.0]),
                nums(&[2.0, 3.0]),
            ])]),
        )],
    );
    let mapper = doc.add(LinearColorMapper {
        low: Some(0.0),
        high: Some(3.0),
        ..LinearColorMapper::new(
            ["#ff0000", "#00ff00", "#0000ff", "#000000"]
                .map(Color::from)
                .to_vec(),
        )
    });
    fig.image(
        &mut doc,
        img,
        Image {
            x: 1.0.into(),
            y: 1.0.into(),
            dw: 4.0.into(),
            dh: 4.0.into(),
            color_mapper: Some(mapper.any()),
            ..Image::default()
        },
    );
    let rgba = source(
        &mut doc,
        vec![(
            "image",
            Value::List(vec![Value::Array({
                let mut a = NdArray::from(vec![0xff0000ff_u32 as f64; 4]);
                a.shape = vec![2, 2];
                a
            })]),
        )],
    );
    fig.image_rgba(
        &mut doc,
        rgba,
        ImageRGBA {
            x: 6.0.into(),
            y: 1.0.into(),
            dw: 2.0.into(),
            dh: 2.0.into(),
            ..ImageRGBA::default()
        },
    );
    let hex = source(&mut doc, vec![("q", nums(&[0.0])), ("r", nums(&[0.0]))]);
    let hex_fig = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 400,
            x_range: (-2.0, 2.0).into(),
            y_range: (-2.0, 2.0).into(),
            ..FigureArgs::default()
        },
    );
    hex_fig.hex_tile(
        &mut doc,
        hex,
        HexTile {
            fill_color: red(),
            line_color: Spec::Value(None),
            ..HexTile::default()
        },
    );
    let pic = draw(&doc, fig, "text_image.png");
    let (tx, ty) = at(&pic, 1.0, 9.0);
    assert!(
        pic.count(
            (tx as i32, ty as i32 - 16),
            (tx as i32 + 50, ty as i32),
            RED,
            120
        ) > 20,
        "text ink above and right of its anchor (bottom-left)"
    );
    // Data row 0 is at the bottom: 0 → red, 1 → green; row 1: 2 → blue, 3 → black.
    assert_eq!(color_at(&pic, at(&pic, 2.0, 2.0)), RED);
    assert_eq!(color_at(&pic, at(&pic, 4.0, 2.0)), [0, 255, 0]);
    assert_eq!(color_at(&pic, at(&pic, 2.0, 4.0)), BLUE);
    assert_eq!(color_at(&pic, at(&pic, 4.0, 4.0)), [0, 0, 0]);
    // 0xff0000ff little-endian: red, opaque.
    assert_eq!(color_at(&pic, at(&pic, 7.0, 2.0)), RED);
    let hex_pic = draw(&doc, hex_fig, "hex_tile.png");
    // Pointy top, size 1: the top corner at y = 1, the flat sides at x = ±√3/2.
    assert_eq!(color_at(&hex_pic, at(&hex_pic, 0.0, 0.9)), RED);
    assert_eq!(color_at(&hex_pic, at(&hex_pic, 0.8, 0.1)), RED);
    assert_eq!(color_at(&hex_pic, at(&hex_pic, 0.95, 0.1)), WHITE);
}

#[test]
fn log_datetime_and_categorical_axes_label_like_bokeh() {
    let mut doc = Document::new();
    let log = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 400,
            x_range: (1.0, 1000.0).into(),
            y_range: (0.0, 1.0).into(),
            x_axis_type: AxisType::Log,
            ..FigureArgs::default()
        },
    );
    let src = source(
        &mut doc,
        vec![("x", nums(&[10.0, 100.0])), ("y", nums(&[0.5, 0.5]))],
    );
    log.scatter(
        &mut doc,
        src,
        Scatter {
            size: 10.0.into(),
            fill_color: red(),
            line_color: Spec::Value(None),
            ..Scatter::default()
        },
    );
    let pic = draw(&doc, log, "log_axis.png");
    assert_eq!(pic.layout.x_ticks.labels, ["10^0", "10^1", "10^2", "10^3"]);
    // Equal ratios, equal room: 10 and 100 a third of the frame apart.
    let f = pic.layout.frame;
    let (x10, _) = at(&pic, 10.0, 0.5);
    let (x100, _) = at(&pic, 100.0, 0.5);
    assert!(((x100 - x10) - f64::from(f.width()) / 3.0).abs() < 1.0);
    assert!(pic.has_near(at(&pic, 100.0, 0.5), 2, RED, 30));

    let day = 86_400_000.0;
    let start = 19_783.0 * day; // 2024-03-01
    let dt = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 300,
            x_range: (start, start + 30.0 * day).into(),
            x_axis_type: AxisType::Datetime,
            ..FigureArgs::default()
        },
    );
    let pic = render_size(&doc, dt, (400, 300), 1.0);
    // A month of days: DaysTicker([1, 8, 15, 22]) fits best, as in BokehJS;
    // DatetimeAxis' contextual formatter adds the year below the first label
    // (and, like BokehJS, keeps the blank context lines of the others).
    assert_eq!(
        pic.layout.x_ticks.labels,
        ["Mar 01\n2024", "Mar 08\n", "Mar 15\n", "Mar 22\n"]
    );

    let cat = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 300,
            x_range: RangeArg::Factors(vec![
                ("fruit", "apple").into(),
                ("fruit", "pear").into(),
                ("veg", "kale").into(),
            ]),
            y_range: (0.0, 10.0).into(),
            ..FigureArgs::default()
        },
    );
    let bars = source(
        &mut doc,
        vec![
            (
                "x",
                Value::List(vec![
                    strs(&["fruit", "apple"]),
                    strs(&["fruit", "pear"]),
                    strs(&["veg", "kale"]),
                ]),
            ),
            ("top", nums(&[3.0, 6.0, 9.0])),
        ],
    );
    cat.vbar(
        &mut doc,
        bars,
        VBar {
            width: 0.8.into(),
            fill_color: red(),
            line_color: Spec::Value(None),
            ..VBar::default()
        },
    );
    let pic = draw(&doc, cat, "categorical_axis.png");
    assert_eq!(pic.layout.x_ticks.labels, ["apple", "pear", "kale"]);
    // Nested factors: 0.5, 1.5, then 1.4 of group padding: 3.9.
    assert_eq!(pic.layout.x_ticks.ticks.major, [0.5, 1.5, 3.9]);
    assert_eq!(color_at(&pic, at(&pic, 3.9, 8.5)), RED);
    assert_eq!(
        color_at(&pic, at(&pic, 2.7, 1.0)),
        WHITE,
        "between the groups"
    );
    // A bar whose factor the range lacks is left out, the others drawn: an app's
    // callback may set the factors before the data, as in BokehJS.
    let xr = doc.get(cat, Figure::X_RANGE).unwrap();
    let fewer = Value::List(vec![strs(&["fruit", "apple"]), strs(&["fruit", "pear"])]);
    doc.set_attr(xr, "factors", fewer).unwrap();
    let pic = draw(&doc, cat, "categorical_axis_fewer.png");
    assert_eq!(pic.layout.x_ticks.labels, ["apple", "pear"]);
    assert_eq!(color_at(&pic, at(&pic, 1.5, 5.5)), RED);
}

/// bokeh.models' `Plot` (what `figure` is, without Python's helpers) is drawn as a
/// Figure: a document that names its plot so reads and draws the same.
#[test]
fn a_plot_is_drawn_as_a_figure() {
    use rokeh::document::json::{to_json, BufferMode, Buffers};
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(
        &mut doc,
        vec![("x", nums(&[1.0, 9.0])), ("y", nums(&[1.0, 9.0]))],
    );
    fig.line(
        &mut doc,
        src,
        Line {
            line_color: Some("#ff0000".into()),
            line_width: 4.0,
            ..Line::default()
        },
    );
    doc.add_root(fig);
    let json = to_json(&doc, BufferMode::Inline).json.to_string();
    let renamed = json.replace(r#""name":"Figure""#, r#""name":"Plot""#);
    assert_ne!(json, renamed);
    let renamed = serde_json::from_str(&renamed).unwrap();
    let doc = Document::from_json(&renamed, &Buffers::new()).unwrap();
    let root = doc.roots()[0];
    assert_eq!(doc.model(root).type_name, "Plot");
    let plot = doc
        .typed_id::<Figure>(doc.model_id(root))
        .expect("read as a Figure");
    let pic = render_size(&doc, plot, (400, 400), 1.0);
    assert_eq!(color_at(&pic, at(&pic, 5.0, 5.0)), RED);
}

/// An axis label given as MathML (Bokeh's mathml_axis_labels example) takes one line,
/// as a plain label does: its words, not its markup.
#[test]
fn a_mathml_axis_label_takes_one_line() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let axis = doc.get(fig, Figure::BELOW)[0];
    doc.set_attr(axis, "axis_label", Value::str("1 4 x 2"))
        .unwrap();
    let plain = render_size(&doc, fig, (400, 300), 1.0).layout.frame;
    let xml = "<math>\n <mrow>\n  <mfrac><mn>1</mn><mn>4</mn></mfrac>\n  <msup><mi>x</mi><mn>2</mn></msup>\n </mrow>\n</math>";
    let math = raw_model(&mut doc, "math", "MathML", vec![("text", Value::str(xml))]);
    doc.set_attr(axis, "axis_label", math).unwrap();
    let mathml = render_size(&doc, fig, (400, 300), 1.0).layout.frame;
    assert_eq!(mathml, plain);
}

/// TeX in an axis label, a tick label's override and a Label is typeset, as BokehJS
/// draws what MathJax set (Bokeh's styling/mathtext examples): a fraction is two lines
/// about a bar, where a line of Unicode ("10/2") would have none.
#[test]
fn tex_in_labels_is_typeset() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let axis = doc.get(fig, Figure::BELOW)[0];
    let set = |doc: &mut Document, attr: &str, v: Value| doc.set_attr(axis, attr, v).unwrap();
    set(&mut doc, "axis_label_text_color", Value::str("#ff0000"));
    set(&mut doc, "axis_label_text_font_size", Value::str("30px"));
    set(&mut doc, "axis_label", Value::str("10/2"));
    let plain = render_size(&doc, fig, SIZE, 1.0).layout.frame;
    set(&mut doc, "axis_label", Value::str(r"$$\frac{10}{2}$$"));
    set(&mut doc, "major_label_text_font_size", Value::str("30px"));
    set(&mut doc, "major_label_text_color", Value::str("#0000ff"));
    let overrides = vec![(Value::str("4"), Value::str(r"$$\frac{10}{2}$$"))];
    set(&mut doc, "major_label_overrides", Value::Map(overrides));
    let label = doc.add(Label {
        text_color: Some("#008000".into()),
        text_font_size: "30px".into(),
        ..Label::new(3.0, 5.0, r"$$\frac{10}{2}$$")
    });
    fig.add_layout(&mut doc, label.any());
    // A ColorBar's title too (BokehJS draws it as a Title).
    let mapper = doc.add(LinearColorMapper::new(vec![
        "#ffffff".into(),
        "#eeeeee".into(),
    ]));
    let bar = doc.add(ColorBar {
        title: Some(r"$$\frac{10}{2}$$".into()),
        title_text_color: Some("#800080".into()),
        title_text_font_size: "30px".into(),
        ..color_bar_defaults(mapper.any())
    });
    fig.add_layout(&mut doc, bar.any());
    let pic = draw(&doc, fig, "tex_labels.png");
    let f = pic.layout.frame;
    let run = |color, y0, y1| longest_run(&pic, color, y0..y1, true);
    // Math beside 30 px text is set as MathJax's would be: an em of the text's x-height
    // (16 px) over MathJax's ex (0.431), 37 px; there "10" is 41 px wide, and the bar
    // under it as long.
    let bar = run(RED, f.bottom, 400);
    assert!((37..=45).contains(&bar), "the axis label's bar: {bar} px");
    assert!(
        f.bottom < plain.bottom - 15,
        "two lines take more room: {f:?} {plain:?}"
    );
    assert!(run(BLUE, f.bottom, 400) >= 37, "the tick label's bar");
    assert!(run(GREEN, f.top, f.bottom) >= 37, "the Label's bar");
    // A vertical bar's title is turned, its fraction's bar upright.
    let upright = longest_run(&pic, [128, 0, 128], 0..pic.width as i32, false);
    assert!(upright >= 37, "the ColorBar title's bar: {upright} px");
}

/// The longest run of `color` along one of `lines`: rows when `along_x`, else columns.
fn longest_run(pic: &Picture, color: [u8; 3], lines: std::ops::Range<i32>, along_x: bool) -> usize {
    let length = if along_x { pic.width } else { pic.height } as i32;
    lines
        .map(|line| {
            let (mut best, mut now) = (0, 0);
            for k in 0..length {
                let (x, y) = if along_x { (k, line) } else { (line, k) };
                now = if pic.pixel(x, y).is_some_and(|p| close(p, color, 90)) {
                    now + 1
                } else {
                    0
                };
                best = best.max(now);
            }
            best
        })
        .max()
        .unwrap_or(0)
}

/// Text sits in a box as BokehJS's TextView puts it (Bokeh's latex_outline_shapes
/// example): grown by its padding, placed by its anchor, over its outline shape filled
/// and stroked; a TeXGlyph's texts are TeX typeset in such boxes.
#[test]
fn text_is_drawn_in_its_outline_and_tex_glyphs_are_typeset() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(
        &mut doc,
        vec![
            ("x", nums(&[2.5, 7.5, 7.5])),
            ("y", nums(&[7.5, 7.5, 2.5])),
            ("text", strs(&["ab", "cd", "ef"])),
            ("shape", strs(&["circle", "diamond", "box"])),
        ],
    );
    fig.text(
        &mut doc,
        src,
        Text {
            anchor: Spec::Value(Value::str("center")),
            outline_shape: Spec::field("shape"),
            padding: Value::Int(10),
            border_radius: Value::Int(12),
            background_fill_color: blue(),
            border_line_color: red(),
            border_line_width: 3.0.into(),
            text_color: "#008000".into(),
            ..Text::default()
        },
    );
    let value = |v: Value| Value::value_spec(v);
    raw_model(
        &mut doc,
        "tex",
        "TeXGlyph",
        vec![
            ("text", value(Value::str(r"\frac{10}{2}"))),
            ("display", Value::str("block")),
            ("text_font_size", value(Value::str("30px"))),
            ("text_color", value(Value::str("#ff0000"))),
            ("anchor", value(Value::str("center"))),
        ],
    );
    let one = source(&mut doc, vec![("x", nums(&[5.0])), ("y", nums(&[2.5]))]);
    let tex = doc.lookup(&rokeh::document::ModelId::from("tex")).unwrap();
    fig.add_renderer(&mut doc, one, tex);
    let pic = draw(&doc, fig, "text_outlines.png");
    // Each box is centred on its point: blue on all four sides of it.
    for x in [2.5, 7.5] {
        let (px, py) = at(&pic, x, 7.5);
        for (dx, dy) in [(-14.0, 0.0), (14.0, 0.0), (0.0, -14.0), (0.0, 14.0)] {
            assert_eq!(
                color_at(&pic, (px + dx, py + dy)),
                BLUE,
                "around ({x}, 7.5)"
            );
        }
    }
    // A circle through the padded box's corners (37 × 38 px) reaches past the box above
    // the point; the diamond's points reach a box's width (37 px) either side of it.
    let (cx, cy) = at(&pic, 2.5, 7.5);
    assert_eq!(color_at(&pic, (cx, cy - 22.0)), BLUE, "the circle above");
    let (dx, dy) = at(&pic, 7.5, 7.5);
    assert!(
        pic.has_near((dx + 36.0, dy), 3, RED, 90),
        "the diamond's right point"
    );
    assert!(pic.has_near((dx - 36.0, dy), 3, RED, 90), "its left point");
    assert_eq!(
        color_at(&pic, (dx + 25.0, dy - 20.0)),
        WHITE,
        "outside the diamond"
    );
    // The box's corners are rounded by its border_radius: its side is blue, its corner not.
    let (bx, by) = at(&pic, 7.5, 2.5);
    // ("ef" and its padding: 34 × 38 px.)
    assert_eq!(color_at(&pic, (bx - 12.0, by)), BLUE, "the box's left side");
    let corner = (bx - 16.0, by - 18.0);
    assert_eq!(color_at(&pic, corner), WHITE, "a rounded corner");
    // The TeXGlyph's fraction: a bar as wide as its "10" (41 px at 30 px), about its point.
    let ty = at(&pic, 5.0, 2.5).1.round() as i32;
    let bar = longest_run(&pic, RED, ty - 10..ty + 10, true);
    assert!((37..=45).contains(&bar), "the fraction's bar: {bar} px");
}

/// What rokeh cannot read is left out, the rest drawn: a glyph whose coordinates are a
/// JavaScript expression (CustomJSExpr), an axis whose ticker and formatter are
/// JavaScript (their ticks and labels then are a BasicTicker's and BasicTickFormatter's).
#[test]
fn a_figure_draws_what_it_can_read() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let js = |doc: &mut Document, id: &str, type_name: &str| raw_model(doc, id, type_name, vec![]);
    let src = source(&mut doc, vec![("x", nums(&[5.0])), ("y", nums(&[5.0]))]);
    fig.scatter(
        &mut doc,
        src,
        Scatter {
            marker: MarkerType::Square.into(),
            size: 30.0.into(),
            fill_color: red(),
            line_color: Spec::Value(None),
            ..Scatter::default()
        },
    );
    let line = fig.line(&mut doc, src, Line::default());
    let glyph = doc.get(line, rokeh::models::GlyphRenderer::GLYPH);
    let expr = js(&mut doc, "expr", "CustomJSExpr");
    let y = Value::Object(vec![
        ("type".into(), Value::str("expr")),
        ("expr".into(), expr),
    ]);
    doc.set_attr(glyph, "y", y).unwrap();
    let axis = doc.get(fig, Figure::BELOW)[0];
    let ticker = js(&mut doc, "ticker", "CustomJSTicker");
    doc.set_attr(axis, "ticker", ticker).unwrap();
    let formatter = js(&mut doc, "formatter", "CustomJSTickFormatter");
    doc.set_attr(axis, "formatter", formatter).unwrap();
    let pic = render_size(&doc, fig, (400, 400), 1.0);
    assert_eq!(color_at(&pic, at(&pic, 5.0, 5.0)), RED);
    assert_eq!(pic.layout.x_ticks.labels, ["0", "2", "4", "6", "8", "10"]);
}

/// Polar coordinates (`PolarTransform`'s `x` and `y`): radius 4 at angles 0 and π/2
/// anticlockwise are (4, 0) and (0, 4); clockwise, π/2 is (0, -4).
#[test]
fn polar_coordinates_place_points_by_radius_and_angle() {
    let mut doc = Document::new();
    let fig = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 400,
            x_range: (-5.0, 5.0).into(),
            y_range: (-5.0, 5.0).into(),
            ..FigureArgs::default()
        },
    );
    let expr = |e: Value| {
        Value::Object(vec![
            ("type".into(), Value::str("expr")),
            ("expr".into(), e),
        ])
    };
    let half_pi = std::f64::consts::FRAC_PI_2;
    for (k, direction) in ["anticlock", "clock"].into_iter().enumerate() {
        let src = source(
            &mut doc,
            vec![
                ("radius", nums(&[4.0, 4.0])),
                ("angle", nums(&[0.0, half_pi])),
            ],
        );
        let polar = raw_model(
            &mut doc,
            &format!("polar{k}"),
            "PolarTransform",
            vec![("direction", Value::str(direction))],
        );
        let x = raw_model(
            &mut doc,
            &format!("x{k}"),
            "XComponent",
            vec![("transform", polar.clone())],
        );
        let y = raw_model(
            &mut doc,
            &format!("y{k}"),
            "YComponent",
            vec![("transform", polar)],
        );
        let r = fig.scatter(
            &mut doc,
            src,
            Scatter {
                marker: MarkerType::Square.into(),
                size: 20.0.into(),
                fill_color: if k == 0 { red() } else { blue() },
                line_color: Spec::Value(None),
                ..Scatter::default()
            },
        );
        let glyph = doc.get(r, rokeh::models::GlyphRenderer::GLYPH);
        doc.set_attr(glyph, "x", expr(x)).unwrap();
        doc.set_attr(glyph, "y", expr(y)).unwrap();
    }
    let pic = render_size(&doc, fig, (400, 400), 1.0);
    let color = |x, y| color_at(&pic, at(&pic, x, y));
    assert_eq!((color(0.0, 4.0), color(0.0, -4.0)), (RED, BLUE));
    assert_eq!(
        color(4.0, 0.0),
        BLUE,
        "both at angle 0, the clockwise drawn last"
    );
}

/// A renderer with a CoordinateMapping (`figure.subplot(...)`): its y from 0..100 onto
/// the plot's 4..6, so y = 50 is drawn at 5.
#[test]
fn a_subplot_maps_its_coordinates_onto_the_plots() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let range = |doc: &mut Document, start, end| {
        let r = doc.add(Range1d {
            start,
            end,
            ..Range1d::default()
        });
        Value::Ref(doc.model_id(r.any()).clone())
    };
    let (from, onto) = (range(&mut doc, 0.0, 100.0), range(&mut doc, 4.0, 6.0));
    let attrs = vec![("y_source", from), ("y_target", onto)];
    let mapping = raw_model(&mut doc, "mapping", "CoordinateMapping", attrs);
    let src = source(&mut doc, vec![("x", nums(&[5.0])), ("y", nums(&[50.0]))]);
    let r = fig.scatter(
        &mut doc,
        src,
        Scatter {
            marker: MarkerType::Square.into(),
            size: 20.0.into(),
            fill_color: red(),
            line_color: Spec::Value(None),
            ..Scatter::default()
        },
    );
    doc.set_attr(r.any(), "coordinates", mapping).unwrap();
    let pic = render_size(&doc, fig, (400, 400), 1.0);
    assert_eq!(color_at(&pic, at(&pic, 5.0, 5.0)), RED);
    assert_eq!(color_at(&pic, at(&pic, 5.0, 7.0)), WHITE);
}

/// Spans and strips cross the whole frame at their data coordinates (`p.hspan`,
/// `p.vstrip`, ...), and take no part in the ranges along the other axis.
#[test]
fn spans_and_strips_cross_the_frame() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(
        &mut doc,
        vec![
            ("at", nums(&[2.0])),
            ("lo", nums(&[6.0])),
            ("hi", nums(&[8.0])),
        ],
    );
    fig.hspan(
        &mut doc,
        src,
        HSpan {
            y: Spec::field("at"),
            line_color: red(),
            line_width: Spec::Value(3.0),
            ..HSpan::default()
        },
    );
    fig.vspan(
        &mut doc,
        src,
        VSpan {
            x: Spec::field("at"),
            line_color: blue(),
            line_width: Spec::Value(3.0),
            ..VSpan::default()
        },
    );
    fig.hstrip(
        &mut doc,
        src,
        HStrip {
            y0: Spec::field("lo"),
            y1: Spec::field("hi"),
            fill_color: red(),
            line_color: Spec::Value(None),
            ..HStrip::default()
        },
    );
    fig.vstrip(
        &mut doc,
        src,
        VStrip {
            x0: Spec::field("lo"),
            x1: Spec::field("hi"),
            fill_color: blue(),
            line_color: Spec::Value(None),
            ..VStrip::default()
        },
    );
    let pic = draw(&doc, fig, "spans_strips.png");
    let color = |x, y| color_at(&pic, at(&pic, x, y));
    // The spans from edge to edge of the frame.
    assert_eq!((color(0.3, 2.0), color(9.7, 2.0)), (RED, RED));
    assert_eq!((color(2.0, 0.3), color(2.0, 9.7)), (BLUE, BLUE));
    // The strips too; the vertical one, drawn last, over the horizontal one.
    assert_eq!((color(0.3, 7.0), color(4.0, 7.0)), (RED, RED));
    assert_eq!(
        (color(7.0, 0.3), color(7.0, 9.7), color(7.0, 7.0)),
        (BLUE, BLUE, BLUE)
    );
    assert_eq!(color(5.0, 5.0), WHITE);
}

/// A Slope: the line y = x across the frame, blue above it and red below (alpha 0.4 over
/// the white frame).
#[test]
fn a_slope_crosses_the_frame_and_fills_each_side() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let slope = doc.add(rokeh::models::Slope {
        gradient: Some(1.0),
        y_intercept: Some(0.0),
        line_width: 3.0,
        above_fill_color: Some("#0000ff".into()),
        below_fill_color: Some("#ff0000".into()),
        ..rokeh::models::Slope::default()
    });
    fig.add_layout(&mut doc, slope.any());
    let pic = draw(&doc, fig, "slope.png");
    let near = |x, y, want: [u8; 3]| {
        let got = color_at(&pic, at(&pic, x, y));
        let close = got.iter().zip(want).all(|(&a, b)| a.abs_diff(b) <= 2);
        assert!(close, "at ({x}, {y}): {got:?}, not {want:?}");
    };
    near(3.0, 7.0, [153, 153, 255]);
    near(7.0, 3.0, [255, 153, 153]);
    near(5.0, 5.0, [0, 0, 0]);
}

/// Text from a column of numbers, or of lists (a color tuple, Bokeh's color_sliders
/// example), is written as BokehJS writes it (`${value}`), not refused.
#[test]
fn text_of_numbers_and_lists_is_written() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let texts = Value::List(vec![Value::Float(42.5), nums(&[75.0, 125.0, 125.0])]);
    let src = source(
        &mut doc,
        vec![
            ("x", nums(&[2.0, 6.0])),
            ("y", nums(&[5.0, 5.0])),
            ("text", texts),
        ],
    );
    fig.text(
        &mut doc,
        src,
        Text {
            text_color: red(),
            ..Text::default()
        },
    );
    let pic = draw(&doc, fig, "text_values.png");
    let ink = |x: f64| {
        let (sx, sy) = at(&pic, x, 5.0);
        let (sx, sy) = (sx as i32, sy as i32);
        pic.count((sx, sy - 30), (sx + 120, sy + 5), RED, 60)
    };
    assert!(ink(2.0) > 20 && ink(6.0) > 40, "{} {}", ink(2.0), ink(6.0));
}

/// Text turned a quarter counter-clockwise (Bokeh's positive angle) reads upwards: a Label
/// anchored by its bottom-left corner lies above and left of its point, as in BokehJS.
#[test]
fn turned_text_turns_the_way_bokeh_turns_it() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let label = doc.add(Label {
        angle: std::f64::consts::FRAC_PI_2,
        text_color: Some("#ff0000".into()),
        ..Label::new(5.0, 5.0, "Turned")
    });
    fig.add_layout(&mut doc, label.any());
    let pic = draw(&doc, fig, "turned_text.png");
    let (x, y) = at(&pic, 5.0, 5.0);
    let (x, y) = (x.round() as i32, y.round() as i32);
    let red = |p: [u8; 3]| p[0] > 200 && p[1] < 120 && p[2] < 120;
    let (mut above, mut elsewhere) = (0, 0);
    for py in 0..pic.height as i32 {
        for px in 0..pic.width as i32 {
            if pic.pixel(px, py).is_some_and(red) {
                if px <= x + 1 && py <= y + 1 {
                    above += 1;
                } else {
                    elsewhere += 1;
                }
            }
        }
    }
    assert!(
        above > 40 && elsewhere == 0,
        "{above} above, {elsewhere} elsewhere"
    );
    // The same quarter turn in another of Bokeh's `angle_units`.
    doc.set_attr(label.any(), "angle", Value::Float(0.25))
        .unwrap();
    doc.set_attr(label.any(), "angle_units", Value::str("turn"))
        .unwrap();
    assert!(
        render_size(&doc, fig, SIZE, 1.0).rgb == pic.rgb,
        "0.25 turn is π/2 rad"
    );
}

/// A Label in a side panel takes the room its turned box needs there, stacked outwards,
/// and its screen units count from the panel's bottom-left corner (Bokeh's
/// models/latex_labels example).
#[test]
fn labels_in_side_panels_have_their_own_room() {
    use std::f64::consts::FRAC_PI_2;
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let bare = render_size(&doc, fig, SIZE, 1.0).layout.frame;
    let label = |doc: &mut Document, text: &str, angle: f64, text_baseline| {
        let label = doc.add(Label {
            angle,
            text_baseline,
            text_color: Some("#ff0000".into()),
            text_font_size: "20px".into(),
            ..Label::new(0.0, 0.0, text)
        });
        for (attr, units) in [("x_units", "screen"), ("y_units", "screen")] {
            doc.set_attr(label.any(), attr, Value::str(units)).unwrap();
        }
        label.any()
    };
    use rokeh::models::TextBaseline;
    let above = label(&mut doc, "Above", 0.0, TextBaseline::Bottom);
    fig.add_layout_at(&mut doc, above, Place::Above);
    // Turned a quarter, hung from its top: its box lies right of its point, in the panel.
    let left = label(&mut doc, "Left", FRAC_PI_2, TextBaseline::Top);
    fig.add_layout_at(&mut doc, left, Place::Left);
    let pic = draw(&doc, fig, "label_panels.png");
    let f = pic.layout.frame;
    // 20 px text: a box about 23 px deep, above the frame (where only the border was)
    // and left of the axis.
    let left_room = f.left - bare.left;
    assert!((20..=26).contains(&f.top), "above: {} px", f.top);
    assert!((20..=26).contains(&left_room), "left: {left_room} px");
    let red = |x0, y0, x1, y1| pic.count((x0, y0), (x1, y1), RED, 90);
    // "Above" from the panel's left end (the frame's), just above the frame.
    assert!(red(f.left, 0, f.left + 60, f.top) > 40);
    // "Left", turned, at the panel's left edge and reading up from the bottom.
    assert!(red(0, f.bottom - 50, left_room, f.bottom) > 30);
    assert_eq!(red(f.left, f.top, 400, 400), 0, "nothing in the frame");
}

/// A FixedTicker's ticks as Python sends a numpy array (`p.xaxis.ticker = np.linspace(..)`).
#[test]
fn fixed_ticks_may_be_an_array() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let ticker = doc.add(rokeh::models::FixedTicker::default());
    let ticks = Value::Array(NdArray::from(vec![1.0, 4.0, 9.0]));
    doc.set_attr(ticker.any(), "ticks", ticks).unwrap();
    let axis = doc.get(fig, Figure::BELOW)[0];
    let id = doc.model_id(ticker.any()).clone();
    doc.set_attr(axis, "ticker", Value::Ref(id)).unwrap();
    let pic = render_size(&doc, fig, (400, 300), 1.0);
    assert_eq!(pic.layout.x_ticks.ticks.major, [1.0, 4.0, 9.0]);
}

#[test]
fn axes_on_every_side_and_extra_ranges() {
    let mut doc = Document::new();
    let fig = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 400,
            x_range: (0.0, 10.0).into(),
            y_range: (0.0, 10.0).into(),
            x_axis_location: Some(Place::Above),
            y_axis_location: Some(Place::Right),
            ..FigureArgs::default()
        },
    );
    let extra = doc.add(Range1d {
        start: 0.0,
        end: 100.0,
        ..Range1d::default()
    });
    doc.set(
        fig,
        Figure::EXTRA_Y_RANGES,
        rokeh::core::Dict(vec![("pct".to_owned(), extra.any())]),
    )
    .unwrap();
    let left = doc.add(LinearAxis {
        y_range_name: "pct".into(),
        ..LinearAxis::default()
    });
    fig.add_layout_at(&mut doc, left.any(), Place::Left);
    let src = source(&mut doc, vec![("x", nums(&[5.0])), ("y", nums(&[50.0]))]);
    let r = fig.scatter(
        &mut doc,
        src,
        Scatter {
            size: 12.0.into(),
            fill_color: red(),
            line_color: Spec::Value(None),
            ..Scatter::default()
        },
    );
    doc.set(r, GlyphRenderer::Y_RANGE_NAME, "pct".to_owned())
        .unwrap();
    let pic = draw(&doc, fig, "axes_sides.png");
    let f = pic.layout.frame;
    // Axes above and right (and left) take room on those sides.
    assert!(f.top > 20 && f.bottom > 390, "{f:?}");
    assert!(f.right < 380 && f.left > 20, "{f:?}");
    assert_eq!(pic.layout.x_ticks.labels, ["0", "2", "4", "6", "8", "10"]);
    // y = 50 of 0..100 is the frame's middle.
    let mid = (
        f64::from(f.left + f.right) / 2.0,
        f64::from(f.top + f.bottom) / 2.0,
    );
    assert!(
        pic.has_near(mid, 2, RED, 30),
        "the extra range places the point"
    );
}

#[test]
fn grids_draw_bands_and_minor_lines() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let grids = doc.get(fig, Figure::CENTER);
    let x_grid = doc
        .typed_id::<rokeh::models::Grid>(&doc.model_id(grids[0]).clone())
        .unwrap();
    doc.set(
        x_grid,
        rokeh::models::Grid::BAND_FILL_COLOR,
        Some("#0000ff".into()),
    )
    .unwrap();
    doc.set(x_grid, rokeh::models::Grid::BAND_FILL_ALPHA, 1.0)
        .unwrap();
    doc.set(
        x_grid,
        rokeh::models::Grid::MINOR_GRID_LINE_COLOR,
        Some("#ff0000".into()),
    )
    .unwrap();
    let pic = draw(&doc, fig, "grid_bands.png");
    // Ticks 0, 2, …, 10: bands between 2–4 and 6–8.
    assert_eq!(color_at(&pic, at(&pic, 3.0, 5.0)), BLUE);
    assert_eq!(color_at(&pic, at(&pic, 1.0, 5.0)), WHITE);
    assert_eq!(color_at(&pic, at(&pic, 5.0, 5.0)), WHITE);
    // Minor lines every 0.4, rounded to whole pixels as BokehJS rounds them: with the
    // canvas' half-pixel shift a 1 px line there is crisp.
    let minor = at(&pic, 0.4, 5.0);
    assert_eq!(color_at(&pic, (minor.0.round(), minor.1)), RED);
}

#[test]
fn poly_annotations_and_boxes_take_data_screen_and_canvas_units() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let list = |xs: &[f64]| Value::List(xs.iter().map(|&x| Value::Float(x)).collect());
    let add = |doc: &mut Document, type_name: &str, attrs: Vec<(&str, Value)>| {
        let any = doc.add_default(type_name).unwrap();
        for (attr, value) in attrs {
            doc.set_attr(any, attr, value).unwrap();
        }
        fig.add_layout(doc, any);
    };
    // A triangle in data units, filled blue.
    add(
        &mut doc,
        "PolyAnnotation",
        vec![
            ("xs", list(&[1.0, 5.0, 1.0])),
            ("ys", list(&[1.0, 1.0, 5.0])),
            ("fill_color", Value::str("#0000ff")),
            ("fill_alpha", Value::Float(1.0)),
        ],
    );
    // A square 20 px from the frame's left and 20 px up from its bottom (screen units),
    // 40 px wide, filled red.
    add(
        &mut doc,
        "PolyAnnotation",
        vec![
            ("xs", list(&[20.0, 60.0, 60.0, 20.0])),
            ("ys", list(&[20.0, 20.0, 60.0, 60.0])),
            ("xs_units", Value::str("screen")),
            ("ys_units", Value::str("screen")),
            ("fill_color", Value::str("#ff0000")),
            ("fill_alpha", Value::Float(1.0)),
        ],
    );
    // A box from x = 6 (data) to 30 px left of the frame's right edge, bottom to top,
    // where left is in data units and right in canvas units.
    add(
        &mut doc,
        "BoxAnnotation",
        vec![
            ("left", Value::Float(6.0)),
            ("right", Value::Float(370.0)),
            ("right_units", Value::str("canvas")),
            ("bottom", Value::Float(8.0)),
            ("fill_color", Value::str("#00ff00")),
            ("fill_alpha", Value::Float(1.0)),
        ],
    );
    let pic = draw(&doc, fig, "poly_annotation.png");
    // Inside the triangle and outside it (across its hypotenuse).
    assert_eq!(color_at(&pic, at(&pic, 2.0, 2.0)), BLUE);
    assert_eq!(color_at(&pic, at(&pic, 4.5, 3.5)), WHITE);
    let frame = pic.layout.frame;
    let (left, bottom) = (f64::from(frame.left), f64::from(frame.bottom));
    assert_eq!(color_at(&pic, (left + 40.0, bottom - 40.0)), RED);
    assert_eq!(color_at(&pic, (left + 10.0, bottom - 40.0)), WHITE);
    // The box: from x = 6 to canvas pixel 370, above y = 8.
    let inside = at(&pic, 7.0, 9.0);
    assert_eq!(color_at(&pic, inside), GREEN_BYTE);
    assert_eq!(color_at(&pic, (365.0, inside.1)), GREEN_BYTE);
    assert_eq!(color_at(&pic, (375.0, inside.1)), WHITE);
    assert_eq!(color_at(&pic, at(&pic, 7.0, 7.5)), WHITE);
}

/// As BokehJS's auto-ranged annotations: a BoxAnnotation's and a PolyAnnotation's extent
/// in data units widens the DataRange1ds; edges unset or in screen units add nothing.
#[test]
fn boxes_and_polygons_in_data_units_widen_the_data_ranges() {
    type Annotation<'a> = (&'a str, Vec<(&'a str, Value)>);
    let ranges = |annotation: Option<Annotation<'_>>| {
        let mut doc = Document::new();
        let fig = figure(&mut doc, FigureArgs::default());
        let xs = nums(&[0.0, 10.0]);
        let src = source(&mut doc, vec![("x", xs.clone()), ("y", xs)]);
        fig.scatter(&mut doc, src, Scatter::default());
        if let Some((type_name, attrs)) = annotation {
            let any = doc.add_default(type_name).unwrap();
            for (attr, value) in attrs {
                doc.set_attr(any, attr, value).unwrap();
            }
            fig.add_layout(&mut doc, any);
        }
        doc.add_root(fig);
        let l = rokeh::render::figure_layout(&doc, fig, 400, 400, 1.0).unwrap();
        let round = |v: f64| (v * 100.0).round() / 100.0;
        (
            (round(l.x_range.start), round(l.x_range.end)),
            (round(l.y_range.start), round(l.y_range.end)),
        )
    };
    let alone = ranges(None);
    assert_eq!(alone, ((-0.5, 10.5), (-0.5, 10.5)));
    // A box from x = 20 to the frame's right edge: x reaches 20, y as it was.
    let boxed = ranges(Some(("BoxAnnotation", vec![("left", Value::Float(20.0))])));
    assert_eq!(boxed, ((-1.0, 21.0), alone.1));
    let list = |vs: [f64; 3]| Value::List(vs.map(Value::Float).to_vec());
    let poly = |units: &'static str| {
        let attrs = vec![
            ("xs", list([-30.0, 0.0, 10.0])),
            ("ys", list([5.0, 5.0, 5.0])),
            ("xs_units", Value::str(units)),
        ];
        ranges(Some(("PolyAnnotation", attrs)))
    };
    assert_eq!(poly("data"), ((-32.0, 12.0), alone.1));
    assert_eq!(poly("screen"), alone);
}

/// As BokehJS's DataRange1d linked to several plots: the range a second plot shares
/// shows the data of both (each plot alone would show only its own), unless it is told
/// which renderers to follow or the other plot is hidden.
#[test]
fn a_shared_data_range_follows_every_plot_holding_it() {
    let ranges = |follow_first_only: bool, second_visible: bool| {
        let mut doc = Document::new();
        let p1 = figure(&mut doc, FigureArgs::default());
        let (x, y) = (doc.get(p1, Figure::X_RANGE), doc.get(p1, Figure::Y_RANGE));
        let (x, y) = (x.unwrap(), y.unwrap());
        let p2 = figure(
            &mut doc,
            FigureArgs {
                x_range: RangeArg::Shared(x),
                y_range: RangeArg::Shared(y),
                ..FigureArgs::default()
            },
        );
        let near = source(
            &mut doc,
            vec![("x", nums(&[0.0, 10.0])), ("y", nums(&[0.0, 10.0]))],
        );
        let far = source(
            &mut doc,
            vec![("x", nums(&[20.0, 30.0])), ("y", nums(&[0.0, 1.0]))],
        );
        let first = p1.scatter(&mut doc, near, Scatter::default());
        p2.scatter(&mut doc, far, Scatter::default());
        if follow_first_only {
            doc.set_attr(
                x,
                "renderers",
                Value::List(vec![Value::Ref(doc.model_id(first.any()).clone())]),
            )
            .unwrap();
        }
        if !second_visible {
            doc.set_attr(p2.any(), "visible", Value::Bool(false))
                .unwrap();
        }
        doc.add_root(p1);
        doc.add_root(p2);
        let round = |v: f64| (v * 100.0).round() / 100.0;
        [p1, p2].map(|p| {
            let l = rokeh::render::figure_layout(&doc, p, 300, 300, 1.0).unwrap();
            (
                (round(l.x_range.start), round(l.x_range.end)),
                (round(l.y_range.start), round(l.y_range.end)),
            )
        })
    };
    // x over 0..30 padded by 10 %, y over 0..10.
    let both = ((-1.5, 31.5), (-0.5, 10.5));
    assert_eq!(ranges(false, true), [both, both]);
    // x follows the first plot's renderer only; y still both plots'.
    let first_x = ((-0.5, 10.5), both.1);
    assert_eq!(ranges(true, true), [first_x, first_x]);
    // A hidden plot adds nothing to the ranges of the plot that shows.
    assert_eq!(ranges(false, false)[0], ((-0.5, 10.5), (-0.5, 10.5)));
}

/// As BokehJS's GridAlignmentLayout in its Row, Column and Tabs: a Row's plots share their
/// frames' top and bottom (a plot with its x axis below gets the room another's axis
/// above takes), a Column's their left and right, a Tabs' all four; a plot in a Row
/// inside a Column lines up with the Row's plots only.
#[test]
fn plots_in_rows_columns_and_tabs_line_up_their_frames() {
    use rokeh::models::{column, row, Place, TabPanel, Tabs};
    use rokeh::render::PixelRect;
    let mut doc = Document::new();
    let plot = |doc: &mut Document, x: Place, y: Place| {
        let p = figure(
            doc,
            FigureArgs {
                width: 300,
                height: 300,
                x_axis_location: Some(x),
                y_axis_location: Some(y),
                ..FigureArgs::default()
            },
        );
        let src = source(
            doc,
            vec![("x", nums(&[0.0, 1.0])), ("y", nums(&[0.0, 1.0]))],
        );
        p.scatter(doc, src, Scatter::default());
        p
    };
    let frame = |doc: &Document, p: Id<Figure>| -> PixelRect {
        rokeh::render::figure_layout(doc, p, 300, 300, 1.0)
            .unwrap()
            .frame
    };
    let below = plot(&mut doc, Place::Below, Place::Left);
    let alone = frame(&doc, below);
    let above = plot(&mut doc, Place::Above, Place::Right);
    let stacked = plot(&mut doc, Place::Below, Place::Right);
    let in_row = row(&mut doc, [below.any(), above.any()]);
    let root = column(&mut doc, [in_row.any(), stacked.any()]);
    doc.add_root(root);
    let (b, a, s) = (frame(&doc, below), frame(&doc, above), frame(&doc, stacked));
    // The row: one top and bottom, each as deep as the deeper plot's.
    assert_eq!((b.top, b.bottom), (a.top, a.bottom));
    assert!(
        b.top > alone.top,
        "room above for the axis the other plot has there"
    );
    assert_eq!(
        (b.left, b.right),
        (alone.left, alone.right),
        "sides of its own"
    );
    // The column holds the row, not its plots: the stacked plot keeps its own sides.
    let own = plot(&mut doc, Place::Below, Place::Right);
    assert_eq!((s.left, s.right), {
        let f = frame(&doc, own);
        (f.left, f.right)
    });
    // In one Column, left and right line up.
    let mut doc = Document::new();
    let left = plot(&mut doc, Place::Below, Place::Left);
    let right = plot(&mut doc, Place::Below, Place::Right);
    let root = column(&mut doc, [left.any(), right.any()]);
    doc.add_root(root);
    let (l, r) = (frame(&doc, left), frame(&doc, right));
    assert_eq!((l.left, l.right), (r.left, r.right));
    assert!(l.right < alone.right, "room right for the other's y axis");
    // Tabs: all four.
    let mut doc = Document::new();
    let one = plot(&mut doc, Place::Below, Place::Left);
    let other = plot(&mut doc, Place::Above, Place::Right);
    let panels = [one.any(), other.any()].map(|child| {
        doc.add(TabPanel {
            child,
            title: String::new(),
            closable: false,
            disabled: false,
        })
    });
    let tabs = doc.add(Tabs {
        tabs: panels.to_vec(),
        ..Tabs::default()
    });
    doc.add_root(tabs);
    let (o, t) = (frame(&doc, one), frame(&doc, other));
    assert_eq!(o, t);
}

/// As BokehJS's `fixed_location`: the axis is drawn across the frame at that coordinate of
/// the other range (Bokeh's crosstab example puts its y axis at x = 0).
#[test]
fn an_axis_with_a_fixed_location_is_drawn_there() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    for axis in fig.yaxis(&doc) {
        doc.set_attr(axis, "fixed_location", Value::Float(5.0))
            .unwrap();
        doc.set_attr(axis, "axis_line_color", Value::str("#ff0000"))
            .unwrap();
        doc.set_attr(axis, "axis_line_width", Value::Float(3.0))
            .unwrap();
    }
    let pic = draw(&doc, fig, "fixed_location.png");
    let rule = at(&pic, 5.0, 5.0);
    assert_eq!(color_at(&pic, rule), RED);
    // Not at the frame's left edge, where it would be without.
    let edge = f64::from(pic.layout.frame.left) - 1.0;
    assert_ne!(color_at(&pic, (edge, rule.1)), RED);
}

#[test]
fn annotations_are_drawn_where_their_coordinates_say() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let span = doc.add(Span {
        location: Some(Value::Float(2.0)),
        line_color: Some("#ff0000".into()),
        line_width: 2.0,
        ..Span::default()
    });
    fig.add_layout(&mut doc, span.any());
    let boxed = doc.add(BoxAnnotation {
        left: Some(Value::Float(6.0)),
        right: Some(Value::Float(8.0)),
        bottom: Some(Value::Float(6.0)),
        fill_color: Some("#0000ff".into()),
        fill_alpha: 1.0,
        ..BoxAnnotation::default()
    });
    fig.add_layout(&mut doc, boxed.any());
    let label = doc.add(Label {
        text_color: Some("#ff0000".into()),
        ..Label::new(1.0, 5.0, "label")
    });
    fig.add_layout(&mut doc, label.any());
    let band_src = source(
        &mut doc,
        vec![
            ("base", nums(&[1.0, 4.0])),
            ("lower", nums(&[7.0, 7.0])),
            ("upper", nums(&[8.0, 8.0])),
        ],
    );
    let band = doc.add(Band {
        source: Some(band_src.into()),
        fill_color: Some("#00ff00".into()),
        fill_alpha: 1.0,
        ..Band::default()
    });
    fig.add_layout(&mut doc, band.any());
    let tee = doc.add(TeeHead {
        size: 10.0.into(),
        ..TeeHead::default()
    });
    let wsrc = source(
        &mut doc,
        vec![
            ("base", nums(&[9.0])),
            ("lower", nums(&[1.0])),
            ("upper", nums(&[4.0])),
        ],
    );
    let whisker = doc.add(Whisker {
        source: Some(wsrc.into()),
        upper_head: Some(tee.any()),
        line_color: red(),
        ..Whisker::default()
    });
    fig.add_layout(&mut doc, whisker.any());
    let head = doc.add(NormalHead {
        fill_color: blue(),
        line_color: blue(),
        ..NormalHead::default()
    });
    let arrow = doc.add(Arrow {
        x_start: 3.0.into(),
        y_start: 4.0.into(),
        x_end: 5.0.into(),
        y_end: 4.0.into(),
        end: Some(head.any()),
        line_color: blue(),
        ..Arrow::default()
    });
    fig.add_layout(&mut doc, arrow.any());
    let pic = draw(&doc, fig, "annotations.png");
    assert!(
        pic.has_near(at(&pic, 5.0, 2.0), 1, RED, 40),
        "span across y = 2"
    );
    assert_eq!(
        color_at(&pic, at(&pic, 7.0, 9.5)),
        BLUE,
        "box to the frame's top"
    );
    assert_eq!(color_at(&pic, at(&pic, 7.0, 5.5)), WHITE);
    let (lx, ly) = at(&pic, 1.0, 5.0);
    assert!(
        pic.count(
            (lx as i32, ly as i32 - 14),
            (lx as i32 + 40, ly as i32),
            RED,
            120
        ) > 10
    );
    assert_eq!(color_at(&pic, at(&pic, 2.5, 7.5)), [0, 255, 0], "band");
    // The stem is not rounded: crisp or shared by two pixels, as it falls.
    let stem = at(&pic, 9.0, 2.5);
    assert!(
        pic.has_near(stem, 1, RED, 60) || pic.has_near(stem, 1, [255, 128, 128], 60),
        "whisker"
    );
    assert!(
        pic.has_near(at(&pic, 9.0 + 0.05, 4.0), 1, [64, 64, 64], 70),
        "tee head"
    );
    let shaft = at(&pic, 3.5, 4.0);
    assert!(
        pic.has_near(shaft, 1, BLUE, 60) || pic.has_near(shaft, 1, [128, 128, 255], 60),
        "arrow shaft"
    );
    // The filled head, 25 px long, just before the tip.
    let (tx, ty) = at(&pic, 5.0, 4.0);
    assert!(
        pic.has_near((tx - 8.0, ty + 4.0), 1, BLUE, 40),
        "arrow head"
    );
}

#[test]
fn labels_sets_and_color_bars() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(
        &mut doc,
        vec![
            ("x", nums(&[2.0, 6.0])),
            ("y", nums(&[2.0, 6.0])),
            ("text", strs(&["a", "bb"])),
        ],
    );
    let set = doc.add(LabelSet {
        source: Some(src.into()),
        text_color: red(),
        ..LabelSet::default()
    });
    fig.add_layout(&mut doc, set.any());
    let mapper = doc.add(LinearColorMapper {
        low: Some(0.0),
        high: Some(1.0),
        ..LinearColorMapper::new(vec!["#0000ff".into(), "#00ff00".into()])
    });
    let bar = doc.add(ColorBar {
        color_mapper: mapper.any(),
        location: Value::str("top_right"),
        ..color_bar_defaults(mapper.any())
    });
    fig.add_layout(&mut doc, bar.any());
    let pic = draw(&doc, fig, "label_set_color_bar.png");
    for (x, y) in [(2.0, 2.0), (6.0, 6.0)] {
        let (px, py) = at(&pic, x, y);
        assert!(
            pic.count(
                (px as i32, py as i32 - 14),
                (px as i32 + 20, py as i32),
                RED,
                120
            ) > 5
        );
    }
    assert!(pic.count_all([0, 0, 255], 10) > 200, "the bar's low color");
    assert!(pic.count_all([0, 255, 0], 10) > 200, "the bar's high color");
}

/// A ColorBar in a side panel, as BokehJS lays it out: against the frame, as long as the
/// frame but for its padding (not sized by its palette), with no margin around it.
#[test]
fn a_color_bar_in_a_side_panel_runs_the_frames_length() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let mapper = doc.add(LinearColorMapper {
        low: Some(0.0),
        high: Some(1.0),
        ..LinearColorMapper::new(vec!["#0000ff".into(), "#00ff00".into()])
    });
    let bar = doc.add(color_bar_defaults(mapper.any()));
    fig.add_layout_at(&mut doc, bar.any(), Place::Right);
    let pic = draw(&doc, fig, "color_bar_panel.png");
    let f = pic.layout.frame;
    // Blue at the bottom, green at the top, of a bar starting a padding (10) right of
    // the frame and ending a padding inside its top and bottom.
    let extent = |color| {
        let (mut x0, mut y0, mut y1) = (i32::MAX, i32::MAX, i32::MIN);
        for y in 0..pic.height as i32 {
            for x in 0..pic.width as i32 {
                if close(pic.pixel(x, y).unwrap(), color, 10) {
                    (x0, y0, y1) = (x0.min(x), y0.min(y), y1.max(y));
                }
            }
        }
        (x0, y0, y1)
    };
    let (green, blue) = (extent(GREEN_BYTE), extent(BLUE));
    assert!((green.0 - (f.right + 10)).abs() <= 2, "{green:?} {f:?}");
    assert!((green.1 - (f.top + 10)).abs() <= 2, "{green:?} {f:?}");
    assert!((blue.2 - (f.bottom - 10)).abs() <= 2, "{blue:?} {f:?}");
    assert!(green.2 < blue.1, "green over blue");

    // With a title (red, say), the bar keeps the frame's length and moves right of the
    // title, which stands turned in a column of its own, from the bar's bottom (BokehJS
    // 3.9's layout: Bokeh's contour_polar).
    doc.set(bar, ColorBar::TITLE, Some("A title of the bar".into()))
        .unwrap();
    doc.set(bar, ColorBar::TITLE_TEXT_COLOR, Some("#ff0000".into()))
        .unwrap();
    let titled = render_size(&doc, fig, SIZE, 1.0);
    let ink = |color| {
        let (mut x0, mut x1, mut y0, mut y1) = (i32::MAX, i32::MIN, i32::MAX, i32::MIN);
        for y in 0..titled.height as i32 {
            for x in 0..titled.width as i32 {
                if close(titled.pixel(x, y).unwrap(), color, 60) {
                    (x0, x1) = (x0.min(x), x1.max(x));
                    (y0, y1) = (y0.min(y), y1.max(y));
                }
            }
        }
        (x0, x1, y0, y1)
    };
    let (title, green) = (ink(RED), ink(GREEN_BYTE));
    let f = titled.layout.frame;
    assert!((green.2 - (f.top + 10)).abs() <= 2, "{green:?} {f:?}");
    assert!(
        title.1 < green.0,
        "the title left of the bar: {title:?} {green:?}"
    );
    assert!(
        title.3 - title.2 > 3 * (title.1 - title.0),
        "turned: {title:?}"
    );
    assert!(
        title.3 <= f.bottom - 10 + 1 && title.3 >= f.bottom - 20,
        "{title:?} {f:?}"
    );
}

fn color_bar_defaults(mapper: rokeh::core::AnyId) -> ColorBar {
    ColorBar {
        color_mapper: mapper,
        location: Value::str("top_right"),
        orientation: rokeh::models::AutoOr::Auto,
        width: rokeh::models::AutoOr::Auto,
        height: rokeh::models::AutoOr::Auto,
        title: None,
        title_standoff: 2,
        title_text_color: Some("#444444".into()),
        title_text_font_size: "13px".into(),
        title_text_font_style: rokeh::models::FontStyle::Italic,
        ticker: rokeh::models::AutoOr::Auto,
        formatter: rokeh::models::AutoOr::Auto,
        margin: 30,
        padding: 10,
        label_standoff: 5,
        scale_alpha: 1.0,
        major_label_text_color: Some("#444444".into()),
        major_label_text_font_size: "11px".into(),
        major_tick_in: 5,
        major_tick_out: 0,
        major_tick_line_color: Some("#ffffff".into()),
        minor_tick_in: 0,
        minor_tick_out: 0,
        minor_tick_line_color: None,
        bar_line_color: None,
        border_line_color: None,
        background_fill_color: Some("#ffffff".into()),
        background_fill_alpha: 0.95,
        visible: true,
    }
}

/// A legend moved from the frame to above it by appending it there (Bokeh's
/// words_and_plots: `p.above.append(p.legend[0])`, still in `center` too) is drawn once,
/// above, as BokehJS draws one view per model.
#[test]
fn a_model_listed_in_center_and_a_side_is_drawn_once_in_the_side() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(&mut doc, vec![("x", nums(&[2.0])), ("y", nums(&[2.0]))]);
    let r = fig.scatter(&mut doc, src, Scatter::default());
    fig.legend_label(&mut doc, "point", r);
    let legend = fig.legend(&mut doc);
    // Clickable, so that the layout reports its entries.
    doc.set(legend, Legend::CLICK_POLICY, LegendClickPolicy::Hide)
        .unwrap();
    let mut above = doc.get(fig, Figure::ABOVE);
    above.push(legend.any());
    doc.set(fig, Figure::ABOVE, above).unwrap();
    let pic = draw(&doc, fig, "legend_moved.png");
    assert_eq!(pic.layout.legend_items.len(), 1);
    let item = pic.layout.legend_items[0].area;
    assert!(
        item.bottom <= pic.layout.frame.top,
        "{item:?} above the frame"
    );
}

#[test]
fn legends_show_their_entries_and_report_clickable_ones() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(
        &mut doc,
        vec![
            ("x", nums(&[2.0, 4.0, 6.0])),
            ("y", nums(&[2.0, 4.0, 6.0])),
            ("kind", strs(&["a", "b", "a"])),
        ],
    );
    let palette = vec![Color::from("#ff0000"), Color::from("#0000ff")];
    let colors = factor_cmap(&mut doc, "kind", palette, vec!["a".into(), "b".into()]);
    let r = fig.scatter(
        &mut doc,
        src,
        Scatter {
            size: 12.0.into(),
            fill_color: colors,
            line_color: Spec::Value(None),
            ..Scatter::default()
        },
    );
    fig.legend_field(&mut doc, "kind", r);
    let legend = fig.legend(&mut doc);
    doc.set(legend, Legend::CLICK_POLICY, LegendClickPolicy::Hide)
        .unwrap();
    let pic = draw(&doc, fig, "legend.png");
    // Two entries (a, b), top right, each with its colour's swatch.
    assert_eq!(pic.layout.legend_items.len(), 2);
    let first = pic.layout.legend_items[0].area;
    let frame = pic.layout.frame;
    assert!(
        first.right > frame.right - 30 && first.top < frame.top + 35,
        "{first:?} in {frame:?}"
    );
    assert!(
        pic.count(
            (first.left, first.top),
            (first.left + 20, first.bottom),
            RED,
            40
        ) > 10
    );
    let second = pic.layout.legend_items[1].area;
    assert!(
        pic.count(
            (second.left, second.top),
            (second.left + 20, second.bottom),
            BLUE,
            40
        ) > 10
    );
    // Factor colours reach the points.
    assert!(pic.has_near(at(&pic, 4.0, 4.0), 2, BLUE, 30));
    // Hidden by its legend entry, as a click does: the points go.
    let hit = pic
        .layout
        .legend_item_at((f64::from(first.left) + 5.0, f64::from(first.top) + 5.0));
    assert_eq!(hit.map(|h| h.renderers.clone()), Some(vec![r.any()]));
    doc.set(r, GlyphRenderer::VISIBLE, false).unwrap();
    let hidden = render_size(&doc, fig, SIZE, 1.0);
    assert!(!hidden.has_near(at(&hidden, 4.0, 4.0), 2, BLUE, 30));

    // A title of three lines (Bokeh's models/legends example) takes two lines more room
    // than one: the entries sit below all of it.
    let first_top = |doc: &mut Document, title: &str| {
        doc.set(legend, Legend::TITLE, Some(title.to_owned()))
            .unwrap();
        render_size(doc, fig, SIZE, 1.0).layout.legend_items[0]
            .area
            .top
    };
    let one = first_top(&mut doc, "One");
    let three = first_top(&mut doc, "One\nTwo\nThree");
    assert!((26..=40).contains(&(three - one)), "{one} then {three}");

    // Two columns (Bokeh's legend_two_dimensions): the entries side by side; a
    // horizontal legend of one column per row: one above the other.
    doc.set(legend, Legend::NCOLS, AutoOr::Value(2)).unwrap();
    let items = |doc: &Document| render_size(doc, fig, SIZE, 1.0).layout.legend_items;
    let wide = items(&doc);
    let (a, b) = (wide[0].area, wide[1].area);
    assert_eq!(a.top, b.top, "{a:?} {b:?}");
    assert!(b.left >= a.right, "{a:?} {b:?}");
    doc.set(
        legend,
        Legend::ORIENTATION,
        rokeh::models::Orientation::Horizontal,
    )
    .unwrap();
    doc.set(legend, Legend::NCOLS, AutoOr::Value(1)).unwrap();
    let tall = items(&doc);
    let (a, b) = (tall[0].area, tall[1].area);
    assert_eq!(a.left, b.left, "{a:?} {b:?}");
    assert!(b.top >= a.bottom, "{a:?} {b:?}");
}

#[test]
fn views_filter_rows_and_selections_fade_the_rest() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(
        &mut doc,
        vec![
            ("x", nums(&[2.0, 5.0, 8.0])),
            ("y", nums(&[5.0, 5.0, 5.0])),
            ("g", strs(&["keep", "drop", "keep"])),
        ],
    );
    let r = fig.scatter(
        &mut doc,
        src,
        Scatter {
            size: 20.0.into(),
            fill_color: red(),
            line_color: Spec::Value(None),
            ..Scatter::default()
        },
    );
    let filter = doc.add(GroupFilter {
        column_name: "g".into(),
        group: Value::str("keep"),
    });
    let view = doc.add(CDSView {
        filter: Some(filter.any()),
    });
    doc.set(r, GlyphRenderer::VIEW, Some(view.any())).unwrap();
    let pic = draw(&doc, fig, "group_filter.png");
    assert_eq!(color_at(&pic, at(&pic, 2.0, 5.0)), RED);
    assert_eq!(color_at(&pic, at(&pic, 5.0, 5.0)), WHITE, "filtered out");

    let index = doc.add(IndexFilter {
        indices: Some(vec![1]),
    });
    doc.set(view, CDSView::FILTER, Some(index.any())).unwrap();
    let pic = render_size(&doc, fig, SIZE, 1.0);
    assert_eq!(color_at(&pic, at(&pic, 5.0, 5.0)), RED);
    assert_eq!(color_at(&pic, at(&pic, 8.15, 5.15)), WHITE);

    let all = doc.add(BooleanFilter {
        booleans: Some(vec![true, true, true]),
    });
    doc.set(view, CDSView::FILTER, Some(all.any())).unwrap();
    // The Selection Bokeh makes for every source (Document::add made it too).
    let selected = doc.get_attr(src.any(), "selected").unwrap();
    let selection = doc
        .typed_id::<Selection>(selected.as_ref_id().expect("a reference"))
        .expect("a Selection");
    doc.set(selection, Selection::INDICES, vec![0]).unwrap();
    let pic = draw(&doc, fig, "selection.png");
    assert_eq!(
        color_at(&pic, at(&pic, 2.0, 5.0)),
        RED,
        "selected: as drawn"
    );
    // Not selected: drawn with the nonselection glyph the glyph method made (Python's:
    // alpha 0.1); an "auto" one fades the fill to 0.2 (BokehJS's default).
    let faded = |alpha| Rgba::rgb(255, 0, 0).with_alpha(alpha).over(Rgba::WHITE);
    assert!(close(color_at(&pic, at(&pic, 5.0, 5.0)), faded(0.1), 3));
    doc.set(r, GlyphRenderer::NONSELECTION_GLYPH, Some(AutoOr::Auto))
        .unwrap();
    let pic = render_size(&doc, fig, SIZE, 1.0);
    assert!(close(color_at(&pic, at(&pic, 5.0, 5.0)), faded(0.2), 3));
}

#[test]
fn hover_glyphs_draw_the_rows_a_hover_tool_inspects() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let points = source(
        &mut doc,
        vec![("x", nums(&[2.0, 5.0, 7.0])), ("y", nums(&[5.0, 5.0, 5.0]))],
    );
    let scatter = |color: ColorSpec| Scatter {
        size: 20.0.into(),
        fill_color: color,
        line_color: Spec::Value(None),
        ..Scatter::default()
    };
    let r = fig.scatter(&mut doc, points, scatter(red()));
    let hover = doc.add(scatter(blue()));
    doc.set(r, GlyphRenderer::HOVER_GLYPH, Some(hover.any()))
        .unwrap();
    let line_src = source(
        &mut doc,
        vec![("x", nums(&[1.0, 9.0])), ("y", nums(&[8.0, 8.0]))],
    );
    let line = |color: &str| Line {
        line_color: Some(color.into()),
        line_width: 3.0,
        ..Line::default()
    };
    let l = fig.line(&mut doc, line_src, line("#ff0000"));
    let hover_line = doc.add(line("#0000ff"));
    doc.set(l, GlyphRenderer::HOVER_GLYPH, Some(hover_line.any()))
        .unwrap();

    // Nothing inspected: the glyphs as they are.
    let pic = render_size(&doc, fig, SIZE, 1.0);
    for x in [2.0, 5.0, 7.0] {
        assert_eq!(color_at(&pic, at(&pic, x, 5.0)), RED);
    }
    assert_eq!(color_at(&pic, at(&pic, 5.0, 8.0)), RED);

    // Row 1 of the points and (any row of) the line inspected: the hover glyphs draw the
    // point, and the whole line, as BokehJS inspects a line as one.
    let inspected = [(points.any(), vec![1]), (line_src.any(), vec![0])].into();
    let pic = render_inspected(&doc, fig, SIZE, 1.0, &inspected);
    assert_eq!(color_at(&pic, at(&pic, 2.0, 5.0)), RED);
    assert_eq!(color_at(&pic, at(&pic, 5.0, 5.0)), BLUE, "inspected");
    assert_eq!(color_at(&pic, at(&pic, 7.0, 5.0)), RED);
    assert_eq!(color_at(&pic, at(&pic, 5.0, 8.0)), BLUE, "the line, whole");

    // With a selection: the selected and unselected rows as selections draw them, the
    // inspected one with the hover glyph over them.
    let selected = doc.get_attr(points.any(), "selected").unwrap();
    let selection = doc
        .typed_id::<Selection>(selected.as_ref_id().expect("a reference"))
        .expect("a Selection");
    doc.set(selection, Selection::INDICES, vec![0, 1]).unwrap();
    let pic = render_inspected(&doc, fig, SIZE, 1.0, &inspected);
    assert_eq!(color_at(&pic, at(&pic, 2.0, 5.0)), RED, "selected");
    assert_eq!(
        color_at(&pic, at(&pic, 5.0, 5.0)),
        BLUE,
        "selected, inspected"
    );
    let faded = Rgba::rgb(255, 0, 0).with_alpha(0.1).over(Rgba::WHITE);
    let unselected = color_at(&pic, at(&pic, 7.0, 5.0));
    assert!(close(unselected, faded, 3), "{unselected:?}");

    // A renderer without a hover glyph draws its inspected rows as ever.
    doc.set(r, GlyphRenderer::HOVER_GLYPH, None).unwrap();
    let pic = render_inspected(&doc, fig, SIZE, 1.0, &inspected);
    assert_eq!(color_at(&pic, at(&pic, 5.0, 5.0)), RED);
}

#[test]
fn colour_mappers_and_hidpi() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(
        &mut doc,
        vec![
            ("x", nums(&[2.0, 8.0])),
            ("y", nums(&[5.0, 5.0])),
            ("v", nums(&[0.0, 10.0])),
        ],
    );
    let viridis = palette("Viridis256").unwrap();
    let (low, high) = (
        Rgba::parse(&viridis[0].0).unwrap(),
        Rgba::parse(&viridis[255].0).unwrap(),
    );
    let colors = linear_cmap(&mut doc, "v", viridis, 0.0, 10.0);
    fig.scatter(
        &mut doc,
        src,
        Scatter {
            marker: MarkerType::Square.into(),
            size: 30.0.into(),
            fill_color: colors,
            line_color: Spec::Value(None),
            ..Scatter::default()
        },
    );
    save_png(&doc, fig, SIZE, 2.0, "linear_cmap_x2.png");
    for scale in [1.0, 2.0] {
        let pic = render_size(&doc, fig, SIZE, scale);
        let rgb = |c: Rgba| [c.r, c.g, c.b];
        assert!(close(color_at(&pic, at(&pic, 2.0, 5.0)), rgb(low), 2));
        assert!(close(color_at(&pic, at(&pic, 8.0, 5.0)), rgb(high), 2));
        // 30 CSS pixels across at any scale.
        let (cx, cy) = at(&pic, 2.0, 5.0);
        let half = 15.0 * scale;
        assert!(close(color_at(&pic, (cx + half - 2.0, cy)), rgb(low), 2));
        assert_eq!(color_at(&pic, (cx + half + 2.0 * scale, cy)), WHITE);
    }
}

#[test]
fn titles_align_and_move() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let title = doc.get(fig, Figure::TITLE).unwrap();
    doc.set(title, rokeh::models::Title::TEXT, "A title".to_owned())
        .unwrap();
    doc.set(title, rokeh::models::Title::ALIGN, TextAlign::Right)
        .unwrap();
    doc.set(
        title,
        rokeh::models::Title::TEXT_COLOR,
        Some("#ff0000".into()),
    )
    .unwrap();
    let pic = draw(&doc, fig, "title_right.png");
    let f = pic.layout.frame;
    assert!(f.top >= 25, "the title takes room above: {f:?}");
    let mid = (f.left + f.right) / 2;
    assert_eq!(
        pic.count((f.left, 0), (mid, f.top), RED, 120),
        0,
        "nothing on the left"
    );
    assert!(pic.count((mid, 0), (f.right + 1, f.top), RED, 120) > 30);
    doc.set(fig, Figure::TITLE_LOCATION, Some(Place::Below))
        .unwrap();
    let below = render_size(&doc, fig, SIZE, 1.0);
    let g = below.layout.frame;
    assert!(g.top < f.top && g.bottom < f.bottom, "{g:?} vs {f:?}");
    assert!(below.count((mid, g.bottom), (g.right + 1, 400), RED, 120) > 30);
}

/// A title's lines follow each other a font height apart (BokehJS's Title sets
/// `text_line_height` 1, where other text is 1.2), so a two-line title (Bokeh's
/// legend_click example) puts the frame one line lower, no more; a larger line height
/// spaces them out.
#[test]
fn a_title_s_lines_are_one_font_height_apart() {
    use rokeh::models::Title;
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let title = doc.get(fig, Figure::TITLE).unwrap();
    let top = |doc: &mut Document, text: &str| {
        doc.set(title, Title::TEXT, text.to_owned()).unwrap();
        render_size(doc, fig, SIZE, 1.0).layout.frame.top
    };
    let one = top(&mut doc, "Click on legend entries");
    let two = top(&mut doc, "Click on legend entries\nto hide them");
    // 13px bold: ascent plus descent about 15 px (at 1.2, 18).
    assert!((14..=16).contains(&(two - one)), "{one} then {two}");
    doc.set(title, Title::TEXT_LINE_HEIGHT, 2.0).unwrap();
    let spaced = top(&mut doc, "Click on legend entries\nto hide them");
    assert!((28..=32).contains(&(spaced - one)), "{one} then {spaced}");
}

/// A title on the left is turned: its panel is as deep as its text is tall (plus the
/// standoff), however long the text, and its background fills its text's box, as
/// BokehJS's side titles (Bokeh's models/panels example).
#[test]
fn a_side_title_is_as_deep_as_its_text_is_tall_on_its_background() {
    use rokeh::models::Title;
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let title = doc.get(fig, Figure::TITLE).unwrap();
    doc.set(fig, Figure::TITLE_LOCATION, Some(Place::Left))
        .unwrap();
    let untitled = render_size(&doc, fig, SIZE, 1.0).layout.frame;
    let long = "A title much longer than it is tall".to_owned();
    doc.set(title, Title::TEXT, long).unwrap();
    doc.set(title, Title::BACKGROUND_FILL_COLOR, Some("#0000ff".into()))
        .unwrap();
    let pic = draw(&doc, fig, "title_left.png");
    let f = pic.layout.frame;
    let depth = f.left - untitled.left;
    // 13px bold: ascent plus descent about 15 px, and the standoff of 10.
    assert!((20..=30).contains(&depth), "the panel is {depth} px deep");
    let blue = pic.count((0, 0), (f.left, 400), BLUE, 60);
    assert!(blue > 12 * 150, "the text's box is filled: {blue} px");
}

/// The toolbar's band is laid out as BokehJS lays it: beside the frame along its length
/// (on the right from the frame's top, next to it however wide the border), or above in
/// the title's band, as Bokeh's figure(min_border_right=80) and toolbar_location="above"
/// show them.
#[test]
fn the_toolbar_band_lies_beside_the_frame() {
    use rokeh::render::{figure_layout, PixelRect};
    let mut doc = Document::new();
    let fig = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 400,
            title: "sine wave".into(),
            min_border: Some(80),
            ..FigureArgs::default()
        },
    );
    doc.add_root(fig);
    let layout = figure_layout(&doc, fig, 400, 400, 1.0).unwrap();
    let f = layout.frame;
    let right = PixelRect {
        left: f.right,
        top: f.top,
        right: f.right + 30,
        bottom: f.bottom,
    };
    assert_eq!(layout.toolbar, Some(right), "frame {f:?}");
    doc.set(fig, Figure::TOOLBAR_LOCATION, Some(Place::Above))
        .unwrap();
    let layout = figure_layout(&doc, fig, 400, 400, 1.0).unwrap();
    let (f, band) = (layout.frame, layout.toolbar.unwrap());
    assert_eq!(
        (band.left, band.right, band.bottom),
        (f.left, f.right, f.top)
    );
    assert!(band.bottom - band.top >= 30, "{band:?}");
    doc.set(fig, Figure::TOOLBAR_LOCATION, None).unwrap();
    let layout = figure_layout(&doc, fig, 400, 400, 1.0).unwrap();
    assert_eq!(layout.toolbar, None);
}

/// A data range follows radial glyphs out to their radius, whatever its units, as
/// BokehJS 3.9 pads its spatial index with the radius's number (measured: five points
/// from 0 to 10 with radius 2 give -2.7..12.7 for circles, n-gons, wedges, annular
/// wedges and annuli, screen radii too; arcs and markers -0.5..10.5).
#[test]
fn radial_glyphs_widen_the_data_range_by_their_radius() {
    let xs = nums(&[0.0, 2.5, 5.0, 7.5, 10.0]);
    type AddGlyph = dyn Fn(&mut Document, Id<Figure>, Id<ColumnDataSource>);
    let range_of = |add: &AddGlyph| {
        let mut doc = Document::new();
        let fig = figure(&mut doc, FigureArgs::default());
        let src = source(&mut doc, vec![("x", xs.clone()), ("y", xs.clone())]);
        add(&mut doc, fig, src);
        doc.add_root(fig);
        let r = rokeh::render::figure_layout(&doc, fig, 400, 400, 1.0)
            .unwrap()
            .x_range;
        (
            (r.start * 100.0).round() / 100.0,
            (r.end * 100.0).round() / 100.0,
        )
    };
    let padded = (-2.7, 12.7);
    let wedge = |doc: &mut Document, fig: Id<Figure>, src: Id<ColumnDataSource>| {
        let radius = 2.0.into();
        fig.wedge(
            doc,
            src,
            Wedge {
                radius,
                start_angle: 0.0.into(),
                end_angle: 1.0.into(),
                ..Wedge::default()
            },
        );
    };
    assert_eq!(range_of(&wedge), padded, "wedge");
    let annulus = |doc: &mut Document, fig: Id<Figure>, src: Id<ColumnDataSource>| {
        let (inner_radius, outer_radius) = (1.0.into(), 2.0.into());
        fig.annulus(
            doc,
            src,
            Annulus {
                inner_radius,
                outer_radius,
                ..Annulus::default()
            },
        );
    };
    assert_eq!(range_of(&annulus), padded, "annulus");
    let annular = |doc: &mut Document, fig: Id<Figure>, src: Id<ColumnDataSource>| {
        let aw = AnnularWedge {
            inner_radius: 1.0.into(),
            outer_radius: 2.0.into(),
            start_angle: 0.0.into(),
            end_angle: 1.0.into(),
            ..AnnularWedge::default()
        };
        fig.annular_wedge(doc, src, aw);
    };
    assert_eq!(range_of(&annular), padded, "annular wedge");
    let screen_circle = |doc: &mut Document, fig: Id<Figure>, src: Id<ColumnDataSource>| {
        let circle = Circle {
            radius: Spec::screen(2.0),
            ..Circle::new(2.0)
        };
        fig.circle(doc, src, circle);
    };
    assert_eq!(range_of(&screen_circle), padded, "circle of screen radius");
    let arc = |doc: &mut Document, fig: Id<Figure>, src: Id<ColumnDataSource>| {
        let a = Arc {
            radius: 2.0.into(),
            start_angle: 0.0.into(),
            end_angle: 1.0.into(),
            ..Arc::default()
        };
        fig.arc(doc, src, a);
    };
    assert_eq!(range_of(&arc), (-0.5, 10.5), "arc");
}

/// A Label at Nodes of the frame (Bokeh's basic/annotations/label: `x=Node(target="frame",
/// symbol="left", offset=5)`), anchored by its bottom left corner, its box padded: the
/// box's corner 5 px in from the frame's bottom left, the text 10 px inside it.
#[test]
fn a_label_at_frame_nodes_sits_in_the_frame_s_corner() {
    use rokeh::document::{Model, ModelId};
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let node = |doc: &mut Document, id: &str, symbol: &str, offset: i64| {
        let attrs = [
            ("target", Value::str("frame")),
            ("symbol", Value::str(symbol)),
            ("offset", Value::Int(offset)),
        ];
        let model = Model {
            id: ModelId::from(id),
            type_name: "Node".into(),
            attrs: attrs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        };
        doc.insert_model(model).unwrap();
        Value::Ref(ModelId::from(id))
    };
    let (x, y) = (
        node(&mut doc, "left", "left", 5),
        node(&mut doc, "bottom", "bottom", -5),
    );
    let label = doc.add(Label {
        x,
        y,
        anchor: Value::str("bottom_left"),
        padding: Value::Int(10),
        background_fill_color: Some("#0000ff".into()),
        ..Label::new(0.0, 0.0, "Collected")
    });
    fig.add_layout(&mut doc, label.any());
    let pic = draw(&doc, fig, "label_nodes.png");
    let f = pic.layout.frame;
    let (left, bottom) = (f.left + 5, f.bottom - 5);
    assert_eq!(
        color_at(&pic, (f64::from(left) + 2.0, f64::from(bottom) - 2.0)),
        BLUE
    );
    assert_ne!(
        color_at(&pic, (f64::from(left) - 2.0, f64::from(bottom) - 2.0)),
        BLUE
    );
    assert_ne!(
        color_at(&pic, (f64::from(left) + 2.0, f64::from(bottom) + 2.0)),
        BLUE
    );
    // Padded: blue 8 px in from the corner too, above and to the right.
    assert_eq!(
        color_at(&pic, (f64::from(left) + 8.0, f64::from(bottom) - 8.0)),
        BLUE
    );
}

/// A hatch over the fill as BokehJS's tiles show in Chromium (Bokeh's basic/areas/strips):
/// a steep 1 px line is a whole pixel of its colour on every other row and two pixels
/// sharing it on the rows between, never a blur over three.
#[test]
fn a_steep_hatch_line_is_a_whole_pixel_or_two_sharing_it() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(
        &mut doc,
        vec![
            ("left", nums(&[2.0])),
            ("right", nums(&[8.0])),
            ("bottom", nums(&[2.0])),
            ("top", nums(&[8.0])),
        ],
    );
    fig.quad(
        &mut doc,
        src,
        Quad {
            fill_color: "#ffff00".into(),
            line_color: Spec::Value(None),
            hatch_pattern: Spec::Value(Some("/".into())),
            hatch_color: "#800080".into(),
            ..Quad::default()
        },
    );
    let pic = draw(&doc, fig, "hatch.png");
    let (a, b) = (at(&pic, 3.0, 7.0), at(&pic, 7.0, 3.0));
    let (mut yellow, mut purple, mut mixed) = (0, 0, 0);
    for y in a.1 as i32..b.1 as i32 {
        let mut row_mixed = 0;
        for x in a.0 as i32..b.0 as i32 {
            match pic.pixel(x, y).unwrap() {
                [255, 255, 0] => yellow += 1,
                [128, 0, 128] => purple += 1,
                _ => row_mixed += 1,
            }
        }
        // Per line crossing the row (one every 6 px): a whole pixel or two shared.
        let lines = (b.0 - a.0) / 6.0;
        assert!(
            f64::from(row_mixed) <= 2.0 * lines + 2.0,
            "row {y}: {row_mixed} mixed"
        );
        mixed += row_mixed;
    }
    assert!(
        purple * 20 > yellow && yellow > purple && mixed > purple,
        "{yellow} yellow, {purple} purple, {mixed} mixed"
    );
}

/// A hover over a line finds BokehJS's segment: the nearest nearer than 2 pixels (half the
/// width of a wider line), whether x is sorted (found by binary search) or not (every
/// segment looked at), checked against looking at every segment.
#[test]
fn a_line_is_hit_on_its_nearest_segment() {
    let n = 2000;
    let xs: Vec<f64> = (0..n).map(|i| i as f64 / n as f64 * 10.0).collect();
    // Jagged: neighbouring segments often both pass within 2 pixels.
    let ys: Vec<f64> = (0..n)
        .map(|i| 5.0 + 4.0 * (i as f64 * 0.01).sin() + 0.3 * ((i * 7919) % 13) as f64 / 13.0)
        .collect();
    let mut shuffled: Vec<usize> = (0..n).collect();
    shuffled.sort_by_key(|&i| (i * 7919) % n);
    for order in [(0..n).collect::<Vec<_>>(), shuffled] {
        let mut doc = Document::new();
        let fig = plot(&mut doc);
        let (x, y): (Vec<f64>, Vec<f64>) = order.iter().map(|&i| (xs[i], ys[i])).unzip();
        let src = source(&mut doc, vec![("x", nums(&x)), ("y", nums(&y))]);
        let r = fig.line(&mut doc, src, Line::default());
        let layout = rokeh::render::figure_layout(&doc, fig, 400, 400, 1.0).unwrap();
        let nearest = |at: (f64, f64)| {
            let seg = |i: usize| {
                let (a, b) = (
                    layout.to_pixel(x[i], y[i]),
                    layout.to_pixel(x[i + 1], y[i + 1]),
                );
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let t =
                    (((at.0 - a.0) * dx + (at.1 - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
                (at.0 - a.0 - t * dx).hypot(at.1 - a.1 - t * dy)
            };
            (0..n - 1)
                .map(|i| (seg(i), i))
                .filter(|&(d, _)| d < 2.0)
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, i)| i)
        };
        let mut found = 0;
        for k in 0..400 {
            let (x0, y0) = (xs[(k * 37) % n], ys[(k * 37) % n]);
            let (px, py) = layout.to_pixel(x0, y0);
            let at = (px + (k % 5) as f64 - 2.0, py + (k % 3) as f64 - 1.0);
            let hits =
                rokeh::render::hit_test(&doc, fig, &rokeh::render::Estimate, 1.0, at).unwrap();
            // Only the frame answers.
            let want = nearest(at)
                .filter(|_| layout.frame.contains(at))
                .map(|i| (r.any(), vec![i]));
            assert_eq!(hits.into_iter().next(), want, "at {at:?}");
            found += usize::from(want.is_some());
        }
        assert!(found > 300, "{found} of 400 points near the line hit it");
    }
}

#[test]
fn hit_tests_find_the_rows_under_a_point() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(
        &mut doc,
        vec![("x", nums(&[2.0, 8.0])), ("y", nums(&[5.0, 5.0]))],
    );
    let r = fig.scatter(
        &mut doc,
        src,
        Scatter {
            size: 20.0.into(),
            ..Scatter::default()
        },
    );
    let layout = rokeh::render::figure_layout(&doc, fig, 400, 400, 1.0).unwrap();
    let (px, py) = layout.to_pixel(8.0, 5.0);
    let hits =
        rokeh::render::hit_test(&doc, fig, &rokeh::render::Estimate, 1.0, (px + 5.0, py)).unwrap();
    assert_eq!(hits, [(r.any(), vec![1])]);
    let none =
        rokeh::render::hit_test(&doc, fig, &rokeh::render::Estimate, 1.0, (px - 30.0, py)).unwrap();
    assert!(none.is_empty());
}

/// `p.arc`, `p.bezier`, `p.quadratic` and `p.ngon`: an arc where its angles say, curves
/// through the points their control points put them, regular polygons with a corner
/// straight up (or turned by `angle`).
#[test]
fn arcs_curves_and_ngons_go_where_the_maths_says() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let src = source(&mut doc, vec![("one", nums(&[0.0]))]);
    let v = |x: f64| Spec::Value(x);
    fig.arc(
        &mut doc,
        src,
        Arc {
            x: v(3.0),
            y: v(7.0),
            radius: v(2.0),
            start_angle: v(0.0),
            end_angle: v(std::f64::consts::FRAC_PI_2),
            line_color: red(),
            line_width: v(3.0),
            ..Arc::default()
        },
    );
    fig.bezier(
        &mut doc,
        src,
        Bezier {
            x0: v(1.0),
            y0: v(1.0),
            cx0: v(1.0),
            cy0: v(4.0),
            cx1: v(5.0),
            cy1: v(4.0),
            x1: v(5.0),
            y1: v(1.0),
            line_color: blue(),
            line_width: v(3.0),
            ..Bezier::default()
        },
    );
    fig.quadratic(
        &mut doc,
        src,
        Quadratic {
            x0: v(6.0),
            y0: v(1.0),
            cx: v(7.5),
            cy: v(5.0),
            x1: v(9.0),
            y1: v(1.0),
            line_color: red(),
            line_width: v(3.0),
            ..Quadratic::default()
        },
    );
    for (x, angle, color) in [
        (6.5, 0.0, blue()),
        (8.5, std::f64::consts::FRAC_PI_4, red()),
    ] {
        fig.ngon(
            &mut doc,
            src,
            Ngon {
                x: v(x),
                y: v(7.5),
                n: v(4.0),
                angle: v(angle),
                fill_color: color,
                line_color: Spec::Value(None),
                ..Ngon::new(0.8)
            },
        );
    }
    let pic = draw(&doc, fig, "arcs_curves_ngons.png");
    let near = |(x, y): (f64, f64), color| pic.has_near((x, y), 2, color, 40);
    // The arc: a quarter from 0 to 90 degrees, counter-clockwise; its radius in pixels is
    // 2 along x.
    let (cx, cy) = at(&pic, 3.0, 7.0);
    let r = at(&pic, 5.0, 0.0).0 - at(&pic, 3.0, 0.0).0;
    let on = |deg: f64| {
        let a = deg.to_radians();
        (cx + r * a.cos(), cy - r * a.sin())
    };
    assert!(near(on(45.0), RED) && near(on(10.0), RED) && near(on(80.0), RED));
    assert!(!near(on(180.0), RED) && !near(on(270.0), RED));
    assert_eq!(color_at(&pic, (cx, cy)), WHITE);
    // The cubic's middle, (x0 + 3 cx0 + 3 cx1 + x1) / 8 and likewise y: (3, 3.25); the
    // quadratic's, (x0 + 2 cx + x1) / 4: (7.5, 3).
    assert!(near(at(&pic, 3.0, 3.25), BLUE));
    assert_eq!(color_at(&pic, at(&pic, 3.0, 2.5)), WHITE);
    assert!(near(at(&pic, 7.5, 3.0), RED));
    assert_eq!(color_at(&pic, at(&pic, 7.5, 2.5)), WHITE);
    // Each curve leaves its ends there, not at its control points.
    assert!(near(at(&pic, 1.0, 1.0), BLUE) && !near(at(&pic, 1.0, 4.0), BLUE));
    // Squares of radius 0.8 (along x): the first stands on a corner (a diamond), the
    // second, turned a quarter right, on a side.
    let r = at(&pic, 0.8, 0.0).0 - at(&pic, 0.0, 0.0).0;
    let (dx, dy) = at(&pic, 6.5, 7.5);
    let (sx, sy) = at(&pic, 8.5, 7.5);
    assert_eq!(color_at(&pic, (dx, dy - 0.9 * r)), BLUE);
    assert_eq!(color_at(&pic, (dx + 0.6 * r, dy - 0.6 * r)), WHITE);
    assert_eq!(color_at(&pic, (sx + 0.6 * r, sy - 0.6 * r)), RED);
    assert_eq!(color_at(&pic, (sx, sy - 0.9 * r)), WHITE);
}

/// A graph (`GraphRenderer`, what Python's `from_networkx` makes): each node where the
/// layout places its `index`, each edge a line from its `start` node to its `end` node,
/// under the nodes; a node the layout lacks is not drawn.
#[test]
fn a_graph_places_nodes_by_its_layout_and_joins_them_with_edges() {
    use rokeh::models::{GraphLayout, NodeKey};
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let nodes = source(&mut doc, vec![("index", strs(&["a", "b", "c", "lost"]))]);
    let edges = source(
        &mut doc,
        vec![("start", strs(&["a", "a"])), ("end", strs(&["b", "c"]))],
    );
    let node = |name: &str, x, y| (NodeKey::Text(name.into()), (x, y));
    let layout = GraphLayout(vec![
        node("a", 2.0, 2.0),
        node("b", 8.0, 2.0),
        node("c", 2.0, 8.0),
    ]);
    fig.graph(
        &mut doc,
        (
            nodes,
            Scatter {
                size: 20.0.into(),
                fill_color: red(),
                line_color: red(),
                ..Scatter::default()
            },
        ),
        (
            edges,
            MultiLine {
                line_color: blue(),
                line_width: 3.0.into(),
                ..MultiLine::default()
            },
        ),
        layout,
    );
    let pic = draw(&doc, fig, "graph.png");
    let color = |x, y| color_at(&pic, at(&pic, x, y));
    // The nodes over the edges' ends; the edges between them; nothing elsewhere.
    assert_eq!(
        (color(2.0, 2.0), color(8.0, 2.0), color(2.0, 8.0)),
        (RED, RED, RED)
    );
    assert_eq!((color(5.0, 2.0), color(2.0, 5.0)), (BLUE, BLUE));
    assert_eq!((color(5.0, 5.0), color(7.0, 7.0)), (WHITE, WHITE));
}

/// A ContourColorBar (Python's `contour_renderer.construct_color_bar()`): the contour's
/// bands between its levels, lowest at the bottom, filled as its fill renderer fills
/// each, and a line at each level as its line renderer draws it.
#[test]
fn a_contour_color_bar_shows_the_bands_and_lines_of_its_levels() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let bands = source(&mut doc, vec![("fill", strs(&["#ff0000", "#0000ff"]))]);
    let fill_glyph = doc.add(MultiPolygons {
        fill_color: Spec::field("fill"),
        line_color: Spec::Value(None),
        ..MultiPolygons::default()
    });
    let fills = doc.add(GlyphRenderer::new(bands, fill_glyph.any()));
    let levels = source(&mut doc, vec![("level", nums(&[0.0, 1.0, 2.0]))]);
    let line_glyph = doc.add(MultiLine {
        line_color: "#00ff00".into(),
        line_width: 3.0.into(),
        ..MultiLine::default()
    });
    let lines = doc.add(GlyphRenderer::new(levels, line_glyph.any()));
    let reference = |id: Id<GlyphRenderer>| Value::Ref(doc.model_id(id.any()).clone());
    let (fills, lines) = (reference(fills), reference(lines));
    let bar = raw_model(
        &mut doc,
        "contour-bar",
        "ContourColorBar",
        vec![
            ("fill_renderer", fills),
            ("line_renderer", lines),
            (
                "levels",
                Value::List(vec![0.0.into(), 1.0.into(), 2.0.into()]),
            ),
            ("location", Value::str("top_left")),
            ("orientation", Value::str("vertical")),
        ],
    );
    let bar = doc.lookup(bar.as_ref_id().unwrap()).unwrap();
    fig.add_layout(&mut doc, bar);
    let pic = draw(&doc, fig, "contour_color_bar.png");
    let rows_of = |color| {
        let ys: Vec<u32> = (0..pic.height)
            .flat_map(|y| (0..pic.width).map(move |x| (x, y)))
            .filter(|&(x, y)| close(pic.pixel(x as i32, y as i32).unwrap(), color, 10))
            .map(|(_, y)| y)
            .collect();
        assert!(ys.len() > 200, "{color:?}: {} pixels", ys.len());
        ys.iter().sum::<u32>() as f64 / ys.len() as f64
    };
    // The band from level 0 to 1 under the one from 1 to 2.
    assert!(rows_of(RED) > rows_of(BLUE));
    assert!(pic.count_all(GREEN_BYTE, 10) > 40, "the levels' lines");
}

/// A tile map's axes (`figure(x_axis_type="mercator")`): web-mercator metres ticked at
/// nice degrees and labelled in degrees, as BokehJS's MercatorTicker and
/// MercatorTickFormatter do.
#[test]
fn mercator_axes_tick_and_label_degrees() {
    let mut doc = Document::new();
    // -10..10 degrees of longitude and 0..62.9 of latitude, in metres.
    let (lon, lat) = (1_113_194.907_932_735_8, 9_000_000.0);
    let fig = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 400,
            x_range: (-lon, lon).into(),
            y_range: (0.0, lat).into(),
            ..FigureArgs::default()
        },
    );
    for (side, dimension) in [(Figure::BELOW, "lon"), (Figure::LEFT, "lat")] {
        let axis = doc.get(fig, side)[0];
        let at = |name: &str| Value::str(name);
        let ticker = raw_model(
            &mut doc,
            &format!("ticker-{dimension}"),
            "MercatorTicker",
            vec![("dimension", at(dimension))],
        );
        let formatter = raw_model(
            &mut doc,
            &format!("formatter-{dimension}"),
            "MercatorTickFormatter",
            vec![("dimension", at(dimension))],
        );
        doc.set_attr(axis, "ticker", ticker).unwrap();
        doc.set_attr(axis, "formatter", formatter).unwrap();
    }
    let pic = render_size(&doc, fig, (400, 400), 1.0);
    let x = &pic.layout.x_ticks;
    assert_eq!(x.labels, ["−10", "−5", "0", "5", "10"]);
    // 5 degrees east is 556 597.45 m.
    assert!(
        (x.ticks.major[3] - 556_597.453_966_367_9).abs() < 1e-6,
        "{:?}",
        x.ticks.major
    );
    let y = &pic.layout.y_ticks;
    assert_eq!(y.labels, ["0", "10", "20", "30", "40", "50", "60"]);
    // Latitudes are not evenly spaced in metres: 60 degrees is 8 399 737.89 m.
    assert!(
        (y.ticks.major[6] - 8_399_737.889_818_357).abs() < 1e-3,
        "{:?}",
        y.ticks.major
    );
}

/// Bokeh's default ScaleBar over the test plot's 0..10 taken as kilometres.
fn km() -> rokeh::models::ScaleBar {
    rokeh::models::ScaleBar {
        unit: "km".into(),
        ..rokeh::models::ScaleBar::default()
    }
}

/// `bar` over the test plot, as a red bar in a blue border.
fn scale_bar(bar: rokeh::models::ScaleBar, name: &str) -> Picture {
    scale_bar_in(&mut Document::new(), bar, name)
}

/// [`scale_bar`] in `doc`, which may hold the bar's `dimensional`.
fn scale_bar_in(doc: &mut Document, bar: rokeh::models::ScaleBar, name: &str) -> Picture {
    let fig = plot(doc);
    let bar = doc.add(rokeh::models::ScaleBar {
        bar_line_color: Some("#ff0000".into()),
        border_line_color: Some("#0000ff".into()),
        border_line_alpha: 1.0,
        ..bar
    });
    fig.add_layout(doc, bar.any());
    draw(doc, fig, name)
}

/// The smallest rectangle (left, top, right, bottom; inclusive) holding every pixel of
/// `color` (±`tol`), and how many there are.
fn extent(pic: &Picture, color: [u8; 3], tol: u8) -> ((i32, i32, i32, i32), usize) {
    let (mut e, mut n) = ((i32::MAX, i32::MAX, i32::MIN, i32::MIN), 0);
    for y in 0..pic.height as i32 {
        for x in 0..pic.width as i32 {
            if pic.pixel(x, y).is_some_and(|p| close(p, color, tol)) {
                e = (e.0.min(x), e.1.min(y), e.2.max(x), e.3.max(y));
                n += 1;
            }
        }
    }
    (e, n)
}

/// Bokeh's default scale bar (as BokehJS draws it, pixel for pixel): 0.2 of the 10 km
/// frame is 2 km, rounded up to the next nice length, 5 km: a bar half the frame long,
/// `padding` inside a box `margin` inside the frame's top-right corner, "5 km" below it.
#[test]
fn a_scale_bar_rounds_its_length_up_and_sits_in_the_frames_corner() {
    let pic = scale_bar(km(), "scale_bar.png");
    let f = pic.layout.frame;
    let bar = (f64::from(f.width()) * 0.5).round() as i32;
    // The border's right and top edges 10 px inside the frame's; 1 + 10 + bar + 10 + 1
    // wide (the label is narrower than the bar).
    let ((left, top, right, bottom), _) = extent(&pic, BLUE, 2);
    assert_eq!((right, top), (f.right - 10, f.top + 10));
    assert_eq!(right - left, bar + 22);
    // The bar: 2 px thick at the top of the padded content, drawn half a pixel right and
    // down (BokehJS's canvas), so whole red pixels from one past its start to one before
    // its end; a pixel beyond either end is not red at all.
    let (x0, y) = (left + 10, top + 10);
    for x in x0 + 1..x0 + bar {
        assert!(close(pic.pixel(x, y).unwrap(), RED, 2), "bar at ({x}, {y})");
    }
    for x in [x0 - 1, x0 + bar + 1] {
        assert_eq!(
            pic.pixel(x, y).unwrap(),
            WHITE,
            "beyond the bar at ({x}, {y})"
        );
    }
    let ((rl, rt, rr, rb), _) = extent(&pic, RED, 2);
    assert_eq!((rl, rt, rr, rb), (x0 + 1, y, x0 + bar - 1, y));
    // The label: dark pixels only below the bar, in the box, centred under the bar.
    let dark: Vec<(i32, i32)> = (top + 1..bottom)
        .flat_map(|y| (left + 1..right).map(move |x| (x, y)))
        .filter(|&(x, y)| pic.pixel(x, y).is_some_and(|p| is_grey(p) && p[0] < 160))
        .collect();
    assert!(dark.len() > 30, "{} label pixels", dark.len());
    assert!(dark.iter().all(|&(_, py)| py > y + 5 && py < bottom - 9));
    let (lo, hi) = dark.iter().fold((i32::MAX, i32::MIN), |(lo, hi), &(x, _)| {
        (lo.min(x), hi.max(x))
    });
    assert!(
        ((lo + hi) / 2 - (x0 + bar / 2)).abs() <= 2,
        "label {lo}..{hi}"
    );
    // The box is white inside; nothing of it outside: every blue pixel is its border.
    assert_eq!(pic.pixel(left + 5, bottom - 5).unwrap(), WHITE);
    for y in 0..pic.height as i32 {
        for x in 0..pic.width as i32 {
            let on_border = (x == left || x == right) && (top..=bottom).contains(&y)
                || (y == top || y == bottom) && (left..=right).contains(&x);
            let blue = close(pic.pixel(x, y).unwrap(), BLUE, 2);
            assert!(!blue || on_border, "blue at ({x}, {y})");
        }
    }
}

/// A vertical bar of 3 km exactly (data units), in the bottom-left corner, labelled on
/// its right ("3.00 km", turned to read along it).
#[test]
fn a_vertical_scale_bar_in_data_units_stands_in_the_bottom_left_corner() {
    use rokeh::models::{LengthSizing, LengthUnits, Orientation, ScaleBar};
    let pic = scale_bar(
        ScaleBar {
            orientation: Orientation::Vertical,
            location: Value::str("bottom_left"),
            bar_length: 3.0,
            bar_length_units: LengthUnits::Data,
            length_sizing: LengthSizing::Exact,
            label_location: Place::Right,
            ..km()
        },
        "scale_bar_vertical.png",
    );
    let f = pic.layout.frame;
    let bar = (f64::from(f.height()) * 0.3).round() as i32;
    let ((left, top, right, bottom), _) = extent(&pic, BLUE, 2);
    assert_eq!((left, bottom), (f.left + 10, f.bottom - 10));
    assert_eq!(bottom - top, bar + 22);
    // The bar's column: the content's left edge (its column is no wider than the bar).
    let ((rl, rt, rr, rb), _) = extent(&pic, RED, 2);
    assert_eq!(
        (rl, rt, rr, rb),
        (left + 10, top + 11, left + 10, top + 9 + bar)
    );
    // The label right of the bar, beyond the standoff, taller than wide: turned.
    let dark: Vec<(i32, i32)> = (top + 1..bottom)
        .flat_map(|y| (left + 1..right).map(move |x| (x, y)))
        .filter(|&(x, y)| pic.pixel(x, y).is_some_and(|p| is_grey(p) && p[0] < 160))
        .collect();
    assert!(dark.len() > 30, "{} label pixels", dark.len());
    let (x_lo, x_hi, y_lo, y_hi) = dark.iter().fold(
        (i32::MAX, i32::MIN, i32::MAX, i32::MIN),
        |(a, b, c, d), &(x, y)| (a.min(x), b.max(x), c.min(y), d.max(y)),
    );
    assert!(
        x_lo > left + 10 + 5 && x_hi < right - 10,
        "label x {x_lo}..{x_hi}"
    );
    assert!(
        y_hi - y_lo > 2 * (x_hi - x_lo),
        "label {x_lo}..{x_hi} × {y_lo}..{y_hi}"
    );
    let middle = (y_lo + y_hi) / 2;
    assert!(
        (middle - (top + 10 + bar / 2)).abs() <= 2,
        "label centred at {middle}"
    );
}

/// An ImperialLength as Python sends it (its basis and ticks Bokeh's defaults): 0.2 of
/// 10 miles is 2 mi, rounded up to 3 (ImperialLength's nice values are 1, 3, 6, 12, 60):
/// a bar 0.3 of the frame.
#[test]
fn an_imperial_scale_bar_counts_in_miles() {
    let mut doc = Document::new();
    let imperial = raw_model(
        &mut doc,
        "imperial",
        "ImperialLength",
        vec![("include", Value::Null)],
    );
    let bar = rokeh::models::ScaleBar {
        dimensional: Some(doc.lookup(imperial.as_ref_id().unwrap()).unwrap()),
        unit: "mi".into(),
        ..rokeh::models::ScaleBar::default()
    };
    let pic = scale_bar_in(&mut doc, bar, "scale_bar_imperial.png");
    let f = pic.layout.frame;
    let bar = (f64::from(f.width()) * 0.3).round() as i32;
    let ((left, _, right, _), _) = extent(&pic, BLUE, 2);
    assert_eq!(right - left, bar + 22);
    let ((rl, _, rr, _), _) = extent(&pic, RED, 2);
    assert_eq!((rl, rr), (left + 11, left + 9 + bar));
}

/// A glyph of values alone on a source without columns (Python's
/// `plot.add_glyph(Circle(x=0, y=0, radius=1))`, Bokeh's gauges) is drawn once, as
/// BokehJS's CDSView counts such a source's rows; with columns of no rows, not at all.
#[test]
fn a_glyph_of_values_on_a_source_without_columns_is_drawn_once() {
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    let circle = |x: f64, color: fn() -> ColorSpec| Circle {
        x: Spec::Value(x),
        y: Spec::Value(5.0),
        fill_color: color(),
        line_color: color(),
        ..Circle::new(1.0)
    };
    let nothing = doc.add(ColumnDataSource::default());
    fig.circle(&mut doc, nothing, circle(5.0, red));
    let empty = source(&mut doc, vec![("x", Value::List(Vec::new()))]);
    fig.circle(&mut doc, empty, circle(1.5, blue));
    let pic = draw(&doc, fig, "values_alone.png");
    assert_eq!(color_at(&pic, at(&pic, 5.0, 5.0)), RED);
    assert_eq!(color_at(&pic, at(&pic, 5.5, 5.0)), RED);
    assert_eq!(
        color_at(&pic, at(&pic, 1.0, 5.0)),
        WHITE,
        "no rows, nothing drawn"
    );
}

/// Whether two rectangles are the same within a hundredth of a pixel.
fn same_rect(a: rokeh::render::Rect, b: rokeh::render::Rect) -> bool {
    [
        (a.x, b.x),
        (a.y, b.y),
        (a.width, b.width),
        (a.height, b.height),
    ]
    .iter()
    .all(|(a, b)| (a - b).abs() < 0.01)
}

/// ImageURL places each image as BokehJS's `ImageURLView` does: its anchor at (x, y), `w`
/// × `h` in data or screen units or, unset, the image's own size in CSS pixels; turned
/// about its centre, at its alpha. Images the surface does not hold are asked for (with
/// the glyph's retries) and not drawn; natively none is held, and nothing is drawn.
#[test]
fn image_url_places_images_as_bokehjs_does() {
    use rokeh::models::ImageURL;
    use rokeh::render::{Rect as R, Retry};
    let mut doc = Document::new();
    let fig = plot(&mut doc);
    // An image may come as its bytes (Python's `url=[png_bytes]`).
    let png = Value::Bytes(std::sync::Arc::new(vec![0x89, b'P', b'N', b'G']));
    let urls = Value::List(vec![Value::str("a.png"), Value::str("missing.png"), png]);
    let rows = source(
        &mut doc,
        vec![
            ("url", urls),
            ("x", nums(&[2.0, 3.0, 9.0])),
            ("y", nums(&[8.0, 3.0, 9.0])),
        ],
    );
    let sized = ImageURL {
        w: Spec::Value(Some(2.0)),
        h: Spec::Value(Some(1.0)),
        retry_attempts: 2,
        retry_timeout: 100,
        ..ImageURL::default()
    };
    fig.image_url(&mut doc, rows, sized);
    let one = source(&mut doc, vec![("x", nums(&[5.0]))]);
    let natural = ImageURL {
        url: Spec::Value("b.png".into()),
        y: Spec::Value(5.0),
        anchor: Value::str("center"),
        ..ImageURL::default()
    };
    fig.image_url(&mut doc, one, natural);
    let screen = ImageURL {
        url: Spec::Value("c.png".into()),
        y: Spec::Value(2.0),
        w: Spec::screen(Some(30.0)),
        h: Spec::screen(Some(15.0)),
        anchor: Value::str("bottom_right"),
        angle: Spec::Value(0.5),
        global_alpha: Spec::Value(0.5),
        ..ImageURL::default()
    };
    let three = source(&mut doc, vec![("x", nums(&[8.0]))]);
    fig.image_url(&mut doc, three, screen);

    let scale = 2.0;
    let mut surface = Images {
        size: (800, 800),
        holds: vec![
            ("a.png", (40, 20)),
            ("4 bytes", (4, 4)),
            ("b.png", (20, 10)),
            ("c.png", (8, 8)),
        ],
        ..Images::default()
    };
    let layout = rokeh::render::draw_on(&doc, fig, &mut surface, scale).unwrap();
    // Everything is drawn half a CSS pixel right and down.
    let px = |x: f64, y: f64| {
        let (sx, sy) = layout.to_pixel(x, y);
        (sx + 0.5 * scale, sy + 0.5 * scale)
    };
    let urls: Vec<&str> = surface.placed.iter().map(|(u, _)| u.as_str()).collect();
    assert_eq!(
        urls,
        ["a.png", "4 bytes", "b.png", "c.png"],
        "the missing one is not drawn"
    );
    let missing = surface.asked.iter().find(|(u, _)| u == "missing.png");
    let retry = Retry {
        attempts: 2,
        timeout_ms: 100,
    };
    assert_eq!(
        missing.map(|(_, f)| *f),
        Some(Some(retry)),
        "asked for, with retries"
    );
    // a.png: top left at (2, 8), 2 × 1 data units.
    let ((x0, y0), (x1, y1)) = (px(2.0, 8.0), px(4.0, 7.0));
    let a = surface.placed[0].1;
    assert!(same_rect(a.dest, R::new(x0, y0, x1 - x0, y1 - y0)), "{a:?}");
    assert_eq!((a.angle, a.alpha), (0.0, 1.0));
    // b.png: centred on (5, 5), its own 20 × 10 CSS pixels.
    let (cx, cy) = px(5.0, 5.0);
    let b = surface.placed[2].1;
    assert!(
        same_rect(b.dest, R::new(cx - 20.0, cy - 10.0, 40.0, 20.0)),
        "{b:?}"
    );
    // c.png: bottom right at (8, 2), 30 × 15 CSS pixels, turned (clockwise on screen for
    // Bokeh's counter-clockwise angle) at half alpha.
    let (rx, by) = px(8.0, 2.0);
    let c = surface.placed[3].1;
    assert!(
        same_rect(c.dest, R::new(rx - 60.0, by - 30.0, 60.0, 30.0)),
        "{c:?}"
    );
    assert_eq!((c.angle, c.alpha), (-0.5, 0.5));
    // Natively nothing is fetched: the figure is drawn without them.
    let pic = render_size(&doc, fig, SIZE, 1.0);
    assert_eq!(color_at(&pic, at(&pic, 3.0, 7.5)), WHITE);
}

/// Map tiles: each tile the surface holds is drawn over its bounds in metres, the first
/// coarser one held standing in for one it does not (under the others), and the rest
/// asked for; the attribution is written, as text, in the frame's bottom right corner.
#[test]
fn map_tiles_cover_their_bounds_and_parents_stand_in() {
    use rokeh::models::{TileRenderer, WMTSTileSource};
    use rokeh::render::{Rect as R, Retry};
    const WORLD: f64 = 20037508.34;
    let mut doc = Document::new();
    let fig = figure(
        &mut doc,
        FigureArgs {
            width: 640,
            height: 640,
            x_range: (-WORLD, WORLD).into(),
            y_range: (-WORLD, WORLD).into(),
            x_axis_location: None,
            y_axis_location: None,
            toolbar_location: None,
            ..FigureArgs::default()
        },
    );
    let source = WMTSTileSource {
        url: "http://t/{Z}/{X}/{Y}.png".into(),
        ..WMTSTileSource::osm()
    };
    let tiles = fig.add_tile(&mut doc, source);
    doc.set(tiles, TileRenderer::ALPHA, 0.75).unwrap();
    let mut surface = Images {
        size: (640, 640),
        // The world at zoom 0, and its top left and bottom right quarters at zoom 1.
        holds: vec![
            ("http://t/0/0/0.png", (256, 256)),
            ("http://t/1/0/0.png", (256, 256)),
            ("http://t/1/1/1.png", (256, 256)),
        ],
        ..Images::default()
    };
    let layout = rokeh::render::draw_on(&doc, fig, &mut surface, 1.0).unwrap();
    let f = layout.frame;
    let frame = R::new(
        f64::from(f.left),
        f64::from(f.top),
        f64::from(f.width()),
        f64::from(f.height()),
    );
    // About 600 pixels for the world's 40 000 km: zoom 1 (BokehJS's first level finer
    // than the view's 67 km per pixel).
    assert!((520.0..700.0).contains(&frame.width), "{frame:?}");
    let asked: Vec<&str> = surface
        .asked
        .iter()
        .filter(|(_, fetch)| *fetch == Some(Retry::default()))
        .map(|(u, _)| u.as_str())
        .collect();
    for quarter in ["1/0/0", "1/1/0", "1/0/1", "1/1/1"] {
        assert!(
            asked.contains(&format!("http://t/{quarter}.png").as_str()),
            "{asked:?}"
        );
    }
    // The world (a stand-in, drawn first), then the quarters held, in the frame (the
    // world wraps around: their copies east and west are outside it).
    let inside = |r: &R| r.x >= frame.x - 1.0 && r.right() <= frame.right() + 1.0;
    let drawn: Vec<(&str, R)> = surface
        .placed
        .iter()
        .filter(|(_, p)| inside(&p.dest))
        .map(|(u, p)| (u.as_str(), p.dest))
        .collect();
    let half = 0.5;
    let (w, h) = (frame.width / 2.0, frame.height / 2.0);
    let (x, y) = (frame.x + half, frame.y + half);
    assert_eq!(drawn.len(), 3, "{drawn:?}");
    assert_eq!(drawn[0].0, "http://t/0/0/0.png");
    assert!(
        same_rect(drawn[0].1, R::new(x, y, 2.0 * w, 2.0 * h)),
        "{drawn:?}"
    );
    assert_eq!(drawn[1].0, "http://t/1/0/0.png");
    assert!(same_rect(drawn[1].1, R::new(x, y, w, h)), "{drawn:?}");
    assert_eq!(drawn[2].0, "http://t/1/1/1.png");
    assert!(
        same_rect(drawn[2].1, R::new(x + w, y + h, w, h)),
        "{drawn:?}"
    );
    assert!(surface
        .placed
        .iter()
        .all(|(_, p)| p.alpha == 0.75 && p.smooth));
    let (text, (tx, ty), style) = surface.texts.last().unwrap();
    assert_eq!(text, "© OpenStreetMap contributors");
    assert_eq!(style.align, TextAlign::Right);
    assert!(
        (tx - (frame.right() + half - 2.0)).abs() < 0.01,
        "{tx} {frame:?}"
    );
    assert!(
        *ty < frame.bottom() && *ty > frame.bottom() - 12.0,
        "{ty} {frame:?}"
    );
}

/// Map tiles fit the default ranges to the frame's shape, as BokehJS's tile renderer fits
/// them (grown about the centre along one axis: what BokehJS 3.9's `snap_to_zoom_level`
/// answers for this extent and frame), laid out or painted; hidden tiles fit nothing.
#[test]
fn map_tiles_fit_the_ranges_to_the_frame() {
    use rokeh::models::{TileRenderer, WMTSTileSource};
    let mut doc = Document::new();
    let fig = figure(
        &mut doc,
        FigureArgs {
            x_range: (-2e6, 6e6).into(),
            y_range: (-1e6, 7e6).into(),
            ..FigureArgs::default()
        },
    );
    doc.set(fig, Figure::FRAME_WIDTH, Some(565)).unwrap();
    doc.set(fig, Figure::FRAME_HEIGHT, Some(557)).unwrap();
    let tiles = fig.add_tile(&mut doc, WMTSTileSource::osm());
    let layout = rokeh::render::figure_layout(&doc, fig, 800, 800, 1.0).unwrap();
    assert_eq!((layout.frame.width(), layout.frame.height()), (565, 557));
    let near = |a: f64, b: f64| (a - b).abs() < 1e-3;
    let (x, y) = (layout.x_range, layout.y_range);
    assert!(
        near(x.start, -2057450.6283662473) && near(x.end, 6057450.628366247),
        "{x:?}"
    );
    assert!(near(y.start, -1e6) && near(y.end, 7e6), "{y:?}");
    // Painted: the same ranges.
    let mut surface = Images {
        size: (800, 800),
        ..Images::default()
    };
    let painted = rokeh::render::draw_on(&doc, fig, &mut surface, 1.0).unwrap();
    assert_eq!((painted.x_range, painted.y_range), (x, y));
    doc.set(tiles, TileRenderer::VISIBLE, false).unwrap();
    let layout = rokeh::render::figure_layout(&doc, fig, 800, 800, 1.0).unwrap();
    assert_eq!((layout.x_range.start, layout.x_range.end), (-2e6, 6e6));
}

#[test]
fn a_range_tools_box_spans_the_range_it_moves_over_the_whole_frame_height() {
    let mut doc = Document::new();
    let overview = plot(&mut doc);
    let detail = doc.add(Range1d {
        start: 2.0,
        end: 4.0,
        ..Range1d::default()
    });
    let tool = rokeh::plotting::range_tool(&mut doc, Some(detail.any()), None);
    overview.add_tool(&mut doc, tool);
    // As the dash example colours it (`range_tool.overlay.fill_color = "navy"`), opaque.
    let overlay = doc.get(tool, rokeh::models::RangeTool::OVERLAY).unwrap();
    doc.set_attr(overlay, "fill_color", Value::str("#0000ff"))
        .unwrap();
    doc.set_attr(overlay, "fill_alpha", Value::Float(1.0))
        .unwrap();
    let pic = draw(&doc, overview, "range_tool.png");
    for y in [0.2, 5.0, 9.8] {
        assert_eq!(color_at(&pic, at(&pic, 3.0, y)), BLUE, "inside, at y {y}");
        assert_ne!(
            color_at(&pic, at(&pic, 1.5, y)),
            BLUE,
            "left of it, at y {y}"
        );
        assert_ne!(
            color_at(&pic, at(&pic, 4.5, y)),
            BLUE,
            "right of it, at y {y}"
        );
    }
    // The range moves (a detail plot's pan): the box follows.
    doc.set(detail, Range1d::START, 6.0).unwrap();
    doc.set(detail, Range1d::END, 8.0).unwrap();
    let pic = draw(&doc, overview, "range_tool_moved.png");
    assert_eq!(color_at(&pic, at(&pic, 7.0, 5.0)), BLUE);
    assert_ne!(color_at(&pic, at(&pic, 3.0, 5.0)), BLUE);
}
