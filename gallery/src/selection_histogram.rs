//! Bokeh's "selection_histogram" demo: a scatter of three normal samples with a histogram
//! of each axis beside it; selecting points splits each histogram into the selected and
//! the other points.

use std::f64::consts::PI;

use rokeh::core::{AnyId, Prop, Spec, Value};
use rokeh::document::{CallbackResult, Document, DocumentError, Id};
use rokeh::models::Selection;
use rokeh::models::{
    gridplot_with, ColumnDataSource, Figure, Grid, GridplotArgs, Place, Quad, Scatter,
};
use rokeh::np::{self, random::Rng, Array};
use rokeh::plotting::{figure, FigureArgs, GlyphVisuals, RangeArg};

const BLUE: &str = "#3A5785";

/// A histogram of `values` beside `p` (below it, or right of it when `vertical`): all
/// points in white, then two empty series for the selected and the other points. Returns
/// the plot, its edges and the two series' sources.
type Histogram = (Id<Figure>, Array, [Id<ColumnDataSource>; 2]);

fn histogram(
    doc: &mut Document,
    p: Id<Figure>,
    values: &Array,
    vertical: bool,
) -> Result<Histogram, DocumentError> {
    let (counts, edges) = np::histogram(values, 20);
    let max = counts.max() * 1.1;
    let shared = |key: Prop<Figure, Option<AnyId>>| RangeArg::Shared(doc.get(p, key).unwrap());
    let (x_range, y_range, width, height) = match vertical {
        false => (shared(Figure::X_RANGE), (-max, max).into(), 600, 200),
        true => ((-max, max).into(), shared(Figure::Y_RANGE), 200, 600),
    };
    let args = FigureArgs {
        width,
        height,
        x_range,
        y_range,
        toolbar_location: None,
        min_border: Some(10),
        y_axis_location: Some(Place::Right),
        background_fill_color: Some("#fafafa".into()),
        ..FigureArgs::default()
    };
    let ph = figure(doc, args);
    if !vertical {
        doc.set_attr(ph.any(), "min_border_left", 50.into())?;
    }
    let grids = ph.grids(doc, vertical as i64);
    doc.set_all(grids, Grid::GRID_LINE_COLOR, None)?;
    let axes = if vertical {
        ph.xaxis(doc)
    } else {
        ph.yaxis(doc)
    };
    doc.set_each(axes, "major_label_orientation", Value::Float(PI / 4.0))?;
    let zeros = np::zeros(counts.len());
    let (lo, hi) = (Array::from(&edges[..20]), Array::from(&edges[1..]));
    let mut sources = Vec::new();
    for (top, fill, alpha, line) in [
        (counts, "white", 1.0, Some(BLUE)),
        (zeros.clone(), BLUE, 0.5, None),
        (zeros.clone(), BLUE, 0.1, None),
    ] {
        let (left, right, bottom, top) = match vertical {
            true => (zeros.clone(), top, lo.clone(), hi.clone()),
            false => (lo.clone(), hi.clone(), zeros.clone(), top),
        };
        let columns = [
            ("left", left),
            ("right", right),
            ("bottom", bottom),
            ("top", top),
        ];
        let source = doc.add(ColumnDataSource::new(columns));
        let quad = Quad {
            fill_color: fill.into(),
            fill_alpha: alpha.into(),
            line_color: Spec::Value(line.map(Into::into)),
            line_alpha: alpha.into(),
            ..Quad::default()
        };
        ph.quad(doc, source, quad);
        sources.push(source);
    }
    Ok((ph, edges, [sources[1], sources[2]]))
}

pub fn selection_histogram(doc: &mut Document) -> CallbackResult {
    // Three normal population samples with different parameters.
    let mut rng = Rng::seed(0);
    let mut sample = |loc, n, scale: f64| rng.normal(loc, 1.0, n) * scale;
    let (x1, y1) = (sample(5.0, 400, 100.0), sample(10.0, 400, 10.0));
    let (x2, y2) = (sample(5.0, 800, 50.0), sample(5.0, 800, 10.0));
    let (x3, y3) = (sample(55.0, 200, 10.0), sample(4.0, 200, 10.0));
    let x = Array::from([&x1[..], &x2[..], &x3[..]].concat());
    let y = Array::from([&y1[..], &y2[..], &y3[..]].concat());

    let args = FigureArgs {
        min_border: Some(10),
        toolbar_location: Some(Place::Above),
        tools: "pan,wheel_zoom,box_select,lasso_select,reset".into(),
        x_axis_location: None,
        y_axis_location: None,
        title: "Linked Histograms".into(),
        background_fill_color: Some("#fafafa".into()),
        ..FigureArgs::default()
    };
    let p = figure(doc, args);
    doc.set_attr(p.any(), "min_border_left", 50.into())?;
    let points = doc.add(ColumnDataSource::new([("x", x.clone()), ("y", y.clone())]));
    let dots = Scatter {
        size: 3.0.into(),
        ..Scatter::default()
    };
    p.scatter(doc, points, dots.color(BLUE).alpha(0.6));
    let (ph, hedges, [hh1, hh2]) = histogram(doc, p, &x, false)?;
    let (pv, vedges, [vh1, vh2]) = histogram(doc, p, &y, true)?;
    let top = vec![Some(p.any()), Some(pv.any())];
    let apart = GridplotArgs {
        merge_tools: false,
        ..GridplotArgs::default()
    };
    let layout = gridplot_with(doc, [top, vec![Some(ph.any()), None]], apart);
    doc.add_root(layout);
    doc.set_title("Selection Histogram");

    let selected = points.selected(doc);
    doc.on_change(selected, Selection::INDICES, move |doc, change| {
        let inds: Vec<usize> = change.new.iter().map(|&i| i as usize).collect();
        let (hz, vz) = (np::zeros(20), np::zeros(20));
        let (mut h, mut v) = ([hz.clone(), hz], [vz.clone(), vz]);
        if !inds.is_empty() && inds.len() != x.len() {
            let mut neg_inds = vec![true; x.len()];
            inds.iter().for_each(|&i| neg_inds[i] = false);
            let hist = |a: &Array, edges| {
                [a.take(&inds), a.mask(&neg_inds)].map(|part| np::histogram_with(&part, edges))
            };
            (h, v) = (hist(&x, &hedges), hist(&y, &vedges));
        }
        let ([h1, h2], [v1, v2]) = (h, v);
        doc.set_column(hh1, "top", h1)?;
        doc.set_column(hh2, "top", -h2)?;
        doc.set_column(vh1, "right", v1)?;
        doc.set_column(vh2, "right", -v2)
    });
    Ok(())
}
