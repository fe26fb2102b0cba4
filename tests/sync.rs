//! The page's side of a session (`sync::Client`), driven without any I/O: what it sends,
//! what it keeps while offline and in which order, and when it pulls the session again.

use rokeh::document::json::SyncedModels;
use rokeh::document::{Change, Document, Event, Id, Value};
use rokeh::models::{Button, ButtonType, Div, Slider};
use rokeh::protocol::{Body, Message, MsgId};
use rokeh::sync::wire::{patch_for, pull_reply};
use rokeh::sync::{Client, PeerKind, Status};
use rokeh_gallery::sliders;

fn slider(doc: &Document, title: &str) -> Id<Slider> {
    doc.models()
        .filter_map(|(_, m)| doc.typed_id::<Slider>(&m.id))
        .find(|s| doc.get(*s, Slider::TITLE).as_deref() == Some(title))
        .unwrap()
}

fn app_document() -> Document {
    let mut doc = Document::new();
    sliders(&mut doc);
    doc.take_changes();
    doc
}

/// The sliders app as a page built with `run_with_views` builds it: into a lean document,
/// which knows only the model types the app makes.
fn lean_app_document() -> Document {
    let mut doc = Document::lean();
    sliders(&mut doc);
    doc.take_changes();
    doc
}

/// The attribute each ModelChanged of these changes sets, in order.
fn attrs_set(doc: &Document, changes: &[Change]) -> Vec<(String, f64)> {
    changes
        .iter()
        .filter_map(|c| match &c.event {
            Event::ModelChanged { model, attr, new } => {
                let any = doc.lookup(model)?;
                let title = doc.get_attr(any, "title").ok()?;
                Some((format!("{}.{attr}", title.as_str()?), new.as_f64()?))
            }
            _ => None,
        })
        .collect()
}

/// Connects `client` to a session holding `session`: ACK, pull, reply. Returns what the
/// client sent after taking the session's state.
fn connect(
    client: &mut Client,
    page: &mut Document,
    session: &Document,
    app: bool,
) -> Vec<Message> {
    client.opened();
    assert_eq!(client.status(), Status::Connecting);
    let ack = client.receive(page, Message::new(MsgId::next(), Body::Ack));
    let [pull] = &ack.send[..] else {
        panic!("one PULL-DOC-REQ after the ACK, got {:?}", ack.send)
    };
    assert_eq!(pull.body, Body::PullDocReq);
    let reply = pull_reply(session, pull.msgid.clone(), PeerKind::RunsCallbacks, app);
    let reaction = client.receive(page, reply);
    assert_eq!(reaction.error, None);
    reaction.send
}

#[test]
fn offline_edits_keep_their_order_and_combine_only_with_the_one_just_before() {
    let mut page = app_document();
    let mut client = Client::new(&page);
    let (freq, amp) = (slider(&page, "frequency"), slider(&page, "amplitude"));
    let mut edit = |page: &mut Document, s: Id<Slider>, v: f64| {
        page.set(s, Slider::VALUE, v).unwrap();
        let changes = page.take_changes();
        assert!(client.local_changes(page, &changes).is_none(), "offline");
    };
    edit(&mut page, freq, 2.0);
    edit(&mut page, amp, 3.0);
    edit(&mut page, freq, 3.0);
    edit(&mut page, freq, 4.0);
    let kept = attrs_set(&page, client.unsent());
    // Each slider edit also replaced the sine's column (ColumnDataChanged), in between.
    assert_eq!(
        kept,
        [
            ("frequency.value".into(), 2.0),
            ("amplitude.value".into(), 3.0),
            ("frequency.value".into(), 3.0),
            ("frequency.value".into(), 4.0),
        ]
    );
    // The same property twice in a row keeps the latest only.
    let mut page = app_document();
    let mut client = Client::new(&page);
    let freq = slider(&page, "frequency");
    page.hold();
    page.set(freq, Slider::VALUE, 2.0).unwrap();
    page.unhold();
    let first = page.take_changes();
    page.set_attr(freq.any(), "value_throttled", 2.0.into())
        .unwrap();
    page.set_attr(freq.any(), "value_throttled", 2.5.into())
        .unwrap();
    let second = page.take_changes();
    client.local_changes(&page, &first);
    client.local_changes(&page, &second[..1]);
    client.local_changes(&page, &second[1..]);
    let throttled: Vec<&Event> = client
        .unsent()
        .iter()
        .map(|c| &c.event)
        .filter(|e| matches!(e, Event::ModelChanged { attr, .. } if attr == "value_throttled"))
        .collect();
    assert_eq!(throttled.len(), 1);
}

