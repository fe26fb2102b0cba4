//! The documents rokeh is compared with BokehJS on, built with rokeh's Rust API: the
//! same plots tests/python/compare_docs.py builds with Python Bokeh (every glyph, every
//! marker, the axis types, a legend, annotations, JavaScript run as it draws), each glyph
//! in a colour of its own.
//! Each is an app, "compare-<name>", so a static page shows it at `?app=compare-<name>`.

use rokeh::core::{Color, ColorSpec, Dict, NdArray, Spec, Value};
use rokeh::models::{
    AnnularWedge, Annulus, Arc, Arrow, Band, Bezier, Block, BoxAnnotation, CDSView, Circle,
    ColumnDataSource, CustomJSExpr, CustomJSFilter, CustomJSTickFormatter, CustomJSTicker,
    CustomJSTransform, Dimension, Ellipse, Factor, Figure, GeoJSONDataSource, GlyphRenderer,
    GraphLayout, Grid, HArea, HBar, HexTile, Image, ImageRGBA, ImageURL, Label, Line,
    LinearColorMapper, MarkerType, MultiLine, MultiPolygons, Ngon, NodeKey, NormalHead, Patch,
    Patches, Quad, Quadratic, Ray, Rect, Scatter, Segment, Span, Step, StepMode, TeeHead, VArea,
    VAreaStep, VBar, Wedge, Whisker,
};
use rokeh::plotting::{expr, factor_cmap, figure, transform, AxisType, FigureArgs, RangeArg};
use rokeh::{App, Document};

/// The colours of the glyphs, in order (as the Python script's COLORS).
pub const COLORS: [&str; 7] = [
    "#e61919", "#19b419", "#1919e6", "#ff9600", "#dc00dc", "#00bed2", "#8c4600",
];

const W: i64 = 400;
const H: i64 = 300;

fn c(i: usize) -> ColorSpec {
    COLORS[i].into()
}

fn scalar(i: usize) -> Option<Color> {
    Some(COLORS[i].into())
}

fn args(x: RangeArg, y: RangeArg) -> FigureArgs {
    FigureArgs {
        width: W,
        height: H,
        x_range: x,
        y_range: y,
        // As compare_docs.py builds them.
        toolbar_location: None,
        ..FigureArgs::default()
    }
}

