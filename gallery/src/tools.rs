//! A figure to explore with Bokeh's select tools: ten points on a diagonal over fixed
//! ranges, box select active, lasso select, tap, poly select, crosshair, hover (with
//! tooltips), pan, wheel zoom, zoom in and out buttons, reset and save in its toolbar; a
//! point hovered is drawn in firebrick (its renderer's hover glyph, as Python's
//! `hover_color="firebrick"` makes it). The browser tests select points with the mouse
//! and read the selection back. And two such plots in a gridplot, for its one toolbar.

use rokeh::models::{gridplot, ColumnDataSource, GlyphRenderer, Scatter, Tooltips};
use rokeh::plotting::{figure, Active, FigureArgs, RangeArg};
use rokeh::Document;

/// How many points: at (1, 1), (2, 2), … (POINTS, POINTS).
pub const TOOL_POINTS: usize = 10;

pub fn tools(doc: &mut Document) {
    let x: Vec<f64> = (1..=TOOL_POINTS).map(|i| i as f64).collect();
    let source = doc.add(ColumnDataSource::new([("x", x.clone()), ("y", x)]));
    let plot = figure(
        doc,
        FigureArgs {
            title: "select".into(),
            width: 400,
            // Room beside the frame for all fourteen tools and the logo: a 400 px plot
            // puts the last few in the toolbar's overflow menu, as BokehJS does.
            height: 540,
            x_range: RangeArg::Fixed(0.0, (TOOL_POINTS + 1) as f64),
            y_range: RangeArg::Fixed(0.0, (TOOL_POINTS + 1) as f64),
            tools:
                "pan,wheel_zoom,zoom_in,zoom_out,box_select,lasso_select,tap,poly_select,crosshair,hover,undo,redo,reset,save"
                    .into(),
            tooltips: Some(Tooltips::rows([
                ("point", "$index"),
                ("x", "@x{0.0}"),
                ("y", "@y"),
            ])),
            active_drag: Active::from("box_select"),
            ..FigureArgs::default()
        },
    );
    let scatter = || Scatter {
        size: 12.0.into(),
        ..Scatter::default()
    };
    let renderer = plot.scatter(doc, source, scatter());
    let hover = doc.add(Scatter {
        fill_color: "firebrick".into(),
        line_color: "firebrick".into(),
        ..scatter()
    });
    doc.set(renderer, GlyphRenderer::HOVER_GLYPH, Some(hover.any()))
        .expect("a Scatter is a glyph");
    doc.add_root(plot);
    doc.set_title("Tools");
}

/// Two plots of the same points side by side in a `gridplot`, each over ranges of its
/// own, with one toolbar for both (pan, box zoom, save and reset merged): the browser tests
/// drive the grid's toolbar, drag in either plot and save the grid.
pub fn grid_tools(doc: &mut Document) {
    let x: Vec<f64> = (1..=TOOL_POINTS).map(|i| i as f64).collect();
    let source = doc.add(ColumnDataSource::new([("x", x.clone()), ("y", x)]));
    let plot = |doc: &mut Document, title: &str| {
        let edge = (TOOL_POINTS + 1) as f64;
        let plot = figure(
            doc,
            FigureArgs {
                title: title.into(),
                width: 300,
                height: 300,
                x_range: RangeArg::Fixed(0.0, edge),
                y_range: RangeArg::Fixed(0.0, edge),
                tools: "pan,box_zoom,save,reset".into(),
                ..FigureArgs::default()
            },
        );
        plot.scatter(doc, source, Scatter::default());
        Some(plot.any())
    };
    let row = vec![plot(doc, "left"), plot(doc, "right")];
    let grid = gridplot(doc, [row]);
    doc.add_root(grid);
    doc.set_title("Grid tools");
}
