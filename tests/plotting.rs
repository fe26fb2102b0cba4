//! `rokeh::plotting` beyond what the Python comparisons check: the selection, nonselection
//! and hover visuals of a glyph method, `Line::new`, factor ranges from an iterator.

use rokeh::core::Value;
use rokeh::document::Document;
use rokeh::models::{ColumnDataSource, GlyphRenderer, Line, Scatter, TextLike, Title};
use rokeh::plotting::{figure, FigureArgs, RangeArg};

#[test]
fn selection_and_hover_visuals_copy_the_glyph_with_python_s_color_and_alpha() {
    let mut doc = Document::new();
    let p = figure(&mut doc, FigureArgs::default());
    let source = doc.add(ColumnDataSource::new([("x", vec![1.0]), ("y", vec![2.0])]));
    let r = p.scatter(&mut doc, source, Scatter::default());
    r.selection_visuals(&mut doc, Some("orange"), Some(0.5));
    r.nonselection_visuals(&mut doc, None, Some(0.1));
    r.hover_visuals(&mut doc, Some("white"), None);
    let glyph = |doc: &Document, role| {
        let value = doc.get_attr(r.any(), role).unwrap();
        let Value::Ref(id) = value else {
            panic!("{role} is {value:?}")
        };
        doc.lookup(&id).unwrap()
    };
    let visual = |doc: &Document, role, attr| {
        let value = doc.get_attr(glyph(doc, role), attr).unwrap();
        value.object_field("value").cloned().unwrap_or(value)
    };
    let blue = Value::str("#1f77b4");
    for attr in ["fill_color", "line_color", "hatch_color"] {
        assert_eq!(visual(&doc, "selection_glyph", attr), Value::str("orange"));
        assert_eq!(visual(&doc, "hover_glyph", attr), Value::str("white"));
    }
    for attr in ["fill_alpha", "line_alpha", "hatch_alpha"] {
        assert_eq!(visual(&doc, "selection_glyph", attr), Value::Float(0.5));
        assert_eq!(visual(&doc, "nonselection_glyph", attr), Value::Float(0.1));
    }
    // What is not given stays the glyph's.
    assert_eq!(visual(&doc, "nonselection_glyph", "fill_color"), blue);
    assert_eq!(visual(&doc, "hover_glyph", "fill_alpha"), Value::Float(1.0));
    let main = doc.get(r, GlyphRenderer::GLYPH);
    assert_eq!(
        visual(&doc, "glyph", "fill_color"),
        blue,
        "the glyph itself unchanged"
    );
    assert_ne!(main, glyph(&doc, "selection_glyph"));
}

#[test]
fn line_new_factor_ranges_and_the_title() {
    let line = Line::new("date", "close");
    assert_eq!(
        (line.x, line.y),
        (
            rokeh::core::Spec::field("date"),
            rokeh::core::Spec::field("close")
        )
    );
    let factors: RangeArg = ["b", "a"].into_iter().collect();
    assert_eq!(factors, RangeArg::from(vec!["b", "a"]));
    let mut doc = Document::new();
    let p = figure(
        &mut doc,
        FigureArgs {
            title: "t".into(),
            ..FigureArgs::default()
        },
    );
    assert_eq!(
        doc.get(p.title(&doc), Title::TEXT),
        TextLike::Plain("t".into())
    );
}

#[test]
fn a_glyph_given_a_color_keeps_it_even_when_it_is_the_model_s_default() {
    use rokeh::models::Segment;
    use rokeh::plotting::GlyphVisuals;
    let mut doc = Document::new();
    let p = figure(&mut doc, FigureArgs::default());
    let source = doc.add(ColumnDataSource::default());
    let line_color = |doc: &mut Document, glyph: rokeh::plotting::Styled<Segment>| {
        let r = p.segment(doc, source, glyph);
        let glyph = doc.get(r, GlyphRenderer::GLYPH);
        let value = doc.get_attr(glyph, "line_color").unwrap();
        value.object_field("value").cloned().unwrap_or(value)
    };
    let black = line_color(&mut doc, Segment::default().color("black"));
    assert_eq!(black, Value::str("black"));
    let left = line_color(&mut doc, Segment::default().into());
    assert_eq!(left, Value::str("#1f77b4"), "no colour given: the figure's");
    let faint = line_color(&mut doc, Segment::default().alpha(0.5));
    assert_eq!(
        faint,
        Value::str("#1f77b4"),
        "an alpha alone leaves the colour"
    );
}

#[test]
fn a_color_naming_a_column_of_the_source_is_that_column() {
    use rokeh::models::Scatter;
    use rokeh::plotting::GlyphVisuals;
    let mut doc = Document::new();
    let p = figure(&mut doc, FigureArgs::default());
    let colors = vec!["red".to_owned(), "blue".to_owned()];
    let source = doc.add(ColumnDataSource {
        data: rokeh::core::ColumnData(vec![
            ("x".into(), vec![1.0, 2.0].into()),
            ("y".into(), vec![1.0, 2.0].into()),
            ("shade".into(), colors.into()),
        ]),
    });
    let glyph_of = |doc: &mut Document, color: &str| {
        let r = p.scatter(doc, source, Scatter::default().color(color));
        doc.get(r, GlyphRenderer::GLYPH)
    };
    // As Python's `p.scatter(..., color="shade", source=source)`.
    let by_column = glyph_of(&mut doc, "shade");
    for attr in ["fill_color", "line_color", "hatch_color"] {
        assert_eq!(
            doc.get_attr(by_column, attr).unwrap(),
            Value::field("shade"),
            "{attr}"
        );
    }
    // A colour that names no column is a colour.
    let navy = glyph_of(&mut doc, "navy");
    let fill = doc.get_attr(navy, "fill_color").unwrap();
    assert_eq!(fill.object_field("value"), Some(&Value::str("navy")));
}

#[test]
fn contour_set_data_without_bands_empties_the_fill_source_colours_and_all_as_python_s() {
    use rokeh::plotting::{contour_data, ContourArgs, ContourColor, ContourData};
    let mut doc = Document::new();
    let p = figure(&mut doc, FigureArgs::default());
    let (x, y, z) = ([0.0, 1.0, 2.0], [0.0, 1.0], [0.0, 1.0, 2.0, 1.0, 2.0, 3.0]);
    let levels = [0.0, 1.0, 2.0, 3.0];
    let args = ContourArgs {
        fill_color: Some(ContourColor::Palette("Viridis".into())),
        line_color: Some(ContourColor::Same("black".into())),
        ..ContourArgs::default()
    };
    let contour = p.contour(&mut doc, (&x, &y, &z), &levels, args).unwrap();
    let fill = doc.get(contour, rokeh::models::ContourRenderer::FILL_RENDERER);
    let source = doc.get(fill, GlyphRenderer::DATA_SOURCE);
    assert!(
        doc.column(source, "fill_color").is_some(),
        "a colour per band"
    );
    let lines_only = ContourData {
        fill: None,
        ..contour_data((&x, &y, &z), &levels).unwrap()
    };
    contour.set_data(&mut doc, &lines_only).unwrap();
    assert!(doc.column(source, "fill_color").is_none());
    assert_eq!(doc.column(source, "xs"), Some(&Value::List(Vec::new())));
    // A grid of the wrong shape is refused, naming it.
    let err = contour_data((&x, &y, &z[..5]), &levels).unwrap_err();
    assert_eq!(err.to_string(), "z holds 5 values, not 3 x 2");
}
