//! Bokeh's "line_on_off" demo: three lines, each shown while its box of a CheckboxGroup
//! is ticked.

use std::f64::consts::PI;

use rokeh::document::{CallbackResult, Document};
use rokeh::models::palettes::palette;
use rokeh::models::{row, CheckboxGroup, ColumnDataSource, GlyphRenderer, LayoutDom, Line};
use rokeh::np;
use rokeh::plotting::{figure, FigureArgs, GlyphVisuals};

pub fn line_on_off(doc: &mut Document) -> CallbackResult {
    let p = figure(doc, FigureArgs::default());
    let x = np::linspace(0.0, 4.0 * PI, 100);
    let ys = [
        np::sin(x.clone()),
        4.0 * np::cos(x.clone()),
        x.clone().map(f64::tan),
    ];
    let colors = palette("Viridis3").expect("Bokeh's Viridis3");
    let mut lines = Vec::new();
    for (i, y) in ys.into_iter().enumerate() {
        let source = doc.add(ColumnDataSource::new([("x", x.clone()), ("y", y)]));
        let line = Line {
            line_width: 4.0,
            line_alpha: 0.7,
            ..Line::default()
        };
        let renderer = p.line(doc, source, line.color(&colors[i].0));
        p.legend_label(doc, &format!("Line {i}"), renderer);
        lines.push(renderer);
    }
    let checkbox = doc.add(CheckboxGroup {
        labels: ["Line 0", "Line 1", "Line 2"].map(String::from).to_vec(),
        active: vec![0, 1, 2],
        ..CheckboxGroup::default()
    });
    doc.set(checkbox, CheckboxGroup::WIDTH, Some(100))?;
    doc.on_change(checkbox, CheckboxGroup::ACTIVE, move |doc, _| {
        let active = doc.get(checkbox, CheckboxGroup::ACTIVE);
        for (i, line) in lines.iter().enumerate() {
            doc.set(*line, GlyphRenderer::VISIBLE, active.contains(&(i as i64)))?;
        }
        Ok(())
    });
    let layout = row(doc, [checkbox.any(), p.any()]);
    doc.add_root(layout);
    Ok(())
}
