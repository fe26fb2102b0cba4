//! Streams, patches, holds, all-or-nothing batches, events to and from JSON, and a page
//! joining a session by id.

use rokeh::core::ColumnData;
use rokeh::document::json::{
    apply_json_events, changes_to_json, sync_from_json, to_json, BufferMode, Buffers, JsonError,
    SyncedModels,
};
use rokeh::document::{
    Actor, ArrayData, Document, DocumentError, Event, Id, NdArray, Origin, PatchIndex, PeerId,
    Value,
};
use rokeh::models::{ColumnDataSource, Slider, Title};
use rokeh_gallery::sliders;
use serde_json::json;

/// The app's slider titled `title`.
fn slider(doc: &Document, title: &str) -> Id<Slider> {
    doc.models()
        .filter(|(_, m)| m.attrs.get("title") == Some(&Value::str(title)))
        .find_map(|(_, m)| doc.typed_id::<Slider>(&m.id))
        .expect("the app's slider")
}

/// The id of the app's `title` slider, as the wire names it.
fn slider_id(doc: &Document, title: &str) -> String {
    doc.model_id(slider(doc, title).any()).as_str().to_owned()
}

fn source(doc: &mut Document) -> Id<ColumnDataSource> {
    doc.add(ColumnDataSource {
        data: ColumnData(vec![
            ("t".into(), Value::Array(vec![1.0, 2.0, 3.0].into())),
            ("n".into(), Value::Array(vec![10i32, 20, 30].into())),
            ("ok".into(), Value::Array(vec![true, false, true].into())),
            (
                "name".into(),
                Value::List(vec!["a".into(), "b".into(), "c".into()]),
            ),
        ]),
    })
}

fn list<T: Into<Value> + Copy>(items: &[T]) -> Value {
    Value::List(items.iter().map(|v| (*v).into()).collect())
}

fn column(doc: &Document, s: Id<ColumnDataSource>, name: &str) -> Value {
    doc.column(s, name).cloned().unwrap()
}

fn rows(t: &[f64], n: &[i64], ok: &[bool], name: &[&str]) -> Vec<(String, Value)> {
    vec![
        ("t".into(), list(t)),
        ("n".into(), list(n)),
        ("ok".into(), list(ok)),
        ("name".into(), list(name)),
    ]
}

#[test]
fn stream_appends_to_every_column_type_and_rolls_over() {
    let mut doc = Document::new();
    let s = source(&mut doc);
    doc.take_changes();
    let new = rows(&[4.0, 5.0], &[40, 50], &[false, false], &["d", "e"]);
    doc.stream(s, new, Some(4)).unwrap();
    assert_eq!(doc.column_f64(s, "t"), Some(&[2.0, 3.0, 4.0, 5.0][..]));
    assert_eq!(
        column(&doc, s, "n"),
        Value::Array(vec![20i32, 30, 40, 50].into())
    );
    assert_eq!(
        column(&doc, s, "ok"),
        Value::Array(vec![false, true, false, false].into())
    );
    assert_eq!(column(&doc, s, "name"), list(&["b", "c", "d", "e"]));
    let changes = doc.take_changes();
    assert!(matches!(
        &changes[..],
        [rokeh::document::Change {
            event: Event::ColumnsStreamed {
                rollover: Some(4),
                ..
            },
            ..
        }]
    ));
}

#[test]
fn bad_streams_change_nothing() {
    let mut doc = Document::new();
    let s = source(&mut doc);
    let before = doc.model(s.any()).clone();
    doc.take_changes();
    let cases = [
        (
            rows(&[4.0], &[40, 50], &[true], &["d"]),
            "column 'n' streams 2 rows where the others stream 1",
        ),
        (
            rows(&[4.0], &[4_000_000_000], &[true], &["d"]),
            "column 'n': int value does not fit a int32 column",
        ),
        (
            rows(&[4.0], &[4], &[true], &["d"])[..3].to_vec(),
            "stream is missing column 'name'",
        ),
    ];
    for (new, expected) in cases {
        let err = doc.stream(s, new, None).unwrap_err();
        assert!(err.to_string().contains(expected), "{err}");
        assert_eq!(doc.model(s.any()), &before);
        assert!(doc.take_changes().is_empty());
    }
}

