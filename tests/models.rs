//! The model definitions against Bokeh's own schemas (src/models/bokeh_schemas.rs, made
//! from Python Bokeh): every Bokeh model type is validated, rokeh's hand-written
//! definitions agree with Bokeh's, and a model type of one's own is one definition.

use rokeh::core::{DefaultValue, Kind, ModelType, Schema, Value};
use rokeh::document::{AnyId, Document, DocumentError, Model, ModelId};
use rokeh::model;
use rokeh::models::{registry, Slider, TextInput};

/// A model of Bokeh's type `schema`, as a document read from JSON holds it: no attributes.
fn bokeh_model(doc: &mut Document, schema: &Schema) -> AnyId {
    doc.insert_model(Model {
        id: ModelId(format!("m-{}", schema.name)),
        type_name: schema.name.to_owned(),
        attrs: Default::default(),
    })
    .unwrap()
}

/// Values of every shape a property can hold; for each kind, some of them are wrong.
fn candidates(reference: &ModelId) -> Vec<Value> {
    vec![
        Value::Null,
        Value::Bool(true),
        Value::Int(3),
        Value::Int(-3),
        Value::Float(0.5),
        Value::Float(f64::NAN),
        Value::str("x"),
        Value::str("red"),
        Value::List(vec![]),
        Value::List(vec![Value::str("x"), Value::Int(1)]),
        Value::Map(vec![(Value::str("k"), Value::Int(1))]),
        Value::Ref(reference.clone()),
        Value::field("x"),
    ]
}

/// For every property of every Bokeh model type, a value its kind refuses is refused by
/// the document, which is left exactly as it was.
#[test]
fn every_bokeh_property_refuses_a_value_of_the_wrong_kind() {
    let mut doc = Document::new();
    // A reference target: a Slider is an instance of few of the types properties ask for.
    let target = doc.add(Slider::new("t", 0.0, 0.0, 1.0, 0.1));
    let target_id = doc.model_id(target.any()).clone();
    let values = candidates(&target_id);
    let (mut tried, mut skipped) = (0, 0);
    for schema in registry().bokeh() {
        let any = bokeh_model(&mut doc, schema);
        doc.take_changes();
        let types = doc.type_schema(schema.name).unwrap();
        for name in schema.prop_names() {
            // The value both schemas (rokeh's and Bokeh's) must accept.
            let accepts = |v: &Value| {
                [types.hand.and_then(|s| s.prop(name)), schema.prop(name)]
                    .iter()
                    .flatten()
                    .all(|p| p.kind.accepts(v, &doc))
            };
            let Some(wrong) = values.iter().find(|v| !accepts(v)) else {
                skipped += 1; // Any
                continue;
            };
            let before = doc.model(any).clone();
            let err = doc.set_attr(any, name, wrong.clone()).unwrap_err();
            assert!(
                matches!(err, DocumentError::WrongType { .. }),
                "{}.{name} = {wrong:?}: {err}",
                schema.name
            );
            assert_eq!(doc.model(any), &before, "{}.{name} changed", schema.name);
            assert!(doc.take_changes().is_empty());
            tried += 1;
        }
    }
    assert!(tried > 9_000, "only {tried} properties tried");
    assert!(skipped < 20, "{skipped} properties take any value");
}

/// A name no Bokeh type has is refused on any of them.
#[test]
fn unknown_property_names_are_refused_on_every_bokeh_type() {
    let mut doc = Document::new();
    for schema in registry().bokeh() {
        let any = bokeh_model(&mut doc, schema);
        let err = doc
            .set_attr(any, "no_such_property", Value::Int(1))
            .unwrap_err();
        assert!(
            matches!(err, DocumentError::UnknownProperty { .. }),
            "{err}"
        );
    }
}

/// Bokeh's default of a property, as a comparable value (`None` for none).
fn bokeh_default(type_name: &str, prop: &str) -> Option<Value> {
    let schema = registry().get(type_name)?.bokeh?;
    match schema.prop(prop)?.default {
        // A new model per instance: rokeh's "none yet".
        DefaultValue::Instance(_) => Some(Value::Null),
        d => d.value(),
    }
}

/// Equal as Bokeh compares JSON: 1 and 1.0 alike, object fields in any order.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| {
                    y.iter()
                        .find(|(k2, _)| k2 == k)
                        .is_some_and(|(_, w)| same(v, w))
                })
        }
        (Value::List(x), Value::List(y)) | (Value::Set(x), Value::Set(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k, v), (l, w))| same(k, l) && same(v, w))
        }
        _ => match (a.as_f64(), b.as_f64()) {
            (Some(x), Some(y)) => x == y,
            _ => a == b,
        },
    }
}

