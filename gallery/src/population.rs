//! Bokeh's "population" demo: a location's population pyramid in a chosen year (men to
//! the left by a `CustomJSTransform`, as the example's), and its total population year
//! by year, known to 2010 and predicted after.

use std::f64::consts::PI;

use rokeh::core::{Dict, Id, Spec, Value};
use rokeh::document::{CallbackResult, Document};
use rokeh::models::{
    column, row, Column, ColumnDataSource, CustomJSTickFormatter, CustomJSTransform, DataRange1d,
    Grid, HBar, Line, Select,
};
use rokeh::plotting::{factor_cmap, figure, transform, FigureArgs, RangeArg};

use crate::data::{self, data_path};

/// The app's data file, for `App::with_files`.
pub const POPULATION_FILE: &str = data_path!("population.json.gz");

/// Men's bars point left: the example's `gender_transform`, run by the page.
const GENDER: &str = "
    const val = new Float64Array(xs.length)
    for (let i = 0; i < xs.length; i++) {
        if (source.data['Sex'][i] == 'Male')
            val[i] = -xs[i]
        else
            val[i] = xs[i]
    }
    return val
";

/// The last year counted: the known line ends there and the predicted one starts.
const KNOWN_UNTIL: i64 = 2010;

pub fn population(doc: &mut Document) -> CallbackResult {
    let people = data::population();
    let ages = doc.add(ColumnDataSource::default());
    let gender = doc.add(CustomJSTransform {
        args: Dict(vec![("source".into(), ages.into())]),
        v_func: GENDER.into(),
        ..CustomJSTransform::default()
    });
    let groups = people.ages.iter().map(|a| a.as_str().into()).collect();
    let pyramid = figure(
        doc,
        FigureArgs {
            width: 600,
            height: 500,
            toolbar_location: None,
            y_range: RangeArg::Factors(groups),
            title: "Population Breakdown by Age Group and Gender".into(),
            x_axis_label: Some("Population (Millions)".into()),
            y_axis_label: Some("Age Group".into()),
            ..FigureArgs::default()
        },
    );
    let colors = factor_cmap(
        doc,
        "Sex",
        vec!["#3B8686".into(), "#CFF09E".into()],
        vec!["Male".into(), "Female".into()],
    );
    let bars = HBar {
        y: Spec::field("AgeGrp"),
        height: 1.0.into(),
        right: transform(doc, "Value", gender),
        fill_color: colors,
        line_color: "white".into(),
        ..HBar::default()
    };
    let renderer = pyramid.hbar(doc, ages, bars);
    pyramid.legend_field(doc, "Sex", renderer);
    doc.set_all(pyramid.grids(doc, 1), Grid::GRID_LINE_COLOR, None)?;
    set_formatter(
        doc,
        pyramid.xaxis(doc),
        "return (Math.abs(tick) / 1e6) + \" M\"",
    )?;

    let known = doc.add(ColumnDataSource::new([
        ("x", Vec::<f64>::new()),
        ("y", Vec::new()),
    ]));
    let predicted = doc.add(ColumnDataSource::new([
        ("x", Vec::<f64>::new()),
        ("y", Vec::new()),
    ]));
    let x_range = doc.add(DataRange1d {
        end: Some(2150.0),
        ..DataRange1d::default()
    });
    let totals = figure(
        doc,
        FigureArgs {
            width: 600,
            height: 180,
            toolbar_location: None,
            x_range: RangeArg::Shared(x_range.any()),
            title: "Total Population by Year".into(),
            x_axis_label: Some("Year".into()),
            y_axis_label: Some("Population".into()),
            ..FigureArgs::default()
        },
    );
    let line = |dash: &str| Line {
        line_color: Some("violet".into()),
        line_width: 2.0,
        line_dash: dash.into(),
        ..Line::new("x", "y")
    };
    let r = totals.line(doc, known, line("solid"));
    totals.legend_label(doc, "known", r);
    let r = totals.line(doc, predicted, line("dashed"));
    totals.legend_label(doc, "predicted", r);
    doc.set_each(totals.xaxis(doc), "major_label_orientation", PI / 4.0)?;
    doc.set_all(totals.grids(doc, 0), Grid::GRID_LINE_COLOR, None)?;
    let legend = totals.legend(doc);
    doc.set_attr(legend.any(), "location", Value::str("center_right"))?;
    doc.set_each(totals.yaxis(doc), "minor_tick_line_color", Value::Null)?;
    set_formatter(
        doc,
        totals.yaxis(doc),
        "return (Math.abs(tick) / 1e9) + \" B\"",
    )?;

    let years = people.years.iter().map(i64::to_string);
    let year = doc.add(Select::new("Year:", "2010", years));
    let locations = people.locations.iter().map(String::as_str);
    let location = doc.add(Select::new("Location:", "World", locations));
    let view = View {
        ages,
        known,
        predicted,
        year,
        location,
    };
    doc.on_change(year, Select::VALUE, move |doc, _| view.update(doc));
    doc.on_change(location, Select::VALUE, move |doc, _| view.update(doc));
    view.update(doc)?;

    let controls = column(doc, [year.any(), location.any()]);
    doc.set(controls, Column::WIDTH, Some(300))?;
    let plots = column(doc, [pyramid.any(), totals.any()]);
    let layout = row(doc, [plots.any(), controls.any()]);
    doc.add_root(layout);
    Ok(())
}

