//! Bokeh's "movies" demo: an explorer of some 13,000 films, filtered by five sliders,
//! a genre, director and cast inputs, plotted on axes chosen with two Selects.

use rokeh::core::{ColumnData, Spec, Value};
use rokeh::document::{CallbackResult, Document};
use rokeh::models::Tooltips;
use rokeh::models::{
    column, row, Column, ColumnDataSource, Div, Figure, Row, Scatter, Select, SizingMode, Slider,
    TextInput, Title,
};
use rokeh::plotting::{figure, FigureArgs};

use crate::data::{self, Movies};

/// The app's data file, for `App::with_files`.
pub const MOVIES_FILE: &str = data::data_path!("movies.json.gz");
type Column64 = fn(&Movies) -> &Vec<f64>;
const AXES: [(&str, Column64); 6] = [
    ("Box Office (dollars)", |m| &m.boxoffice),
    ("Length (minutes)", |m| &m.runtime),
    ("Number of Reviews", |m| &m.reviews),
    ("Numeric Rating", |m| &m.numeric_rating),
    ("Tomato Meter", |m| &m.meter),
    ("Year", |m| &m.year),
];
const GENRES: &str = "All Action Adventure Animation Biography Comedy Crime Documentary Drama \
    Family Fantasy History Horror Music Musical Mystery Romance Sci-Fi Short Sport Thriller War Western";
const DESCRIPTION: &str = "<h1>An Interactive Explorer for Movie Data</h1>\
    <p>Interact with the widgets on the left to query a subset of movies to plot. \
    Hover over the circles to see more information about each movie.</p>\
    <p>Inspired by the <a href=\"https://shiny.rstudio.com/gallery/movie-explorer.html\">Shiny \
    Movie Explorer</a>. <i>(Information from Wikidata, via bokeh-sampledata)</i></p>";