/// rokeh's definitions say what Bokeh's say: each property exists in Bokeh's type, its
/// kind takes Bokeh's default, and its default is Bokeh's, but for the differences below.
#[test]
fn hand_written_models_agree_with_bokeh() {
    // rokeh's builders leave unset what Bokeh's instances make or require; unset values
    // are not written, so on the wire each side keeps its own.
    let known = [
        // Bokeh has no default (the range is computed in the browser); rokeh's is null.
        "DataRange1d.end",
        "DataRange1d.start",
        // Readonly and required in Bokeh, which never writes them for a new widget: the
        // page sets them (a slider's move ends, a file is chosen).
        "DateRangeSlider.value_throttled",
        "DateSlider.value_throttled",
        "DatetimeRangeSlider.value_throttled",
        // Bokeh's default is a list of new tickers (its standard set); rokeh's empty list
        // stands for that set, drawn the same.
        "DatetimeTicker.tickers",
        // Readonly widget values again (as the sliders' above).
        "FileInput.filename",
        "FileInput.mime_type",
        "FileInput.value",
        "RangeSlider.value_throttled",
        "Slider.value_throttled",
        "Spinner.value_throttled",
    ];
    let mut differ = Vec::new();
    let mut compared = 0;
    for schema in registry().hand_written() {
        let bokeh = registry().get(schema.name).and_then(|t| t.bokeh);
        let bokeh = bokeh.unwrap_or_else(|| panic!("{} is not a Bokeh type", schema.name));
        // What `model!` paired it with when it compiled (a lean document's only source).
        assert!(
            std::ptr::eq(schema.bokeh.unwrap(), bokeh),
            "{}",
            schema.name
        );
        for prop in schema.props {
            let name = format!("{}.{}", schema.name, prop.name);
            let theirs = bokeh
                .prop(prop.name)
                .unwrap_or_else(|| panic!("Bokeh's {} has no {}", schema.name, prop.name));
            let ours = prop.default.value();
            let bokeh_value = bokeh_default(schema.name, prop.name);
            if let Some(v) = &bokeh_value {
                assert!(
                    prop.kind.accepts(v, &rokeh::core::AnyRefs),
                    "{name}: rokeh's kind {:?} refuses Bokeh's default {v:?} ({:?})",
                    prop.kind,
                    theirs.kind
                );
            }
            let agree = match (&ours, &bokeh_value) {
                (Some(a), Some(b)) => same(a, b),
                (None, None) => true,
                _ => false,
            };
            if !agree {
                differ.push(name);
            }
            compared += 1;
        }
    }
    assert!(compared > 50, "{compared}");
    differ.sort();
    assert_eq!(differ, known, "defaults that differ from Bokeh's");
}

/// The drift that made `doc.get(slider, Slider::TITLE)` panic is gone: a title set to
/// null (as Python may) reads as `None`.
#[test]
fn nullable_properties_read_as_options() {
    let mut doc = Document::new();
    let s = doc.add(Slider::new("f", 1.0, 0.0, 2.0, 0.1));
    doc.set_attr(s.any(), "title", Value::Null).unwrap();
    assert_eq!(doc.get(s, Slider::TITLE), None);
    let t = doc.add(TextInput::default());
    assert_eq!(doc.get(t, TextInput::TITLE), "");
    // TextInput's title is not nullable in Bokeh: null is refused.
    let err = doc.set_attr(t.any(), "title", Value::Null).unwrap_err();
    assert!(matches!(err, DocumentError::WrongType { .. }), "{err}");
}

model! {
    /// A model type of the test's own: the one definition below is all it takes.
    pub struct Gauge("Gauge") {
        level: f64 = 0.5,
        label: Option<String> = None,
        needle: Option<AnyId> = None,
    }
    check = |_, attr, new| match (attr, new.as_f64()) {
        ("level", Some(v)) if !(0.0..=1.0).contains(&v) => Err(format!("{v} is not in 0..=1")),
        _ => Ok(()),
    };
}