/// The axes' tick labels written by JavaScript `code`, as the example's
/// `CustomJSTickFormatter`s.
fn set_formatter(doc: &mut Document, axes: Vec<rokeh::core::AnyId>, code: &str) -> CallbackResult {
    let formatter = doc.add(CustomJSTickFormatter {
        code: code.into(),
        ..CustomJSTickFormatter::default()
    });
    doc.set_each(axes, "formatter", doc.reference(formatter))
}

/// What the example's `update` reads and writes.
#[derive(Clone, Copy)]
struct View {
    ages: Id<ColumnDataSource>,
    known: Id<ColumnDataSource>,
    predicted: Id<ColumnDataSource>,
    year: Id<Select>,
    location: Id<Select>,
}

impl View {
    /// The chosen location's pyramid in the chosen year, and its totals.
    fn update(self, doc: &mut Document) -> CallbackResult {
        let people = data::population();
        let chosen = |select| doc.get(select, Select::VALUE).as_str().map(str::to_owned);
        let at = chosen(self.location).and_then(|l| people.locations.iter().position(|p| *p == l));
        let year = chosen(self.year).and_then(|y| y.parse::<i64>().ok());
        let when = year.and_then(|y| people.years.iter().position(|p| *p == y));
        let (Some(at), Some(when)) = (at, when) else {
            return Ok(());
        };
        let (mut groups, mut sexes, mut values) = (Vec::new(), Vec::new(), Vec::new());
        for (sex, sex_name) in people.sexes.iter().enumerate() {
            for (age, group) in people.ages.iter().enumerate() {
                groups.push(Value::str(group.as_str()));
                sexes.push(Value::str(sex_name.as_str()));
                values.push(people.people(at, sex, age, when));
            }
        }
        doc.set_columns(
            self.ages,
            vec![
                ("AgeGrp".into(), Value::List(groups)),
                ("Sex".into(), Value::List(sexes)),
                ("Value".into(), values.into()),
            ],
        )?;
        let total = |y: usize| -> f64 {
            let (sexes, ages) = (people.sexes.len(), people.ages.len());
            (0..sexes)
                .flat_map(|s| (0..ages).map(move |a| (s, a)))
                .map(|(s, a)| people.people(at, s, a, y))
                .sum()
        };
        let series = |keep: &dyn Fn(i64) -> bool| {
            let years: Vec<usize> = (0..people.years.len())
                .filter(|&y| keep(people.years[y]))
                .collect();
            vec![
                (
                    "x".into(),
                    Value::from(
                        years
                            .iter()
                            .map(|&y| people.years[y] as f64)
                            .collect::<Vec<_>>(),
                    ),
                ),
                (
                    "y".into(),
                    Value::from(years.iter().map(|&y| total(y)).collect::<Vec<_>>()),
                ),
            ]
        };
        doc.set_columns(self.known, series(&|y| y <= KNOWN_UNTIL))?;
        doc.set_columns(self.predicted, series(&|y| y >= KNOWN_UNTIL))
    }
}
