//! Bokeh's "apply_theme" demo: a sine and a cosine under Bokeh's built-in
//! "dark_minimal" theme, named as Python names it.

use std::f64::consts::PI;

use rokeh::document::{CallbackResult, Document, Theme};
use rokeh::models::{ColumnDataSource, Line};
use rokeh::np;
use rokeh::plotting::{figure, FigureArgs, GlyphVisuals};

pub fn apply_theme(doc: &mut Document) -> CallbackResult {
    let p = figure(
        doc,
        FigureArgs {
            width: 800,
            ..FigureArgs::default()
        },
    );
    let x = np::arange(-PI, PI, PI / 16.0);
    for (label, y, color) in [
        ("sin", np::sin(x.clone()), "yellow"),
        ("cos", np::cos(x.clone()), "red"),
    ] {
        let source = doc.add(ColumnDataSource::new([("x", x.clone()), ("y", y)]));
        let line = Line {
            line_width: 4.0,
            line_alpha: 0.7,
            ..Line::default()
        };
        let renderer = p.line(doc, source, line.color(color));
        p.legend_label(doc, label, renderer);
    }
    doc.add_root(p);
    doc.set_theme(Theme::built_in("dark_minimal").expect("one of Bokeh's themes"))?;
    Ok(())
}