fn source(doc: &mut Document, columns: Vec<(&str, Value)>) -> rokeh::core::Id<ColumnDataSource> {
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

fn lists(rows: &[&[f64]]) -> Value {
    Value::List(rows.iter().map(|r| nums(r)).collect())
}

fn markers(doc: &mut Document, names: [MarkerType; 7]) {
    let plot = figure(doc, args((0.0, 8.0).into(), (0.0, 2.0).into()));
    for (i, m) in names.into_iter().enumerate() {
        let src = source(
            doc,
            vec![("x", nums(&[1.0 + i as f64])), ("y", nums(&[1.0]))],
        );
        plot.scatter(
            doc,
            src,
            Scatter {
                marker: m.into(),
                size: 26.0.into(),
                fill_color: c(i),
                line_color: c(i),
                line_width: 2.0.into(),
                ..Scatter::default()
            },
        );
    }
    doc.add_root(plot.any());
}

fn markers1(doc: &mut Document) {
    use MarkerType::*;
    markers(
        doc,
        [
            Circle,
            Square,
            Triangle,
            Diamond,
            InvertedTriangle,
            Hex,
            Star,
        ],
    );
}

fn markers2(doc: &mut Document) {
    use MarkerType::*;
    markers(
        doc,
        [
            Plus,
            SquarePin,
            TrianglePin,
            CircleCross,
            SquareX,
            DiamondDot,
            HexDot,
        ],
    );
}

fn markers3(doc: &mut Document) {
    use MarkerType::*;
    markers(doc, [Asterisk, Cross, X, Y, Dash, Dot, CircleY]);
}

fn markers4(doc: &mut Document) {
    use MarkerType::*;
    markers(
        doc,
        [
            CircleX,
            CircleDot,
            SquareCross,
            SquareDot,
            DiamondCross,
            TriangleDot,
            StarDot,
        ],
    );
}

fn bars(doc: &mut Document) {
    let plot = figure(doc, args((0.0, 10.0).into(), (0.0, 10.0).into()));
    let s = source(doc, vec![("x", nums(&[1.5])), ("top", nums(&[8.0]))]);
    plot.vbar(
        doc,
        s,
        VBar {
            width: 1.0.into(),
            fill_color: c(0),
            line_color: c(0),
            ..VBar::default()
        },
    );
    let s = source(
        doc,
        vec![
            ("y", nums(&[1.5])),
            ("left", nums(&[3.0])),
            ("right", nums(&[9.0])),
        ],
    );
    plot.hbar(
        doc,
        s,
        HBar {
            left: Spec::field("left"),
            height: 1.0.into(),
            fill_color: c(1),
            line_color: c(1),
            ..HBar::default()
        },
    );
    let s = source(
        doc,
        vec![
            ("left", nums(&[3.0])),
            ("right", nums(&[5.0])),
            ("bottom", nums(&[3.0])),
            ("top", nums(&[6.0])),
        ],
    );
    plot.quad(
        doc,
        s,
        Quad {
            fill_color: c(2),
            line_color: c(2),
            ..Quad::default()
        },
    );
    let s = source(doc, vec![("x", nums(&[7.0])), ("y", nums(&[5.0]))]);
    plot.rect(
        doc,
        s,
        Rect {
            width: 2.0.into(),
            height: 1.0.into(),
            angle: 0.5.into(),
            fill_color: c(3),
            line_color: c(3),
            ..Rect::default()
        },
    );
    let s = source(doc, vec![("x", nums(&[6.0])), ("y", nums(&[7.0]))]);
    plot.block(
        doc,
        s,
        Block {
            width: 3.0.into(),
            height: 2.0.into(),
            fill_color: c(4),
            line_color: c(4),
            ..Block::default()
        },
    );
    doc.add_root(plot.any());
}

fn hatches(doc: &mut Document) {
    let plot = figure(doc, args((0.0, 8.0).into(), (0.0, 6.0).into()));
    for (i, pattern) in ["/", "\\", "x", "+", "o", ".", "v"].into_iter().enumerate() {
        let (left, bottom) = (0.5 + 2.0 * (i % 4) as f64, 3.5 - 3.0 * (i / 4) as f64);
        let s = source(
            doc,
            vec![
                ("left", nums(&[left])),
                ("right", nums(&[left + 1.6])),
                ("bottom", nums(&[bottom])),
                ("top", nums(&[bottom + 2.2])),
            ],
        );
        let quad = Quad {
            fill_color: Spec::Value(None),
            line_color: Spec::Value(None),
            hatch_pattern: Spec::Value(Some(pattern.into())),
            hatch_color: c(i),
            hatch_weight: (if i == 6 { 2.0 } else { 1.0 }).into(),
            ..Quad::default()
        };
        plot.quad(doc, s, quad);
    }
    doc.add_root(plot.any());
}

fn lines(doc: &mut Document) {
    let plot = figure(doc, args((0.0, 10.0).into(), (0.0, 10.0).into()));
    let x: Vec<f64> = (0..40).map(|i| 0.5 + 9.0 * f64::from(i) / 39.0).collect();
    let y: Vec<f64> = x.iter().map(|x| 8.0 + x.sin()).collect();
    let s = source(doc, vec![("x", nums(&x)), ("y", nums(&y))]);
    plot.line(
        doc,
        s,
        Line {
            line_color: scalar(0),
            line_width: 2.0,
            ..Line::default()
        },
    );
    let s = source(
        doc,
        vec![
            ("xs", lists(&[&[1.0, 3.0, 5.0], &[6.0, 8.0, 9.0]])),
            ("ys", lists(&[&[5.0, 6.0, 5.0], &[6.0, 7.0, 5.0]])),
        ],
    );
    plot.multi_line(
        doc,
        s,
        MultiLine {
            line_color: c(1),
            line_width: 2.0.into(),
            ..MultiLine::default()
        },
    );
    let s = source(
        doc,
        vec![
            ("x", nums(&[1.0, 3.0, 5.0, 7.0, 9.0])),
            ("y", nums(&[1.0, 3.0, 2.0, 4.0, 2.0])),
        ],
    );
    plot.step(
        doc,
        s,
        Step {
            mode: StepMode::Center,
            line_color: scalar(2),
            line_width: 2.0,
            ..Step::default()
        },
    );
    let s = source(
        doc,
        vec![
            ("x0", nums(&[1.0])),
            ("y0", nums(&[4.0])),
            ("x1", nums(&[4.0])),
            ("y1", nums(&[3.0])),
        ],
    );
    plot.segment(
        doc,
        s,
        Segment {
            line_color: c(3),
            line_width: 3.0.into(),
            ..Segment::default()
        },
    );
    let s = source(doc, vec![("x", nums(&[6.0])), ("y", nums(&[1.0]))]);
    plot.ray(
        doc,
        s,
        Ray {
            length: 3.0.into(),
            angle: 0.3.into(),
            line_color: c(4),
            line_width: 2.0.into(),
            ..Ray::default()
        },
    );
    let s = source(
        doc,
        vec![("x", nums(&[1.0, 9.0])), ("y", nums(&[9.6, 9.6]))],
    );
    plot.line(
        doc,
        s,
        Line {
            line_color: scalar(5),
            line_width: 3.0,
            line_dash: "dashed".into(),
            ..Line::default()
        },
    );
    doc.add_root(plot.any());
}

fn areas(doc: &mut Document) {
    let plot = figure(doc, args((0.0, 10.0).into(), (0.0, 10.0).into()));
    let s = source(
        doc,
        vec![
            ("x", nums(&[0.5, 2.0, 3.5])),
            ("y1", nums(&[0.5, 1.0, 0.5])),
            ("y2", nums(&[2.0, 3.0, 2.5])),
        ],
    );
    plot.varea(
        doc,
        s,
        VArea {
            fill_color: scalar(0),
            ..VArea::default()
        },
    );
    let s = source(
        doc,
        vec![
            ("y", nums(&[4.0, 5.0, 6.0])),
            ("x1", nums(&[0.5, 1.0, 0.5])),
            ("x2", nums(&[2.0, 3.0, 2.5])),
        ],
    );
    plot.harea(
        doc,
        s,
        HArea {
            fill_color: scalar(1),
            ..HArea::default()
        },
    );
    let s = source(
        doc,
        vec![
            ("x", nums(&[5.0, 6.0, 7.0, 8.0])),
            ("y1", nums(&[0.5, 0.5, 0.5, 0.5])),
            ("y2", nums(&[1.0, 2.0, 1.5, 2.5])),
        ],
    );
    plot.varea_step(
        doc,
        s,
        VAreaStep {
            step_mode: StepMode::After,
            fill_color: scalar(2),
            ..VAreaStep::default()
        },
    );
    let s = source(
        doc,
        vec![("x", nums(&[4.0, 6.0, 5.0])), ("y", nums(&[4.0, 4.0, 6.5]))],
    );
    plot.patch(
        doc,
        s,
        Patch {
            fill_color: scalar(3),
            line_color: scalar(3),
            ..Patch::default()
        },
    );
    let s = source(
        doc,
        vec![
            ("xs", lists(&[&[7.0, 9.0, 9.0], &[1.0, 2.0, 1.5]])),
            ("ys", lists(&[&[4.0, 4.0, 6.0], &[7.5, 7.5, 9.5]])),
        ],
    );
    plot.patches(
        doc,
        s,
        Patches {
            fill_color: c(4),
            line_color: c(4),
            ..Patches::default()
        },
    );
    let nested = |outer: [f64; 4], hole: [f64; 4]| {
        Value::List(vec![Value::List(vec![Value::List(vec![
            nums(&outer),
            nums(&hole),
        ])])])
    };
    let s = source(
        doc,
        vec![
            ("xs", nested([6.0, 9.5, 9.5, 6.0], [7.0, 8.5, 8.5, 7.0])),
            ("ys", nested([7.0, 7.0, 9.5, 9.5], [7.8, 7.8, 8.8, 8.8])),
        ],
    );
    plot.multi_polygons(
        doc,
        s,
        MultiPolygons {
            fill_color: c(5),
            line_color: c(5),
            ..MultiPolygons::default()
        },
    );
    doc.add_root(plot.any());
}

fn radial(doc: &mut Document) {
    let plot = figure(doc, args((0.0, 10.0).into(), (0.0, 10.0).into()));
    let at = |doc: &mut Document, x: f64, y: f64| {
        source(doc, vec![("x", nums(&[x])), ("y", nums(&[y]))])
    };
    let s = at(doc, 2.0, 7.5);
    plot.circle(
        doc,
        s,
        Circle {
            fill_color: c(0),
            line_color: c(0),
            ..Circle::new(1.2)
        },
    );
    let s = at(doc, 5.0, 7.5);
    plot.wedge(
        doc,
        s,
        Wedge {
            radius: 1.5.into(),
            start_angle: 0.3.into(),
            end_angle: 2.5.into(),
            fill_color: c(1),
            line_color: c(1),
            ..Wedge::default()
        },
    );
    let s = at(doc, 8.0, 7.5);
    plot.annular_wedge(
        doc,
        s,
        AnnularWedge {
            inner_radius: 0.6.into(),
            outer_radius: 1.5.into(),
            start_angle: (-1.0).into(),
            end_angle: 2.0.into(),
            fill_color: c(2),
            line_color: c(2),
            ..AnnularWedge::default()
        },
    );
    let s = at(doc, 2.5, 2.5);
    plot.annulus(
        doc,
        s,
        Annulus {
            inner_radius: 0.7.into(),
            outer_radius: 1.6.into(),
            fill_color: c(3),
            line_color: c(3),
            ..Annulus::default()
        },
    );
    let s = at(doc, 7.0, 2.5);
    plot.ellipse(
        doc,
        s,
        Ellipse {
            width: 3.0.into(),
            height: 1.5.into(),
            angle: 0.4.into(),
            fill_color: c(4),
            line_color: c(4),
            ..Ellipse::default()
        },
    );
    doc.add_root(plot.any());
}

fn images(doc: &mut Document) {
    let plot = figure(doc, args((0.0, 10.0).into(), (0.0, 10.0).into()));
    let mapper = doc.add(LinearColorMapper {
        low: Some(0.0),
        high: Some(1.0),
        ..LinearColorMapper::new(vec![COLORS[0].into(), COLORS[1].into()])
    });
    let mut img = NdArray::from(vec![0.0, 0.0, 1.0, 0.0, 1.0, 1.0]);
    img.shape = vec![2, 3];
    let s = source(doc, vec![("image", Value::List(vec![Value::Array(img)]))]);
    plot.image(
        doc,
        s,
        Image {
            x: 1.0.into(),
            y: 1.0.into(),
            dw: 4.0.into(),
            dh: 3.0.into(),
            color_mapper: Some(mapper.any()),
            ..Image::default()
        },
    );
    let blue = u32::from_le_bytes([0x19, 0x19, 0xe6, 0xff]);
    let mut rgba = NdArray::from(vec![f64::from(blue); 4]);
    rgba.shape = vec![2, 2];
    let s = source(doc, vec![("image", Value::List(vec![Value::Array(rgba)]))]);
    plot.image_rgba(
        doc,
        s,
        ImageRGBA {
            x: 6.0.into(),
            y: 1.0.into(),
            dw: 3.0.into(),
            dh: 3.0.into(),
            ..ImageRGBA::default()
        },
    );
    let s = source(
        doc,
        vec![("q", nums(&[0.0, 1.0])), ("r", nums(&[0.0, 0.0]))],
    );
    plot.hex_tile(
        doc,
        s,
        HexTile {
            size: 0.8,
            fill_color: c(3),
            line_color: c(3),
            ..HexTile::default()
        },
    );
    let s = source(
        doc,
        vec![("url", Value::List(vec![Value::str(IMAGE_URL_PNG)]))],
    );
    plot.image_url(
        doc,
        s,
        ImageURL {
            x: 6.0.into(),
            y: 9.0.into(),
            w: Spec::Value(Some(3.0)),
            h: Spec::Value(Some(2.0)),
            ..ImageURL::default()
        },
    );
    doc.add_root(plot.any());
}

/// A 2 × 2 PNG of `COLORS[4]` (#dc00dc), for ImageURL: no network needed.
const IMAGE_URL_PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR42mO4w3AHiBggFAAwLgbhUbuKnQAAAABJRU5ErkJggg==";

fn categorical(doc: &mut Document) {
    let factors: Vec<Factor> = vec![
        ("fruit", "apple").into(),
        ("fruit", "pear").into(),
        ("veg", "kale").into(),
        ("veg", "leek").into(),
    ];
    let plot = figure(
        doc,
        args(RangeArg::Factors(factors.clone()), (0.0, 10.0).into()),
    );
    let x = Value::List(
        factors
            .iter()
            .map(|f| Value::List(f.0.iter().map(|s| Value::str(s.as_str())).collect()))
            .collect(),
    );
    let kind = Value::List(["fruit", "fruit", "veg", "veg"].map(Value::str).to_vec());
    let s = source(
        doc,
        vec![
            ("x", x),
            ("top", nums(&[3.0, 6.0, 9.0, 4.0])),
            ("kind", kind),
        ],
    );
    let colors = factor_cmap(
        doc,
        "kind",
        vec![COLORS[0].into(), COLORS[2].into()],
        vec!["fruit".into(), "veg".into()],
    );
    plot.vbar(
        doc,
        s,
        VBar {
            width: 0.8.into(),
            fill_color: colors,
            line_color: Spec::Value(None),
            ..VBar::default()
        },
    );
    doc.add_root(plot.any());
}

fn log_axis(doc: &mut Document) {
    let plot = figure(
        doc,
        FigureArgs {
            x_axis_type: AxisType::Log,
            ..args((1.0, 10000.0).into(), (0.0, 10.0).into())
        },
    );
    let s = source(
        doc,
        vec![
            ("x", nums(&[1.0, 10.0, 100.0, 1000.0, 10000.0])),
            ("y", nums(&[1.0, 3.0, 5.0, 7.0, 9.0])),
        ],
    );
    plot.line(
        doc,
        s,
        Line {
            line_color: scalar(0),
            line_width: 2.0,
            ..Line::default()
        },
    );
    let s = source(
        doc,
        vec![("x", nums(&[3.0, 300.0])), ("y", nums(&[8.0, 2.0]))],
    );
    plot.scatter(
        doc,
        s,
        Scatter {
            size: 14.0.into(),
            fill_color: c(2),
            line_color: c(2),
            ..Scatter::default()
        },
    );
    doc.add_root(plot.any());
}

/// 2024-03-01 in ms since the epoch.
const START: f64 = 19_783.0 * 86_400_000.0;

fn datetime_axis(doc: &mut Document) {
    let plot = figure(
        doc,
        FigureArgs {
            x_axis_type: AxisType::Datetime,
            ..args(RangeArg::Auto, (0.0, 10.0).into())
        },
    );
    let x: Vec<f64> = (0..31)
        .step_by(3)
        .map(|i| START + f64::from(i) * 86_400_000.0)
        .collect();
    let y: Vec<f64> = (0..x.len()).map(|i| 1.0 + (i % 4) as f64 * 2.0).collect();
    let s = source(doc, vec![("x", nums(&x)), ("y", nums(&y))]);
    plot.line(
        doc,
        s,
        Line {
            line_color: scalar(1),
            line_width: 2.0,
            ..Line::default()
        },
    );
    doc.add_root(plot.any());
}

fn legend(doc: &mut Document) {
    let plot = figure(doc, args((0.0, 10.0).into(), (0.0, 10.0).into()));
    let s = source(
        doc,
        vec![("x", nums(&[2.0, 4.0, 6.0])), ("y", nums(&[2.0, 3.0, 4.0]))],
    );
    let r = plot.scatter(
        doc,
        s,
        Scatter {
            size: 12.0.into(),
            fill_color: c(0),
            line_color: c(0),
            ..Scatter::default()
        },
    );
    plot.legend_label(doc, "red", r);
    let s = source(
        doc,
        vec![("x", nums(&[1.0, 9.0])), ("y", nums(&[7.0, 8.0]))],
    );
    let r = plot.line(
        doc,
        s,
        Line {
            line_color: scalar(2),
            line_width: 3.0,
            ..Line::default()
        },
    );
    plot.legend_label(doc, "blue", r);
    let kind = Value::List(["a", "b"].map(Value::str).to_vec());
    let s = source(
        doc,
        vec![
            ("x", nums(&[7.0, 8.0])),
            ("y", nums(&[2.0, 3.0])),
            ("kind", kind),
        ],
    );
    let colors = factor_cmap(
        doc,
        "kind",
        vec![COLORS[3].into(), COLORS[4].into()],
        vec!["a".into(), "b".into()],
    );
    let r = plot.vbar(
        doc,
        s,
        VBar {
            width: 0.5.into(),
            top: Spec::field("y"),
            fill_color: colors,
            line_color: Spec::Value(None),
            ..VBar::default()
        },
    );
    plot.legend_field(doc, "kind", r);
    let legend = plot.legend(doc);
    doc.set(
        legend,
        rokeh::models::Legend::LOCATION,
        Value::str("top_left"),
    )
    .expect("a legend location");
    doc.add_root(plot.any());
}

fn annotations(doc: &mut Document) {
    let plot = figure(doc, args((0.0, 10.0).into(), (0.0, 10.0).into()));
    let span = doc.add(Span {
        location: Some(Value::Float(8.0)),
        dimension: Dimension::Width,
        line_color: scalar(0),
        line_width: 3.0,
        ..Span::default()
    });
    plot.add_layout(doc, span.any());
    let boxed = doc.add(BoxAnnotation {
        left: Some(Value::Float(1.0)),
        right: Some(Value::Float(3.0)),
        bottom: Some(Value::Float(1.0)),
        top: Some(Value::Float(4.0)),
        fill_color: scalar(1),
        fill_alpha: 1.0,
        line_color: None,
        ..BoxAnnotation::default()
    });
    plot.add_layout(doc, boxed.any());
    let s = source(
        doc,
        vec![
            ("base", nums(&[4.0, 6.0, 8.0])),
            ("lower", nums(&[1.0, 2.0, 1.0])),
            ("upper", nums(&[3.0, 4.0, 2.0])),
        ],
    );
    let band = doc.add(Band {
        source: Some(s.into()),
        fill_color: scalar(2),
        fill_alpha: 1.0,
        line_color: None,
        ..Band::default()
    });
    plot.add_layout(doc, band.any());
    let head = |doc: &mut Document| {
        doc.add(TeeHead {
            size: 10.0.into(),
            line_color: c(3),
            line_width: 2.0.into(),
            ..TeeHead::default()
        })
        .any()
    };
    let (upper, lower) = (head(doc), head(doc));
    let s = source(
        doc,
        vec![
            ("base", nums(&[2.0, 3.0])),
            ("lower", nums(&[5.0, 5.5])),
            ("upper", nums(&[7.0, 6.5])),
        ],
    );
    let whisker = doc.add(Whisker {
        source: Some(s.into()),
        line_color: c(3),
        line_width: 2.0.into(),
        upper_head: Some(upper),
        lower_head: Some(lower),
        ..Whisker::default()
    });
    plot.add_layout(doc, whisker.any());
    let end = doc.add(NormalHead {
        size: 16.0.into(),
        fill_color: c(4),
        line_color: c(4),
        ..NormalHead::default()
    });
    let arrow = doc.add(Arrow {
        x_start: 5.0.into(),
        y_start: 6.0.into(),
        x_end: 8.0.into(),
        y_end: 6.0.into(),
        line_color: c(4),
        line_width: 2.0.into(),
        end: Some(end.any()),
        ..Arrow::default()
    });
    plot.add_layout(doc, arrow.any());
    let label = doc.add(Label {
        text_color: scalar(5),
        text_font_size: "20px".into(),
        ..Label::new(6.0, 3.0, "label")
    });
    plot.add_layout(doc, label.any());
    doc.add_root(plot.any());
}

/// JavaScript BokehJS runs as it draws: a transform, a filter, an expression, tick labels,
/// ticks.
fn customjs(doc: &mut Document) {
    let plot = figure(doc, args((0.0, 10.0).into(), (0.0, 10.0).into()));
    // y doubled, by a factor given as an argument.
    let double = doc.add(CustomJSTransform {
        args: Dict(vec![("k".into(), Value::Int(2).into())]),
        v_func: "return xs.map((v) => k * v)".into(),
        ..CustomJSTransform::default()
    });
    let s = source(
        doc,
        vec![
            ("x", nums(&[1.0, 2.0, 3.0, 4.0])),
            ("y", nums(&[1.0, 1.5, 2.0, 2.5])),
        ],
    );
    let y = transform(doc, "y", double);
    plot.line(
        doc,
        s,
        Line {
            y,
            line_color: scalar(0),
            line_width: 3.0,
            ..Line::default()
        },
    );
    // The points right of `limit`, as a boolean per row.
    let right = doc.add(CustomJSFilter {
        args: Dict(vec![("limit".into(), Value::Int(4).into())]),
        code: "return Array.from(source.data.x, (x) => x > limit)".into(),
    });
    let view = doc.add(CDSView {
        filter: Some(right.any()),
    });
    let s = source(
        doc,
        vec![
            ("x", nums(&[1.0, 3.0, 5.0, 7.0, 9.0])),
            ("y", nums(&[8.0; 5])),
        ],
    );
    let points = plot.scatter(
        doc,
        s,
        Scatter {
            size: 14.0.into(),
            fill_color: c(2),
            line_color: c(2),
            ..Scatter::default()
        },
    );
    doc.set(points, GlyphRenderer::VIEW, Some(view.any()))
        .expect("a renderer takes a view");
    // y yielded from the source's x and a model's property (the y range's end).
    let y_range = doc
        .get(plot, Figure::Y_RANGE)
        .expect("the figure has a y range");
    let falling = doc.add(CustomJSExpr {
        args: Dict(vec![("range".into(), y_range.into())]),
        code: "for (const x of this.data.x) yield range.end - x - 1".into(),
    });
    let s = source(doc, vec![("x", nums(&[5.0, 6.0, 7.0, 8.0, 9.0]))]);
    let y = expr(doc, falling);
    plot.line(
        doc,
        s,
        Line {
            y,
            line_color: scalar(4),
            line_width: 3.0,
            ..Line::default()
        },
    );
    // Labels with a unit, in a colour of their own to be compared.
    for axis in plot.xaxis(doc) {
        let labels = doc.add(CustomJSTickFormatter {
            args: Dict(vec![("unit".into(), Value::str("m").into())]),
            code: "return `${tick} ${unit}`".into(),
        });
        doc.set_attr(axis, "formatter", doc.reference(labels.any()))
            .expect("an axis has a formatter");
        doc.set_attr(axis, "major_label_text_color", Value::str(COLORS[5]))
            .expect("an axis has a label colour");
    }
    // Ticks (and so grid lines, in a colour of their own) where the code puts them.
    let thirds = doc.add(CustomJSTicker {
        major_code: "const {start, end} = cb_data.range; \
                     return [1, 2, 3].map((i) => start + i * (end - start) / 4)"
            .into(),
        ..CustomJSTicker::default()
    });
    for axis in plot.yaxis(doc) {
        doc.set_attr(axis, "ticker", doc.reference(thirds.any()))
            .expect("an axis has a ticker");
    }
    for grid in plot.grids(doc, 1) {
        doc.set(grid, Grid::TICKER, Some(thirds.any()))
            .expect("a grid has a ticker");
        doc.set(grid, Grid::GRID_LINE_COLOR, scalar(1))
            .expect("a grid line has a colour");
        doc.set(grid, Grid::GRID_LINE_WIDTH, 2.0)
            .expect("a grid line has a width");
    }
    doc.add_root(plot.any());
}

fn curves(doc: &mut Document) {
    let plot = figure(doc, args((0.0, 10.0).into(), (0.0, 10.0).into()));
    let s = source(doc, vec![("one", nums(&[0.0]))]);
    let v = |x: f64| Spec::Value(x);
    plot.arc(
        doc,
        s,
        Arc {
            x: v(2.5),
            y: v(6.5),
            radius: v(1.8),
            start_angle: v(0.4),
            end_angle: v(2.8),
            line_color: c(0),
            line_width: v(3.0),
            ..Arc::default()
        },
    );
    plot.bezier(
        doc,
        s,
        Bezier {
            x0: v(0.5),
            y0: v(1.0),
            x1: v(4.5),
            y1: v(1.5),
            cx0: v(1.0),
            cy0: v(5.0),
            cx1: v(4.0),
            cy1: v(0.0),
            line_color: c(1),
            line_width: v(3.0),
            ..Bezier::default()
        },
    );
    plot.quadratic(
        doc,
        s,
        Quadratic {
            x0: v(5.5),
            y0: v(1.0),
            x1: v(9.5),
            y1: v(1.0),
            cx: v(7.5),
            cy: v(6.0),
            line_color: c(2),
            line_width: v(3.0),
            ..Quadratic::default()
        },
    );
    for (i, x, r, n, angle) in [(3, 6.3, 1.2, 5.0, 0.0), (4, 8.7, 0.9, 6.0, 0.3)] {
        plot.ngon(
            doc,
            s,
            Ngon {
                x: v(x),
                y: v(7.5),
                n: v(n),
                angle: v(angle),
                fill_color: c(i),
                line_color: c(i),
                ..Ngon::new(r)
            },
        );
    }
    doc.add_root(plot.any());
}

/// The GeoJSON text of compare_docs.py's GEOJSON.
const GEOJSON: &str = concat!(
    r#"{"type": "FeatureCollection", "features": ["#,
    r#"{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": "#,
    r#"[[[1, 1], [4, 1], [4, 4], [1, 4], [1, 1]], [[2, 2], [3, 2], [3, 3], [2, 2]]]}, "properties": {}}, "#,
    r#"{"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": "#,
    r#"[[[[6, 1], [9, 1], [7.5, 4], [6, 1]]], [[[6, 6], [9, 6], [9, 9], [6, 6]]]]}, "properties": {}}, "#,
    r#"{"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.5, 7.5]}, "properties": {}}, "#,
    r#"{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[1, 9.5], [4, 9.5]]}, "#,
    r#""properties": {}}]}"#,
);

fn geojson(doc: &mut Document) {
    let plot = figure(doc, args((0.0, 10.0).into(), (0.0, 10.0).into()));
    let geo = doc.add(GeoJSONDataSource::new(GEOJSON));
    plot.patches(
        doc,
        geo,
        Patches {
            fill_color: c(0),
            line_color: c(0),
            ..Patches::default()
        },
    );
    plot.scatter(
        doc,
        geo,
        Scatter {
            size: 30.0.into(),
            fill_color: c(1),
            line_color: c(1),
            ..Scatter::default()
        },
    );
    let lines = doc.add(GeoJSONDataSource::new(GEOJSON));
    plot.multi_line(
        doc,
        lines,
        MultiLine {
            line_color: c(2),
            line_width: 3.0.into(),
            ..MultiLine::default()
        },
    );
    doc.add_root(plot.any());
}

fn graph(doc: &mut Document) {
    let plot = figure(doc, args((0.0, 10.0).into(), (0.0, 10.0).into()));
    let nodes = source(doc, vec![("index", nums(&[0.0, 1.0, 2.0, 3.0]))]);
    let edges = source(
        doc,
        vec![
            ("start", nums(&[0.0, 0.0, 1.0])),
            ("end", nums(&[1.0, 2.0, 3.0])),
        ],
    );
    let at = |i, x, y| (NodeKey::Int(i), (x, y));
    let layout = GraphLayout(vec![
        at(0, 2.0, 2.0),
        at(1, 8.0, 2.0),
        at(2, 2.0, 8.0),
        at(3, 8.0, 8.0),
    ]);
    let node = Scatter {
        size: 30.0.into(),
        fill_color: c(0),
        line_color: c(0),
        ..Scatter::default()
    };
    let edge = MultiLine {
        line_color: c(1),
        line_width: 3.0.into(),
        ..MultiLine::default()
    };
    plot.graph(doc, (nodes, node), (edges, edge), layout);
    doc.add_root(plot.any());
}

/// Builds one comparison document.
pub type Build = fn(&mut Document);

/// Every comparison document, by name.
pub const DOCS: &[(&str, Build)] = &[
    ("markers1", markers1),
    ("markers2", markers2),
    ("markers3", markers3),
    ("markers4", markers4),
    ("bars", bars),
    ("hatches", hatches),
    ("lines", lines),
    ("areas", areas),
    ("radial", radial),
    ("curves", curves),
    ("geojson", geojson),
    ("graph", graph),
    ("images", images),
    ("categorical", categorical),
    ("log_axis", log_axis),
    ("datetime_axis", datetime_axis),
    ("legend", legend),
    ("annotations", annotations),
    ("customjs", customjs),
];

/// The comparison documents as apps: "compare-<name>".
pub fn apps() -> Vec<App> {
    DOCS.iter()
        .map(|&(name, build)| {
            App::new(format!("compare-{name}"), move |doc: &mut Document| {
                build(doc);
                doc.set_title(name);
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_builds_and_draws_something() {
        for (name, build) in DOCS {
            let mut doc = Document::new();
            build(&mut doc);
            assert_eq!(doc.roots().len(), 1, "{name}");
        }
    }
}