#[test]
fn edits_made_before_the_session_arrived_go_out_on_top_of_it() {
    let mut page = app_document();
    let mut client = Client::new(&page);
    let freq = slider(&page, "frequency");
    page.set(freq, Slider::VALUE, 2.0).unwrap();
    let changes = page.take_changes();
    client.local_changes(&page, &changes);

    // Meanwhile the session moved the amplitude.
    let mut session = app_document();
    let amp = slider(&session, "amplitude");
    session.set(amp, Slider::VALUE, 3.0).unwrap();
    session.take_changes();

    let sent = connect(&mut client, &mut page, &session, true);
    assert_eq!(client.status(), Status::Live);
    let [patch] = &sent[..] else {
        panic!("one patch with the offline edits, got {sent:?}")
    };
    let Body::PatchDoc { events } = &patch.body else {
        panic!("{:?}", patch.body)
    };
    assert_eq!(events[0]["attr"], "value");
    assert_eq!(events[0]["new"], 2.0);
    // Both edits hold in the page: the session's and its own.
    assert_eq!(page.get(slider(&page, "amplitude"), Slider::VALUE), 3.0);
    assert_eq!(page.get(freq, Slider::VALUE), 2.0);
    assert!(client.unsent().is_empty());

    // The connection drops before the OK: the edit goes again, first in line.
    client.closed();
    assert_eq!(client.status(), Status::Offline);
    assert_eq!(
        attrs_set(&page, client.unsent()),
        [("frequency.value".into(), 2.0)]
    );
}

#[test]
fn a_refused_edit_or_a_patch_that_does_not_apply_means_pulling_again() {
    let mut page = app_document();
    let mut client = Client::new(&page);
    let session = app_document();
    connect(&mut client, &mut page, &session, true);
    let freq = slider(&page, "frequency");
    page.set(freq, Slider::VALUE, 2.0).unwrap();
    let changes = page.take_changes();
    let patch = client
        .local_changes(&page, &changes)
        .expect("live: sent at once");

    let refused = Message::error(MsgId::next(), Some(patch.msgid.clone()), "no");
    let reaction = client.receive(&mut page, refused);
    assert!(reaction.pull_again, "the page may differ from the session");
    assert!(reaction.error.is_some());
    let pull = client.pull().expect("connected: a new pull");
    assert_eq!(pull.body, Body::PullDocReq);

    // A patch naming a model the page does not have cannot apply: pull again.
    let events = vec![serde_json::json!(
        {"kind": "ModelChanged", "model": {"id": "nope"}, "attr": "value", "new": 1.0}
    )];
    let bad = Message::new(MsgId::next(), Body::PatchDoc { events });
    let reaction = client.receive(&mut page, bad);
    assert!(reaction.pull_again);
    // The session's own patches apply and keep the page live.
    let mut session = app_document();
    let amp = slider(&session, "amplitude");
    session.set(amp, Slider::VALUE, 4.0).unwrap();
    let changes = session.take_changes();
    let synced = SyncedModels::of(&session);
    let good = patch_for(&session, &changes, &synced, None, PeerKind::RunsCallbacks).unwrap();
    let reaction = client.receive(&mut page, good);
    assert!(!reaction.pull_again, "{:?}", reaction.error);
    assert_eq!(page.get(slider(&page, "amplitude"), Slider::VALUE), 4.0);
}

#[test]
fn a_pushed_document_replaces_the_pages_own_with_its_callbacks() {
    let mut page = app_document();
    let mut client = Client::new(&page);
    let old_freq = slider(&page, "frequency");
    // The session's document was pushed: other models under the same ids.
    let mut pushed = Document::new();
    let button = pushed.add(Button {
        label: "pushed".into(),
        ..Button::default()
    });
    pushed.add_root(button);
    pushed.set_title("Pushed");
    pushed.take_changes();
    connect(&mut client, &mut page, &pushed, false);
    assert_eq!(page.title(), "Pushed");
    assert_eq!(page.roots().len(), 1);
    let root = page.model(page.roots()[0]);
    assert_eq!(
        (root.id.as_str(), root.type_name.as_str()),
        ("p1001", "Button")
    );
    // The app's handles no longer resolve: the old slider is gone, not aliased.
    assert!(page.try_get(old_freq, Slider::VALUE).is_err());
}