#[test]
fn patch_sets_rows_and_slices_and_refuses_what_is_past_the_end() {
    let mut doc = Document::new();
    let s = source(&mut doc);
    let all = PatchIndex::Slice {
        start: None,
        stop: None,
        step: Some(2),
    };
    doc.patch(
        s,
        vec![
            ("t".into(), vec![(PatchIndex::Row(1), Value::Float(9.5))]),
            ("n".into(), vec![(all, list(&[7i64, 8]))]),
            ("name".into(), vec![(PatchIndex::Row(2), "z".into())]),
        ],
    )
    .unwrap();
    assert_eq!(doc.column_f64(s, "t"), Some(&[1.0, 9.5, 3.0][..]));
    assert_eq!(column(&doc, s, "n"), Value::Array(vec![7i32, 20, 8].into()));
    assert_eq!(column(&doc, s, "name"), list(&["a", "b", "z"]));

    let before = doc.model(s.any()).clone();
    doc.take_changes();
    let err = doc
        .patch(
            s,
            vec![
                ("t".into(), vec![(PatchIndex::Row(0), Value::Float(0.0))]),
                ("n".into(), vec![(PatchIndex::Row(3), Value::Int(1))]),
            ],
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("column 'n': index 3 is past the end (3 rows)"),
        "{err}"
    );
    assert_eq!(doc.model(s.any()), &before);
    assert!(doc.take_changes().is_empty());
}

#[test]
fn consecutive_changes_of_one_attribute_combine() {
    let mut doc = Document::new();
    let freq = doc.add(Slider::new("f", 1.0, 0.0, 5.0, 0.1));
    doc.take_changes();
    doc.set(freq, Slider::VALUE, 2.0).unwrap();
    doc.set(freq, Slider::VALUE, 3.0).unwrap();
    let changes = doc.take_changes();
    assert_eq!(changes.len(), 1);
    assert!(
        matches!(&changes[0].event, Event::ModelChanged { new, .. } if *new == Value::Float(3.0))
    );
    // Not across another change, even under a hold when that change is to the same
    // model: the receiver must see the new range before the value that needs it.
    doc.hold();
    doc.set(freq, Slider::VALUE, 2.0).unwrap();
    doc.set(freq, Slider::END, 4.0).unwrap();
    doc.set(freq, Slider::VALUE, 3.5).unwrap();
    doc.unhold();
    assert_eq!(doc.take_changes().len(), 3);
    // Nor across origins.
    doc.set(freq, Slider::VALUE, 1.0).unwrap();
    let (any, peer) = (freq.any(), Origin::Peer(PeerId(1)));
    doc.acting_as(
        Actor {
            origin: peer,
            run_callbacks: false,
        },
        |d| d.set_attr(any, "value", Value::Float(2.0)),
    )
    .unwrap();
    assert_eq!(doc.take_changes().len(), 2);
}

#[test]
fn a_failing_callback_undoes_the_change_and_what_the_callbacks_did() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let freq = slider(&doc, "frequency");
    let before: Vec<_> = doc.models().map(|(_, m)| m.clone()).collect();
    doc.take_changes();
    // Runs after the app's callback, which has recomputed the sine by then.
    doc.on_change(freq, Slider::VALUE, |_, _| {
        Err(DocumentError::OutOfDomain {
            model_type: "App".into(),
            attr: "value".into(),
            message: "refused".into(),
        })
    });
    assert!(doc.set(freq, Slider::VALUE, 2.0).is_err());
    let after: Vec<_> = doc.models().map(|(_, m)| m.clone()).collect();
    assert_eq!(after, before);
    assert!(doc.take_changes().is_empty());
}

