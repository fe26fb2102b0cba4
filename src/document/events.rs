//! Document change events in Bokeh's shapes, each with where it came from, and the UI
//! events (`bokeh.events`) that travel inside them.

use super::{ModelId, Value};
use crate::bokeh_enum;

/// Which connection a change arrived on, numbered by the side that holds the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PeerId(pub u64);

/// Where a change was made: here (a user's edit, app code, a callback) or by a peer.
/// The sync layer sends a change to every peer except the one it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Made on this side: app code, a callback, a user's edit in this page.
    Local,
    /// Arrived from the peer on this connection.
    Peer(PeerId),
}

/// One change to a document, named and shaped as Bokeh's `DocumentChangedEvent`s.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A property set to a new value.
    ModelChanged {
        /// The model changed.
        model: ModelId,
        /// The property.
        attr: String,
        /// Its new value.
        new: Value,
    },
    /// The `data` of a ColumnDataSource replaced: all of it (`cols: None`) or the named
    /// columns, whose new arrays `data` holds as a map.
    ColumnDataChanged {
        /// The source.
        model: ModelId,
        /// The property: `"data"`.
        attr: String,
        /// The columns replaced; `None`: all of them.
        cols: Option<Vec<String>>,
        /// The new columns, as a map of name to column.
        data: Value,
    },
    /// Rows appended to a source's columns, as Bokeh's `source.stream(...)`.
    ColumnsStreamed {
        /// The source.
        model: ModelId,
        /// The property: `"data"`.
        attr: String,
        /// The new rows, as a map of column name to rows.
        data: Value,
        /// How many rows each column keeps at most, the oldest dropped first.
        rollover: Option<usize>,
    },
    /// Cells of a source's columns replaced, as Bokeh's `source.patch(...)`.
    ColumnsPatched {
        /// The source.
        model: ModelId,
        /// The property: `"data"`.
        attr: String,
        /// A map of column name to a list of `[index or slice, new value]`.
        patches: Value,
    },
    /// The document's title set.
    TitleChanged {
        /// The new title.
        title: String,
    },
    /// A root added (at the end).
    RootAdded {
        /// The new root.
        model: ModelId,
    },
    /// A root removed; the model may stay in the document.
    RootRemoved {
        /// The root removed.
        model: ModelId,
    },
    /// A message for the peers that changes no model: a UI event ([`BOKEH_EVENT`]), or
    /// what [`Document::send_message`](super::Document::send_message) sends.
    MessageSent {
        /// What kind of message: `"bokeh_event"`.
        msg_type: String,
        /// Its content.
        msg_data: Value,
    },
}

/// The attributes a widget's user sets through its control: a slider's or an input's
/// value as it moves or is typed, a toggle's or a group's active choice, a tab's.
pub const INPUT_ATTRS: [&str; 4] = ["value", "value_throttled", "value_input", "active"];

impl Event {
    /// The model the event changes, if it changes one.
    pub fn model(&self) -> Option<&ModelId> {
        match self {
            Event::ModelChanged { model, .. }
            | Event::ColumnDataChanged { model, .. }
            | Event::ColumnsStreamed { model, .. }
            | Event::ColumnsPatched { model, .. }
            | Event::RootAdded { model }
            | Event::RootRemoved { model } => Some(model),
            Event::TitleChanged { .. } | Event::MessageSent { .. } => None,
        }
    }

    /// Whether the event changes the columns of a source and nothing else: what is drawn
    /// from them may change, but no property, reference or style of any model.
    pub fn changes_columns_only(&self) -> bool {
        matches!(
            self,
            Event::ColumnDataChanged { .. }
                | Event::ColumnsStreamed { .. }
                | Event::ColumnsPatched { .. }
        )
    }

    /// Whether the event sets one of the attributes a user's input sets ([`INPUT_ATTRS`]):
    /// the widget's own control shows it, and nothing else of the model changes.
    pub fn sets_input_only(&self) -> bool {
        matches!(self, Event::ModelChanged { attr, .. } if INPUT_ATTRS.contains(&attr.as_str()))
    }

    /// Whether applying `self` right after `earlier` leaves nothing of `earlier` to see,
    /// so the two can travel as `self` alone.
    pub(crate) fn supersedes(&self, earlier: &Event) -> bool {
        match (earlier, self) {
            (
                Event::ModelChanged { model, attr, .. },
                Event::ModelChanged {
                    model: m2,
                    attr: a2,
                    ..
                },
            ) => model == m2 && attr == a2,
            (Event::TitleChanged { .. }, Event::TitleChanged { .. }) => true,
            (
                Event::ColumnDataChanged {
                    model, attr, cols, ..
                },
                Event::ColumnDataChanged {
                    model: m2,
                    attr: a2,
                    cols: c2,
                    ..
                },
            ) => {
                let covered = match (cols, c2) {
                    (_, None) => true,
                    (None, Some(_)) => false,
                    (Some(old), Some(new)) => old.iter().all(|c| new.contains(c)),
                };
                model == m2 && attr == a2 && covered
            }
            _ => false,
        }
    }
}

