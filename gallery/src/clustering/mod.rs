//! Bokeh's "clustering" demo: a 2-D dataset (rings, moons, blobs or noise) clustered by
//! one of eight of scikit-learn's algorithms, here written in Rust, the points coloured by
//! cluster. The algorithm, the number of clusters, the dataset and its size are widgets.
//! The first colours are the first clustering's too (the example colours its first points
//! by the dataset's true classes, under a title naming the algorithm).

mod algorithms;
mod datasets;

use std::sync::{Arc, Mutex};

use rokeh::core::{Id, Spec};
use rokeh::document::{CallbackResult, Document, Theme};
use rokeh::models::{
    column, palettes::palette, row, ColumnDataSource, LayoutDom, Row, Scatter, Select, Slider,
    Title,
};
use rokeh::np::random::Rng;
use rokeh::plotting::{figure, FigureArgs};

use algorithms::Algorithm;
use datasets::{standardise, Dataset, Point};

pub fn clustering(doc: &mut Document) -> CallbackResult {
    let theme = Theme::from_json(include_str!("theme.json"));
    doc.set_theme(theme.expect("the app's theme.json"))?;
    let names = Dataset::ALL.map(Dataset::name);
    let dataset = doc.add(Select::new("Select dataset:", names[0], names));
    let names = Algorithm::ALL.map(Algorithm::name);
    let algorithm = doc.add(Select::new("Select algorithm:", names[0], names));
    let samples = doc.add(Slider::new(
        "Number of samples",
        1500.0,
        1000.0,
        3000.0,
        100.0,
    ));
    let clusters = doc.add(Slider::new("Number of clusters", 2.0, 2.0, 10.0, 1.0));
    doc.set_all([dataset, algorithm], Select::WIDTH, Some(200))?;
    doc.set_all([samples, clusters], Slider::WIDTH, Some(400))?;
    let p = figure(
        doc,
        FigureArgs {
            toolbar_location: None,
            ..FigureArgs::default()
        },
    );
    let source = doc.add(ColumnDataSource::default());
    let dots = Scatter {
        fill_color: Spec::field("colors"),
        line_color: Spec::Value(None),
        ..Scatter::default()
    };
    p.scatter(doc, source, dots);

    // One generator for the app's life, as the example's `np.random.seed(0)`.
    let rng = Arc::new(Mutex::new(Rng::seed(0)));
    let points: Arc<Mutex<Vec<Point>>> = Arc::default();
    let spectral6 = palette("Spectral6").expect("Bokeh's");
    let recluster = {
        let (rng, points) = (rng.clone(), points.clone());
        move |doc: &mut Document| -> CallbackResult {
            let chosen = shown(doc, algorithm, Algorithm::from_name, Algorithm::ALL[0]);
            let k = doc.get(clusters, Slider::VALUE) as usize;
            let points = points.lock().expect("not poisoned");
            let labels = chosen.cluster(&points, k, &mut rng.lock().expect("not poisoned"));
            // Noise is the palette's last colour, as Python's `spectral[-1]`.
            let colour = |l: &Option<usize>| spectral6[l.unwrap_or(5) % 6].0.clone();
            let (x, y): (Vec<f64>, Vec<f64>) = points.iter().map(|p| (p[0], p[1])).unzip();
            let colors: Vec<String> = labels.iter().map(colour).collect();
            let columns = vec![
                ("x".into(), x.into()),
                ("y".into(), y.into()),
                ("colors".into(), colors.into()),
            ];
            doc.set_columns(source, columns)?;
            doc.set(p.title(doc), Title::TEXT, chosen.name().to_owned())
        }
    };
    let new_data = {
        let recluster = recluster.clone();
        move |doc: &mut Document| {
            let chosen = shown(doc, dataset, Dataset::from_name, Dataset::ALL[0]);
            let n = doc.get(samples, Slider::VALUE) as usize;
            let sample = chosen.sample(n, &mut rng.lock().expect("not poisoned"));
            *points.lock().expect("not poisoned") = standardise(&sample);
            recluster(doc)
        }
    };
    new_data(doc)?;
    let again = recluster.clone();
    doc.on_change(algorithm, Select::VALUE, move |doc, _| again(doc));
    doc.on_change(clusters, Slider::VALUE_THROTTLED, move |doc, _| {
        recluster(doc)
    });
    let again = new_data.clone();
    doc.on_change(dataset, Select::VALUE, move |doc, _| again(doc));
    doc.on_change(samples, Slider::VALUE_THROTTLED, move |doc, _| {
        new_data(doc)
    });

    let selects = row(doc, [dataset.any(), algorithm.any()]);
    doc.set(selects, Row::WIDTH, Some(420))?;
    let inputs = column(doc, [selects.any(), samples.any(), clusters.any()]);
    let layout = row(doc, [inputs.any(), p.any()]);
    doc.add_root(layout);
    doc.set_title("Clustering");
    Ok(())
}

/// The option `select` shows, by its name (`first` for a name it does not know).
fn shown<T>(doc: &Document, select: Id<Select>, from_name: fn(&str) -> Option<T>, first: T) -> T {
    let name = doc.get(select, Select::VALUE);
    name.as_str().and_then(from_name).unwrap_or(first)
}
