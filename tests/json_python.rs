//! rokeh's document JSON and events checked by real Python Bokeh 3.9.2 (in ./.venv, made by
//! scripts/python-venv.sh). Without the venv these tests fail and say how to make it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use rokeh::core::ColumnData;
use rokeh::document::json::{
    apply_json_events, changes_to_json, to_json, BufferMode, Buffers, SyncedModels,
};
use rokeh::document::{Actor, Document, Id, Origin, PatchIndex, Value};
use rokeh::models::{ColumnDataSource, Figure, Place, Slider, Title, Tooltips};
use rokeh::plotting::{figure, try_figure, Active, FigureArgs, ToolsError, TOOL_NAMES};
use rokeh_gallery::sliders;
use serde_json::{json, Value as Json};

#[path = "support/fonts.rs"]
mod fonts;
#[path = "support/picture.rs"]
mod picture;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn python() -> PathBuf {
    let python = root().join(".venv/bin/python");
    assert!(
        python.exists(),
        "no Python Bokeh at {}: run scripts/python-venv.sh first",
        python.display()
    );
    python
}

/// Runs a script of tests/python and returns what it printed; fails with its output.
fn run(script: &str, args: &[&str]) -> String {
    let out = Command::new(python())
        .arg(root().join("tests/python").join(script))
        .args(args)
        .output()
        .expect("python runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{script} {args:?} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// A file path in this test run's temporary directory.
fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rokeh-json-python-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// A JSON file for the script to read.
fn temp_json(name: &str, json: &Json) -> PathBuf {
    let path = temp_path(name);
    std::fs::write(&path, serde_json::to_vec(json).unwrap()).unwrap();
    path
}

fn fixture_path(name: &str) -> PathBuf {
    root().join("tests/fixtures/bokeh").join(name)
}

fn fixture(name: &str) -> Json {
    serde_json::from_str(&std::fs::read_to_string(fixture_path(name)).unwrap()).unwrap()
}

fn app_json() -> Json {
    let mut doc = Document::new();
    sliders(&mut doc);
    to_json(&doc, BufferMode::Inline).json
}

#[test]
fn bokeh_builds_the_same_sliders_document_and_loads_ours() {
    let path = temp_json("sliders.json", &app_json());
    let printed = run("bokeh_check.py", &["sliders", path.to_str().unwrap()]);
    // "ok N": N properties matched Bokeh's, models reached through the layout.
    let matched: usize = printed.trim().trim_start_matches("ok ").parse().unwrap();
    assert!(matched >= 30, "only {matched} properties compared");
}

#[test]
fn bokeh_loads_our_copy_of_its_own_document_unchanged() {
    let original = fixture("sliders_doc.json");
    let doc = Document::from_json(&original, &Buffers::new()).unwrap();
    let ours = temp_json("copy.json", &to_json(&doc, BufferMode::Inline).json);
    // The fixture as it is: Bokeh's reader wants definitions before references, in the
    // file's own key order.
    let theirs = fixture_path("sliders_doc.json");
    run(
        "bokeh_check.py",
        &["same", theirs.to_str().unwrap(), ours.to_str().unwrap()],
    );
}

#[test]
fn a_richer_bokeh_document_reads_and_bokeh_loads_our_copy_unchanged() {
    let theirs = temp_path("gallery.json");
    run("bokeh_check.py", &["gallery", theirs.to_str().unwrap()]);
    let json: Json = serde_json::from_str(&std::fs::read_to_string(&theirs).unwrap()).unwrap();
    let doc = Document::from_json(&json, &Buffers::new()).unwrap();
    // Datetimes arrive as float64 milliseconds.
    let source = doc
        .models()
        .find(|(_, m)| m.type_name == "ColumnDataSource")
        .and_then(|(_, m)| doc.typed_id::<ColumnDataSource>(&m.id))
        .unwrap();
    let t = doc.column_f64(source, "t").unwrap();
    assert_eq!(t[1] - t[0], 3_600_000.0);
    // The document's own callbacks are kept, and written back as Bokeh writes them.
    let ready = doc.document_js_callbacks("document_ready");
    assert_eq!(ready.len(), 1);
    let written = to_json(&doc, BufferMode::Inline).json;
    let ready_id = doc.model_id(ready[0]).as_str();
    assert_eq!(written["callbacks"]["entries"][0][0], "document_ready");
    assert_eq!(written["callbacks"]["entries"][0][1][0]["id"], ready_id);
    assert_eq!(json["callbacks"]["entries"][0][1][0]["id"], ready_id);
    let ours = temp_json("gallery_copy.json", &to_json(&doc, BufferMode::Inline).json);
    run(
        "bokeh_check.py",
        &["same", theirs.to_str().unwrap(), ours.to_str().unwrap()],
    );
}

/// rokeh's `figure(args)` as the one root of a document, checked against Python's
/// `figure(**python_args)` by `bokeh_check.py figure`; returns the properties compared.
fn check_figure(name: &str, args: FigureArgs, python_args: Json) -> usize {
    let mut doc = Document::new();
    let plot = figure(&mut doc, args);
    doc.add_root(plot);
    let ours = temp_json(
        &format!("{name}.json"),
        &to_json(&doc, BufferMode::Inline).json,
    );
    let python_args = temp_json(&format!("{name}_args.json"), &python_args);
    let printed = run(
        "bokeh_check.py",
        &[
            "figure",
            python_args.to_str().unwrap(),
            ours.to_str().unwrap(),
        ],
    );
    printed.trim().trim_start_matches("ok ").parse().unwrap()
}

#[test]
fn figure_makes_the_toolbar_python_makes() {
    // Bokeh's default tools, each with the properties and overlay Python gives it.
    let compared = check_figure("default_tools", FigureArgs::default(), json!({}));
    assert!(compared >= 20, "only {compared} properties compared");

    // Every alias rokeh knows, active tools by name, tooltips set on the hover tool.
    let tools = TOOL_NAMES.join(",");
    let args = FigureArgs {
        tools: tools.clone(),
        active_drag: Active::from("box_select"),
        active_scroll: Active::from("xwheel_zoom"),
        active_tap: Active::None,
        active_inspect: Active::from("crosshair"),
        tooltips: Some(Tooltips::rows([("y", "@y{0.00}"), ("where", "$x")])),
        toolbar_location: Some(Place::Below),
        ..FigureArgs::default()
    };
    let python = json!({
        "tools": tools,
        "active_drag": "box_select",
        "active_scroll": "xwheel_zoom",
        "active_tap": null,
        "active_inspect": "crosshair",
        "tooltips": [["y", "@y{0.00}"], ["where", "$x"]],
        "toolbar_location": "below",
    });
    let compared = check_figure("all_tools", args, python);
    assert!(compared >= 100, "only {compared} properties compared");

    // Tooltips without a hover tool: Python adds one, last.
    let args = FigureArgs {
        tools: "tap,lasso_select".into(),
        tooltips: Some(Tooltips::Template("<b>@x</b>".into())),
        ..FigureArgs::default()
    };
    let python = json!({"tools": "tap,lasso_select", "tooltips": "<b>@x</b>"});
    check_figure("added_hover", args, python);
}

#[test]
fn bad_tool_arguments_are_refused_as_python_refuses_them() {
    let mut doc = Document::new();
    let before = doc.models().count();
    let err = try_figure(
        &mut doc,
        FigureArgs {
            tools: "pan,wheel_zom".into(),
            ..FigureArgs::default()
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("\"wheel_zom\""), "{err}");
    let err = try_figure(
        &mut doc,
        FigureArgs {
            tools: "pan".into(),
            active_drag: Active::from("box_zoom"),
            ..FigureArgs::default()
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            ToolsError::UnknownActive {
                arg: "active_drag",
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(doc.models().count(), before, "nothing added");
}

fn find<M: rokeh::core::ModelType>(doc: &Document, pick: impl Fn(&Value) -> bool) -> Id<M> {
    doc.models()
        .filter(|(_, m)| m.type_name == M::NAME)
        .find(|(_, m)| pick(&m.attrs.get("title").cloned().unwrap_or(Value::Null)))
        .and_then(|(_, m)| doc.typed_id::<M>(&m.id))
        .expect("model present")
}

#[test]
fn our_events_are_the_ones_bokeh_emits_for_the_same_changes() {
    let app = app_json();
    // Read back: the same ids, and no app callbacks to add changes of their own.
    let mut doc = Document::from_json(&app, &Buffers::new()).unwrap();
    let freq: Id<Slider> = find(&doc, |t| t == &Value::str("frequency"));
    let source: Id<ColumnDataSource> = find(&doc, |_| true);
    let plot: Id<Figure> = find(&doc, |_| true);
    let title: Id<Title> = doc.get(plot, Figure::TITLE).unwrap();
    let synced = SyncedModels::of(&doc);
    let events = |doc: &mut Document| {
        let changes = doc.take_changes();
        changes_to_json(doc, &changes, &synced, BufferMode::Inline).json
    };

    // No two consecutive changes here touch one attribute, so none combine.
    doc.set(freq, Slider::VALUE, 2.0).unwrap();
    let ys: Vec<f64> = (0..200).map(f64::from).collect();
    doc.set_column(source, "y", ys).unwrap();
    let floats = |v: &[f64]| Value::List(v.iter().map(|f| Value::Float(*f)).collect());
    let rows = vec![
        ("x".to_owned(), floats(&[1.0, 2.0])),
        ("y".to_owned(), floats(&[2.0, 3.0])),
    ];
    doc.stream(source, rows, Some(201)).unwrap();
    let slice = PatchIndex::Slice {
        start: Some(2),
        stop: Some(6),
        step: Some(2),
    };
    let cells = vec![
        (PatchIndex::Row(0), Value::Float(5.0)),
        (slice, floats(&[1.0, 2.0])),
    ];
    doc.patch(source, vec![("y".into(), cells)]).unwrap();
    doc.set_title("T");
    doc.set(title, Title::TEXT, "new text".to_string()).unwrap();
    let new = doc.add(Slider::new("n", 1.0, 0.0, 10.0, 0.5));
    doc.add_root(new);
    doc.remove_root(new);
    let data = ColumnData(vec![
        ("x".into(), Value::Array(vec![0.0, 1.0].into())),
        ("y".into(), Value::Array(vec![1.0, 2.0].into())),
    ]);
    doc.set(source, ColumnDataSource::DATA, data).unwrap();
    let plain = events(&mut doc);

    doc.hold();
    doc.set(freq, Slider::VALUE, 3.0).unwrap();
    doc.set(title, Title::TEXT, "a".to_string()).unwrap();
    doc.set(freq, Slider::VALUE, 3.5).unwrap();
    doc.set(title, Title::TEXT, "b".to_string()).unwrap();
    doc.set_title("U");
    doc.set_title("V");
    assert!(doc.take_changes().is_empty(), "a hold keeps changes back");
    doc.unhold();
    let held = events(&mut doc);

    let ids = json!({
        "freq": doc.model_id(freq.any()).as_str(),
        "source": doc.model_id(source.any()).as_str(),
        "title": doc.model_id(title.any()).as_str(),
    });
    let scenario = json!({"doc": app, "ids": ids, "events": {"plain": plain, "held": held}});
    let path = temp_json("events.json", &scenario);
    let out = path.with_file_name("bokeh_events.json");
    run(
        "bokeh_check.py",
        &["events", path.to_str().unwrap(), out.to_str().unwrap()],
    );

    // Bokeh's own events, applied here, leave what they left there.
    let theirs: Json = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    let mut applied = Document::from_json(&app, &Buffers::new()).unwrap();
    let apply = |doc: &mut Document, events: &[Json]| {
        doc.acting_as(
            Actor {
                origin: Origin::Local,
                run_callbacks: false,
            },
            |d| apply_json_events(d, &Json::Array(events.to_vec()), &Buffers::new()),
        )
        .unwrap_or_else(|e| panic!("Bokeh's events: {e}"))
    };
    let final_state = &theirs["final"];
    // Up to the patch: the stream (with rollover) and the patch left Bokeh's columns.
    let plain = theirs["events"]["plain"].as_array().unwrap();
    let patched = 1 + plain
        .iter()
        .position(|e| e["kind"] == "ColumnsPatched")
        .unwrap();
    apply(&mut applied, &plain[..patched]);
    for name in ["x", "y"] {
        let ours = applied.column_f64(source, name).unwrap();
        assert_eq!(
            json!(ours),
            final_state["after_patch"][name],
            "column {name}"
        );
    }
    apply(&mut applied, &plain[patched..]);
    apply(&mut applied, theirs["events"]["held"].as_array().unwrap());
    assert_eq!(applied.title(), final_state["title"]);
    assert_eq!(json!(applied.get(freq, Slider::VALUE)), final_state["freq"]);
    assert_eq!(
        applied.get(title, Title::TEXT).as_plain(),
        final_state["text"].as_str()
    );
    let roots: Vec<&str> = applied
        .roots()
        .iter()
        .map(|r| applied.model_id(*r).as_str())
        .collect();
    assert_eq!(json!(roots), final_state["roots"]);
    for name in ["x", "y"] {
        let ours = applied.column_f64(source, name).unwrap();
        assert_eq!(json!(ours), final_state["data"][name], "column {name}");
    }
}

#[test]
fn the_bokeh_schema_table_is_what_bokeh_says() {
    let generated = run("bokeh_schemas.py", &[]);
    let committed = std::fs::read_to_string(root().join("src/models/bokeh_schemas.rs")).unwrap();
    assert!(
        generated == committed,
        "src/models/bokeh_schemas.rs is stale: regenerate it with\n  \
         .venv/bin/python tests/python/bokeh_schemas.py > src/models/bokeh_schemas.rs"
    );
}

/// Python's glyph methods with `color=` (equal to Segment's default black, so stored as
/// nothing, yet not the figure's blue), `alpha=`, and the selection, nonselection and
/// hover ones: rokeh's glyphs get the same colours and alphas, role by role.
#[test]
fn glyph_visuals_are_those_python_s_glyph_methods_set() {
    use rokeh::core::Spec;
    use rokeh::models::{Arc, Bezier, HSpan, ImageURL, Ngon, Quadratic, Scatter, Segment, VStrip};
    use rokeh::plotting::{figure, FigureArgs, GlyphVisuals};

    let theirs_path = temp_path("visuals.json");
    run(
        "bokeh_check.py",
        &["visuals", theirs_path.to_str().unwrap()],
    );
    let theirs: Json =
        serde_json::from_str(&std::fs::read_to_string(&theirs_path).unwrap()).unwrap();

    let mut doc = Document::new();
    let p = figure(&mut doc, FigureArgs::default());
    let source = doc.add(ColumnDataSource::default());
    let segment = || Segment {
        x0: Spec::field("x"),
        y0: Spec::field("y"),
        x1: Spec::field("x"),
        y1: Spec::field("y"),
        ..Segment::default()
    };
    let renderers = [
        p.segment(&mut doc, source, segment().color("black").alpha(0.5)),
        p.segment(&mut doc, source, segment()),
        p.scatter(&mut doc, source, Scatter::default()),
        p.hspan(&mut doc, source, HSpan::default()),
        p.vstrip(
            &mut doc,
            source,
            VStrip {
                x0: Spec::field("x"),
                x1: Spec::field("x"),
                ..VStrip::default()
            },
        ),
        p.arc(
            &mut doc,
            source,
            Arc {
                radius: Spec::Value(1.0),
                start_angle: Spec::Value(0.0),
                end_angle: Spec::Value(1.0),
                ..Arc::default()
            },
        ),
        p.bezier(&mut doc, source, Bezier::default()),
        p.quadratic(&mut doc, source, Quadratic::default()),
        p.ngon(
            &mut doc,
            source,
            Ngon {
                n: Spec::Value(5.0),
                ..Ngon::new(1.0)
            },
        ),
        p.image_url(&mut doc, source, ImageURL::default().alpha(0.5)),
    ];
    renderers[2].selection_visuals(&mut doc, Some("orange"), Some(0.5));
    renderers[2].nonselection_visuals(&mut doc, None, Some(0.1));
    renderers[2].hover_visuals(&mut doc, Some("white"), Some(0.5));
    let visuals = |doc: &Document, glyph: Option<&rokeh::core::Value>| {
        let Some(rokeh::core::Value::Ref(id)) = glyph else {
            return Json::Null;
        };
        let model = doc.model(doc.lookup(id).unwrap());
        let plain = |v: &rokeh::core::Value| {
            let v = v.object_field("value").unwrap_or(v);
            v.as_str()
                .map_or_else(|| serde_json::json!(v.as_f64()), |s| serde_json::json!(s))
        };
        model
            .attrs
            .iter()
            .filter(|(k, _)| k.ends_with("_color") || k.ends_with("_alpha"))
            .map(|(k, v)| (k.clone(), plain(v)))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let ours: Vec<Json> = renderers
        .iter()
        .map(|r| {
            let attrs = &doc.model(r.any()).attrs;
            [
                "glyph",
                "selection_glyph",
                "nonselection_glyph",
                "hover_glyph",
                "muted_glyph",
            ]
            .map(|role| (role.to_owned(), visuals(&doc, attrs.get(role))))
            .into_iter()
            .collect::<serde_json::Map<_, _>>()
            .into()
        })
        .collect();
    assert_eq!(Json::Array(ours), theirs);
}

/// rokeh's `gridplot` makes the grid Python's makes: the plots' toolbars taken away, one
/// toolbar of their tools for the grid (alike tools merged into a ToolProxy each, one new
/// SaveTool, the last plot's active drag as its proxy), the items' width set; and with
/// `merge_tools` off, an empty toolbar and the plots' own left alone.
#[test]
fn gridplot_merges_the_tools_as_python_does() {
    use rokeh::models::{gridplot_with, GridplotArgs, Toolbar};
    use rokeh::plotting::RangeArg;

    let mut doc = Document::new();
    let p1 = figure(
        &mut doc,
        FigureArgs {
            tools: "xpan,xwheel_zoom,xbox_zoom,reset,save".into(),
            width: 300,
            height: 200,
            ..FigureArgs::default()
        },
    );
    let shared = RangeArg::Shared(doc.get(p1, Figure::X_RANGE).unwrap());
    let p2 = figure(
        &mut doc,
        FigureArgs {
            tools: "pan,xwheel_zoom,xbox_zoom,reset,save,hover".into(),
            x_range: shared,
            active_drag: Active::from("xbox_zoom"),
            ..FigureArgs::default()
        },
    );
    let args = GridplotArgs {
        toolbar_location: Some(Place::Left),
        width: Some(250),
        ..GridplotArgs::default()
    };
    let rows = [vec![Some(p1.any()), None], vec![None, Some(p2.any())]];
    let merged = gridplot_with(&mut doc, rows, args);
    let p3 = figure(
        &mut doc,
        FigureArgs {
            toolbar_location: Some(Place::Above),
            ..FigureArgs::default()
        },
    );
    let args = GridplotArgs {
        merge_tools: false,
        toolbar_location: None,
        ..GridplotArgs::default()
    };
    let apart = gridplot_with(&mut doc, [vec![Some(p3.any())]], args);
    doc.add_root(merged);
    doc.add_root(apart);

    let toolbar = doc.get(merged, rokeh::models::GridPlot::TOOLBAR).unwrap();
    let toolbar = doc.typed_id::<Toolbar>(doc.model_id(toolbar)).unwrap();
    let types: Vec<&str> = doc
        .get(toolbar, Toolbar::TOOLS)
        .into_iter()
        .map(|t| doc.model(t).type_name.as_str())
        .collect();
    // pan and xpan differ; wheel zooms, box zooms, resets alike; saves one new tool.
    assert_eq!(
        types,
        [
            "ToolProxy",
            "ToolProxy",
            "ToolProxy",
            "ToolProxy",
            "ToolProxy",
            "SaveTool",
            "ToolProxy"
        ]
    );
    assert_eq!(doc.get(p3, Figure::TOOLBAR_LOCATION), Some(Place::Above));

    let ours = temp_json("gridplot.json", &to_json(&doc, BufferMode::Inline).json);
    let printed = run("bokeh_check.py", &["gridplot", ours.to_str().unwrap()]);
    let compared: usize = printed.trim().trim_start_matches("ok ").parse().unwrap();
    assert!(compared >= 40, "only {compared} properties compared");
}

/// rokeh's contours of a field against Bokeh's own (contourpy): each band covers the same
/// area and each level's lines are as long, within 2 % (rokeh splits cells into
/// triangles where contourpy works on whole quads).
#[test]
fn contours_cover_what_bokeh_s_cover() {
    let measured: Json = serde_json::from_str(&run("contour_measures.py", &[])).unwrap();
    let floats = |key: &str| -> Vec<f64> {
        let list = measured[key].as_array().unwrap();
        list.iter().map(|v| v.as_f64().unwrap()).collect()
    };
    let (x, y, z, levels) = (floats("x"), floats("y"), floats("z"), floats("levels"));
    let data = rokeh::plotting::contour_data((&x, &y, &z), &levels).unwrap();
    let fill = data.fill.unwrap();
    let signed = |xs: &[f64], ys: &[f64]| {
        let n = xs.len();
        (0..n)
            .map(|i| xs[i] * ys[(i + 1) % n] - xs[(i + 1) % n] * ys[i])
            .sum::<f64>()
            / 2.0
    };
    for (band, want) in floats("areas").into_iter().enumerate() {
        let polygons = fill.xs[band].iter().zip(&fill.ys[band]);
        let area: f64 = polygons
            .map(|(px, py)| {
                px.iter()
                    .zip(py)
                    .map(|(rx, ry)| signed(rx, ry))
                    .sum::<f64>()
            })
            .sum();
        assert!(
            (area - want).abs() <= 0.02 * want,
            "band {band}: {area} against Bokeh's {want}"
        );
    }
    let line = data.line.unwrap();
    for (level, want) in floats("lengths").into_iter().enumerate() {
        let (xs, ys) = (&line.xs[level], &line.ys[level]);
        let length: f64 = (1..xs.len())
            .map(|i| (xs[i] - xs[i - 1]).hypot(ys[i] - ys[i - 1]))
            .filter(|d| !d.is_nan())
            .sum();
        assert!(
            (length - want).abs() <= 0.02 * want.max(0.01),
            "level {level}: {length} against Bokeh's {want}"
        );
    }
}

/// Bokeh's own patches within a cell (a line's point, `[row, j]`; an image's block,
/// `[0, rows, columns]`, as examples/server/app/patch_app.py makes them), applied here,
/// leave the columns Bokeh's patches left there.
#[test]
fn patches_within_a_cell_from_bokeh_apply_as_there() {
    let printed: Json = serde_json::from_str(&run("nested_patch.py", &[])).unwrap();
    let mut doc = Document::from_json(&printed["doc"], &Buffers::new()).unwrap();
    doc.acting_as(
        Actor {
            origin: Origin::Local,
            run_callbacks: false,
        },
        |d| apply_json_events(d, &printed["events"], &Buffers::new()),
    )
    .unwrap_or_else(|e| panic!("Bokeh's patches: {e}"));
    let column = |name: &str| {
        doc.models()
            .find_map(|(any, _)| doc.column(any, name).cloned())
            .unwrap()
    };
    let numbers = |cell: &Value| -> Vec<f64> {
        let Value::Array(a) = cell else {
            panic!("an array cell")
        };
        a.data
            .to_values()
            .iter()
            .filter_map(Value::as_f64)
            .collect()
    };
    let Value::List(ys) = column("ys") else {
        panic!("a list of lines")
    };
    let floats = |v: &Json| -> Vec<f64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_f64().unwrap())
            .collect()
    };
    let theirs: Vec<Vec<f64>> = printed["after"]["ys"]
        .as_array()
        .unwrap()
        .iter()
        .map(floats)
        .collect();
    assert_eq!(ys.iter().map(numbers).collect::<Vec<_>>(), theirs);
    let Value::List(img) = column("img") else {
        panic!("a list of images")
    };
    assert_eq!(numbers(&img[0]), floats(&printed["after"]["img"]));
}

#[test]
fn bokehs_built_in_themes_are_rokehs_by_name() {
    use rokeh::document::Theme;
    let names: Vec<&str> = Theme::built_in_names().collect();
    assert_eq!(
        names,
        [
            "caliber",
            "carbon",
            "dark_minimal",
            "light_minimal",
            "night_sky",
            "contrast"
        ]
    );
    for name in names {
        let theirs = Theme::from_json(&run("bokeh_themes.py", &["--json", name])).unwrap();
        assert_eq!(Theme::built_in(name), Some(theirs), "{name}");
    }
    assert_eq!(Theme::built_in("solarized"), None);
}

#[test]
fn a_range_tool_bokeh_made_is_read_and_drawn_and_ours_has_its_overlay() {
    use rokeh::models::RangeTool;

    let theirs = temp_path("range_tool.json");
    run("bokeh_check.py", &["range_tool", theirs.to_str().unwrap()]);
    let json: Json = serde_json::from_str(&std::fs::read_to_string(&theirs).unwrap()).unwrap();
    let doc = Document::from_json(&json, &Buffers::new()).unwrap();
    let overview = doc
        .models()
        .filter_map(|(_, m)| doc.typed_id::<Figure>(&m.id))
        .find(|&f| doc.get(f, Figure::HEIGHT) == Some(150))
        .unwrap();
    // The box over the overview spans the detail's 20 to 40, the frame's height.
    let pic = picture::render_size(&doc, overview, (600, 150), 1.0);
    let navy = [0, 0, 128];
    let mid = |y: f64| pic.layout.to_pixel(0.0, y).1;
    for x in [22.0, 30.0, 38.0] {
        let (px, _) = pic.layout.to_pixel(x, 0.0);
        let p = pic
            .pixel(px.round() as i32, mid(0.0).round() as i32)
            .unwrap();
        assert_eq!(p, navy, "inside the box at x {x}");
    }
    for x in [15.0, 45.0] {
        let (px, _) = pic.layout.to_pixel(x, 0.0);
        let p = pic
            .pixel(px.round() as i32, mid(0.0).round() as i32)
            .unwrap();
        assert_ne!(p, navy, "outside the box at x {x}");
    }
    // rokeh's `range_tool` gives the overlay Python gives (but the colour set above).
    let tool = doc
        .models()
        .find_map(|(_, m)| doc.typed_id::<RangeTool>(&m.id))
        .unwrap();
    let python_overlay = doc.get(tool, RangeTool::OVERLAY).unwrap();
    let mut ours = Document::new();
    let range = ours.add(rokeh::models::Range1d::default());
    let our_tool = rokeh::plotting::range_tool(&mut ours, Some(range.any()), None);
    let our_overlay = ours.get(our_tool, RangeTool::OVERLAY).unwrap();
    for attr in [
        "line_color",
        "line_alpha",
        "line_width",
        "line_dash",
        "level",
        "editable",
        "syncable",
        "visible",
    ] {
        assert_eq!(
            ours.get_attr(our_overlay, attr).unwrap(),
            doc.get_attr(python_overlay, attr).unwrap(),
            "{attr}"
        );
    }
    let (theirs_fill, ours_fill) = (
        doc.get_attr(python_overlay, "fill_color").unwrap(),
        ours.get_attr(our_overlay, "fill_color").unwrap(),
    );
    assert_eq!(
        (theirs_fill.as_str(), ours_fill.as_str()),
        (Some("navy"), Some("lightgrey"))
    );
}