#[test]
fn a_model_type_of_ones_own_is_one_definition() {
    let schema = Gauge::SCHEMA;
    assert_eq!(schema.name, "Gauge");
    let kinds: Vec<(&str, Kind)> = schema.props.iter().map(|p| (p.name, *p.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("level", Kind::Number),
            ("label", Kind::Nullable(&Kind::String)),
            ("needle", Kind::Nullable(&Kind::Instance("Model"))),
        ]
    );

    let mut doc = Document::new();
    let gauge = doc.add(Gauge {
        label: Some("fuel".into()),
        ..Gauge::default()
    });
    assert_eq!(doc.get(gauge, Gauge::LEVEL), 0.5);
    assert_eq!(doc.get(gauge, Gauge::LABEL).as_deref(), Some("fuel"));
    // Only what differs from the defaults is stored, as Bokeh writes a model.
    let stored: Vec<&String> = doc.model(gauge.any()).attrs.keys().collect();
    assert_eq!(stored, ["label"]);

    doc.set(gauge, Gauge::LEVEL, 0.75).unwrap();
    assert_eq!(doc.get(gauge, Gauge::LEVEL), 0.75);
    // Its schema is checked like rokeh's own: kinds, its domain, Bokeh's common properties.
    let wrong = doc.set_attr(gauge.any(), "level", Value::str("full"));
    assert!(
        matches!(wrong, Err(DocumentError::WrongType { .. })),
        "{wrong:?}"
    );
    let out = doc.set(gauge, Gauge::LEVEL, 2.0);
    assert!(
        matches!(out, Err(DocumentError::OutOfDomain { .. })),
        "{out:?}"
    );
    doc.set_attr(gauge.any(), "tags", Value::List(vec![Value::Int(1)]))
        .unwrap();
    let unknown = doc.set_attr(gauge.any(), "colour", Value::str("red"));
    assert!(
        matches!(unknown, Err(DocumentError::UnknownProperty { .. })),
        "{unknown:?}"
    );
    assert_eq!(doc.get(gauge, Gauge::LEVEL), 0.75);
}

/// A lean document holds a model of a type it never learnt as it came, defaults unknown;
/// once it learns the type (as a served page learns its views'), that model reads its
/// defaults and is validated like one made there: each slot's schema follows the types.
#[test]
fn a_model_kept_before_its_type_was_learnt_reads_and_checks_as_that_type_after() {
    let mut doc = Document::lean();
    let slider = bokeh_model(&mut doc, Slider::SCHEMA);
    assert!(matches!(
        doc.get_attr(slider, "step"),
        Err(DocumentError::UnknownProperty { .. })
    ));
    // Unchecked while the type is unknown, as a value the server already checked.
    doc.set_attr(slider, "bar_color", Value::Int(3)).unwrap();
    doc.learn(rokeh::core::TypeSchema::of(Slider::SCHEMA));
    assert_eq!(doc.get_attr(slider, "step").unwrap(), Value::Float(1.0));
    let refused = doc
        .set_attr(slider, "bar_color", Value::Int(4))
        .unwrap_err();
    assert!(
        matches!(refused, DocumentError::WrongType { .. }),
        "{refused}"
    );
    assert_eq!(doc.get_attr(slider, "bar_color").unwrap(), Value::Int(3));
}

/// Where rokeh's definitions take less than Bokeh's: a document with such a value (a
/// pushed one, a patch) is refused with a clear error, not misread. Each is a Rust type
/// narrower than Bokeh's property; the list keeps new ones from slipping in unnoticed.
#[test]
fn hand_written_kinds_take_what_bokeh_takes_but_for_known_ones() {
    let known = [
        // A tooltip's content as a widget (UIElement): text and DOM nodes are taken.
        "Tooltip.content",
        // Bokeh's abstract LayoutProvider: its one kind, StaticLayoutProvider, is taken.
        "GraphRenderer.layout_provider",
        // A date slider's format as a TickFormatter model: rokeh's is a format string.
        "DateRangeSlider.format",
        "DateSlider.format",
        "DatetimeRangeSlider.format",
        // Ranges' ends as date strings (Python sends numbers for datetimes).
        "DataRange1d.end",
        "DataRange1d.start",
        "Range1d.end",
        "Range1d.start",
        // A polygon's vertices at factors.
        "PolyAnnotation.xs",
        "PolyAnnotation.ys",
        // A custom marker's name (Scatter's `defs`).
        "Scatter.marker",
    ];
    let mut doc = Document::new();
    let mut values = candidates(&ModelId::from("nowhere"));
    // A reference to a model of every Bokeh type, alone, in a list and in a dict: each
    // `Instance` kind takes some.
    for schema in registry().bokeh() {
        let any = bokeh_model(&mut doc, schema);
        let reference = Value::Ref(doc.model_id(any).clone());
        values.push(Value::List(vec![reference.clone()]));
        values.push(Value::Map(vec![(Value::str("k"), reference.clone())]));
        values.push(reference);
    }
    let mut narrower = Vec::new();
    for schema in registry().hand_written() {
        let bokeh = registry().get(schema.name).and_then(|t| t.bokeh).unwrap();
        for prop in schema.props {
            let theirs = bokeh.prop(prop.name).unwrap();
            let refused = values
                .iter()
                .find(|v| theirs.kind.accepts(v, &doc) && !prop.kind.accepts(v, &doc));
            if refused.is_some() {
                narrower.push(format!("{}.{}", schema.name, prop.name));
            }
        }
    }
    narrower.sort();
    let mut known = known.map(str::to_owned).to_vec();
    known.sort();
    assert_eq!(narrower, known, "properties narrower than Bokeh's");
}
