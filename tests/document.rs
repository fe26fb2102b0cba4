//! The document core: typed properties, validation, on_change, events.

use rokeh::document::{Document, DocumentError, Event, Id, Origin, Value};
use rokeh::models::{CategoricalSlider, ColumnDataSource, Slider, TextInput, Title};
use rokeh_gallery::{sliders, SINE_POINTS};
use std::sync::{Arc, Mutex};

fn slider(doc: &mut Document) -> Id<Slider> {
    doc.add(Slider::new("frequency", 1.0, 0.1, 5.1, 0.1))
}

fn find<M: rokeh::core::ModelType>(doc: &Document, title: Option<&str>) -> Id<M> {
    doc.models()
        .filter(|(_, m)| m.type_name == M::NAME)
        .filter(|(_, m)| title.is_none_or(|t| m.attrs.get("title") == Some(&Value::str(t))))
        .find_map(|(_, m)| doc.typed_id::<M>(&m.id))
        .expect("model present")
}

#[test]
fn on_change_receives_attr_old_and_new() {
    let mut doc = Document::new();
    let freq = slider(&mut doc);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    doc.on_change(freq, Slider::VALUE, move |_, change| {
        log.lock()
            .unwrap()
            .push((change.attr, change.old, change.new));
        Ok(())
    });
    doc.set(freq, Slider::VALUE, 2.0).unwrap();
    assert_eq!(*seen.lock().unwrap(), vec![("value", 1.0, 2.0)]);
    assert_eq!(doc.get(freq, Slider::VALUE), 2.0);
}

#[test]
fn setting_the_same_value_is_no_change() {
    let mut doc = Document::new();
    let freq = slider(&mut doc);
    doc.take_changes();
    doc.set(freq, Slider::VALUE, 1.0).unwrap();
    assert!(doc.take_changes().is_empty());
}

