//! The gallery's demo apps as documents, natively: each does what Bokeh's example does
//! when its widgets change or its timers run (the page and the server run the same code).

use rokeh::core::Value;
use rokeh::document::{AnyId, Change, Document, Event, EventKind, UiEvent};
use rokeh::models::{Button, Label, Slider};
use rokeh::{App, SessionContext};
use rokeh_gallery::{
    apply_theme, clustering, contour_animated, crossfilter, duffing_oscillator, events_app,
    export_csv, fourier_animated, gapminder, hold_app, image_blur, line_on_off, movies, ohlc,
    patch_app, population, selection_histogram, server_auth, sliders, spectrogram, stocks,
    surface3d, taylor, weather, Surface3d,
};

/// The first model of type `type_name` whose `attr` is `value` (a widget by its title).
fn find(doc: &Document, type_name: &str, attr: &str, value: &str) -> AnyId {
    doc.models()
        .find(|(id, m)| {
            m.type_name == type_name
                && doc
                    .get_attr(*id, attr)
                    .ok()
                    .as_ref()
                    .and_then(Value::as_str)
                    == Some(value)
        })
        .map(|(id, _)| id)
        .unwrap_or_else(|| panic!("no {type_name} with {attr} {value:?}"))
}

fn of_type(doc: &Document, type_name: &str) -> Vec<AnyId> {
    doc.models()
        .filter(|(_, m)| m.type_name == type_name)
        .map(|(id, _)| id)
        .collect()
}

fn rows(doc: &Document, source: AnyId) -> usize {
    doc.column(source, "x").and_then(Value::rows).unwrap_or(0)
}

fn title_text(doc: &Document) -> String {
    let title = of_type(doc, "Title")[0];
    let text = doc.get_attr(title, "text").unwrap();
    text.as_str().unwrap().to_owned()
}

#[test]
fn movies_filters_by_genre_director_and_axes() {
    let mut doc = Document::new();
    movies(&mut doc).unwrap();
    let source = of_type(&doc, "ColumnDataSource")[0];
    let all = rows(&doc, source);
    assert!(all > 1000, "{all} movies");
    assert_eq!(title_text(&doc), format!("{all} movies selected"));

    let genre = find(&doc, "Select", "title", "Genre");
    doc.set_attr(genre, "value", Value::str("Western")).unwrap();
    let westerns = rows(&doc, source);
    assert!(westerns > 0 && westerns < all / 5, "{westerns} of {all}");
    assert_eq!(title_text(&doc), format!("{westerns} movies selected"));

    let director = find(&doc, "TextInput", "title", "Director name contains");
    doc.set_attr(director, "value", Value::str("Coen")).unwrap();
    let coens = rows(&doc, source);
    assert_eq!(coens, 2, "No Country for Old Men, True Grit");

    // The cast, stored as names and indices, filters as the one string per film it was
    // (counts from the file before, all genres, default sliders): even across names.
    doc.set_attr(genre, "value", Value::str("All")).unwrap();
    doc.set_attr(director, "value", Value::str("")).unwrap();
    let cast = find(&doc, "TextInput", "title", "Cast names contains");
    for (who, films) in [("Tom Hanks", 22), ("Hanks, ", 27), ("Meryl", 27)] {
        doc.set_attr(cast, "value", Value::str(who)).unwrap();
        assert_eq!(rows(&doc, source), films, "{who}");
    }
    doc.set_attr(cast, "value", Value::str("")).unwrap();

    let x_axis = find(&doc, "Select", "title", "X Axis");
    doc.set_attr(x_axis, "value", Value::str("Year")).unwrap();
    let years = doc.column(source, "x").unwrap().clone();
    let Value::Array(years) = years else {
        panic!("x is numbers")
    };
    assert!((0..years.len()).all(|i| years.data.get_f64(i).unwrap() >= 1970.0));
    let x_label = of_type(&doc, "LinearAxis")
        .into_iter()
        .filter_map(|a| doc.get_attr(a, "axis_label").ok())
        .collect::<Vec<_>>();
    assert!(x_label.contains(&Value::str("Year")), "{x_label:?}");
}

#[test]
fn ohlc_streams_with_a_rollover_of_300() {
    let mut doc = Document::new();
    ohlc(&mut doc).unwrap();
    let (id, period) = doc
        .periodic_callbacks()
        .next()
        .expect("a periodic callback");
    assert_eq!(period.as_millis(), 50);
    let source = of_type(&doc, "ColumnDataSource")[0];
    for _ in 0..350 {
        doc.run_periodic(id).unwrap();
    }
    let time = doc.column_f64(source, "time").unwrap();
    assert_eq!(time.len(), 300);
    assert_eq!((time[0], time[299]), (50.0, 349.0));
    let (open, close) = (
        doc.column_f64(source, "open").unwrap(),
        doc.column_f64(source, "close").unwrap(),
    );
    let Some(Value::List(colors)) = doc.column(source, "color") else {
        panic!("colors")
    };
    for i in 0..300 {
        let want = if open[i] < close[i] { "green" } else { "red" };
        assert_eq!(colors[i].as_str(), Some(want));
    }
    let ma = doc.column_f64(source, "ma").unwrap();
    let close = doc.column_f64(source, "close").unwrap();
    let mean12 = close[288..].iter().sum::<f64>() / 12.0;
    assert!((ma[299] - mean12).abs() < 1e-9, "{} vs {mean12}", ma[299]);
}

#[test]
fn fourier_animated_turns_its_circles_one_step_a_tick_and_comes_round_after_100() {
    use std::f64::consts::PI;
    let mut doc = Document::new();
    fourier_animated(&mut doc).unwrap();
    let (id, period) = doc
        .periodic_callbacks()
        .next()
        .expect("a periodic callback");
    assert_eq!(period.as_millis(), 100);
    let sources = of_type(&doc, "ColumnDataSource");
    let lines = *sources
        .iter()
        .find(|s| doc.column(**s, "y0").is_some())
        .unwrap();
    let items = *sources
        .iter()
        .find(|s| doc.column(**s, "r").is_some())
        .unwrap();
    let column = |doc: &Document, source, name| doc.column_f64(source, name).unwrap().to_vec();
    let (y0, sum) = (column(&doc, lines, "y"), column(&doc, items, "ysum-dot"));
    // The summed wave at x = π/2: the four terms' 4/π (1 - 1/3 + 1/5 - 1/7).
    assert!((y0[25] - 4.0 / PI * (1.0 - 1.0 / 3.0 + 0.2 - 1.0 / 7.0)).abs() < 1e-12);
    assert_eq!(sum[3], 0.0, "all four dots start on the axis");
    doc.run_periodic(id).unwrap();
    let y1 = column(&doc, lines, "y");
    assert_eq!(y1[..99], y0[1..], "the wave moved one step left");
    assert_eq!(y1[99], y0[0]);
    // One step of the first term's circle: 2π/100 round, radius 4/π.
    let dot = column(&doc, items, "yterm-dot")[0];
    assert!(
        (dot - 4.0 / PI * (2.0 * PI / 100.0).sin()).abs() < 1e-12,
        "{dot}"
    );
    for _ in 1..100 {
        doc.run_periodic(id).unwrap();
    }
    assert_eq!(column(&doc, lines, "y"), y0, "a whole turn");
    assert!(column(&doc, items, "ysum-dot")[3].abs() < 1e-12);
}

