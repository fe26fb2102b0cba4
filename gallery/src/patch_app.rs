//! Bokeh's "patch_app" demo: three kinds of column patched every 50 ms — scalars (a
//! scatter's first 100 points jitter), a point within a line (`[0, i]`), and rows within
//! an image (`[0, rows, columns]`, shifted sideways).

use std::sync::Arc;
use std::time::Duration;

use rokeh::core::{ArrayData, ColumnData, NdArray, Spec, Value};
use rokeh::document::{Along, CallbackResult, Document, PatchIndex};
use rokeh::models::{gridplot, ColumnDataSource, ImageRGBA, MultiLine, Scatter};
use rokeh::np::{self, random::Rng};
use rokeh::plotting::{figure, FigureArgs, GlyphVisuals};

/// The image's side, in pixels.
const N: usize = 200;

fn source(doc: &mut Document, columns: Vec<(&str, Value)>) -> rokeh::core::Id<ColumnDataSource> {
    let data = columns
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    doc.add(ColumnDataSource {
        data: ColumnData(data),
    })
}

/// A slice of rows `start..stop` by `step` (`None`: all).
fn rows(start: Option<usize>, stop: Option<usize>, step: Option<usize>) -> Along {
    Along::Slice { start, stop, step }
}

pub fn patch_app(doc: &mut Document) -> CallbackResult {
    let mut rng = Rng::seed(7);
    let square = FigureArgs {
        width: 400,
        height: 400,
        ..FigureArgs::default()
    };
    // A source of scalars: as Python's np.random.uniform(10, size=500), between 1 and 10.
    let color: Vec<String> = (0..500)
        .map(|i| if i < 200 { "firebrick" } else { "navy" }.to_owned())
        .collect();
    let points = source(
        doc,
        vec![
            ("x", rng.uniform(10.0, 1.0, 500).to_vec().into()),
            ("y", rng.uniform(10.0, 1.0, 500).to_vec().into()),
            ("color", color.into()),
        ],
    );
    let p = figure(doc, square.clone());
    let dots = Scatter {
        size: 8.0.into(),
        ..Scatter::default()
    };
    p.scatter(doc, points, dots.color("color").alpha(0.6));

    // A source of lines, each a 1-d array.
    let x = np::linspace(0.0, 10.0, 200);
    let line = |y: np::Array| Value::Array(y.to_vec().into());
    let lines = source(
        doc,
        vec![
            ("xs", Value::List(vec![line(x.clone()), line(x.clone())])),
            (
                "ys",
                Value::List(vec![line(np::sin(x.clone())), line(np::cos(x))]),
            ),
            ("color", vec!["olive".to_owned(), "navy".to_owned()].into()),
        ],
    );
    let p1d = figure(doc, square.clone());
    let waves = MultiLine {
        line_width: 4.0.into(),
        ..MultiLine::default()
    };
    p1d.multi_line(doc, lines, waves.color("color").alpha(0.6));

    // A source of one image, its RGBA pixels packed in 32 bits: red across, green up.
    let pixel = |i: usize, j: usize| {
        let [r, g] = [j, i].map(|k| (k as f64 / N as f64 * 255.0) as u32);
        r | g << 8 | 158 << 16 | 255 << 24
    };
    let pixels: Vec<u32> = (0..N * N).map(|k| pixel(k / N, k % N)).collect();
    let image = NdArray {
        data: Arc::new(ArrayData::U32(pixels.into())),
        shape: vec![N, N],
    };
    let images = source(doc, vec![("img", Value::List(vec![Value::Array(image)]))]);
    let framed = FigureArgs {
        x_range: (0.0, 10.0).into(),
        y_range: (0.0, 10.0).into(),
        ..square
    };
    let p2d = figure(doc, framed);
    let rgba = ImageRGBA {
        image: Spec::field("img"),
        x: 0.0.into(),
        y: 0.0.into(),
        dw: 10.0.into(),
        dh: 10.0.into(),
        ..ImageRGBA::default()
    };
    p2d.image_rgba(doc, images, rgba);

    doc.add_periodic_callback(Duration::from_millis(50), move |doc| {
        // Some items of the scalar columns.
        let first_rows = PatchIndex::Slice {
            start: None,
            stop: Some(100),
            step: None,
        };
        let jitter = |doc: &Document, rng: &mut Rng, name: &str, by: f64| -> Value {
            let old = doc.column_f64(points, name).unwrap_or_default();
            let moved: Vec<f64> = old[..100]
                .iter()
                .map(|v| v + rng.uniform1(-by, by))
                .collect();
            moved.into()
        };
        let (x, y) = (
            jitter(doc, &mut rng, "x", 0.1),
            jitter(doc, &mut rng, "y", 0.2),
        );
        doc.patch(
            points,
            vec![
                ("x".into(), vec![(first_rows.clone(), x)]),
                ("y".into(), vec![(first_rows, y)]),
            ],
        )?;
        // One point of the first line.
        let i = (rng.random() * 200.0) as usize;
        let Some(Value::List(ys)) = doc.column(lines, "ys") else {
            return Ok(());
        };
        let Value::Array(y0) = &ys[0] else {
            return Ok(());
        };
        let old = y0.data.get(i).and_then(|v| v.as_f64()).unwrap_or(0.0);
        let point = PatchIndex::Within {
            row: 0,
            along: vec![Along::At(i)],
        };
        let new = Value::Float(old + 0.2 * rng.random() - 0.1);
        doc.patch(
            lines,
            vec![("ys".into(), vec![(point, Value::List(vec![new]))])],
        )?;
        // Five rows of the image, each rolled two pixels along.
        let Some(Value::List(img)) = doc.column(images, "img") else {
            return Ok(());
        };
        let Value::Array(image) = &img[0] else {
            return Ok(());
        };
        let mut block = Vec::with_capacity(6 * N);
        for row in (50..151).step_by(20) {
            let row: Vec<Value> = (0..N)
                .map(|c| image.data.get(row * N + c).unwrap_or(Value::Int(0)))
                .collect();
            block.extend((0..N).map(|c| row[(c + N - 2) % N].clone()));
        }
        let rolled = PatchIndex::Within {
            row: 0,
            along: vec![rows(Some(50), Some(151), Some(20)), rows(None, None, None)],
        };
        doc.patch(
            images,
            vec![("img".into(), vec![(rolled, Value::List(block))])],
        )
    });
    let grid = gridplot(doc, [vec![Some(p.any()), Some(p1d.any()), Some(p2d.any())]]);
    doc.add_root(grid);
    Ok(())
}
