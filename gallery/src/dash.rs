//! Bokeh's "dash" demo: a dashboard's four roots — a time series with a `RangeTool`
//! overview, a donut of countries, a bar chart of platforms and a table of cars — in
//! panels of its template ([`TEMPLATE`]) under a row of statistics. Bokeh's template is
//! Bootstrap's and Font Awesome's from their CDNs; this one is plain CSS, so that the page
//! fetches nothing else.

use std::f64::consts::PI;

use rokeh::core::{Date, Spec, Value};
use rokeh::document::{CallbackResult, Document};
use rokeh::models::palettes::palette;
use rokeh::models::{
    column, AnnularWedge, Column, ColumnDataSource, DataRange1d, DataTable, Figure, Grid, HBar,
    LayoutDom, Line, NumberFormatter, Place, SizingMode, StringFormatter, TableColumn, Tooltips,
};
use rokeh::plotting::{cumsum, figure, range_tool, AxisType, FigureArgs, RangeArg};

use crate::data;
use crate::STOCKS_FILE;

/// The app's data file (AAPL's closes), for `App::with_files`.
pub const DASH_FILES: [&str; 1] = [STOCKS_FILE];

/// The donut's countries and their counts, as the example's `Counter`.
const COUNTRIES: [(&str, f64); 11] = [
    ("United States", 157.0),
    ("United Kingdom", 93.0),
    ("Japan", 89.0),
    ("China", 63.0),
    ("Germany", 44.0),
    ("India", 42.0),
    ("Italy", 40.0),
    ("Australia", 35.0),
    ("Brazil", 32.0),
    ("France", 31.0),
    ("Taiwan", 31.0),
];

/// The bar chart's platforms and their shares.
const PLATFORMS: [(&str, f64); 5] = [
    ("IOS", 35.0),
    ("Android", 22.0),
    ("OSX", 13.0),
    ("Windows", 26.0),
    ("Other", 4.0),
];

/// A car of `autompg2`: manufacturer, model, displ, year, cyl, trans, drv, cty, hwy, fl,
/// class.
type Car = (
    &'static str,
    &'static str,
    f64,
    f64,
    f64,
    &'static str,
    &'static str,
    f64,
    f64,
    &'static str,
    &'static str,
);

/// `autompg2[:6]`, as bokeh-sampledata's loader writes them.
const CARS: [Car; 6] = [
    (
        "Audi", "A4", 1.8, 1999.0, 4.0, "auto(l5)", "front", 18.0, 29.0, "p", "compact",
    ),
    (
        "Audi",
        "A4",
        1.8,
        1999.0,
        4.0,
        "manual(m5)",
        "front",
        21.0,
        29.0,
        "p",
        "compact",
    ),
    (
        "Audi",
        "A4",
        2.0,
        2008.0,
        4.0,
        "manual(m6)",
        "front",
        20.0,
        31.0,
        "p",
        "compact",
    ),
    (
        "Audi", "A4", 2.0, 2008.0, 4.0, "auto(av)", "front", 21.0, 30.0, "p", "compact",
    ),
    (
        "Audi", "A4", 2.8, 1999.0, 6.0, "auto(l5)", "front", 16.0, 26.0, "p", "compact",
    ),
    (
        "Audi",
        "A4",
        2.8,
        1999.0,
        6.0,
        "manual(m5)",
        "front",
        18.0,
        26.0,
        "p",
        "compact",
    ),
];

/// The statistics over the panels (the example's `template_variables`): label, value and
/// change from last week in percent.
const STATS: [(&str, f64, f64); 5] = [
    ("Total Users", 11200.0, 4.0),
    ("New Users", 350.0, 1.2),
    ("Total Time", 5.6, -2.3),
    ("Total Sessions", 27300.0, 0.5),
    ("Average Sales", 8700.0, -0.2),
];