#[test]
fn duffing_oscillator_streams_its_phase_diagram_as_pythons_integration_and_restarts_on_a_slider() {
    let mut doc = Document::new();
    duffing_oscillator(&mut doc).unwrap();
    let (id, period) = doc
        .periodic_callbacks()
        .next()
        .expect("a periodic callback");
    assert_eq!(period.as_millis(), 20);
    let sources = of_type(&doc, "ColumnDataSource");
    let rows = |doc: &Document, s: AnyId| doc.column_f64(s, "x").unwrap().len();
    let (phase, section) = match sources[..] {
        [a, b] if rows(&doc, a) == 1 => (a, b),
        [a, b] => (b, a),
        _ => panic!("two sources"),
    };
    let column = |doc: &Document, s, name| doc.column_f64(s, name).unwrap().to_vec();
    doc.run_periodic(id).unwrap();
    // The figures of Bokeh's own script (numpy, the same steps), after one update.
    let (x, xdot) = (column(&doc, phase, "x"), column(&doc, phase, "xdot"));
    assert_eq!(x.len(), 51, "the start and every second of 100 steps");
    let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
    assert!(close(x[1], 0.003218195760523244) && close(xdot[1], 0.034572944010914264));
    assert!(close(x[50], 1.1640034517290316) && close(xdot[50], 0.23375869376607114));
    // A period of the forcing is 100 steps: one point of the Poincaré section an update.
    assert_eq!(column(&doc, section, "x"), vec![x[50]]);
    for _ in 0..9 {
        doc.run_periodic(id).unwrap();
    }
    let (x, xdot) = (column(&doc, phase, "x"), column(&doc, phase, "xdot"));
    assert!((x[500] + 0.1916807588226509).abs() < 1e-9, "{}", x[500]);
    assert!(
        (xdot[500] + 0.16754190738945282).abs() < 1e-9,
        "{}",
        xdot[500]
    );
    for _ in 0..100 {
        doc.run_periodic(id).unwrap();
    }
    assert_eq!(rows(&doc, phase), 5000, "rolled over at 5000 rows");
    assert_eq!(rows(&doc, section), 110);
    // A new damping restarts the oscillator from rest, both plots emptied.
    let damping = find(
        &doc,
        "Slider",
        "title",
        r"$$\delta \text{ (damping factor, 1/s)}$$",
    );
    doc.set_attr(damping, "value", 0.3.into()).unwrap();
    assert_eq!(column(&doc, phase, "x"), vec![0.0]);
    assert_eq!(rows(&doc, section), 0);
    doc.run_periodic(id).unwrap();
    assert_eq!(rows(&doc, phase), 51);
}

#[test]
fn line_on_off_shows_each_line_while_its_box_is_ticked() {
    let mut doc = Document::new();
    line_on_off(&mut doc).unwrap();
    let lines = of_type(&doc, "GlyphRenderer");
    let visible = |doc: &Document| -> Vec<bool> {
        lines
            .iter()
            .map(|r| doc.get_attr(*r, "visible").unwrap() == Value::Bool(true))
            .collect()
    };
    assert_eq!(visible(&doc), [true, true, true]);
    let checkbox = of_type(&doc, "CheckboxGroup")[0];
    let active = |ticked: &[i64]| Value::List(ticked.iter().map(|&i| Value::Int(i)).collect());
    doc.set_attr(checkbox, "active", active(&[0, 2])).unwrap();
    assert_eq!(visible(&doc), [true, false, true]);
    doc.set_attr(checkbox, "active", active(&[1])).unwrap();
    assert_eq!(visible(&doc), [false, true, false]);
    // Bokeh's Viridis3, in order.
    let colors: Vec<Value> = lines
        .iter()
        .map(|r| {
            let glyph = doc.get_attr(*r, "glyph").unwrap();
            let glyph = doc.lookup(glyph.as_ref_id().unwrap()).unwrap();
            doc.get_attr(glyph, "line_color").unwrap()
        })
        .collect();
    assert_eq!(colors, ["#440154", "#208f8c", "#fde724"].map(Value::str));
}

#[test]
fn apply_theme_dresses_its_plot_in_bokehs_dark_minimal() {
    let mut doc = Document::new();
    apply_theme(&mut doc).unwrap();
    let plot = of_type(&doc, "Figure")[0];
    let attr = |model, name| doc.get_attr(model, name).unwrap();
    assert_eq!(attr(plot, "background_fill_color"), Value::str("#20262B"));
    assert_eq!(attr(plot, "border_fill_color"), Value::str("#15191C"));
    let grid = of_type(&doc, "Grid")[0];
    assert_eq!(attr(grid, "grid_line_alpha"), Value::Float(0.25));
}

#[test]
fn hold_app_holds_the_sliders_changes_until_unhold_combined_or_collected() {
    let mut doc = Document::new();
    hold_app(&mut doc).unwrap();
    doc.take_changes();
    let click = |doc: &mut Document, label: &str| {
        let button = find(doc, "Button", "label", label);
        let id = doc.model_id(button).clone();
        doc.emit(UiEvent::new(EventKind::ButtonClick, Some(id)))
            .unwrap();
    };
    let slider = of_type(&doc, "Slider")[0];
    let scrub = |doc: &mut Document| {
        for value in [2.0, 3.0, 4.0] {
            doc.set_attr(slider, "value", value.into()).unwrap();
        }
    };
    let source = of_type(&doc, "ColumnDataSource")
        .into_iter()
        .find(|s| doc.column(*s, "x").is_some())
        .unwrap();
    // The property changes handed out (the clicks go out as events too).
    let events = |doc: &mut Document| {
        let changes = doc.take_changes();
        let clicks = |c: &&Change| matches!(c.event, Event::MessageSent { .. });
        changes.iter().filter(|c| !clicks(c)).count()
    };
    for (label, held) in [("hold combine", 2), ("hold collect", 6)] {
        click(&mut doc, label);
        scrub(&mut doc);
        assert!(doc.take_changes().is_empty(), "{label}: held");
        // The document itself has moved on; only its news waits.
        let y = doc.column_f64(source, "y").unwrap()[500];
        assert!((y - 4.0).abs() < 1e-4, "{y}");
        click(&mut doc, "unhold");
        assert_eq!(events(&mut doc), held, "{label}");
        doc.set_attr(slider, "value", 1.0.into()).unwrap();
        doc.take_changes();
    }
    // Unheld, each change goes out: held back by nothing, combined with nothing.
    scrub(&mut doc);
    assert_eq!(events(&mut doc), 6);
}

#[test]
fn export_csv_shows_the_salaries_in_the_sliders_range_and_downloads_them_from_the_page() {
    let mut doc = Document::new();
    export_csv(&mut doc).unwrap();
    let source = of_type(&doc, "ColumnDataSource")[0];
    let salaries = |doc: &Document| doc.column_f64(source, "salary").unwrap().to_vec();
    // The example's CSV (awk counts the same): 100 of its 250 salaries from 10,000 to
    // 50,000, the first Veronica Okuneva's; 249 up to 110,000.
    assert_eq!(salaries(&doc).len(), 100);
    assert_eq!(salaries(&doc)[0], 47298.0146627);
    assert!(salaries(&doc)
        .iter()
        .all(|s| (10000.0..=50000.0).contains(s)));
    let slider = of_type(&doc, "RangeSlider")[0];
    let range = Value::List(vec![Value::Float(10000.0), Value::Float(110000.0)]);
    doc.set_attr(slider, "value", range).unwrap();
    assert_eq!(salaries(&doc).len(), 249);
    let names = doc.get_attr(source, "data").unwrap();
    assert!(format!("{names:?}").contains("Keagan Klocko"));
    // The download is the page's: a CustomJS on the button's click.
    let button = of_type(&doc, "Button")[0];
    let code = of_type(&doc, "CustomJS")[0];
    assert_eq!(
        doc.js_callbacks(button, rokeh::document::JS_EVENT_CALLBACKS, "button_click"),
        [code]
    );
}

#[test]
fn contour_animated_fills_ten_bands_from_piyg_and_contours_them_again_each_tick() {
    let mut doc = Document::new();
    contour_animated(&mut doc).unwrap();
    let contour = of_type(&doc, "ContourRenderer")[0];
    let part = |doc: &Document, name| {
        let renderer = doc.get_attr(contour, name).unwrap();
        let renderer = doc.lookup(renderer.as_ref_id().unwrap()).unwrap();
        let source = doc.get_attr(renderer, "data_source").unwrap();
        doc.lookup(source.as_ref_id().unwrap()).unwrap()
    };
    let (fill, line) = (part(&doc, "fill_renderer"), part(&doc, "line_renderer"));
    let Some(Value::List(colors)) = doc.column(fill, "fill_color") else {
        panic!("a colour per band")
    };
    // Bokeh's PiYG[10], as Python's `fill_color=PiYG` picks it for 10 bands.
    let piyg: Vec<&str> = colors.iter().filter_map(Value::as_str).collect();
    assert_eq!(piyg.len(), 10);
    assert_eq!((piyg[0], piyg[9]), ("#276419", "#8e0152"));
    let widths = doc.column(line, "line_width").and_then(Value::rows);
    assert_eq!(widths, Some(11), "a width per level");
    assert_eq!(of_type(&doc, "ContourColorBar").len(), 1);
    let bands = |doc: &Document| doc.column(fill, "xs").cloned().unwrap();
    let before = bands(&doc);
    let (id, period) = doc
        .periodic_callbacks()
        .next()
        .expect("a periodic callback");
    assert_eq!(period.as_millis(), 40);
    doc.run_periodic(id).unwrap();
    assert_ne!(bands(&doc), before, "the bumps moved");
    assert_eq!(
        doc.column(line, "line_width").and_then(Value::rows),
        Some(11)
    );
}