pub fn movies(doc: &mut Document) -> CallbackResult {
    let movies = data::movies();
    let desc = doc.add(Div {
        text: DESCRIPTION.into(),
        ..Div::default()
    });
    let mut slider =
        |title, value, start, end, step| doc.add(Slider::new(title, value, start, end, step));
    let reviews = slider("Minimum number of reviews", 80.0, 10.0, 300.0, 10.0);
    let min_year = slider("Year released", 1970.0, 1940.0, 2014.0, 1.0);
    let max_year = slider("End Year released", 2014.0, 1940.0, 2014.0, 1.0);
    let oscars = slider("Minimum number of Oscar wins", 0.0, 0.0, 4.0, 1.0);
    let boxoffice = slider("Dollars at Box Office (millions)", 0.0, 0.0, 800.0, 1.0);
    let genre = doc.add(Select::new("Genre", "All", GENRES.split_whitespace()));
    let text = |title: &str| TextInput {
        title: title.into(),
        ..TextInput::default()
    };
    let director = doc.add(text("Director name contains"));
    let cast = doc.add(text("Cast names contains"));
    let names = AXES.map(|a| a.0);
    let x_axis = doc.add(Select::new("X Axis", "Tomato Meter", names));
    let y_axis = doc.add(Select::new("Y Axis", "Number of Reviews", names));

    let source = doc.add(ColumnDataSource::default());
    let args = FigureArgs {
        height: 600,
        toolbar_location: None,
        tooltips: Some(Tooltips::rows([
            ("Title", "@title"),
            ("Year", "@year"),
            ("$", "@revenue"),
        ])),
        ..FigureArgs::default()
    };
    let p = figure(doc, args);
    doc.set(p, Figure::SIZING_MODE, Some(SizingMode::StretchWidth))?;
    let glyph = Scatter {
        size: 7.0.into(),
        fill_color: Spec::field("color"),
        hatch_color: Spec::field("color"),
        line_color: Spec::Value(None),
        fill_alpha: Spec::field("alpha"),
        ..Scatter::default()
    };
    p.scatter(doc, source, glyph);

    // The example's select_movies and update, in one.
    let update = move |doc: &mut Document, m: &Movies| -> CallbackResult {
        let at_least = |s| doc.get(s, Slider::VALUE);
        let (genre, director) = (
            doc.get(genre, Select::VALUE),
            doc.get(director, TextInput::VALUE),
        );
        let (genre, director) = (genre.as_str().unwrap_or("All"), director.trim());
        let cast = doc.get(cast, TextInput::VALUE);
        let rows: Vec<usize> = (0..m.title.len())
            .filter(|&i| {
                m.reviews[i] >= at_least(reviews)
                    && m.boxoffice[i] >= at_least(boxoffice) * 1e6
                    && (at_least(min_year)..=at_least(max_year)).contains(&m.year[i])
                    && m.oscars[i] >= at_least(oscars)
                    && (genre == "All" || m.genre[i].contains(genre))
                    && m.director[i].contains(director)
                    && m.cast[i].contains(cast.trim())
            })
            .collect();
        let axis = |s| {
            AXES.into_iter()
                .find(|a| Value::str(a.0) == doc.get(s, Select::VALUE))
        };
        let ((x_label, x), (y_label, y)) = (axis(x_axis).unwrap(), axis(y_axis).unwrap());
        let pick = |col: &Vec<f64>| rows.iter().map(|&i| col[i]).collect::<Vec<f64>>();
        let strings = |f: &dyn Fn(usize) -> String| rows.iter().map(|&i| f(i)).collect::<Vec<_>>();
        let marked = |i| m.razzie.binary_search(&i).is_ok() || m.oscars[i] > 0.0;
        let color = strings(
            &|i| match (m.razzie.binary_search(&i).is_ok(), m.oscars[i] > 0.0) {
                (true, _) => "purple".into(),
                (false, true) => "orange".into(),
                _ => "grey".into(),
            },
        );
        let alpha: Vec<f64> = rows
            .iter()
            .map(|&i| if marked(i) { 0.9 } else { 0.25 })
            .collect();
        for (axes, label) in [(p.xaxis(doc), x_label), (p.yaxis(doc), y_label)] {
            doc.set_each(axes, "axis_label", Value::str(label))?;
        }
        let title = doc.get(p, Figure::TITLE).expect("a figure has a title");
        doc.set(
            title,
            Title::TEXT,
            format!("{} movies selected", rows.len()),
        )?;
        let data = ColumnData::from([
            ("x", pick(x(m)).into()),
            ("y", pick(y(m)).into()),
            ("color", color.into()),
            ("title", strings(&|i| m.title[i].clone()).into()),
            ("year", pick(&m.year).into()),
            (
                "revenue",
                strings(&|i| format!("{}", m.boxoffice[i] as i64)).into(),
            ),
            ("alpha", alpha.into()),
        ]);
        doc.set(source, ColumnDataSource::DATA, data)
    };
    let controls = [
        reviews.any(),
        boxoffice.any(),
        genre.any(),
        min_year.any(),
        max_year.any(),
    ]
    .into_iter()
    .chain([
        oscars.any(),
        director.any(),
        cast.any(),
        x_axis.any(),
        y_axis.any(),
    ]);
    let controls: Vec<_> = controls.collect();
    for &control in &controls {
        let movies = movies.clone();
        doc.on_change_attr(control, "value", move |doc, _| update(doc, &movies));
    }
    let inputs = column(doc, controls);
    doc.set(inputs, Column::WIDTH, Some(320))?;
    let plots = row(doc, [inputs.any(), p.any()]);
    doc.set(plots, Row::SIZING_MODE, Some(SizingMode::Inherit))?;
    let layout = column(doc, [desc.any(), plots.any()]);
    doc.set(layout, Column::SIZING_MODE, Some(SizingMode::StretchWidth))?;
    update(doc, &movies)?; // initial load of the data
    doc.add_root(layout);
    doc.set_title("Movies");
    Ok(())
}