#[test]
fn a_batch_is_one_patch_and_all_or_nothing() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let (freq, amp) = (slider(&doc, "frequency"), slider(&doc, "amplitude"));
    doc.take_changes();
    let result: Result<(), DocumentError> = doc.batch(|doc| {
        doc.set(freq, Slider::VALUE, 2.0)?;
        doc.set(amp, Slider::VALUE, 99.0) // out of range: everything is undone
    });
    assert!(result.is_err());
    assert_eq!(doc.get(freq, Slider::VALUE), 1.0);
    assert!(doc.take_changes().is_empty());

    doc.batch(|doc| {
        doc.set(freq, Slider::VALUE, 2.0)?;
        doc.set(amp, Slider::VALUE, 2.0)
    })
    .unwrap();
    // value, data (the app's callback), value, data: one take, hence one patch, where
    // the second data replaced the first (no change to the source between them).
    let changes = doc.take_changes();
    let kinds: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| match &c.event {
            Event::ModelChanged { model, .. } => ("value", model.as_str()),
            Event::ColumnDataChanged { model, .. } => ("data", model.as_str()),
            _ => ("other", ""),
        })
        .collect();
    let id = |any: rokeh::document::AnyId| doc.model_id(any).as_str();
    let source = doc
        .models()
        .find(|(_, m)| m.type_name == "ColumnDataSource")
        .unwrap()
        .0;
    assert_eq!(
        kinds,
        [
            ("value", id(freq.any())),
            ("data", id(source)),
            ("value", id(amp.any()))
        ]
    );
    let x = doc.column_f64(source, "x").unwrap();
    let Event::ColumnDataChanged { data, .. } = &changes[1].event else {
        unreachable!()
    };
    let Some(Value::Array(y)) = data.map_get("y") else {
        panic!("{data:?}")
    };
    assert!(
        (y.as_f64().unwrap()[10] - 2.0 * (2.0 * x[10]).sin()).abs() < 1e-12,
        "the last y"
    );
}

#[test]
fn remote_changes_run_callbacks_only_when_asked() {
    for run_callbacks in [true, false] {
        let mut doc = Document::new();
        sliders(&mut doc);
        doc.take_changes();
        let id = slider_id(&doc, "frequency");
        let events =
            json!([{"kind": "ModelChanged", "model": {"id": id}, "attr": "value", "new": 2.0}]);
        let peer = Origin::Peer(PeerId(3));
        doc.acting_as(
            Actor {
                origin: peer,
                run_callbacks,
            },
            |d| apply_json_events(d, &events, &Buffers::new()),
        )
        .unwrap();
        let origins: Vec<Origin> = doc.take_changes().iter().map(|c| c.origin).collect();
        let expected = if run_callbacks {
            vec![peer, Origin::Local]
        } else {
            vec![peer]
        };
        assert_eq!(origins, expected);
    }
}

#[test]
fn new_models_travel_in_full_once_and_arrive_whole() {
    let mut sender = Document::new();
    sliders(&mut sender);
    let mut receiver = Document::from_json(&to_json(&sender, BufferMode::Binary).json, &{
        let e = to_json(&sender, BufferMode::Binary);
        e.buffers
    })
    .unwrap();
    let synced = SyncedModels::of(&sender);
    sender.take_changes();
    let title = sender.add(Title {
        text: "extra".into(),
        ..Title::default()
    });
    let extra = sender.add(Slider::new("extra", 0.5, 0.0, 1.0, 0.1));
    sender.set(extra, Slider::VALUE, 0.25).unwrap(); // before it is attached: left out
    sender.add_root(extra);
    sender.add_root(title);
    sender.remove_root(title);
    let changes = sender.take_changes();
    let patch = changes_to_json(&sender, &changes, &synced, BufferMode::Binary);
    let events = patch.json.as_array().unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["RootAdded", "RootAdded", "RootRemoved"]);
    assert_eq!(events[0]["model"]["attributes"]["value"], json!(0.25));
    assert_eq!(
        events[2]["model"],
        json!({"id": sender.model_id(title.any()).as_str()})
    );

    receiver
        .acting_as(Actor::LOCAL, |d| {
            apply_json_events(d, &patch.json, &patch.buffers)
        })
        .unwrap();
    let got = receiver
        .typed_id::<Slider>(sender.model_id(extra.any()))
        .unwrap();
    assert_eq!(receiver.get(got, Slider::VALUE), 0.25);
    assert_eq!(receiver.roots().len(), 2);
}

