//! Bokeh's "weather" demo: a year of daily record, average and actual temperatures at
//! one of three cities, as quads on a datetime axis, shown as they were or smoothed
//! (scipy's Savitzky–Golay filter, written here).

use rokeh::core::{Spec, Value, DAY_MS};
use rokeh::document::{CallbackResult, Document};
use rokeh::models::palettes::palette;
use rokeh::models::{column, row, ColumnDataSource, DataRange1d, Quad, Select, Title};
use rokeh::plotting::{figure, AxisType, FigureArgs, GlyphVisuals, RangeArg};

use crate::data::{self, data_path};

/// The app's data file, for `App::with_files`.
pub const WEATHER_FILE: &str = data_path!("weather_2015.csv");

/// The select's cities: their airport in the file and their title.
const CITIES: [(&str, &str, &str); 3] = [
    ("Austin", "AUS", "Austin, TX"),
    ("Boston", "BOS", "Boston, MA"),
    ("Seattle", "SEA", "Seattle, WA"),
];

/// The example's smoothing: `savgol_filter(column, 51, 3)`.
const WINDOW: usize = 51;
const ORDER: usize = 3;

/// One city's columns as the example's `get_dataset` makes them: its days in order, each
/// day's bar from half a day before to half a day after, smoothed or as they were.
pub fn dataset(airport: &str, smoothed: bool) -> Vec<(String, Value)> {
    let weather = data::weather();
    let mut rows: Vec<usize> = (0..weather.airport.len())
        .filter(|&i| weather.airport[i] == airport)
        .collect();
    rows.sort_by(|&a, &b| weather.date[a].total_cmp(&weather.date[b]));
    let pick = |column: &[f64]| rows.iter().map(|&i| column[i]).collect::<Vec<_>>();
    let date = pick(&weather.date);
    let shifted = |by: f64| date.iter().map(|d| d + by).collect::<Vec<_>>();
    let mut columns = vec![
        ("left".to_owned(), Value::from(shifted(-DAY_MS / 2.0))),
        ("right".to_owned(), Value::from(shifted(DAY_MS / 2.0))),
    ];
    for (name, values) in &weather.temperatures {
        let values = match smoothed {
            true => savgol(&pick(values), WINDOW, ORDER),
            false => pick(values),
        };
        columns.push((name.clone(), values.into()));
    }
    columns.push(("date".to_owned(), date.into()));
    columns
}

/// scipy's `savgol_filter(y, window, order)` in its default `interp` mode: each point is
/// the value at its centre of the least-squares polynomial of degree `order` through the
/// `window` points around it; the first and last `window / 2` points are read off the
/// polynomial through the first (last) `window` points. Shorter input is returned as is.
pub fn savgol(y: &[f64], window: usize, order: usize) -> Vec<f64> {
    let half = window / 2;
    if y.len() < window || window <= order {
        return y.to_vec();
    }
    let mut out = vec![0.0; y.len()];
    for i in half..y.len() - half {
        out[i] = fit(&y[i - half..=i + half], order)[0];
    }
    let last = y.len() - window;
    for (start, edge) in [(0, 0..half), (last, last + half + 1..y.len())] {
        let c = fit(&y[start..start + window], order);
        for i in edge {
            let u = (i - start) as f64 / half as f64 - 1.0;
            out[i] = c.iter().rev().fold(0.0, |acc, c| acc * u + c);
        }
    }
    out
}

/// The least-squares polynomial of degree `order` through `y` at u = -1..=1 (evenly
/// spaced: centred and scaled so that the normal equations stay well conditioned), its
/// coefficients lowest power first.
fn fit(y: &[f64], order: usize) -> Vec<f64> {
    let n = order + 1;
    let half = (y.len() / 2) as f64;
    // The normal equations [AᵀA | Aᵀy], A's rows the powers of each u.
    let mut m = vec![vec![0.0; n + 1]; n];
    for (i, &yi) in y.iter().enumerate() {
        let u = i as f64 / half - 1.0;
        let powers: Vec<f64> = (0..2 * n)
            .scan(1.0, |p, _| Some(std::mem::replace(p, *p * u)))
            .collect();
        for (r, row) in m.iter_mut().enumerate() {
            for (c, cell) in row.iter_mut().take(n).enumerate() {
                *cell += powers[r + c];
            }
            row[n] += powers[r] * yi;
        }
    }
    // Gaussian elimination with partial pivoting.
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&a, &b| m[a][col].abs().total_cmp(&m[b][col].abs()))
            .expect("a column below the diagonal");
        m.swap(col, pivot);
        let (above, below) = m.split_at_mut(col + 1);
        let pivot = &above[col];
        for row in below {
            let f = row[col] / pivot[col];
            for (cell, p) in row.iter_mut().zip(pivot).skip(col) {
                *cell -= f * p;
            }
        }
    }
    let mut c = vec![0.0; n];
    for r in (0..n).rev() {
        let known: f64 = (r + 1..n).map(|k| m[r][k] * c[k]).sum();
        c[r] = (m[r][n] - known) / m[r][r];
    }
    c
}