#[test]
fn patch_app_patches_scalars_a_point_of_a_line_and_rows_of_an_image() {
    let mut doc = Document::new();
    patch_app(&mut doc).unwrap();
    let sources = of_type(&doc, "ColumnDataSource");
    let with = |name: &str| {
        *sources
            .iter()
            .find(|s| doc.column(**s, name).is_some())
            .unwrap()
    };
    let (points, lines, images) = (with("x"), with("ys"), with("img"));
    let x0 = doc.column_f64(points, "x").unwrap().to_vec();
    let cell = |doc: &Document, source, name, row: usize| -> Vec<Value> {
        let Some(Value::List(cells)) = doc.column(source, name) else {
            panic!("{name}: a list column")
        };
        let Value::Array(a) = &cells[row] else {
            panic!("{name}: array cells")
        };
        a.data.to_values()
    };
    let (y0, img0) = (cell(&doc, lines, "ys", 0), cell(&doc, images, "img", 0));
    let (id, _) = doc
        .periodic_callbacks()
        .next()
        .expect("a periodic callback");
    doc.run_periodic(id).unwrap();
    let x1 = doc.column_f64(points, "x").unwrap();
    assert!(x1[..100]
        .iter()
        .zip(&x0)
        .all(|(a, b)| a != b && (a - b).abs() <= 0.1));
    assert_eq!(x1[100..], x0[100..], "the rest stay");
    let y1 = cell(&doc, lines, "ys", 0);
    assert_eq!(
        y0.iter().zip(&y1).filter(|(a, b)| a != b).count(),
        1,
        "one point"
    );
    let img1 = cell(&doc, images, "img", 0);
    const N: usize = 200;
    for row in 0..N {
        let (before, after) = (&img0[row * N..(row + 1) * N], &img1[row * N..(row + 1) * N]);
        if (50..151).step_by(20).any(|r| r == row) {
            assert_eq!(after[2..], before[..N - 2], "row {row} rolled two along");
        } else {
            assert_eq!(after, before, "row {row} stays");
        }
    }
}

#[test]
fn events_app_logs_each_event_with_bokeh_s_attributes_and_keeps_the_last_35() {
    let mut doc = Document::new();
    events_app(&mut doc).unwrap();
    let plot = of_type(&doc, "Figure")[0];
    let div = of_type(&doc, "Div")[0];
    let plot_id = doc.model_id(plot).clone();
    let tap = |x: f64| UiEvent {
        kind: EventKind::Tap,
        model: Some(plot_id.clone()),
        values: ["x", "y", "sx", "sy"]
            .into_iter()
            .zip([x, 2.0, 30.0, 40.5])
            .map(|(k, v)| (k.to_owned(), Value::Float(v)))
            .collect(),
    };
    doc.emit(tap(1.0)).unwrap();
    let text = |doc: &Document| {
        doc.get_attr(div, "text")
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(
        text(&doc).ends_with("<b>tap</b>(x=1.00, y=2.00, sx=30.00, sy=40.50)</span>"),
        "{}",
        text(&doc)
    );
    let button = of_type(&doc, "Button")[0];
    let click = UiEvent::new(EventKind::ButtonClick, Some(doc.model_id(button).clone()));
    doc.emit(click).unwrap();
    assert!(text(&doc).ends_with("<b>button_click</b>()</span>"));
    for i in 0..40 {
        doc.emit(tap(f64::from(i))).unwrap();
    }
    let lines: Vec<String> = text(&doc).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 35);
    assert!(lines[34].contains("x=39.00"), "{}", lines[34]);
}

#[test]
fn gapminder_plays_and_pauses() {
    let mut doc = Document::new();
    gapminder(&mut doc).unwrap();
    let slider = find(&doc, "Slider", "title", "Year");
    let slider = doc.typed_id::<Slider>(doc.model_id(slider)).unwrap();
    let label = doc
        .typed_id::<Label>(doc.model_id(of_type(&doc, "Label")[0]))
        .unwrap();
    let text = |doc: &Document| doc.get_attr(label.any(), "text").unwrap();
    assert_eq!(doc.get(slider, Slider::VALUE), 1964.0);
    assert_eq!(text(&doc), Value::str("1964"));
    let source = of_type(&doc, "ColumnDataSource")[0];
    let life = |doc: &Document| doc.column_f64(source, "life").unwrap().to_vec();
    let before = life(&doc);

    let button = doc
        .typed_id::<Button>(doc.model_id(of_type(&doc, "Button")[0]))
        .unwrap();
    let click = |doc: &mut Document| {
        let id = doc.model_id(button.any()).clone();
        doc.trigger(UiEvent::new(EventKind::ButtonClick, Some(id)))
            .unwrap();
    };
    click(&mut doc);
    assert_eq!(doc.get(button, Button::LABEL), "❚❚ Pause");
    let (id, period) = doc.periodic_callbacks().next().expect("playing");
    assert_eq!(period.as_millis(), 200);
    doc.run_periodic(id).unwrap();
    doc.run_periodic(id).unwrap();
    assert_eq!(doc.get(slider, Slider::VALUE), 1966.0);
    assert_eq!(text(&doc), Value::str("1966"));
    assert_ne!(life(&doc), before);
    click(&mut doc);
    assert_eq!(doc.get(button, Button::LABEL), "► Play");
    assert_eq!(doc.periodic_callbacks().count(), 0);

    doc.set(slider, Slider::VALUE, 2013.0).unwrap();
    click(&mut doc);
    let (id, _) = doc.periodic_callbacks().next().unwrap();
    doc.run_periodic(id).unwrap();
    assert_eq!(
        doc.get(slider, Slider::VALUE),
        1964.0,
        "wraps to the first year"
    );
}

#[test]
fn stocks_statistics_follow_the_selection_and_the_tickers() {
    let mut doc = Document::new();
    stocks(&mut doc).unwrap();
    let stats = of_type(&doc, "PreText")[0];
    let text = |doc: &Document| {
        doc.get_attr(stats, "text")
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    };
    let all = text(&doc);
    assert!(
        all.contains("Close_AAPL") && all.contains("Returns_GOOG"),
        "{all}"
    );
    assert!(all.lines().any(|l| l.starts_with("count")), "{all}");
    assert!(of_type(&doc, "Title")
        .into_iter()
        .any(|t| doc.get_attr(t, "text").unwrap() == Value::str("AAPL returns vs. GOOG returns")));

    // The renderers' own glyphs (not their faded nonselection and muted copies).
    let lines: Vec<Value> = of_type(&doc, "GlyphRenderer")
        .into_iter()
        .filter_map(|r| doc.lookup(doc.get_attr(r, "glyph").unwrap().as_ref_id()?))
        .filter(|&g| doc.model(g).type_name == "Line")
        .map(|l| doc.get_attr(l, "y").unwrap())
        .collect();
    let fields: Vec<_> = lines
        .iter()
        .map(|l| l.object_field("field").cloned())
        .collect();
    assert_eq!(
        fields,
        ["t1", "t2"].map(|f| Some(Value::str(f))),
        "the lines draw the closes"
    );

    let selection = of_type(&doc, "Selection")[0];
    let picked = Value::List((0..10).map(Value::Int).collect());
    doc.set_attr(selection, "indices", picked).unwrap();
    let some = text(&doc);
    assert_ne!(some, all);
    let count = some.lines().find(|l| l.starts_with("count")).unwrap();
    assert!(count.contains("10.000000"), "{count}");

    let ticker1 = of_type(&doc, "Select")[0];
    doc.set_attr(ticker1, "value", Value::str("IBM")).unwrap();
    let ibm = text(&doc);
    assert!(ibm.contains("Close_IBM"), "{ibm}");
    let ticker2 = of_type(&doc, "Select")[1];
    let options = doc.get_attr(ticker2, "options").unwrap();
    assert!(!format!("{options:?}").contains("\"IBM\""), "{options:?}");
}