/// An event and its origin, as the document records it.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What changed.
    pub event: Event,
    /// Who changed it.
    pub origin: Origin,
}

bokeh_enum! {
    /// The UI events Bokeh names in `bokeh.events`, sent as a `MessageSent` of type
    /// `bokeh_event`; `on_event` callbacks run for them.
    pub enum EventKind {
        DocumentReady = "document_ready",
        ConnectionLost = "connection_lost",
        ClientReconnected = "client_reconnected",
        AxisClick = "axis_click",
        ButtonClick = "button_click",
        LegendItemClick = "legend_item_click",
        MenuItemClick = "menu_item_click",
        ValueSubmit = "value_submit",
        LodStart = "lodstart",
        LodEnd = "lodend",
        RangesUpdate = "rangesupdate",
        SelectionGeometry = "selectiongeometry",
        Reset = "reset",
        Tap = "tap",
        DoubleTap = "doubletap",
        Press = "press",
        PressUp = "pressup",
        MouseEnter = "mouseenter",
        MouseLeave = "mouseleave",
        MouseMove = "mousemove",
        MouseWheel = "wheel",
        Pan = "pan",
        PanEnd = "panend",
        PanStart = "panstart",
        Pinch = "pinch",
        PinchEnd = "pinchend",
        PinchStart = "pinchstart",
        Rotate = "rotate",
        RotateEnd = "rotateend",
        RotateStart = "rotatestart",
    }
}

/// The `msg_type` of a MessageSent that carries a [`UiEvent`].
pub const BOKEH_EVENT: &str = "bokeh_event";

/// A UI event: what happened, on which model (none for document events), and its other
/// values (`sx`, `x`, `item`, `value`, …) by name, as Bokeh's `Event` carries them.
#[derive(Clone, Debug, PartialEq)]
pub struct UiEvent {
    /// What happened.
    pub kind: EventKind,
    /// The model it happened on (a button, a plot); `None` for document events.
    pub model: Option<ModelId>,
    /// Its other values, by name: a tap's `x` and `y`, a menu click's `item`.
    pub values: Vec<(String, Value)>,
}

impl UiEvent {
    /// An event of `kind` on `model`, with no other values.
    pub fn new(kind: EventKind, model: Option<ModelId>) -> UiEvent {
        UiEvent {
            kind,
            model,
            values: Vec::new(),
        }
    }

    /// Value `name` of the event (`"item"` of a menu click, `"x"` of a tap).
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.values.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Bokeh's form: `{"type": "event", "name": …, "values": {model, …}}`.
    pub fn to_value(&self) -> Value {
        // A document event (no model) has no `model` value, as BokehJS writes it: Python's
        // document events take none.
        let model = self
            .model
            .clone()
            .map(|id| (Value::str("model"), Value::Ref(id)));
        let values = model
            .into_iter()
            .chain(
                self.values
                    .iter()
                    .map(|(k, v)| (Value::str(k.as_str()), v.clone())),
            )
            .collect();
        Value::Object(vec![
            ("type".into(), Value::str("event")),
            ("name".into(), Value::str(self.kind.name())),
            ("values".into(), Value::Map(values)),
        ])
    }

    /// Reads Bokeh's form; the error says what is wrong with it.
    pub fn from_value(v: &Value) -> Result<UiEvent, String> {
        if v.object_type() != Some("event") {
            return Err("a bokeh_event is not an event object".into());
        }
        let name = v
            .object_field("name")
            .and_then(Value::as_str)
            .ok_or("an event without a name")?;
        let kind = EventKind::from_name(name).ok_or_else(|| format!("unknown event '{name}'"))?;
        let entries: Vec<(String, Value)> = match v.object_field("values") {
            Some(Value::Map(entries)) => entries
                .iter()
                .map(|(k, v)| {
                    Ok((
                        k.as_str()
                            .ok_or("an event value's name is not a string")?
                            .to_owned(),
                        v.clone(),
                    ))
                })
                .collect::<Result<_, &str>>()?,
            Some(Value::Object(fields)) => fields.clone(),
            _ => return Err("an event without values".into()),
        };
        let mut model = None;
        let mut values = Vec::with_capacity(entries.len());
        for (name, value) in entries {
            if name != "model" {
                values.push((name, value));
                continue;
            }
            match value {
                Value::Ref(id) => model = Some(id),
                Value::Null => {}
                other => return Err(format!("an event's model is a {}", other.kind_name())),
            }
        }
        Ok(UiEvent {
            kind,
            model,
            values,
        })
    }
}