#[test]
fn messages_and_titles_round_trip() {
    let mut doc = Document::new();
    let events = json!([
        {"kind": "MessageSent", "msg_type": "hello", "msg_data": {"type": "map", "entries": [["n", 1]]}},
        {"kind": "TitleChanged", "title": "Hi"},
    ]);
    doc.acting_as(Actor::LOCAL, |d| {
        apply_json_events(d, &events, &Buffers::new())
    })
    .unwrap();
    assert_eq!(doc.title(), "Hi");
    let changes = doc.take_changes();
    let out = changes_to_json(&doc, &changes, &SyncedModels::of(&doc), BufferMode::Inline);
    assert_eq!(out.json, events);

    let data = Value::Map(vec![(Value::str("n"), Value::Int(1))]);
    doc.send_message("hello", data);
    let changes = doc.take_changes();
    let out = changes_to_json(&doc, &changes, &SyncedModels::of(&doc), BufferMode::Inline);
    assert_eq!(out.json[0], events[0]);
}

#[test]
fn a_page_joins_a_session_by_id_keeping_its_handles_and_callbacks() {
    // The session: the app, then a user moved the frequency and a root was added.
    let mut session = Document::new();
    sliders(&mut session);
    let freq = slider(&session, "frequency");
    session.set(freq, Slider::VALUE, 2.0).unwrap();
    session.set_title("Session");
    let extra = session.add(Slider::new("extra", 0.5, 0.0, 1.0, 0.1));
    session.add_root(extra);
    let state = to_json(&session, BufferMode::Binary);

    // The page ran the app itself: same ids, its own callbacks.
    let mut page = Document::new();
    sliders(&mut page);
    let (page_freq, amp) = (slider(&page, "frequency"), slider(&page, "amplitude"));
    let source = page.typed_id::<ColumnDataSource>(&"p1001".into()).unwrap();
    page.take_changes();
    let server = Origin::Peer(PeerId(0));
    page.acting_as(
        Actor {
            origin: server,
            run_callbacks: false,
        },
        |d| sync_from_json(d, &state.json, &state.buffers),
    )
    .unwrap();
    assert_eq!(page.get(page_freq, Slider::VALUE), 2.0);
    assert_eq!(page.title(), "Session");
    assert_eq!(page.roots().len(), 2);
    assert_eq!(
        page.column_f64(source, "y"),
        session.column_f64(session.lookup(&"p1001".into()).unwrap(), "y")
    );
    let changes = page.take_changes();
    assert!(!changes.is_empty() && changes.iter().all(|c| c.origin == server));
    // The page's callbacks still drive its copy.
    page.set(amp, Slider::VALUE, 2.0).unwrap();
    let x = page.column_f64(source, "x").unwrap().to_vec();
    let y = page.column_f64(source, "y").unwrap();
    assert!((y[10] - 2.0 * (2.0 * x[10]).sin()).abs() < 1e-12);
}