#[test]
fn selection_histogram_splits_the_histograms_by_the_selection() {
    let mut doc = Document::new();
    selection_histogram(&mut doc).unwrap();
    let sources = of_type(&doc, "ColumnDataSource");
    let (points, bars) = (sources[0], &sources[1..]);
    assert_eq!(doc.column_f64(points, "x").unwrap().len(), 1400);
    // Per axis: all points, the selected, the others.
    let sum = |doc: &Document, s: AnyId, col| doc.column_f64(s, col).unwrap().iter().sum::<f64>();
    assert_eq!(sum(&doc, bars[0], "top"), 1400.0);
    assert_eq!(sum(&doc, bars[1], "top"), 0.0);
    let selection = doc.get_attr(points, "selected").unwrap();
    let Value::Ref(selection) = selection else {
        panic!("a Selection")
    };
    let selection = doc.lookup(&selection).unwrap();
    doc.set_attr(
        selection,
        "indices",
        Value::List((0..100).map(Value::Int).collect()),
    )
    .unwrap();
    assert_eq!(sum(&doc, bars[1], "top"), 100.0);
    assert_eq!(sum(&doc, bars[2], "top"), -1300.0);
    assert_eq!(sum(&doc, bars[4], "right"), 100.0);
    assert_eq!(sum(&doc, bars[5], "right"), -1300.0);
    doc.set_attr(selection, "indices", Value::List(vec![]))
        .unwrap();
    assert_eq!(sum(&doc, bars[1], "top"), 0.0);
}

#[test]
fn crossfilter_rebuilds_the_figure_for_each_choice() {
    let mut doc = Document::new();
    crossfilter(&mut doc).unwrap();
    let layout = doc.roots()[0];
    let children = |doc: &Document| match doc.get_attr(layout, "children").unwrap() {
        Value::List(c) => c,
        other => panic!("{other:?}"),
    };
    let first = children(&doc)[1].clone();
    assert!(of_type(&doc, "Title")
        .iter()
        .any(|&t| doc.get_attr(t, "text").unwrap() == Value::str("Mpg vs Hp")));

    let x = find(&doc, "Select", "title", "X-Axis");
    doc.set_attr(x, "value", Value::str("origin")).unwrap();
    let second = children(&doc)[1].clone();
    assert_ne!(first, second, "a new figure in the layout");
    let Value::Ref(plot) = second else {
        panic!("a figure")
    };
    let plot = doc.lookup(&plot).unwrap();
    let Value::List(below) = doc.get_attr(plot, "below").unwrap() else {
        panic!()
    };
    let Value::Ref(axis) = &below[0] else {
        panic!()
    };
    let axis = doc.lookup(axis).unwrap();
    assert_eq!(doc.model(axis).type_name, "CategoricalAxis");
    assert_eq!(
        doc.get_attr(axis, "axis_label").unwrap(),
        Value::str("Origin")
    );

    let color = find(&doc, "Select", "title", "Color");
    doc.set_attr(color, "value", Value::str("mpg")).unwrap();
    let source = *of_type(&doc, "ColumnDataSource").last().unwrap();
    let Some(Value::List(colors)) = doc.column(source, "color") else {
        panic!("colors")
    };
    let distinct: std::collections::BTreeSet<_> = colors.iter().filter_map(Value::as_str).collect();
    assert_eq!(distinct.len(), 5, "{distinct:?}");
}

/// Figures swapped out of the layout leave the document once the change is handed out
/// (as the page and the server hand out each), as Bokeh's document drops them.
#[test]
fn crossfilter_does_not_pile_up_old_figures() {
    let mut doc = Document::new();
    crossfilter(&mut doc).unwrap();
    doc.take_changes();
    let models = doc.models().count();
    let y = find(&doc, "Select", "title", "Y-Axis");
    for value in ["mpg", "hp", "displ", "weight", "accel", "hp"].repeat(5) {
        doc.set_attr(y, "value", Value::str(value)).unwrap();
        doc.take_changes();
    }
    assert_eq!(doc.models().count(), models, "as many models as at first");
    assert_eq!(of_type(&doc, "Figure").len(), 1);
    // Each new figure takes the app's theme.json, as Bokeh's directory app's theme.yaml.
    let figure = of_type(&doc, "Figure")[0];
    let dark = Value::str("#2F2F2F");
    assert_eq!(doc.get_attr(figure, "border_fill_color"), Ok(dark.clone()));
    assert_eq!(doc.get_attr(figure, "background_fill_color"), Ok(dark));
}

#[test]
fn selection_histogram_frames_line_up_as_bokehjs_aligns_the_grid() {
    use rokeh::models::Figure;
    use rokeh::render::{css_size, figure_layout, PixelRect};
    let mut doc = Document::new();
    selection_histogram(&mut doc).unwrap();
    let frame = |figure: AnyId| -> PixelRect {
        let figure = doc.typed_id::<Figure>(doc.model_id(figure)).unwrap();
        let (w, h) = css_size(&doc, figure);
        figure_layout(&doc, figure, w, h, 1.0).unwrap().frame
    };
    // As the app adds them: the scatter, the histogram of x below it, that of y right of it.
    let [p, ph, pv] = <[AnyId; 3]>::try_from(of_type(&doc, "Figure")).unwrap();
    let (p, pv, ph) = (frame(p), frame(pv), frame(ph));
    // BokehJS (tests/python/bokeh_apps/selection_histogram.py, file_html): the scatter's
    // frame spans x 50..563 like the x histogram's and y 30..563 like the y histogram's,
    // though the scatter has no axes and the histograms no title. Its top is 30: the
    // toolbar above shares the title's band, as BokehJS's toolbar_sticky pairs them.
    assert_eq!((p.left, p.right), (ph.left, ph.right), "{p:?} above {ph:?}");
    assert_eq!(
        (p.top, p.bottom),
        (pv.top, pv.bottom),
        "{p:?} beside {pv:?}"
    );
    assert_eq!([p.left, p.top, p.right, p.bottom], [50, 30, 563, 563]);
    assert_eq!((pv.left, pv.right), (10, 168));
}

/// Gapminder's theme.json (the original's theme.yaml) reaches its models: no toolbar,
/// wider borders, grey axes with round caps, faint grids.
#[test]
fn gapminder_takes_its_theme() {
    let mut doc = Document::new();
    gapminder(&mut doc).unwrap();
    let attr = |type_name: &str, attr: &str| doc.get_attr(of_type(&doc, type_name)[0], attr);
    assert_eq!(attr("Figure", "toolbar_location"), Ok(Value::Null));
    assert_eq!(attr("Figure", "min_border"), Ok(Value::Int(20)));
    assert_eq!(
        attr("LinearAxis", "axis_line_color"),
        Ok(Value::str("#AAAAAA"))
    );
    assert_eq!(
        attr("LinearAxis", "major_tick_line_cap"),
        Ok(Value::str("round"))
    );
    assert_eq!(
        attr("LinearAxis", "axis_line_width").unwrap().as_f64(),
        Some(1.0)
    );
    assert_eq!(
        attr("LinearAxis", "major_tick_in").unwrap().as_f64(),
        Some(0.0)
    );
    assert_eq!(attr("Grid", "grid_line_alpha"), Ok(Value::Float(0.4)));
}

/// The widgets app's "Swap plot" swaps two plots in and out of a row, back and forth:
/// both are kept while detached, so neither is forgotten between swaps.
#[test]
fn swapped_plots_come_back_as_often_as_asked() {
    let mut doc = rokeh::Document::new();
    rokeh_gallery::widgets(&mut doc);
    doc.take_changes();
    let swap = find(&doc, "Button", "label", "Swap plot");
    let id = doc.model_id(swap).clone();
    let shown = |doc: &Document| {
        let row = of_type(doc, "Row").into_iter().find(|r| {
            let children = doc.get_attr(*r, "children").unwrap();
            let first = children
                .as_list()
                .and_then(|c| c.first())
                .and_then(Value::as_ref_id)
                .cloned();
            first
                .and_then(|f| doc.lookup(&f))
                .is_some_and(|f| doc.model(f).type_name == "Figure")
        });
        row.map(|r| doc.get_attr(r, "children").unwrap())
    };
    let first = shown(&doc);
    for n in 1..=4 {
        doc.trigger(UiEvent::new(EventKind::ButtonClick, Some(id.clone())))
            .unwrap();
        doc.take_changes();
        assert_eq!(shown(&doc) == first, n % 2 == 0, "after {n} swaps");
    }
}