#[test]
fn out_of_range_slider_value_is_refused_and_changes_nothing() {
    let mut doc = Document::new();
    let freq = slider(&mut doc);
    doc.take_changes();
    let err = doc.set(freq, Slider::VALUE, 7.0).unwrap_err();
    assert!(matches!(err, DocumentError::OutOfDomain { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("outside the slider's range 0.1..5.1"),
        "{err}"
    );
    assert_eq!(doc.get(freq, Slider::VALUE), 1.0);
    assert!(doc.take_changes().is_empty());
}

#[test]
fn a_categorical_slider_takes_only_its_categories() {
    let mut doc = Document::new();
    let fit = doc.add(CategoricalSlider::new("Fit", &["S", "M", "L"], "M"));
    doc.set(fit, CategoricalSlider::VALUE, "L".to_owned())
        .unwrap();
    doc.take_changes();
    let err = (doc.set(fit, CategoricalSlider::VALUE, "XXL".to_owned())).unwrap_err();
    assert!(matches!(err, DocumentError::OutOfDomain { .. }), "{err}");
    assert!(err.to_string().contains("\"XXL\" is not one of"), "{err}");
    assert_eq!(doc.get(fit, CategoricalSlider::VALUE), "L");
    assert!(doc.take_changes().is_empty());
    // Read whole (as a PUSH-DOC brings it), its value is checked against its categories
    // only once both are in.
    use rokeh::document::json::{read_json, to_json, BufferMode};
    doc.add_root(fit);
    let json = to_json(&doc, BufferMode::Binary);
    let back = read_json(&json.json, &json.buffers, doc.registry()).expect("it reads back");
    let read = back.typed_id::<CategoricalSlider>(doc.model_id(fit.any()));
    assert_eq!(back.get(read.unwrap(), CategoricalSlider::VALUE), "L");
}

/// Python lets an app move a slider's range past its value (BokehJS then shows the handle
/// at the end): the document still reads back whole, as a peer or a new session reads it,
/// while a write of a value outside the range stays refused. (Found by `tests/fuzz.rs`.)
#[test]
fn a_slider_whose_range_moved_past_its_value_still_reads_back() {
    use rokeh::document::json::{read_json, to_json, BufferMode};
    let mut doc = Document::new();
    let freq = slider(&mut doc);
    doc.add_root(freq);
    doc.set(freq, Slider::START, 2.5).unwrap();
    let json = to_json(&doc, BufferMode::Binary);
    let back = read_json(&json.json, &json.buffers, doc.registry()).expect("it reads back");
    let id = doc.model_id(freq.any()).clone();
    let read = back.typed_id::<Slider>(&id).unwrap();
    assert_eq!(
        (back.get(read, Slider::START), back.get(read, Slider::VALUE)),
        (2.5, 1.0)
    );
    let err = doc.set(freq, Slider::VALUE, 1.5).unwrap_err();
    assert!(
        err.to_string()
            .contains("outside the slider's range 2.5..5.1"),
        "{err}"
    );
}

#[test]
fn wrong_type_and_unknown_property_are_refused() {
    let mut doc = Document::new();
    let freq = slider(&mut doc);
    let err = doc
        .set_attr(freq.any(), "value", Value::str("fast"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"Slider.value expects a number, got string "fast""#
    );
    let err = doc
        .set_attr(freq.any(), "colour", Value::Int(1))
        .unwrap_err();
    assert_eq!(err.to_string(), "Slider has no property 'colour'");
    assert_eq!(doc.get(freq, Slider::VALUE), 1.0);
}

#[test]
fn ragged_columns_are_refused() {
    let mut doc = Document::new();
    let source = doc.add(ColumnDataSource::new([
        ("x", vec![1.0, 2.0]),
        ("y", vec![3.0, 4.0]),
    ]));
    let err = doc.set_column(source, "y", vec![1.0]).unwrap_err();
    assert!(
        err.to_string()
            .contains("column 'y' has 1 rows where column 'x' has 2"),
        "{err}"
    );
    assert_eq!(doc.column_f64(source, "y"), Some(&[3.0, 4.0][..]));
}

#[test]
fn columns_given_as_a_plain_object_are_read_as_columns() {
    // Bokeh decodes a plain JSON object as a dict, as it does a map: both are columns.
    let mut doc = Document::new();
    let source = doc.add(ColumnDataSource::new([("x", vec![1.0])]));
    doc.take_changes();
    let list = |xs: &[i64]| Value::List(xs.iter().map(|&x| Value::Int(x)).collect());
    let object = Value::Object(vec![
        ("x".into(), list(&[1, 2])),
        ("y".into(), list(&[3, 4])),
    ]);
    doc.set_attr(source.any(), "data", object).unwrap();
    assert_eq!(doc.column(source, "y"), Some(&list(&[3, 4])));
    let sent = doc.take_changes();
    assert!(
        matches!(&sent[..], [c] if matches!(&c.event, Event::ColumnDataChanged { data: Value::Map(_), .. })),
        "{sent:?}"
    );
}

#[test]
fn ids_are_numbered_in_creation_order() {
    let (mut a, mut b) = (Document::new(), Document::new());
    sliders(&mut a);
    sliders(&mut b);
    let ids = |d: &Document| d.models().map(|(_, m)| m.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(ids(&a)[0].as_str(), "p1001");
}

#[test]
fn sliders_app_recomputes_the_sine_when_a_slider_moves() {
    let mut doc = Document::new();
    sliders(&mut doc);
    assert_eq!(doc.title(), "Sliders");
    let source = find::<ColumnDataSource>(&doc, None);
    let freq = find::<Slider>(&doc, Some("frequency"));
    let amp = find::<Slider>(&doc, Some("amplitude"));
    doc.take_changes();
    doc.set(freq, Slider::VALUE, 2.0).unwrap();
    doc.set(amp, Slider::VALUE, 1.5).unwrap();
    let x = doc.column_f64(source, "x").unwrap().to_vec();
    let y = doc.column_f64(source, "y").unwrap();
    assert_eq!(x.len(), SINE_POINTS);
    for (x, y) in x.iter().zip(y) {
        assert!((y - 1.5 * (2.0 * x).sin()).abs() < 1e-12);
    }
    let changes = doc.take_changes();
    assert!(changes.iter().all(|c| c.origin == Origin::Local));
    let kinds: Vec<_> = changes
        .iter()
        .map(|c| match &c.event {
            Event::ModelChanged { attr, .. } => attr.as_str(),
            Event::ColumnDataChanged { .. } => "data",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["value", "data", "value", "data"]);
}

#[test]
fn typing_a_title_sets_the_plot_title() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let text = find::<TextInput>(&doc, Some("title"));
    let title = find::<Title>(&doc, None);
    doc.set(text, TextInput::VALUE, "my wave".to_string())
        .unwrap();
    assert_eq!(doc.get(title, Title::TEXT), "my wave".into());
}

#[test]
fn periodic_callbacks_run_when_asked_and_their_changes_are_local() {
    let mut doc = Document::new();
    let freq = slider(&mut doc);
    let every = std::time::Duration::from_millis(100);
    let id = doc.add_periodic_callback(every, move |doc| {
        let next = doc.get(freq, Slider::VALUE) + 1.0;
        doc.set(freq, Slider::VALUE, next)
    });
    doc.take_changes();
    assert_eq!(doc.periodic_callbacks().collect::<Vec<_>>(), [(id, every)]);

    doc.run_periodic(id).unwrap();
    doc.run_periodic(id).unwrap();
    assert_eq!(doc.get(freq, Slider::VALUE), 3.0);
    let changes = doc.take_changes();
    assert_eq!(changes.len(), 1, "the same value set twice travels once");
    assert_eq!(changes[0].origin, Origin::Local);
    assert!(matches!(
        &changes[0].event,
        Event::ModelChanged { attr, new, .. } if attr == "value" && *new == Value::Float(3.0)
    ));
}

#[test]
fn removed_periodic_callbacks_no_longer_run() {
    let mut doc = Document::new();
    let freq = slider(&mut doc);
    let every = std::time::Duration::from_secs(1);
    let keep = doc.add_periodic_callback(every, |_| Ok(()));
    let gone = doc.add_periodic_callback(every, move |doc| doc.set(freq, Slider::VALUE, 4.0));
    assert_ne!(keep, gone);

    assert!(doc.remove_periodic_callback(gone));
    assert!(!doc.remove_periodic_callback(gone), "removed already");
    assert_eq!(
        doc.periodic_callbacks().collect::<Vec<_>>(),
        [(keep, every)]
    );
    doc.run_periodic(gone).unwrap();
    assert_eq!(doc.get(freq, Slider::VALUE), 1.0);
}

/// A callback may stop itself (Bokeh apps stop an animation from inside it) or start
/// another one while it runs.
#[test]
fn a_running_periodic_callback_may_remove_itself_and_add_others() {
    let mut doc = Document::new();
    let freq = slider(&mut doc);
    let own_id = Arc::new(Mutex::new(None));
    let own = own_id.clone();
    let every = std::time::Duration::from_millis(10);
    let id = doc.add_periodic_callback(every, move |doc| {
        let me = own.lock().unwrap().expect("registered before it runs");
        doc.remove_periodic_callback(me);
        doc.add_periodic_callback(every, |_| Ok(()));
        doc.set(freq, Slider::VALUE, 2.0)
    });
    *own_id.lock().unwrap() = Some(id);

    doc.run_periodic(id).unwrap();
    let now: Vec<_> = doc.periodic_callbacks().map(|(id, _)| id).collect();
    assert_eq!(now.len(), 1);
    assert_ne!(now[0], id, "the first one is gone, the one it added stays");
    doc.run_periodic(id).unwrap();
    assert_eq!(doc.get(freq, Slider::VALUE), 2.0);
}

/// As with on_change callbacks, a failing periodic callback leaves the document as it was,
/// records nothing, and stays registered for its next run.
#[test]
fn a_failing_periodic_callback_changes_nothing() {
    let mut doc = Document::new();
    sliders(&mut doc);
    doc.take_changes();
    let freq = find::<Slider>(&doc, Some("frequency"));
    let source = find::<ColumnDataSource>(&doc, None);
    let y_before = doc.column_f64(source, "y").unwrap().to_vec();
    let every = std::time::Duration::from_millis(10);
    let id = doc.add_periodic_callback(every, move |doc| {
        doc.set(freq, Slider::VALUE, 2.0)?; // runs the sliders' callback: y changes
        doc.set(freq, Slider::VALUE, 99.0) // outside start..end
    });

    let err = doc.run_periodic(id).unwrap_err();
    assert!(matches!(err, DocumentError::OutOfDomain { .. }), "{err}");
    assert_eq!(doc.get(freq, Slider::VALUE), 1.0);
    assert_eq!(doc.column_f64(source, "y").unwrap(), y_before);
    assert!(doc.take_changes().is_empty());
    assert_eq!(doc.periodic_callbacks().count(), 1);
}

#[test]
#[should_panic(expected = "period above zero")]
fn a_zero_period_is_an_app_bug() {
    Document::new().add_periodic_callback(std::time::Duration::ZERO, |_| Ok(()));
}

/// A callback that panics halfway (after changing another model, inside a hold of its
/// own): the change that ran it and all it did are undone, the caller gets an error naming
/// the panic, and the document works on (no hold left open, callbacks still there).
#[test]
fn a_panicking_callback_is_rolled_back_and_reported() {
    let mut doc = Document::new();
    let input = slider(&mut doc);
    let copy = doc.add(Slider::new("copy", 1.0, 0.0, 10.0, 0.1));
    doc.on_change(input, Slider::VALUE, move |doc, change| {
        doc.hold();
        doc.set(copy, Slider::VALUE, change.new)?;
        assert!(change.new < 3.0, "too high: {}", change.new);
        doc.unhold();
        Ok(())
    });
    doc.take_changes();
    let err = doc.set(input, Slider::VALUE, 4.0).unwrap_err();
    assert_eq!(err, DocumentError::CallbackPanicked("too high: 4".into()));
    assert_eq!(doc.get(input, Slider::VALUE), 1.0);
    assert_eq!(doc.get(copy, Slider::VALUE), 1.0);
    assert!(doc.take_changes().is_empty());

    doc.set(input, Slider::VALUE, 2.0).unwrap();
    assert_eq!(doc.get(copy, Slider::VALUE), 2.0);
    assert_eq!(doc.take_changes().len(), 2, "no hold was left open");
}

/// A panicking periodic callback changes nothing, and runs again next time.
#[test]
fn a_panicking_periodic_callback_changes_nothing() {
    let mut doc = Document::new();
    let s = slider(&mut doc);
    let mut runs = 0;
    let id = doc.add_periodic_callback(std::time::Duration::from_millis(10), move |doc| {
        runs += 1;
        doc.set(s, Slider::VALUE, 0.25)?;
        assert!(runs > 1, "first run");
        Ok(())
    });
    assert!(matches!(
        doc.run_periodic(id),
        Err(DocumentError::CallbackPanicked(_))
    ));
    assert_eq!(doc.get(s, Slider::VALUE), 1.0);
    assert!(doc.take_changes().is_empty());
    doc.run_periodic(id).unwrap();
    assert_eq!(doc.get(s, Slider::VALUE), 0.25);
}

#[test]
fn set_each_sets_every_model_or_none() {
    let mut doc = Document::new();
    let a = doc.add(Slider::new("a", 1.0, 0.0, 10.0, 1.0));
    let b = doc.add(Slider::new("b", 1.0, 0.0, 10.0, 1.0));
    let title = doc.add(Title::default());
    doc.set_each([a, b], "value", Value::Float(3.0)).unwrap();
    assert_eq!(
        (doc.get(a, Slider::VALUE), doc.get(b, Slider::VALUE)),
        (3.0, 3.0)
    );
    // A Title has no value: nothing is set, the first slider included.
    let mixed = [a.any(), title.any()];
    assert!(doc.set_each(mixed, "value", Value::Float(5.0)).is_err());
    assert_eq!(doc.get(a, Slider::VALUE), 3.0);
}

#[test]
fn a_theme_gives_its_values_to_models_of_its_types_now_and_later() {
    use rokeh::document::Theme;
    use rokeh::models::{CategoricalAxis, LinearAxis};
    let mut doc = Document::new();
    let before = doc.add(LinearAxis::default());
    let own = doc.add(Title {
        text_color: Some("red".into()),
        ..Title::default()
    });
    let theme = Theme::from_json(
        r#"{"attrs": {"Axis": {"axis_line_color": "white", "axis_line_dash": [6, 4]},
                      "Title": {"text_color": "white"}}}"#,
    )
    .unwrap();
    doc.set_theme(theme).unwrap();
    let later = doc.add(CategoricalAxis::default());
    let later_title = doc.add(Title::default());
    for axis in [before.any(), later.any()] {
        // "Axis" themes its subtypes too.
        assert_eq!(
            doc.get_attr(axis, "axis_line_color"),
            Ok(Value::str("white"))
        );
        assert_eq!(
            doc.get_attr(axis, "axis_line_dash"),
            Ok(Value::List(vec![6.into(), 4.into()]))
        );
    }
    assert_eq!(
        doc.get_attr(later_title.any(), "text_color"),
        Ok(Value::str("white"))
    );
    // A value app code gave wins over the theme's.
    assert_eq!(doc.get_attr(own.any(), "text_color"), Ok(Value::str("red")));
}

#[test]
fn a_new_theme_replaces_the_last_ones_values_and_leaves_app_codes_alone() {
    use rokeh::document::Theme;
    use rokeh::models::LinearAxis;
    let mut doc = Document::new();
    let axis = doc.add(LinearAxis::default()).any();
    let title = doc.add(Title::default()).any();
    let dark = Theme::new([
        ("Axis", "axis_line_color", Value::str("white")),
        ("Axis", "major_label_text_color", Value::str("white")),
        ("Title", "text_color", Value::str("white")),
    ]);
    doc.set_theme(dark.clone()).unwrap();
    let later = doc.add(LinearAxis::default()).any();
    // App code's own value, set after the theme's: kept by the next theme.
    doc.set_attr(axis, "major_label_text_color", Value::str("red"))
        .unwrap();
    doc.take_changes();
    let light = Theme::new([("Axis", "axis_line_color", Value::str("gray"))]);
    doc.set_theme(light).unwrap();
    let attr = |doc: &Document, any, name| doc.get_attr(any, name).unwrap();
    for a in [axis, later] {
        assert_eq!(attr(&doc, a, "axis_line_color"), Value::str("gray"));
    }
    assert_eq!(
        attr(&doc, axis, "major_label_text_color"),
        Value::str("red")
    );
    // What the new theme does not name is back at its default.
    assert_eq!(
        attr(&doc, later, "major_label_text_color"),
        Value::str("#444444")
    );
    assert_eq!(attr(&doc, title, "text_color"), Value::str("#444444"));
    // Each change goes out, as Bokeh's re-theming triggers its changes.
    assert_eq!(doc.take_changes().len(), 4);
    doc.set_theme(dark).unwrap();
    assert_eq!(
        attr(&doc, later, "major_label_text_color"),
        Value::str("white")
    );
    assert_eq!(
        attr(&doc, axis, "major_label_text_color"),
        Value::str("red")
    );
}

#[test]
fn a_theme_of_values_its_properties_do_not_take_is_refused() {
    use rokeh::document::Theme;
    let mut doc = Document::new();
    let title = doc.add(Title::default());
    let bad = Theme::new([("Title", "text_color", Value::Int(3))]);
    assert!(doc.set_theme(bad).is_err());
    assert_eq!(doc.model(title.any()).attrs.get("text_color"), None);
    assert!(Theme::from_json(r#"{"Title": {}}"#).is_err(), "no attrs");
    assert!(Theme::from_json(r#"{"attrs": {"Title": 3}}"#).is_err());
}

#[test]
fn clone_model_copies_properties_under_a_new_id_and_reference_points_at_a_model() {
    let mut doc = Document::new();
    let a = doc.add(Slider::new("a", 2.0, 0.0, 10.0, 1.0));
    let b = doc.clone_model(a.any());
    assert_ne!(doc.model_id(a.any()), doc.model_id(b));
    assert_eq!(doc.model(a.any()).attrs, doc.model(b).attrs);
    assert_eq!(doc.reference(b), Value::Ref(doc.model_id(b).clone()));
}

#[test]
fn models_a_change_detaches_leave_once_it_is_handed_out_and_unattached_ones_stay() {
    use rokeh::models::{column, Column};
    let mut doc = Document::new();
    let (a, b) = (slider(&mut doc), slider(&mut doc));
    let layout = column(&mut doc, [a.any()]);
    doc.add_root(layout);
    let later = doc.add(TextInput::default()); // made now, attached later
    doc.take_changes();

    doc.set(layout, Column::CHILDREN, vec![b.any()]).unwrap();
    // The detached slider changed in the same operation: news to no one.
    doc.set(a, Slider::VALUE, 2.0).unwrap();
    assert!(doc.try_model(a.any()).is_some(), "kept until handed out");
    let changes = doc.take_changes();
    assert!(doc.try_model(a.any()).is_none(), "detached: forgotten");
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert!(doc.try_model(b.any()).is_some());
    assert!(doc.try_model(later.any()).is_some(), "never attached: kept");

    doc.set(layout, Column::CHILDREN, vec![b.any(), later.any()])
        .unwrap();
    doc.take_changes();
    doc.remove_root(layout);
    let changes = doc.take_changes();
    assert!(matches!(
        changes[..],
        [rokeh::document::Change {
            event: Event::RootRemoved { .. },
            ..
        }]
    ));
    assert_eq!(
        doc.models().count(),
        0,
        "a removed root goes with all it reached"
    );
}

#[test]
#[should_panic(expected = "the document's theme does not fit")]
fn a_model_added_under_a_theme_its_property_does_not_take_is_an_app_bug() {
    use rokeh::document::Theme;
    let mut doc = Document::new();
    doc.set_theme(Theme::new([("Title", "text_color", Value::Int(3))]))
        .unwrap();
    doc.add(Title::default());
}

#[test]
fn a_kept_model_may_be_detached_and_attached_again() {
    use rokeh::models::{column, Column};
    let mut doc = Document::new();
    let (a, b) = (slider(&mut doc), slider(&mut doc));
    let b_id = doc.model_id(b.any()).clone();
    doc.keep(a);
    let layout = column(&mut doc, [a.any()]);
    doc.add_root(layout);
    doc.take_changes();
    for shown in [b, a] {
        doc.set(layout, Column::CHILDREN, vec![shown.any()])
            .unwrap();
        doc.take_changes();
    }
    assert!(
        doc.try_model(b.any()).is_none(),
        "not kept: forgotten when swapped out"
    );
    // A forgotten model cannot come back, and the error says why and what to do.
    let again = doc
        .set(layout, Column::CHILDREN, vec![b.any()])
        .unwrap_err();
    match &again {
        rokeh::document::DocumentError::Forgotten { model_type, id } => {
            assert_eq!((model_type.as_str(), id), ("Slider", &b_id));
        }
        other => panic!("not Forgotten: {other:?}"),
    }
    let message = again.to_string();
    assert!(
        message.contains("detached from every root and forgotten")
            && message.contains("Document::keep"),
        "{message}"
    );
    assert_eq!(
        doc.get(layout, Column::CHILDREN),
        vec![a.any()],
        "nothing changed"
    );
    let read = doc.get_attr(b.any(), "value").unwrap_err();
    assert_eq!(read, again, "its own properties say the same");
    doc.set(layout, Column::CHILDREN, vec![]).unwrap();
    doc.take_changes();
    assert!(doc.try_model(a.any()).is_some(), "kept, though detached");
    doc.set(layout, Column::CHILDREN, vec![a.any()]).unwrap();
    assert_eq!(doc.get(layout, Column::CHILDREN), vec![a.any()]);
}

#[test]
#[should_panic(
    expected = "invalid Column built by app code: Slider p1001 was detached from every root and forgotten"
)]
fn a_layout_built_of_a_forgotten_model_names_it() {
    use rokeh::models::{column, Column};
    let mut doc = Document::new();
    let (a, b) = (slider(&mut doc), slider(&mut doc));
    let layout = column(&mut doc, [a.any()]);
    doc.add_root(layout);
    doc.take_changes();
    doc.set(layout, Column::CHILDREN, vec![b.any()]).unwrap();
    doc.take_changes();
    column(&mut doc, [a.any()]);
}

/// An app that swaps new models in for ever (crossfilter rebuilds its figure on every
/// choice) forgets them as it goes; the document remembers why only the latest 10,000
/// are gone, so a long session does not pile them up: an older handle still gets an
/// error, the plain stale-handle one.
#[test]
fn only_the_latest_forgotten_models_are_remembered() {
    use rokeh::document::DocumentError;
    use rokeh::models::{column, Column};
    let mut doc = Document::new();
    let first = slider(&mut doc);
    let layout = column(&mut doc, [first.any()]);
    doc.add_root(layout);
    doc.take_changes();
    let mut shown = vec![first];
    for _ in 0..10_001 {
        let next = slider(&mut doc);
        doc.set(layout, Column::CHILDREN, vec![next.any()]).unwrap();
        doc.take_changes();
        shown.push(next);
    }
    let stale = doc.get_attr(first.any(), "value").unwrap_err();
    assert!(matches!(stale, DocumentError::StaleHandle(_)), "{stale:?}");
    let swapped = doc
        .set(layout, Column::CHILDREN, vec![first.any()])
        .unwrap_err();
    assert_eq!(swapped, stale, "nothing changed: {swapped}");
    let last = shown[shown.len() - 1];
    assert_eq!(doc.get(layout, Column::CHILDREN), vec![last.any()]);
    let recent = doc
        .get_attr(shown[shown.len() - 2].any(), "value")
        .unwrap_err();
    assert!(
        matches!(recent, DocumentError::Forgotten { .. }),
        "{recent:?}"
    );
    assert_eq!(
        doc.models().count(),
        2,
        "the layout and the slider it shows"
    );
}

#[test]
fn links_change_when_references_do_and_only_then() {
    use rokeh::models::Figure;
    let mut doc = Document::new();
    sliders(&mut doc);
    doc.take_changes();
    let links = doc.links();
    let figure = find::<Figure>(&doc, None);
    let title = doc.get(figure, Figure::TITLE).expect("a title");
    // New data and plain values leave the graph of references as it was.
    let source = find::<ColumnDataSource>(&doc, None);
    doc.set_column(source, "y", vec![0.5; SINE_POINTS]).unwrap();
    doc.set(title, Title::TEXT, "new").unwrap();
    doc.take_changes();
    assert_eq!(doc.links(), links, "no reference changed");
    // A reference written: the figure reaches another title, and the links say so.
    let fresh = doc.add(Title::default());
    doc.set(figure, Figure::TITLE, Some(fresh)).unwrap();
    assert_eq!(doc.links(), links, "told when the changes are handed out");
    doc.take_changes();
    assert_ne!(doc.links(), links, "a reference changed");
    let reached = doc.reachable([figure.any()]);
    assert!(reached.contains(&fresh.any()) && !reached.contains(&title.any()));
}

/// A GeoJSONDataSource's columns come from its `geojson`, as BokehJS computes them, and
/// follow it: a new text is new columns, a text that is not GeoJSON is refused and
/// changes nothing, a failed batch puts the old columns back. They are never sent.
#[test]
fn geojson_columns_follow_the_text_and_bad_text_changes_nothing() {
    use rokeh::models::GeoJSONDataSource;
    let points = |xs: &[f64]| {
        let features: Vec<String> = xs
            .iter()
            .map(|x| {
                format!(
                    r#"{{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [{x}, 1]}},
                        "properties": {{"label": "at {x}"}}}}"#
                )
            })
            .collect();
        format!(
            r#"{{"type": "FeatureCollection", "features": [{}]}}"#,
            features.join(",")
        )
    };
    let mut doc = Document::new();
    let geo = doc.add(GeoJSONDataSource::new(points(&[1.0, 2.0])));
    assert_eq!(doc.column_f64(geo, "x"), Some(&[1.0, 2.0][..]));
    assert_eq!(doc.row_count(geo), 2);
    assert_eq!(
        doc.column(geo, "label"),
        Some(&Value::List(vec![Value::str("at 1"), Value::str("at 2")]))
    );

    doc.set(geo, GeoJSONDataSource::GEOJSON, points(&[5.0, 6.0, 7.0]))
        .unwrap();
    assert_eq!(doc.column_f64(geo, "x"), Some(&[5.0, 6.0, 7.0][..]));

    let err = doc
        .set(geo, GeoJSONDataSource::GEOJSON, "{\"type\": \"Feature\"}")
        .unwrap_err();
    assert!(err.to_string().contains("FeatureCollection"), "{err}");
    assert_eq!(doc.column_f64(geo, "x"), Some(&[5.0, 6.0, 7.0][..]));

    let failed: Result<(), DocumentError> = doc.batch(|doc| {
        doc.set(geo, GeoJSONDataSource::GEOJSON, points(&[9.0]))?;
        assert_eq!(doc.column_f64(geo, "x"), Some(&[9.0][..]));
        Err(DocumentError::StaleHandle(0))
    });
    assert!(failed.is_err());
    assert_eq!(doc.column_f64(geo, "x"), Some(&[5.0, 6.0, 7.0][..]));

    // The columns are the page's reading, not a property: the JSON has the text only.
    let model = doc.model(geo.any());
    assert!(!model.attrs.contains_key("data"));
    assert!(model.attrs.contains_key("geojson"));

    // A document read from JSON has them, and so does one it replaces (a page whose
    // session sends its own document).
    use rokeh::document::json::{to_json, BufferMode};
    doc.add_root(geo);
    let out = to_json(&doc, BufferMode::Binary);
    let read = Document::from_json(&out.json, &out.buffers).unwrap();
    let id = doc.model_id(geo.any()).clone();
    let mut page = Document::lean();
    page.replace(read);
    let geo = page.lookup(&id).unwrap();
    assert_eq!(page.column_f64(geo, "x"), Some(&[5.0, 6.0, 7.0][..]));
}

/// `js_on_change` and `js_on_event` write Bokeh's `js_property_callbacks` and
/// `js_event_callbacks` as Python's do: a property's changes under `change:<attr>`, other
/// names as given, each callback once; a callback gone from the document is an error.
#[test]
fn js_callbacks_are_attached_as_python_attaches_them() {
    use rokeh::document::{EventKind, JS_EVENT_CALLBACKS, JS_PROPERTY_CALLBACKS};
    use rokeh::models::{Button, CustomJS, SetValue};
    let mut doc = Document::new();
    let freq = slider(&mut doc);
    let code = |doc: &mut Document, code: &str| {
        doc.add(CustomJS {
            args: rokeh::core::Dict(vec![("slider".into(), freq.into())]),
            code: code.into(),
        })
    };
    let (first, second) = (code(&mut doc, "1"), code(&mut doc, "2"));
    doc.js_on_change(freq, "value", first).unwrap();
    doc.js_on_change(freq, "value", second).unwrap();
    doc.js_on_change(freq, "value", first).unwrap();
    doc.js_on_change(freq, "streaming", first).unwrap();
    let attached = |doc: &Document, key| doc.js_callbacks(freq.any(), JS_PROPERTY_CALLBACKS, key);
    assert_eq!(attached(&doc, "change:value"), [first.any(), second.any()]);
    assert_eq!(attached(&doc, "streaming"), [first.any()]);
    assert!(attached(&doc, "value").is_empty());
    let stored = doc.get_attr(freq.any(), JS_PROPERTY_CALLBACKS).unwrap();
    let (a, b) = (
        doc.model_id(first.any()).clone(),
        doc.model_id(second.any()).clone(),
    );
    assert_eq!(
        stored,
        Value::Map(vec![
            (
                Value::str("change:value"),
                Value::List(vec![Value::Ref(a.clone()), Value::Ref(b)])
            ),
            (
                Value::str("streaming"),
                Value::List(vec![Value::Ref(a.clone())])
            ),
        ])
    );
    // The CustomJS refers to the slider in its args, as Python's `args=dict(slider=…)`.
    let args = doc.get_attr(first.any(), "args").unwrap();
    let slider_id = doc.model_id(freq.any()).clone();
    assert_eq!(
        args,
        Value::Map(vec![(Value::str("slider"), Value::Ref(slider_id))])
    );

    let button = doc.add(Button::default());
    let set = doc.add(SetValue {
        obj: freq.any(),
        attr: "value".into(),
        value: Value::Float(2.0),
    });
    doc.js_on_event(button, EventKind::ButtonClick, set)
        .unwrap();
    let clicked = doc.js_callbacks(button.any(), JS_EVENT_CALLBACKS, "button_click");
    assert_eq!(clicked, [set.any()]);

    // Its events are kept for the page to run its callbacks, whether or not anyone
    // subscribes; a batch that fails takes its events back.
    let click = |doc: &Document| {
        let id = doc.model_id(button.any()).clone();
        rokeh::document::UiEvent::new(EventKind::ButtonClick, Some(id))
    };
    doc.emit(click(&doc)).unwrap();
    assert_eq!(doc.take_js_events(), [click(&doc)]);
    assert!(doc.take_js_events().is_empty());
    let failed: Result<(), DocumentError> = doc.atomically(|doc| {
        doc.emit(click(doc))?;
        Err(DocumentError::UnknownModel("p0".into()))
    });
    assert!(failed.is_err());
    assert!(doc.take_js_events().is_empty());

    // The document's own: kept while nothing else reaches it, and once each.
    let ready = code(&mut doc, "ready");
    doc.js_on_document_event(EventKind::DocumentReady, ready)
        .unwrap();
    doc.js_on_document_event(EventKind::DocumentReady, ready)
        .unwrap();
    doc.add_root(button);
    doc.remove_unreachable();
    assert_eq!(doc.document_js_callbacks("document_ready"), [ready.any()]);

    // A callback no longer in the document is refused, and nothing is attached.
    let gone = code(&mut doc, "3");
    doc.remove_model(gone.any()).expect("it was there");
    let before = doc.get_attr(button.any(), JS_EVENT_CALLBACKS).unwrap();
    assert!(doc
        .js_on_event(button, EventKind::ButtonClick, gone)
        .is_err());
    assert_eq!(
        doc.get_attr(button.any(), JS_EVENT_CALLBACKS).unwrap(),
        before
    );
}