#[test]
fn a_lean_page_joins_its_session_and_keeps_models_of_types_it_never_made_as_sent() {
    let mut page = lean_app_document();
    let mut client = Client::new(&page);
    // The server's document knows every type.
    let mut session = app_document();
    session
        .set(slider(&session, "amplitude"), Slider::VALUE, 3.0)
        .unwrap();
    session.take_changes();
    connect(&mut client, &mut page, &session, true);
    assert_eq!(client.status(), Status::Live);
    assert_eq!(page.get(slider(&page, "amplitude"), Slider::VALUE), 3.0);
    assert!(
        page.type_schema("Div").is_none(),
        "the sliders app makes no Div"
    );

    // A server-side callback adds a Div: the page keeps it as it came.
    let synced = SyncedModels::of(&session);
    let div = session.add(Div {
        text: "from the server".into(),
        ..Div::default()
    });
    session.add_root(div);
    let changes = session.take_changes();
    let patch = patch_for(&session, &changes, &synced, None, PeerKind::RunsCallbacks).unwrap();
    let reaction = client.receive(&mut page, patch);
    assert_eq!(reaction.error, None);
    let id = session.model_id(div.any()).clone();
    let div = page.lookup(&id).expect("the page has the Div");
    assert_eq!(page.model(div).type_name, "Div");
    assert_eq!(
        page.get_attr(div, "text").unwrap(),
        "from the server".into()
    );
    // A property the server left at its default has none in the page: it has no schema.
    assert!(page.get_attr(div, "disable_math").is_err());

    // Its properties are taken unchecked (the server checked them); those of a type the
    // page knows are checked, Bokeh's own properties included.
    let set = |attr: &str, model: &rokeh::document::ModelId, new: serde_json::Value| {
        let events = vec![serde_json::json!(
            {"kind": "ModelChanged", "model": {"id": model.as_str()}, "attr": attr, "new": new}
        )];
        Message::new(MsgId::next(), Body::PatchDoc { events })
    };
    let reaction = client.receive(&mut page, set("anything", &id, 42.into()));
    assert_eq!(reaction.error, None);
    assert_eq!(page.get_attr(div, "anything").unwrap(), Value::Int(42));
    let freq = slider(&page, "frequency");
    let freq_id = page.model_id(freq.any()).clone();
    let reaction = client.receive(&mut page, set("bar_color", &freq_id, "red".into()));
    assert_eq!(reaction.error, None);
    let reaction = client.receive(&mut page, set("value", &freq_id, 99.into()));
    assert!(reaction.pull_again, "out of the slider's range: refused");
    assert_eq!(page.get(freq, Slider::VALUE), 1.0);
}

#[test]
fn a_document_pushed_to_a_lean_page_is_checked_against_the_types_it_learnt() {
    let mut page = lean_app_document();
    let mut client = Client::new(&page);
    let mut pushed = Document::new();
    let slider = pushed.add(Slider::new("pushed", 3.0, 0.0, 10.0, 1.0));
    let button = pushed.add(Button {
        label: "pushed".into(),
        ..Button::default()
    });
    pushed.add_root(slider);
    pushed.add_root(button);
    pushed.take_changes();
    let (slider_id, button_id) = (
        pushed.model_id(slider.any()).clone(),
        pushed.model_id(button.any()).clone(),
    );

    // A slider with a step that is not positive is refused: the page stays as it was, and
    // pulls again. (A value outside its range is taken from a document read whole: a peer
    // may move the range past the value, as Python lets an app.)
    client.opened();
    client.receive(&mut page, Message::new(MsgId::next(), Body::Ack));
    let pull = client.pull().unwrap();
    let mut reply = pull_reply(&pushed, pull.msgid.clone(), PeerKind::RunsCallbacks, false);
    let Body::PullDocReply { doc } = &mut reply.body else {
        unreachable!()
    };
    doc["roots"][0]["attributes"]["step"] = (-1).into();
    let reaction = client.receive(&mut page, reply);
    assert!(reaction.pull_again && reaction.error.is_some());
    assert_eq!(page.title(), "Sliders");

    connect(&mut client, &mut page, &pushed, false);
    assert_eq!(page.roots().len(), 2);
    // The slider type stays known after the replacement: checked, defaults read.
    let slider = page.typed_id::<Slider>(&slider_id).unwrap();
    assert_eq!(page.get(slider, Slider::VALUE), 3.0);
    assert!(page.set(slider, Slider::VALUE, 11.0).is_err());
    // The button's type it never learnt: by name, what was sent and nothing more; through
    // rokeh's typed keys, the defaults rokeh's Button gives.
    let button = page.lookup(&button_id).unwrap();
    assert_eq!(page.get_attr(button, "label").unwrap(), "pushed".into());
    assert!(page.get_attr(button, "button_type").is_err());
    let button = page.typed_id::<Button>(&button_id).unwrap();
    assert_eq!(page.get(button, Button::LABEL), "pushed");
    assert_eq!(page.get(button, Button::BUTTON_TYPE), ButtonType::Default);
}