#[test]
fn joining_a_session_whose_model_has_another_type_changes_nothing() {
    let mut page = Document::new();
    sliders(&mut page);
    let before: Vec<_> = page.models().map(|(_, m)| m.clone()).collect();
    let mut json = to_json(&page, BufferMode::Inline).json;
    // Make the session's text input a PasswordInput: the same properties, another type.
    let (_, input) = page
        .models()
        .find(|(_, m)| m.type_name == "TextInput")
        .unwrap();
    let id = input.id.clone();
    let text = serde_json::to_string(&json).unwrap().replace(
        &format!(r#""id":"{id}","name":"TextInput""#),
        &format!(r#""id":"{id}","name":"PasswordInput""#),
    );
    json = serde_json::from_str(&text).unwrap();
    let err = page.acting_as(
        Actor {
            origin: Origin::Local,
            run_callbacks: false,
        },
        |d| sync_from_json(d, &json, &Buffers::new()),
    );
    assert!(
        matches!(err, Err(JsonError::TypeMismatch { .. })),
        "{err:?}"
    );
    let after: Vec<_> = page.models().map(|(_, m)| m.clone()).collect();
    assert_eq!(after, before);
}

#[test]
fn arrays_of_every_dtype_survive_both_encodings() {
    let mut doc = Document::new();
    let data = [
        ArrayData::Bool(vec![true, false].into()),
        ArrayData::U8(vec![1, 255].into()),
        ArrayData::I8(vec![-1, 127].into()),
        ArrayData::U16(vec![1, 65535].into()),
        ArrayData::I16(vec![-1, 300].into()),
        ArrayData::U32(vec![1, u32::MAX].into()),
        ArrayData::I32(vec![-1, i32::MAX].into()),
        ArrayData::F32(vec![0.5, f32::NAN].into()),
        ArrayData::F64(vec![f64::NEG_INFINITY, 1e300].into()),
    ];
    let columns = data
        .into_iter()
        .map(|d| (d.dtype().name().to_owned(), Value::Array(NdArray::new(d))))
        .collect();
    let s = doc.add(ColumnDataSource { data: columns });
    doc.add_root(s);
    for mode in [BufferMode::Inline, BufferMode::Binary] {
        let out = to_json(&doc, mode);
        let back = Document::from_json(&out.json, &out.buffers).unwrap();
        assert_eq!(back.model(back.roots()[0]), doc.model(s.any()), "{mode:?}");
    }
}

#[test]
fn a_root_removed_in_one_patch_and_added_in_the_next_travels_in_full_again() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let root = doc.roots()[0];
    doc.remove_root(root);
    let synced = SyncedModels::of(&doc);
    assert!(
        !synced.contains(doc.model_id(root)),
        "a peer drops what no root holds"
    );
    doc.take_changes();
    doc.add_root(root);
    let changes = doc.take_changes();
    let patch = changes_to_json(&doc, &changes, &synced, BufferMode::Inline);
    assert_eq!(patch.json[0]["model"]["type"], "object");
    assert_eq!(patch.json[0]["model"]["name"], "Row");
}

#[test]
fn a_failed_batch_undoes_a_stream_that_rolled_over() {
    let mut doc = Document::new();
    let s = source(&mut doc);
    let before = doc.model(s.any()).clone();
    doc.take_changes();
    let result = doc.batch(|doc| {
        for i in 0..5 {
            let t = f64::from(i);
            let new = rows(&[t, t], &[i.into(), i.into()], &[true, false], &["x", "y"]);
            doc.stream(s, new, Some(3))?;
        }
        doc.patch(
            s,
            vec![("t".into(), vec![(PatchIndex::Row(9), Value::Float(0.0))])],
        )
    });
    assert!(result.is_err());
    assert_eq!(doc.model(s.any()), &before);
    assert!(doc.take_changes().is_empty());
}

#[test]
fn a_failed_batch_leaves_the_changes_recorded_before_it_alone() {
    let mut doc = Document::new();
    sliders(&mut doc);
    let title = doc
        .typed_id::<Title>(
            &doc.models()
                .find(|(_, m)| m.type_name == "Title")
                .unwrap()
                .1
                .id
                .clone(),
        )
        .unwrap();
    doc.take_changes();
    doc.set(title, Title::TEXT, "a".to_string()).unwrap();
    let result = doc.batch(|doc| {
        doc.set(title, Title::TEXT, "b".to_string())?; // would combine with "a"
        doc.set(slider(doc, "frequency"), Slider::VALUE, 99.0)
    });
    assert!(result.is_err());
    assert_eq!(doc.get(title, Title::TEXT), "a".into());
    let changes = doc.take_changes();
    assert_eq!(changes.len(), 1);
    assert!(
        matches!(&changes[0].event, Event::ModelChanged { new, .. } if *new == Value::str("a"))
    );
}

#[test]
fn patches_within_a_cell_set_a_line_s_point_and_an_image_s_block_and_travel() {
    use rokeh::document::Along;
    let mut sender = Document::new();
    let mut image = NdArray::from(vec![0i32; 12]);
    image.shape = vec![4, 3];
    let s = sender.add(ColumnDataSource {
        data: ColumnData(vec![
            (
                "ys".into(),
                Value::List(vec![
                    Value::Array(vec![0.0, 1.0, 2.0].into()),
                    Value::Array(vec![5.0, 6.0, 7.0].into()),
                ]),
            ),
            (
                "img".into(),
                Value::List(vec![Value::Array(image.clone()), Value::Array(image)]),
            ),
        ]),
    });
    sender.add_root(s);
    let mut receiver = Document::from_json(
        &to_json(&sender, BufferMode::Inline).json,
        &Buffers::default(),
    )
    .unwrap();
    let synced = SyncedModels::of(&sender);
    sender.take_changes();
    // Python: source.patch({"ys": [([1, 2], [9.5])], "img": [([0, slice(1, 4, 2), slice(None)], values)]})
    let rows = Along::Slice {
        start: Some(1),
        stop: Some(4),
        step: Some(2),
    };
    let point = PatchIndex::Within {
        row: 1,
        along: vec![Along::At(2)],
    };
    let block = PatchIndex::Within {
        row: 0,
        along: vec![rows, Along::ALL],
    };
    sender
        .patch(
            s,
            vec![
                ("ys".into(), vec![(point, list(&[9.5]))]),
                ("img".into(), vec![(block, list(&[1i64, 2, 3, 4, 5, 6]))]),
            ],
        )
        .unwrap();
    let cells = |doc: &Document| -> Vec<Value> {
        let (Some(Value::List(ys)), Some(Value::List(img))) =
            (doc.column(s, "ys"), doc.column(s, "img"))
        else {
            panic!("list columns")
        };
        vec![ys[1].clone(), img[0].clone()]
    };
    let [line, picture]: [Value; 2] = cells(&sender).try_into().unwrap();
    assert_eq!(line, Value::Array(vec![5.0, 6.0, 9.5].into()));
    let Value::Array(picture) = picture else {
        panic!("an image")
    };
    assert_eq!(picture.shape, vec![4, 3]);
    let pixels: Vec<Value> = picture.data.to_values();
    let want: Vec<Value> = [0, 0, 0, 1, 2, 3, 0, 0, 0, 4, 5, 6]
        .map(Value::Int)
        .to_vec();
    assert_eq!(pixels, want, "rows 1 and 3, row by row");

    // On the wire as Python writes it ([row, j] and [row, slice, slice]), and applied alike.
    let changes = sender.take_changes();
    let patch = changes_to_json(&sender, &changes, &synced, BufferMode::Inline);
    let index = &patch.json[0]["patches"];
    assert!(index.to_string().contains("[1,2]"), "{index}");
    receiver
        .acting_as(Actor::LOCAL, |d| {
            apply_json_events(d, &patch.json, &patch.buffers)
        })
        .unwrap();
    let rs = receiver.lookup(sender.model_id(s.any())).unwrap();
    let got = |name| receiver.column(rs, name).cloned().unwrap();
    assert_eq!(got("ys"), sender.column(s, "ys").cloned().unwrap());
    assert_eq!(got("img"), sender.column(s, "img").cloned().unwrap());

    // What does not fit is refused and changes nothing.
    let before = sender.model(s.any()).clone();
    let cases = [
        (
            "ys",
            PatchIndex::Within {
                row: 0,
                along: vec![Along::At(3)],
            },
            list(&[1.0]),
            "index 3 is past the end (3 elements)",
        ),
        (
            "ys",
            PatchIndex::Within {
                row: 0,
                along: vec![Along::At(0), Along::At(0)],
            },
            list(&[1.0]),
            "2 indices into a cell of 1 dimensions",
        ),
        (
            "img",
            PatchIndex::Within {
                row: 0,
                along: vec![Along::At(0), Along::At(0)],
            },
            list(&[1i64, 2]),
            "the index names 1 elements but 2 values were given",
        ),
    ];
    for (name, index, value, expected) in cases {
        let err = sender
            .patch(s, vec![(name.into(), vec![(index, value)])])
            .unwrap_err();
        assert!(err.to_string().contains(expected), "{err}");
        assert_eq!(sender.model(s.any()), &before);
    }
    assert!(sender.take_changes().is_empty());
}