/// The page around the roots, as the example's `templates/index.html` lays it out.
pub fn template() -> String {
    let tiles: String = STATS
        .iter()
        .map(|(label, value, change)| {
            let (class, arrow) = if *change > 0.0 { ("up", "▲") } else { ("down", "▼") };
            format!(
                r#"<div class="tile"><span class="label">{label}</span><div class="count">{value}</div><span class="{class}">{arrow} {change}%</span> From last Week</div>"#
            )
        })
        .collect();
    format!(
        r#"<style>
.dash {{ font: 13px "Helvetica Neue", Roboto, Arial, sans-serif; color: #73879c; background: #f7f7f7; padding: 12px; }}
.dash .tiles, .dash .cards {{ display: grid; gap: 12px; margin-bottom: 12px; }}
.dash .tiles {{ grid-template-columns: repeat(5, 1fr); }}
.dash .cards {{ grid-template-columns: repeat(3, 1fr); }}
.dash .tile .count {{ font-size: 34px; font-weight: 600; color: #2a3f54; }}
.dash .up {{ color: #1abb9c; }} .dash .down {{ color: #e74c3c; }}
.dash .panel {{ background: white; border: 1px solid #e6e9ed; padding: 10px 17px; display: flex; flex-direction: column; overflow: hidden; }}
.dash .panel h2 {{ font-size: 18px; font-weight: 400; margin: 0 0 8px; padding-bottom: 6px; border-bottom: 2px solid #e6e9ed; }}
.dash .panel h2 small {{ font-size: 13px; color: #bab8b8; }}
.dash .panel > [data-rk-root] {{ flex: 1 1 auto; min-height: 0; }}
.dash .wide {{ height: 390px; }} .dash .card {{ height: 320px; }}
</style>
<div class="dash">
  <div class="tiles">{tiles}</div>
  <div class="panel wide"><h2>Network Activities <small>Traffic per day</small></h2>{{{{ embed(roots.line) }}}}</div>
  <div class="cards">
    <div class="panel card"><h2>By Region</h2>{{{{ embed(roots.region) }}}}</div>
    <div class="panel card"><h2>By Platform</h2>{{{{ embed(roots.platform) }}}}</div>
    <div class="panel card"><h2>Details</h2>{{{{ embed(roots.table) }}}}</div>
  </div>
</div>"#
    )
}

pub fn dash(doc: &mut Document) -> CallbackResult {
    time_series(doc)?;
    donut(doc)?;
    platforms(doc)?;
    table(doc);
    doc.set_title("Bokeh Dashboard");
    Ok(())
}

/// A grey background with white grid lines, as the example styles both time series.
fn grey(doc: &mut Document, p: rokeh::core::Id<Figure>) -> CallbackResult {
    doc.set(p, Figure::BACKGROUND_FILL_COLOR, Some("#f5f5f5".into()))?;
    let grids = p.grids(doc, 0).into_iter().chain(p.grids(doc, 1));
    doc.set_all(
        grids.collect::<Vec<_>>(),
        Grid::GRID_LINE_COLOR,
        Some("white".into()),
    )?;
    Ok(())
}

/// AAPL's closes, 1,000 days of them shown above an overview whose `RangeTool` box
/// moves and resizes what the plot above shows.
fn time_series(doc: &mut Document) -> CallbackResult {
    let stocks = data::stocks();
    let aapl = &stocks["AAPL"];
    let dates: Vec<f64> = aapl
        .date
        .iter()
        .map(|d| Date::parse(d).expect("ISO dates").to_datetime().0)
        .collect();
    let shown = (dates[1500], dates[2500]);
    let source = doc.add(ColumnDataSource::new([
        ("date", dates),
        ("close", aapl.close.clone()),
    ]));
    let p = figure(
        doc,
        FigureArgs {
            height: 180,
            tools: String::new(),
            toolbar_location: None,
            x_axis_type: AxisType::Datetime,
            x_range: shown.into(),
            y_axis_label: Some("Traffic".into()),
            ..FigureArgs::default()
        },
    );
    doc.set(p, Figure::SIZING_MODE, Some(SizingMode::StretchWidth))?;
    let line = Line {
        line_width: 2.0,
        line_alpha: 0.7,
        ..Line::new("date", "close")
    };
    p.line(doc, source, line);
    grey(doc, p)?;

    let overview_x = doc.add(DataRange1d {
        range_padding: 0.01,
        ..DataRange1d::default()
    });
    let y_range = doc.get(p, Figure::Y_RANGE).expect("a figure's y range");
    let select = figure(
        doc,
        FigureArgs {
            height: 90,
            width: 800,
            x_range: RangeArg::Shared(overview_x.any()),
            y_range: RangeArg::Shared(y_range),
            x_axis_type: AxisType::Datetime,
            y_axis_location: None,
            tools: String::new(),
            toolbar_location: None,
            ..FigureArgs::default()
        },
    );
    doc.set(select, Figure::SIZING_MODE, Some(SizingMode::StretchWidth))?;
    let tool = range_tool(doc, doc.get(p, Figure::X_RANGE), None);
    let overlay = doc
        .get(tool, rokeh::models::RangeTool::OVERLAY)
        .expect("range_tool gives an overlay");
    doc.set_attr(overlay, "fill_color", Value::str("navy"))?;
    doc.set_attr(overlay, "fill_alpha", Value::Float(0.2))?;
    select.line(doc, source, Line::new("date", "close"));
    select.add_tool(doc, tool);
    grey(doc, select)?;
    doc.set_all(select.grids(doc, 1), Grid::GRID_LINE_COLOR, None)?;

    let layout = column(doc, [p.any(), select.any()]);
    doc.set(layout, Column::SIZING_MODE, Some(SizingMode::StretchBoth))?;
    doc.set_attr(layout.any(), "name", Value::str("line"))?;
    doc.add_root(layout);
    Ok(())
}

/// The donut: each country's wedge from where the one before ends, coloured by
/// Spectral11, with a hover tooltip and a legend by country.
fn donut(doc: &mut Document) -> CallbackResult {
    let total: f64 = COUNTRIES.iter().map(|(_, n)| n).sum();
    let colors = palette("Spectral11").expect("Bokeh's Spectral11");
    let source = doc.add(ColumnDataSource::default());
    doc.set_columns(
        source,
        vec![
            (
                "country".into(),
                Value::List(COUNTRIES.iter().map(|&(c, _)| Value::str(c)).collect()),
            ),
            (
                "value".into(),
                COUNTRIES.iter().map(|(_, n)| *n).collect::<Vec<_>>().into(),
            ),
            (
                "angle".into(),
                COUNTRIES
                    .iter()
                    .map(|(_, n)| n / total * 2.0 * PI)
                    .collect::<Vec<_>>()
                    .into(),
            ),
            (
                "color".into(),
                Value::List(colors.iter().map(|c| Value::str(c.0.as_str())).collect()),
            ),
        ],
    )?;
    let region = figure(
        doc,
        FigureArgs {
            height: 350,
            toolbar_location: None,
            tools: "hover".into(),
            tooltips: Some(Tooltips::rows([
                ("country", "@country"),
                ("value", "@value"),
            ])),
            x_range: (-0.4, 1.0).into(),
            ..FigureArgs::default()
        },
    );
    doc.set(region, Figure::OUTLINE_LINE_COLOR, None)?;
    doc.set(region, Figure::SIZING_MODE, Some(SizingMode::ScaleBoth))?;
    doc.set_attr(region.any(), "name", Value::str("region"))?;
    let wedges = AnnularWedge {
        x: 0.0.into(),
        y: 1.0.into(),
        inner_radius: 0.2.into(),
        outer_radius: 0.32.into(),
        start_angle: cumsum(doc, "angle", true),
        end_angle: cumsum(doc, "angle", false),
        line_color: "white".into(),
        fill_color: Spec::field("color"),
        ..AnnularWedge::default()
    };
    let r = region.annular_wedge(doc, source, wedges);
    doc.set_attr(r.any(), "name", Value::str("test"))?;
    region.legend_group(doc, "country", r);
    let toolbar = doc.get(region, Figure::TOOLBAR).expect("a toolbar");
    doc.set_attr(toolbar, "active_drag", Value::Null)?;
    let axes: Vec<_> = region
        .xaxis(doc)
        .into_iter()
        .chain(region.yaxis(doc))
        .collect();
    doc.set_each(axes.clone(), "axis_label", Value::Null)?;
    doc.set_each(axes, "visible", Value::Bool(false))?;
    let grids = region.grids(doc, 0).into_iter().chain(region.grids(doc, 1));
    doc.set_all(grids.collect::<Vec<_>>(), Grid::GRID_LINE_COLOR, None)?;
    let legend = region.legend(doc).any();
    doc.set_attr(legend, "label_text_font_size", Value::str("0.7em"))?;
    doc.set_attr(legend, "spacing", Value::Int(1))?;
    doc.set_attr(legend, "glyph_height", Value::Int(15))?;
    doc.set_attr(legend, "label_height", Value::Int(15))?;
    doc.add_root(region);
    Ok(())
}

/// The platforms' bars, the first at the top, the axis above.
fn platforms(doc: &mut Document) -> CallbackResult {
    let names: Vec<&str> = PLATFORMS.iter().map(|(p, _)| *p).collect();
    let platform = figure(
        doc,
        FigureArgs {
            height: 350,
            toolbar_location: None,
            y_range: RangeArg::Factors(names.iter().rev().map(|&p| p.into()).collect()),
            x_axis_location: Some(Place::Above),
            ..FigureArgs::default()
        },
    );
    doc.set(platform, Figure::OUTLINE_LINE_COLOR, None)?;
    doc.set(platform, Figure::SIZING_MODE, Some(SizingMode::ScaleBoth))?;
    doc.set_attr(platform.any(), "name", Value::str("platform"))?;
    let toolbar = doc.get(platform, Figure::TOOLBAR).expect("a toolbar");
    doc.set_attr(toolbar, "active_drag", Value::Null)?;
    let x_range = doc.get(platform, Figure::X_RANGE).expect("an x range");
    doc.set_attr(x_range, "start", Value::Float(0.0))?;
    doc.set_all(platform.grids(doc, 1), Grid::GRID_LINE_COLOR, None)?;
    let axes: Vec<_> = platform
        .xaxis(doc)
        .into_iter()
        .chain(platform.yaxis(doc))
        .collect();
    doc.set_each(axes, "minor_tick_line_color", Value::Null)?;
    let source = doc.add(ColumnDataSource::default());
    doc.set_columns(
        source,
        vec![
            (
                "y".into(),
                Value::List(names.iter().map(|&p| Value::str(p)).collect()),
            ),
            (
                "right".into(),
                PLATFORMS.iter().map(|(_, v)| *v).collect::<Vec<_>>().into(),
            ),
        ],
    )?;
    let bars = HBar {
        left: 0.0.into(),
        height: 0.8.into(),
        ..HBar::default()
    };
    platform.hbar(doc, source, bars);
    doc.add_root(platform);
    Ok(())
}

/// The first six cars, three of their columns in a table.
fn table(doc: &mut Document) {
    let text =
        |f: fn(&Car) -> &'static str| Value::List(CARS.iter().map(|c| Value::str(f(c))).collect());
    let number = |f: fn(&Car) -> f64| Value::from(CARS.iter().map(f).collect::<Vec<_>>());
    let columns: Vec<(String, Value)> = vec![
        (
            "index".into(),
            Value::from((0..CARS.len()).map(|i| i as f64).collect::<Vec<_>>()),
        ),
        ("manufacturer".into(), text(|c| c.0)),
        ("model".into(), text(|c| c.1)),
        ("displ".into(), number(|c| c.2)),
        ("year".into(), number(|c| c.3)),
        ("cyl".into(), number(|c| c.4)),
        ("trans".into(), text(|c| c.5)),
        ("drv".into(), text(|c| c.6)),
        ("cty".into(), number(|c| c.7)),
        ("hwy".into(), number(|c| c.8)),
        ("fl".into(), text(|c| c.9)),
        ("class".into(), text(|c| c.10)),
    ];
    let source = doc.add(ColumnDataSource::default());
    doc.set_columns(source, columns)
        .expect("columns of six rows each");
    let centred = doc.add(StringFormatter::default());
    doc.set_attr(centred.any(), "text_align", Value::str("center"))
        .expect("a formatter aligns its text");
    let right = doc.add(NumberFormatter::default());
    doc.set_attr(right.any(), "text_align", Value::str("right"))
        .expect("a formatter aligns its text");
    let columns = vec![
        doc.add(TableColumn::new("cyl", "Counts")),
        doc.add(TableColumn {
            formatter: Some(centred.any()),
            ..TableColumn::new("cty", "Uniques")
        }),
        doc.add(TableColumn {
            formatter: Some(right.any()),
            ..TableColumn::new("hwy", "Rating")
        }),
    ];
    let table = doc.add(DataTable {
        source: Some(source.into()),
        columns,
        height: Some(210),
        width: Some(330),
        ..DataTable::default()
    });
    doc.set_attr(table.any(), "name", Value::str("table"))
        .expect("a table has a name");
    doc.set(
        table,
        DataTable::SIZING_MODE,
        Some(SizingMode::StretchWidth),
    )
    .expect("a table has a sizing mode");
    doc.add_root(table);
}