/// Served, the page runs crossfilter's callbacks and the server mirrors the page's
/// patches: each side forgets the swapped-out figure by itself (Bokeh's protocol has no
/// word for it), so both keep as many models as at first, the same ones.
#[test]
fn crossfilter_page_and_server_mirror_keep_their_model_counts_flat() {
    use rokeh::document::json::SyncedModels;
    use rokeh::document::{Actor, PeerId};
    use rokeh::protocol::Body;
    use rokeh::sync::wire::{apply_patch, from_protocol, patch_for};
    use rokeh::sync::PeerKind;

    let app = || {
        let mut doc = Document::new();
        crossfilter(&mut doc).unwrap();
        doc.take_changes();
        doc
    };
    let (mut page, mut server) = (app(), app());
    let models = server.models().count();
    let x = find(&page, "Select", "title", "X-Axis");
    for value in ["hp", "cyl", "weight", "mfr", "mpg"].repeat(4) {
        let synced = SyncedModels::of(&server);
        page.set_attr(x, "value", Value::str(value)).unwrap();
        let changes = page.take_changes();
        let patch = patch_for(&page, &changes, &synced, None, PeerKind::RunsCallbacks).unwrap();
        let Body::PatchDoc { events } = patch.body else {
            panic!("{:?}", patch.body)
        };
        let buffers = from_protocol(patch.buffers);
        apply_patch(&mut server, events, &buffers, Actor::mirror(PeerId(1))).unwrap();
        server.take_changes();
        let ids = |doc: &Document| {
            let mut ids: Vec<String> = doc.models().map(|(_, m)| m.id.0.clone()).collect();
            ids.sort();
            ids
        };
        assert_eq!(ids(&page), ids(&server), "after x = {value}");
    }
    assert_eq!(page.models().count(), models);
    assert_eq!(server.models().count(), models);
}

/// Line counts (`wc -l`) of Bokeh's originals at bokeh/bokeh 8fbd227bd4 (Oct 2024):
/// `examples/server/app/<app>/main.py`, or `<app>.py` for the single-file apps. The issue
/// asks each Rust app to stay within 1.5× of its original.
const ORIGINAL_LINES: [(&str, usize, &str); 7] = [
    ("sliders", 75, include_str!("../src/sliders.rs")),
    ("movies", 119, include_str!("../src/movies.rs")),
    ("ohlc", 103, include_str!("../src/ohlc.rs")),
    ("gapminder", 93, include_str!("../src/gapminder.rs")),
    ("stocks", 107, include_str!("../src/stocks.rs")),
    (
        "selection_histogram",
        100,
        include_str!("../src/selection_histogram.rs"),
    ),
    ("crossfilter", 98, include_str!("../src/crossfilter.rs")),
];

#[test]
fn each_app_is_within_one_and_a_half_times_its_python_original() {
    let mut over = Vec::new();
    for (app, python, rust) in ORIGINAL_LINES {
        let lines = rust.lines().count();
        let ratio = lines as f64 / python as f64;
        println!("{app}: {lines} lines, {ratio:.2}× the original's {python}");
        if ratio > 1.5 {
            over.push(format!("{app} {ratio:.2}×"));
        }
    }
    assert!(over.is_empty(), "over 1.5×: {over:?}");
}

/// A static page builds its app into a `Document::lean()`, which learns the model types
/// the app makes instead of knowing every Bokeh type: each app must build the same
/// document there, read every property (set or default) the same, and change alike when
/// its sliders and selects move, as in a document that knows every type.
#[test]
fn each_app_builds_and_changes_the_same_document_in_a_lean_one() {
    for app in rokeh_gallery::apps() {
        let name = app.name();
        let mut full = app.document();
        let mut lean = app.document_in(Document::lean());
        let read = same_documents(name, &lean, &full);
        // Each slider to its end, each select to its last option, in both.
        let moves: Vec<(AnyId, Value)> = full
            .models()
            .filter_map(|(any, m)| {
                match m.type_name.as_str() {
                    "Slider" => full.get_attr(any, "end").ok(),
                    "Select" => match full.get_attr(any, "options") {
                        Ok(Value::List(options)) => options.last().cloned(),
                        _ => None,
                    },
                    _ => None,
                }
                .map(|value| (any, value))
            })
            .collect();
        for (any, value) in &moves {
            let want = full.set_attr(*any, "value", value.clone()).is_ok();
            let got = lean.set_attr(*any, "value", value.clone()).is_ok();
            assert_eq!(got, want, "{name}");
        }
        same_documents(name, &lean, &full);
        println!(
            "{name}: {read} properties read alike, {} widgets moved",
            moves.len()
        );
    }
}

/// Asserts that `lean` holds the models of `full` and reads each of their properties
/// alike; how many it read.
fn same_documents(name: &str, lean: &Document, full: &Document) -> usize {
    assert_eq!(lean.title(), full.title(), "{name}");
    assert_eq!(lean.roots(), full.roots(), "{name}");
    assert_eq!(lean.models().count(), full.models().count(), "{name}");
    let mut read = 0;
    for (any, model) in full.models() {
        assert_eq!(lean.model(any), model, "{name}");
        let schema = full.type_schema(&model.type_name).expect("a known type");
        let props = schema.hand.into_iter().chain(schema.bokeh);
        for attr in props.flat_map(|s| s.prop_names()) {
            let (got, want) = (lean.get_attr(any, attr), full.get_attr(any, attr));
            assert_eq!(got.ok(), want.ok(), "{name}: {}.{attr}", model.type_name);
            read += 1;
        }
    }
    read
}

#[test]
fn weather_draws_a_year_of_bars_per_city_and_smooths_them_as_scipy_does() {
    let mut doc = Document::new();
    weather(&mut doc).unwrap();
    let source = of_type(&doc, "ColumnDataSource")[0];
    let col = |doc: &Document, name| doc.column_f64(source, name).unwrap().to_vec();
    assert_eq!(title_text(&doc), "Weather data for Austin, TX");
    // Austin's 366 days (2015 and 2016-01-01), in order from 2015-01-01, each bar a day wide.
    let date = col(&doc, "date");
    assert_eq!(date.len(), 366);
    assert_eq!(date[0], 1_420_070_400_000.0);
    assert!(date.windows(2).all(|d| d[1] - d[0] == 86_400_000.0));
    assert_eq!(col(&doc, "left")[0], date[0] - 43_200_000.0);
    assert_eq!(col(&doc, "right")[365], date[365] + 43_200_000.0);
    // Three quads (record, average, actual) with their legend items; the actual's
    // outline is black over its half-transparent Blues4[0].
    let quads = of_type(&doc, "Quad");
    assert_eq!(
        quads.len(),
        3 * 3,
        "each with its nonselection and muted copies"
    );
    let actual = quads
        .iter()
        .copied()
        .find(|&q| doc.get_attr(q, "top").unwrap() == Value::field("actual_max_temp"))
        .unwrap();
    let value = |attr| doc.get_attr(actual, attr).unwrap();
    assert_eq!(
        value("fill_color"),
        Value::value_spec(Value::str("#2171b5"))
    );
    assert_eq!(value("line_color"), Value::value_spec(Value::str("black")));
    assert_eq!(value("fill_alpha"), Value::value_spec(Value::Float(0.5)));
    let labels: Vec<String> = of_type(&doc, "LegendItem")
        .into_iter()
        .map(|item| format!("{:?}", doc.get_attr(item, "label").unwrap()))
        .collect();
    assert_eq!(labels.len(), 3);
    for (label, name) in labels.iter().zip(["Record", "Average", "Actual"]) {
        assert!(label.contains(name), "{label}");
    }
    let discrete = col(&doc, "record_max_temp");

    // Seattle, smoothed: scipy 1.17's savgol_filter(column, 51, 3) on the same file gives
    // these (the first and last from the edge fits, the rest from the windows).
    let city = find(&doc, "Select", "title", "City");
    let distribution = find(&doc, "Select", "title", "Distribution");
    doc.set_attr(city, "value", Value::str("Seattle")).unwrap();
    assert_eq!(title_text(&doc), "Weather data for Seattle, WA");
    assert_ne!(col(&doc, "record_max_temp"), discrete);
    doc.set_attr(distribution, "value", Value::str("Smoothed"))
        .unwrap();
    let scipy = [
        (
            "record_max_temp",
            [
                57.91814097030519,
                57.44800942470197,
                60.64452195972024,
                95.05001245780225,
                56.40604456586698,
            ],
        ),
        (
            "actual_min_temp",
            [
                35.18870137960036,
                39.25388894470866,
                42.538743799401615,
                59.23828399283553,
                24.910757594442554,
            ],
        ),
    ];
    for (name, expected) in scipy {
        let smoothed = col(&doc, name);
        for (i, want) in [0, 10, 25, 200, 365].into_iter().zip(expected) {
            assert!(
                (smoothed[i] - want).abs() < 1e-9,
                "{name}[{i}]: {} vs {want}",
                smoothed[i]
            );
        }
    }
    doc.set_attr(distribution, "value", Value::str("Discrete"))
        .unwrap();
    // Back as the file has it: Seattle's low on 2016-01-01.
    assert_eq!(col(&doc, "actual_min_temp")[365], 28.0);
}

