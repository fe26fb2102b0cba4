//! Bokeh's "crossfilter" demo: the Auto MPG cars plotted by any two columns, sized and
//! coloured by others; each choice rebuilds the figure and swaps it into the layout.

use std::collections::BTreeSet;
use std::f64::consts::PI;

use rokeh::core::{Spec, Value};
use rokeh::document::{CallbackResult, Document, DocumentError as Error, Id, Theme};
use rokeh::models::{column, palettes::palette, row, Figure, Row, Scatter, Select};
use rokeh::models::{Column, ColumnDataSource};
use rokeh::plotting::{figure, FigureArgs, RangeArg};

use crate::data::{self, AutoMpg};

/// The app's data file, for `App::with_files`.
pub const AUTOMPG_FILE: &str = data::data_path!("autompg.json.gz");
const COLUMNS: &str = "accel cyl displ hp mfr mpg origin weight yr";
const DISCRETE: [&str; 4] = ["cyl", "mfr", "origin", "yr"];
const SIZES: [f64; 6] = [6.0, 9.0, 12.0, 15.0, 18.0, 21.0];

/// A column as the example's DataFrame has it: `cyl` and `yr` made strings.
type Col = Result<Vec<f64>, Vec<String>>;

fn values(df: &AutoMpg, name: &str) -> Col {
    let ints = |v: &Vec<f64>| Err(v.iter().map(|x| format!("{x}")).collect());
    match name {
        "accel" => Ok(df.accel.clone()),
        "displ" => Ok(df.displ.clone()),
        "hp" => Ok(df.hp.clone()),
        "mpg" => Ok(df.mpg.clone()),
        "weight" => Ok(df.weight.clone()),
        "cyl" => ints(&df.cyl),
        "yr" => ints(&df.yr),
        "origin" => Err(df.origin.clone()),
        _ => Err(df.mfr.clone()),
    }
}

/// Each value's group: `pd.qcut(values, n, duplicates="drop")` when there are more than
/// `n` distinct values, else `pd.Categorical(values)` (sorted distinct values).
fn groups(values: &[f64], n: usize) -> Vec<usize> {
    let mut distinct = values.to_vec();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    if distinct.len() <= n {
        return values
            .iter()
            .map(|v| distinct.partition_point(|d| d < v))
            .collect();
    }
    let all = rokeh::np::Array::from(values.to_vec());
    let mut edges: Vec<f64> = (0..=n).map(|i| all.quantile(i as f64 / n as f64)).collect();
    edges.dedup();
    // Bins are (a, b], the first one closed on the left too.
    let bin = |v: &f64| edges[1..].partition_point(|e| e < v).min(edges.len() - 2);
    values.iter().map(bin).collect()
}

fn create_figure(
    doc: &mut Document,
    df: &AutoMpg,
    choice: [String; 4],
) -> Result<Id<Figure>, Error> {
    let [x, y, size, color] = choice;
    let title = |s: &str| s[..1].to_uppercase() + &s[1..];
    let (xs, ys) = (values(df, &x), values(df, &y));
    let factors = |v: &Col| match v {
        Ok(_) => RangeArg::Auto,
        Err(v) => RangeArg::from_iter(v.iter().cloned().collect::<BTreeSet<_>>()),
    };
    let args = FigureArgs {
        height: 600,
        width: 800,
        tools: "pan,box_zoom,hover,reset".into(),
        x_range: factors(&xs),
        y_range: factors(&ys),
        title: format!("{} vs {}", title(&x), title(&y)),
        x_axis_label: Some(title(&x)),
        y_axis_label: Some(title(&y)),
        ..FigureArgs::default()
    };
    let p = figure(doc, args);
    if DISCRETE.contains(&x.as_str()) {
        doc.set_each(p.xaxis(doc), "major_label_orientation", PI / 4.0)?;
    }
    let grouped = |name: &str, n| groups(&values(df, name).unwrap_or_default(), n).into_iter();
    let sz: Vec<f64> = match size.as_str() {
        "None" => vec![9.0; df.mpg.len()],
        name => grouped(name, 6).map(|g| SIZES[g]).collect(),
    };
    let spectral5 = palette("Spectral5").expect("Bokeh's");
    let c: Vec<String> = match color.as_str() {
        "None" => vec!["#31AADE".into(); df.mpg.len()],
        name => grouped(name, 5).map(|g| spectral5[g].0.clone()).collect(),
    };
    let col = |v: Col| v.map_or_else(Value::from, Value::from);
    let source = doc.add(ColumnDataSource {
        data: [
            ("x", col(xs)),
            ("y", col(ys)),
            ("size", sz.into()),
            ("color", c.into()),
        ]
        .into(),
    });
    let dots = Scatter {
        size: Spec::field("size"),
        fill_color: Spec::field("color"),
        line_color: "white".into(),
        fill_alpha: 0.6.into(),
        line_alpha: 0.6.into(),
        ..Scatter::default()
    };
    p.scatter(doc, source, dots)
        .hover_visuals(doc, Some("white"), Some(0.5));
    Ok(p)
}

pub fn crossfilter(doc: &mut Document) -> CallbackResult {
    let df = data::autompg();
    let theme = Theme::from_json(include_str!("crossfilter.theme.json"));
    doc.set_theme(theme.expect("the app's theme.json"))?;
    let continuous = COLUMNS.split(' ').filter(|c| !DISCRETE.contains(c));
    let sized: Vec<&str> = ["None"].into_iter().chain(continuous).collect();
    let x = doc.add(Select::new("X-Axis", "mpg", COLUMNS.split(' ')));
    let y = doc.add(Select::new("Y-Axis", "hp", COLUMNS.split(' ')));
    let size = doc.add(Select::new("Size", "None", sized.clone()));
    let color = doc.add(Select::new("Color", "None", sized));
    let controls = column(doc, [x.any(), y.any(), color.any(), size.any()]);
    doc.set(controls, Column::WIDTH, Some(200))?;
    let text = |v: Value| v.as_str().unwrap_or("None").to_owned();
    let choice = move |doc: &Document| [x, y, size, color].map(|s| text(doc.get(s, Select::VALUE)));
    let first = create_figure(doc, &df, choice(doc))?;
    let layout = row(doc, [controls.any(), first.any()]);
    for select in [x, y, size, color] {
        let df = df.clone();
        doc.on_change(select, Select::VALUE, move |doc, _| {
            let p = create_figure(doc, &df, choice(doc))?;
            doc.set(layout, Row::CHILDREN, vec![controls.any(), p.any()])
        });
    }
    doc.add_root(layout);
    doc.set_title("Crossfilter");
    Ok(())
}