pub fn weather(doc: &mut Document) -> CallbackResult {
    let (city, airport, title) = CITIES[0];
    let source = doc.add(ColumnDataSource::default());
    doc.set_columns(source, dataset(airport, false))?;
    let x_range = doc.add(DataRange1d {
        range_padding: 0.0,
        ..DataRange1d::default()
    });
    let plot = figure(
        doc,
        FigureArgs {
            title: format!("Weather data for {title}"),
            width: 800,
            x_axis_type: AxisType::Datetime,
            x_range: RangeArg::Shared(x_range.any()),
            y_axis_label: Some("Temperature (F)".into()),
            tools: String::new(),
            toolbar_location: None,
            ..FigureArgs::default()
        },
    );
    let blues = palette("Blues4").expect("Bokeh's Blues4");
    let bars = |bottom: &str, top: &str| Quad {
        bottom: Spec::field(bottom),
        top: Spec::field(top),
        ..Quad::default()
    };
    let record = bars("record_min_temp", "record_max_temp").color(&blues[2].0);
    let average = bars("average_min_temp", "average_max_temp").color(&blues[1].0);
    let actual = bars("actual_min_temp", "actual_max_temp")
        .color(&blues[0].0)
        .alpha(0.5)
        .line_color("black");
    for (label, quad) in [("Record", record), ("Average", average), ("Actual", actual)] {
        let renderer = plot.quad(doc, source, quad);
        plot.legend_label(doc, label, renderer);
    }
    for axis in plot.xaxis(doc).into_iter().chain(plot.yaxis(doc)) {
        doc.set_attr(axis, "axis_label_text_font_style", Value::str("bold"))?;
    }
    for grid in plot.grids(doc, 0).into_iter().chain(plot.grids(doc, 1)) {
        doc.set_attr(grid.any(), "grid_line_alpha", 0.3.into())?;
    }

    let names = CITIES.map(|(name, ..)| name);
    let city_select = doc.add(Select::new("City", city, names));
    let distribution = doc.add(Select::new(
        "Distribution",
        "Discrete",
        ["Discrete", "Smoothed"],
    ));
    let update = move |doc: &mut Document, _: &_| {
        let chosen = doc.get(city_select, Select::VALUE);
        let city = CITIES
            .iter()
            .find(|(name, ..)| chosen.as_str() == Some(name));
        let Some(&(_, airport, title)) = city else {
            return Ok(());
        };
        doc.set(
            plot.title(doc),
            Title::TEXT,
            format!("Weather data for {title}"),
        )?;
        let smoothed = doc.get(distribution, Select::VALUE).as_str() == Some("Smoothed");
        doc.set_columns(source, dataset(airport, smoothed))
    };
    doc.on_change(city_select, Select::VALUE, update);
    doc.on_change(distribution, Select::VALUE, update);

    let controls = column(doc, [city_select.any(), distribution.any()]);
    let layout = row(doc, [plot.any(), controls.any()]);
    doc.add_root(layout);
    doc.set_title("Weather");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::savgol;

    #[test]
    fn a_cubic_comes_through_the_filter_unchanged_to_its_ends() {
        let cubic = |x: f64| 0.002 * x * x * x - 0.3 * x * x + 4.0 * x - 7.0;
        let y: Vec<f64> = (0..120).map(|i| cubic(i as f64)).collect();
        let smoothed = savgol(&y, 51, 3);
        for (i, (s, y)) in smoothed.iter().zip(&y).enumerate() {
            assert!(
                (s - y).abs() < 1e-8 * y.abs().max(1.0),
                "at {i}: {s} vs {y}"
            );
        }
        // Noise is not: a spike is spread over its window.
        let mut spiked = y.clone();
        spiked[60] += 100.0;
        let smoothed = savgol(&spiked, 51, 3);
        assert!((smoothed[60] - y[60] - 100.0).abs() > 50.0);
        assert!((smoothed[50] - y[50]).abs() > 0.1);
    }

    #[test]
    fn input_shorter_than_the_window_is_returned_as_it_is() {
        assert_eq!(savgol(&[1.0, 5.0, 2.0], 51, 3), [1.0, 5.0, 2.0]);
    }
}