#[test]
fn taylor_draws_the_expression_and_its_series_and_reports_what_it_cannot() {
    let mut doc = Document::new();
    taylor(&mut doc).unwrap();
    let source = of_type(&doc, "ColumnDataSource")[0];
    let col = |doc: &Document, name| doc.column_f64(source, name).unwrap().to_vec();
    let errbox = of_type(&doc, "PreText")[0];
    let error = |doc: &Document| {
        doc.get_attr(errbox, "text")
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    };
    let labels = |doc: &Document| -> Vec<String> {
        of_type(doc, "LegendItem")
            .into_iter()
            .map(|item| format!("{:?}", doc.get_attr(item, "label").unwrap()))
            .collect()
    };
    // As the example starts: order 1, the series' constant term, 0.
    assert_eq!(
        title_text(&doc),
        "Taylor (n=1) expansion comparison for: exp(-x)*sin(x)"
    );
    let x = col(&doc, "x");
    assert_eq!(x.len(), 200);
    assert!((x[0] + 2.0 * std::f64::consts::PI).abs() < 1e-12);
    assert!(col(&doc, "ty").iter().all(|&t| t == 0.0));
    assert!(
        labels(&doc)[1].contains("taylor(exp(-x)*sin(x))"),
        "{:?}",
        labels(&doc)
    );

    let slider = of_type(&doc, "Slider")[0];
    doc.set_attr(slider, "value", Value::Float(6.0)).unwrap();
    assert!(title_text(&doc).starts_with("Taylor (n=6) "));
    // x - x² + x³/3 - x⁵/30: the terms up to x⁵ (x⁴'s is 0).
    for (x, t) in x.iter().zip(col(&doc, "ty")) {
        let want = x - x * x + x.powi(3) / 3.0 - x.powi(5) / 30.0;
        assert!(
            (t - want).abs() < 1e-9 * want.abs().max(1.0),
            "at {x}: {t} vs {want}"
        );
    }

    // A typo: said under the box, nothing else changed.
    let text = of_type(&doc, "TextInput")[0];
    let before = (col(&doc, "fy"), col(&doc, "ty"), title_text(&doc));
    doc.set_attr(text, "value", Value::str("sin(x")).unwrap();
    assert!(!error(&doc).is_empty());
    assert_eq!((col(&doc, "fy"), col(&doc, "ty"), title_text(&doc)), before);

    // No series at 0: the function is drawn alone, and the box says why.
    doc.set_attr(text, "value", Value::str("log(x)")).unwrap();
    assert!(error(&doc).contains("log(x)"), "{}", error(&doc));
    assert!(title_text(&doc).ends_with("for: log(x)"));
    assert!(col(&doc, "ty").iter().all(|t| t.is_nan()));
    let fy = col(&doc, "fy");
    assert!((fy[199] - (2.0 * std::f64::consts::PI).ln()).abs() < 1e-12);

    // And a good one clears the box.
    doc.set_attr(text, "value", Value::str("1/(1 - x/10)"))
        .unwrap();
    assert_eq!(error(&doc), "");
    for (x, t) in x.iter().zip(col(&doc, "ty")) {
        let want: f64 = (0..6).map(|k| (x / 10.0).powi(k)).sum();
        assert!((t - want).abs() < 1e-12, "at {x}: {t} vs {want}");
    }
}

