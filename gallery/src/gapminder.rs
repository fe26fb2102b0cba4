//! Bokeh's "gapminder" demo: countries' fertility against life expectancy, bubbles sized
//! by population and coloured by region, one year at a time; a slider picks the year and
//! Play steps it every 200 ms.

use std::f64::consts::PI;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rokeh::core::{ColumnData, Spec};
use rokeh::document::{CallbackResult, Document, EventKind, PeriodicCallbackId, Theme};
use rokeh::models::{
    layout, palettes::palette, Button, ColumnDataSource, Label, LayoutDom, Scatter,
    SingleIntervalTicker, SizingMode, Slider, TextLike, Tooltips,
};
use rokeh::plotting::{factor_cmap, figure, FigureArgs};

use crate::data::{self, Gapminder};

/// The app's data file, for `App::with_files`.
pub const GAPMINDER_FILE: &str = data::data_path!("gapminder.json.gz");
const PLAY: &str = "► Play";
const PAUSE: &str = "❚❚ Pause";

/// Year `y`'s columns (the example's `data[year]`): bubble sizes from population as
/// `sqrt(population / pi) / 200`, at least 3.
fn year_data(g: &Gapminder, y: usize) -> ColumnData {
    let nan = |v: &Vec<Option<f64>>| v.iter().map(|x| x.unwrap_or(f64::NAN)).collect::<Vec<_>>();
    let size = |p: &Option<f64>| p.map_or(3.0, |p| ((p / PI).sqrt() / 200.0).max(3.0));
    let size: Vec<f64> = g.population[y].iter().map(size).collect();
    let region: Vec<String> = g
        .region
        .iter()
        .map(|r| r.clone().unwrap_or_default())
        .collect();
    ColumnData::from([
        ("Country", g.countries.clone().into()),
        ("fertility", nan(&g.fertility[y]).into()),
        ("life", nan(&g.life[y]).into()),
        ("population", size.into()),
        ("region", region.into()),
    ])
}

pub fn gapminder(doc: &mut Document) -> CallbackResult {
    let g = data::gapminder();
    let theme = Theme::from_json(include_str!("gapminder.theme.json"));
    doc.set_theme(theme.expect("the app's theme.json"))?;
    let (first, last) = (g.years[0] as f64, g.years[g.years.len() - 1] as f64);
    let source = doc.add(ColumnDataSource {
        data: year_data(&g, 0),
    });

    let plot = figure(
        doc,
        FigureArgs {
            x_range: (1.0, 9.0).into(),
            y_range: (20.0, 100.0).into(),
            title: "Gapminder Data".into(),
            height: 300,
            tooltips: Some(Tooltips::Template("@Country".into())),
            x_axis_label: Some("Children per woman (total fertility)".into()),
            y_axis_label: Some("Life expectancy at birth (years)".into()),
            ..FigureArgs::default()
        },
    );
    for (axes, interval) in [(plot.xaxis(doc), 1.0), (plot.yaxis(doc), 20.0)] {
        let ticker = doc.add(SingleIntervalTicker::new(interval));
        doc.set_each(axes, "ticker", doc.reference(ticker))?;
    }
    let label = doc.add(Label {
        text_font_size: "80px".into(),
        text_color: Some("#eeeeee".into()),
        ..Label::new(1.1, 22.0, &first.to_string())
    });
    plot.add_layout(doc, label.any());

    let regions = g.regions.iter().map(|r| r.as_str().into()).collect();
    let spectral6 = palette("Spectral6").expect("Bokeh's");
    let colors = factor_cmap(doc, "region", spectral6, regions);
    let bubbles = Scatter {
        x: Spec::field("fertility"),
        y: Spec::field("life"),
        size: Spec::field("population"),
        fill_color: colors,
        fill_alpha: 0.8.into(),
        line_color: "#7c7e71".into(),
        line_width: 0.5.into(),
        line_alpha: 0.5.into(),
        ..Scatter::default()
    };
    let renderer = plot.scatter(doc, source, bubbles);
    plot.legend_group(doc, "region", renderer);

    let slider = doc.add(Slider::new("Year", first, first, last, 1.0));
    let years = g.clone();
    doc.on_change(slider, Slider::VALUE, move |doc, change| {
        let year = change.new as i64;
        doc.set(label, Label::TEXT, TextLike::Plain(year.to_string()))?;
        let y = years.years.iter().position(|&x| x == year).unwrap_or(0);
        doc.set(source, ColumnDataSource::DATA, year_data(&years, y))
    });

    let button = doc.add(Button {
        label: PLAY.into(),
        ..Button::default()
    });
    doc.set(button, Button::WIDTH, Some(60))?;
    let playing: Arc<Mutex<Option<PeriodicCallbackId>>> = Arc::default();
    doc.on_event(button, EventKind::ButtonClick, move |doc, _| {
        let mut playing = playing.lock().unwrap_or_else(|e| e.into_inner());
        if doc.get(button, Button::LABEL) == PLAY {
            doc.set(button, Button::LABEL, PAUSE.to_owned())?;
            let animate = move |doc: &mut Document| {
                let year = doc.get(slider, Slider::VALUE) + 1.0;
                doc.set(
                    slider,
                    Slider::VALUE,
                    if year > last { first } else { year },
                )
            };
            *playing = Some(doc.add_periodic_callback(Duration::from_millis(200), animate));
        } else {
            doc.set(button, Button::LABEL, PLAY.to_owned())?;
            if let Some(id) = playing.take() {
                doc.remove_periodic_callback(id);
            }
        }
        Ok(())
    });

    let rows = [vec![plot.any()], vec![slider.any(), button.any()]];
    let layout = layout(doc, rows, SizingMode::ScaleWidth);
    doc.add_root(layout);
    doc.set_title("Gapminder");
    Ok(())
}