#[test]
fn population_shows_a_locations_pyramid_in_a_year_and_its_totals_known_and_predicted() {
    let mut doc = Document::new();
    population(&mut doc).unwrap();
    let sources = of_type(&doc, "ColumnDataSource");
    let (ages, known, predicted) = (sources[0], sources[1], sources[2]);
    let value = |doc: &Document| doc.column_f64(ages, "Value").unwrap().to_vec();
    let strings = |doc: &Document, name| -> Vec<String> {
        let Some(Value::List(items)) = doc.column(ages, name) else {
            panic!("{name}: strings")
        };
        items
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    // The World in 2010, as bokeh-sampledata's CSV has it: men then women, 21 age groups
    // each, the first the 346,266,049 boys under 5.
    assert_eq!(value(&doc).len(), 42);
    assert_eq!(value(&doc)[0], 346_266_049.0);
    assert_eq!(strings(&doc, "Sex")[..2], ["Male", "Male"]);
    assert_eq!(strings(&doc, "Sex")[21], "Female");
    assert_eq!(strings(&doc, "AgeGrp")[20], "100+");
    // Men point left in the page: the bars' right is the example's JavaScript transform
    // of the value.
    let hbar = of_type(&doc, "HBar")[0];
    let right = format!("{:?}", doc.get_attr(hbar, "right").unwrap());
    assert!(
        right.contains("transform") && right.contains("Value"),
        "{right}"
    );
    let transform = of_type(&doc, "CustomJSTransform")[0];
    let code = doc.get_attr(transform, "v_func").unwrap();
    assert!(code.as_str().unwrap().contains("-xs[i]"));
    // Totals: known to 2010, predicted from 2010 to 2100 (10,180,160,753 people then).
    let x = |doc: &Document, s| doc.column_f64(s, "x").unwrap().to_vec();
    let y = |doc: &Document, s| doc.column_f64(s, "y").unwrap().to_vec();
    assert_eq!(x(&doc, known).first(), Some(&1950.0));
    assert_eq!(x(&doc, known).last(), Some(&2010.0));
    assert_eq!(x(&doc, predicted).first(), Some(&2010.0));
    assert_eq!(y(&doc, predicted).last(), Some(&10_180_160_753.0));
    assert_eq!(y(&doc, known).last(), y(&doc, predicted).first());
    let total_2010: f64 = value(&doc).iter().sum();
    assert_eq!(y(&doc, known).last(), Some(&total_2010));

    // Japan in 1950: its 13 women of 100 and over.
    let location = find(&doc, "Select", "title", "Location:");
    let year = find(&doc, "Select", "title", "Year:");
    doc.set_attr(location, "value", Value::str("Japan"))
        .unwrap();
    doc.set_attr(year, "value", Value::str("1950")).unwrap();
    assert_eq!(value(&doc)[41], 13.0);
    assert_eq!(y(&doc, known)[0], value(&doc).iter().sum::<f64>());
    // A location the data does not have changes nothing.
    doc.set_attr(location, "value", Value::str("Atlantis"))
        .unwrap();
    assert_eq!(value(&doc)[41], 13.0);
}

#[test]
fn image_blur_blurs_its_image_by_the_sliders_box() {
    let mut doc = Document::new();
    image_blur(&mut doc).unwrap();
    let source = of_type(&doc, "ColumnDataSource")[0];
    let image = |doc: &Document| -> Vec<f64> {
        let Some(Value::List(images)) = doc.column(source, "image") else {
            panic!("a list of images")
        };
        let Value::Array(a) = &images[0] else {
            panic!("an array")
        };
        assert_eq!(a.shape, [512, 512]);
        (0..a.len()).map(|i| a.data.get_f64(i).unwrap()).collect()
    };
    let sharp = image(&doc);
    // The middle row near the left edge: rings of four or five pixels, black to white.
    let edge = |img: &[f64]| {
        let row = &img[256 * 512 + 8..][..16];
        let max = row.iter().copied().fold(f64::MIN, f64::max);
        max - row.iter().copied().fold(f64::MAX, f64::min)
    };
    assert!(edge(&sharp) > 240.0);
    let slider = of_type(&doc, "Slider")[0];
    doc.set_attr(slider, "value", Value::Float(10.0)).unwrap();
    let blurred = image(&doc);
    assert!(edge(&blurred) < 30.0, "{}", edge(&blurred));
    // Its mean is kept: a box blur moves grey about, it does not make any.
    let mean = |img: &[f64]| img.iter().sum::<f64>() / img.len() as f64;
    assert!((mean(&blurred) - mean(&sharp)).abs() < 1.0);
    doc.set_attr(slider, "value", Value::Float(0.0)).unwrap();
    assert_eq!(image(&doc), sharp);
}

#[test]
fn dash_builds_its_four_roots_and_its_range_tool_moves_the_series_range() {
    use rokeh::interact::{set_ranges, RangeDrag, View};
    use rokeh::models::Figure;
    use rokeh::render::layout_following;

    let mut doc = Document::new();
    rokeh_gallery::dash(&mut doc).unwrap();
    assert_eq!(doc.roots().len(), 4);
    assert_eq!(doc.title(), "Bokeh Dashboard");
    // The donut: 11 wedges, each starting where the one before ends.
    let wedge_source = of_type(&doc, "ColumnDataSource")[1];
    let angles = doc.column_f64(wedge_source, "angle").unwrap().to_vec();
    assert_eq!(angles.len(), 11);
    assert!((angles.iter().sum::<f64>() - 2.0 * std::f64::consts::PI).abs() < 1e-12);
    assert_eq!(of_type(&doc, "CumSum").len(), 2);
    // The overview's RangeTool box: a drag inside it moves the series' range by as
    // much as the pointer moved, in the overview's scale.
    let tool = of_type(&doc, "RangeTool")[0];
    let range = doc.get_attr(tool, "x_range").unwrap();
    let range = doc.lookup(range.as_ref_id().unwrap()).unwrap();
    let ends = |doc: &Document| {
        let n = |a| doc.get_attr(range, a).unwrap().as_f64().unwrap();
        (n("start"), n("end"))
    };
    let (start, end) = ends(&doc);
    let overview = of_type(&doc, "Figure")
        .into_iter()
        .map(|f| doc.typed_id::<Figure>(doc.model_id(f)).unwrap())
        .find(|&f| doc.get(f, Figure::HEIGHT) == Some(90))
        .unwrap();
    let layout = layout_following(&doc, overview, (800, 90), 1.0, &Default::default()).unwrap();
    let view = View::of(&layout);
    let y = (view.frame[1] + view.frame[3]) / 2.0;
    let mid = layout.x_scale.apply((start + end) / 2.0);
    let drag = RangeDrag::start(&doc, tool, &view, (mid, y)).expect("the box is grabbed");
    let moves = drag.to(&view, (mid - 50.0, y));
    set_ranges(&mut doc, &moves).unwrap();
    let (moved_start, moved_end) = ends(&doc);
    let shift = layout.x_scale.invert(mid - 50.0) - layout.x_scale.invert(mid);
    assert!(shift < 0.0);
    assert!(
        (moved_start - (start + shift)).abs() < 1.0,
        "{moved_start} vs {}",
        start + shift
    );
    assert!((moved_end - (end + shift)).abs() < 1.0);
}

#[test]
fn spectrogram_scrolls_its_waterfall_finds_the_tone_and_follows_its_sliders() {
    let mut doc = Document::new();
    spectrogram(&mut doc).unwrap();
    let (id, period) = doc
        .periodic_callbacks()
        .next()
        .expect("a periodic callback");
    assert_eq!(period.as_millis(), 80);
    let sources = of_type(&doc, "ColumnDataSource");
    let with = |name| {
        *sources
            .iter()
            .find(|s| doc.column(**s, name).is_some())
            .unwrap()
    };
    let (waterfall, signal, spectrum, eq) = (with("image"), with("t"), with("f"), with("alpha"));
    // The spectrum shown `col` columns from the left: the image is a ring drawn twice,
    // at x0 and x0 + 800, so that column -x0 of it, the newest, is at x = 0.
    let shown = |doc: &Document, col: usize| -> Vec<f64> {
        let Some(Value::List(images)) = doc.column(waterfall, "image") else {
            panic!("a list of images")
        };
        let Value::Array(a) = &images[0] else {
            panic!("an array")
        };
        assert_eq!(a.shape, [512, 800]);
        let x = |name| doc.column_f64(waterfall, name).unwrap()[0];
        assert_eq!(x("x1"), x("x0") + 800.0);
        let at = (col as f64 - x("x0")) as usize % 800;
        (0..512)
            .map(|row| a.data.get_f64(row * 800 + at).unwrap())
            .collect()
    };
    // The first slice is there at once: the newest column only, the others not yet heard.
    let first = shown(&doc, 0);
    assert!(first.iter().any(|&v| v > 5.0));
    assert!((1..800).all(|col| shown(&doc, col).iter().all(|v| v.is_nan())));
    assert_eq!(first, doc.column_f64(spectrum, "y").unwrap());

    for _ in 0..10 {
        doc.run_periodic(id).unwrap();
    }
    // Eleven spectra, the first now ten columns right, each column a different slice.
    assert_eq!(shown(&doc, 10), first);
    assert!(shown(&doc, 11).iter().all(|v| v.is_nan()));
    assert_ne!(shown(&doc, 0), shown(&doc, 1));
    assert_eq!(shown(&doc, 0), doc.column_f64(spectrum, "y").unwrap());

    // The tone's carrier starts at 2 kHz and drifts some 50 Hz a slice: the spectrum's
    // peak is near it, and the equalizer's band there (1.38 kHz wide) lights every ring.
    let (f, y) = (
        doc.column_f64(spectrum, "f").unwrap(),
        doc.column_f64(spectrum, "y").unwrap(),
    );
    assert_eq!((f.len(), f[511]), (512, 22.05));
    let peak = (0..512).max_by(|&a, &b| y[a].total_cmp(&y[b])).unwrap();
    assert!((1.5..2.5).contains(&f[peak]), "peak at {} kHz", f[peak]);
    let alpha = doc.column_f64(eq, "alpha").unwrap();
    let band = (f[peak] / (22.05 / 16.0)) as usize;
    let lit = |band: usize| {
        alpha[band * 20..][..20]
            .iter()
            .filter(|&&a| a > 0.0)
            .count()
    };
    assert_eq!(lit(band), 20);
    assert_eq!(alpha[band * 20 + 19], 1.0 - 19.0 * 0.05);
    assert!(lit(15) < 20, "the top band is nearly silent");

    // Gain scales the next slice: amplitudes 0.4–0.45 times the gain.
    let peak_of = |doc: &Document| {
        let y = doc.column_f64(signal, "y").unwrap();
        y.iter().fold(0.0f64, |m, v| m.max(v.abs()))
    };
    assert!((0.39..0.46).contains(&peak_of(&doc)), "{}", peak_of(&doc));
    let gain = find(&doc, "Slider", "title", "Gain");
    doc.set_attr(gain, "value", Value::Float(5.0)).unwrap();
    doc.run_periodic(id).unwrap();
    assert!((1.95..2.3).contains(&peak_of(&doc)), "{}", peak_of(&doc));

    // Frequency sets the highest frequency shown, in kHz, on both plots that show one.
    let freq = find(&doc, "Slider", "title", "Frequency");
    doc.set_attr(freq, "value", Value::Float(11025.0)).unwrap();
    let ends: Vec<f64> = of_type(&doc, "Range1d")
        .into_iter()
        .map(|r| doc.get_attr(r, "end").unwrap().as_f64().unwrap())
        .collect();
    assert_eq!(ends.iter().filter(|&&e| e == 11.025).count(), 2, "{ends:?}");

    // Round the ring: 800 columns later the first is gone, the newest still at the left.
    for _ in 0..790 {
        doc.run_periodic(id).unwrap();
    }
    assert!((0..800).all(|col| !shown(&doc, col).iter().any(|v| v.is_nan())));
    assert!((0..800).all(|col| shown(&doc, col) != first));
    assert_eq!(shown(&doc, 0), doc.column_f64(spectrum, "y").unwrap());
}

#[test]
fn clustering_recolours_the_points_by_the_chosen_algorithm() {
    let mut doc = Document::new();
    clustering(&mut doc).unwrap();
    let source = of_type(&doc, "ColumnDataSource")[0];
    let column = |doc: &Document, name: &str| doc.cells(source, name);
    let colours = |doc: &Document| -> Vec<String> {
        let cells = column(doc, "colors");
        cells
            .iter()
            .map(|c| c.as_str().unwrap().to_owned())
            .collect()
    };
    let distinct = |doc: &Document| {
        colours(doc)
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    assert_eq!(title_text(&doc), "MiniBatchKMeans");
    assert_eq!(rows(&doc, source), 1500);
    assert_eq!(distinct(&doc), 2);
    // Standardised: the x column's mean is 0.
    let xs: Vec<f64> = column(&doc, "x")
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert!(xs.iter().sum::<f64>().abs() < 1e-6);

    // The rings of the circles (radii about 1.8 and 0.9 once standardised): k-means cuts
    // both in halves, spectral clustering tells them apart.
    let ring_colours = |doc: &Document| {
        let ys = column(doc, "y");
        let inner = |i: usize| xs[i].hypot(ys[i].as_f64().unwrap()) < 1.35;
        let colours = colours(doc);
        let set = |want: bool| -> std::collections::BTreeSet<String> {
            (0..xs.len())
                .filter(|&i| inner(i) == want)
                .map(|i| colours[i].clone())
                .collect()
        };
        (set(true), set(false))
    };
    let (inner, outer) = ring_colours(&doc);
    assert_eq!((inner.len(), outer.len()), (2, 2));
    let algorithm = find(&doc, "Select", "title", "Select algorithm:");
    doc.set_attr(algorithm, "value", Value::str("SpectralClustering"))
        .unwrap();
    assert_eq!(title_text(&doc), "SpectralClustering");
    let (inner, outer) = ring_colours(&doc);
    assert_eq!((inner.len(), outer.len()), (1, 1));
    assert_ne!(inner, outer);

    // The sliders act when a move ends (`value_throttled`), not while it goes on.
    let slide = |doc: &mut Document, title: &str, to: f64, end: bool| {
        let slider = find(doc, "Slider", "title", title);
        doc.set_attr(slider, "value", Value::Float(to)).unwrap();
        if end {
            doc.set_attr(slider, "value_throttled", Value::Float(to))
                .unwrap();
        }
    };
    slide(&mut doc, "Number of samples", 3000.0, false);
    assert_eq!(rows(&doc, source), 1500);
    slide(&mut doc, "Number of samples", 3000.0, true);
    assert_eq!(rows(&doc, source), 3000);
    assert_eq!(colours(&doc).len(), 3000);

    doc.set_attr(algorithm, "value", Value::str("MiniBatchKMeans"))
        .unwrap();
    slide(&mut doc, "Number of clusters", 5.0, true);
    assert_eq!(distinct(&doc), 5);
    // Past six clusters, Spectral6's colours come round again.
    slide(&mut doc, "Number of clusters", 9.0, true);
    assert_eq!(distinct(&doc), 6);

    // Mean shift finds the three blobs, whatever the number of clusters.
    let dataset = find(&doc, "Select", "title", "Select dataset:");
    doc.set_attr(dataset, "value", Value::str("Blobs")).unwrap();
    doc.set_attr(algorithm, "value", Value::str("MeanShift"))
        .unwrap();
    assert_eq!((title_text(&doc), distinct(&doc)), ("MeanShift".into(), 3));
}

#[test]
fn surface3d_is_a_model_of_the_gallerys_own_whose_heights_wave() {
    use rokeh::document::json::{to_json, BufferMode};
    let mut doc = Document::new();
    surface3d(&mut doc).unwrap();
    let root = doc.roots()[0];
    let surface = doc.typed_id::<Surface3d>(doc.model_id(root)).unwrap();
    assert_eq!(doc.try_model(root).unwrap().type_name, "Surface3d");
    let source = doc.get(surface, Surface3d::DATA_SOURCE).unwrap().any();
    assert_eq!(doc.get(surface, Surface3d::Z), "z");
    assert_eq!(doc.row_count(source), 15 * 15);
    let z = |doc: &Document| doc.column_f64(source, "z").unwrap().to_vec();
    // main.py's compute(0) at (x, y) = (20, 40).
    let at = 2 * 15 + 1;
    assert_eq!(doc.cell(source, "x", at), Value::Int(20));
    let expected = (20.0f64 / 50.0).sin() * (40.0f64 / 50.0).cos() * 50.0 + 50.0;
    assert!((z(&doc)[at] - expected).abs() < 1e-12);

    // Every 100 ms a step on: Bokeh's `@count()` starts at 0, then 1, …
    let (id, period) = doc.periodic_callbacks().next().expect("the animation");
    assert_eq!(period.as_millis(), 100);
    doc.run_periodic(id).unwrap();
    let first = z(&doc);
    assert!((first[at] - expected).abs() < 1e-12, "step 0 again");
    doc.run_periodic(id).unwrap();
    let t1 = (20.0f64 / 50.0 + 0.1).sin() * (40.0f64 / 50.0 + 0.1).cos() * 50.0 + 50.0;
    assert!((z(&doc)[at] - t1).abs() < 1e-12);

    // A LayoutDOM of its own: a LayoutDOM's properties, checked; its own, checked.
    doc.set_attr(root, "width", Value::Int(500)).unwrap();
    assert!(doc
        .set_attr(root, "sizing_mode", Value::str("sideways"))
        .is_err());
    assert!(doc.set_attr(root, "x", Value::Int(3)).is_err());
    assert_eq!(
        doc.get(surface, Surface3d::X),
        "x",
        "a refused value changes nothing"
    );
    let row = rokeh::models::row(&mut doc, [root]);
    assert_eq!(
        doc.get_attr(row.any(), "children").unwrap(),
        Value::List(vec![Value::Ref(doc.model_id(root).clone())])
    );

    // Written as Bokeh writes the example's model: by its class' name (an
    // `__implementation__` extension's `__qualified_model__`), its own properties beside
    // LayoutDOM's; and read back so.
    let json = to_json(&doc, BufferMode::Inline).json;
    let text = json.to_string();
    let roots = json["roots"].as_array().unwrap();
    let written = roots
        .iter()
        .find(|r| r["name"] == "Surface3d")
        .expect("the surface, by its type's name");
    assert_eq!(written["attributes"]["z"], "z");
    assert_eq!(written["attributes"]["width"], 500);
    assert!(
        written["attributes"]["data_source"]["name"] == "ColumnDataSource",
        "{text}"
    );
    let back = Document::from_json(&json, &Default::default()).unwrap();
    let read = back.roots()[0];
    assert_eq!(back.try_model(read).unwrap().type_name, "Surface3d");
    assert_eq!(back.get_attr(read, "x").unwrap(), Value::str("x"));
}

#[test]
fn sliders_draw_the_points_their_sessions_n_asks_for() {
    let app = App::new("sliders", sliders);
    let points = |query: &str| {
        let doc = app.document_for(SessionContext::default().with_query(query));
        rows(&doc, of_type(&doc, "ColumnDataSource")[0])
    };
    assert_eq!(points(""), 200);
    assert_eq!(points("N=1000&N=5"), 1000);
    // Not a count the app draws: its own.
    for bad in ["N=1", "N=abc", "N=-5", "N=20000000"] {
        assert_eq!(points(bad), 200, "{bad}");
    }
}

#[test]
fn server_auth_is_the_sliders_with_a_logout_button_going_to_the_sessions_logout_url() {
    let app = App::new("server_auth", server_auth);
    // No server, nobody to log out: the button is there, disabled, and does nothing.
    let alone = app.document();
    let logout = find(&alone, "Button", "label", "logout");
    assert_eq!(
        alone.get_attr(logout, "disabled").unwrap(),
        Value::Bool(true)
    );
    assert!(of_type(&alone, "CustomJS").is_empty());

    let context = SessionContext::default().with_logout_url(Some("/logout".into()));
    let mut doc = app.document_for(context);
    let logout = find(&doc, "Button", "label", "logout");
    assert_eq!(
        doc.get_attr(logout, "disabled").unwrap(),
        Value::Bool(false)
    );
    let [go] = of_type(&doc, "CustomJS")[..] else {
        panic!("one CustomJS")
    };
    assert_eq!(
        doc.get_attr(go, "code").unwrap(),
        Value::str("window.location.href = url")
    );
    let args = format!("{:?}", doc.get_attr(go, "args").unwrap());
    assert!(args.contains("/logout"), "{args}");
    assert_eq!(title_text(&doc), "my sine wave");

    // The sliders move the sine, as the sliders app's do.
    let source = of_type(&doc, "ColumnDataSource")[0];
    let before = doc.column_f64(source, "y").unwrap().to_vec();
    let offset = find(&doc, "Slider", "title", "offset");
    doc.set_attr(offset, "value", 1.5.into()).unwrap();
    let after = doc.column_f64(source, "y").unwrap();
    assert!(before
        .iter()
        .zip(after)
        .all(|(b, a)| (a - b - 1.5).abs() < 1e-9));
}
