//! Choosing from options: Select (plain or grouped options), MultiSelect, MultiChoice,
//! AutocompleteInput (a text input that offers completions) and PaletteSelect (a palette
//! by name).

use super::super::props::AutoOr;
use super::buttons::RichText;
use crate::core::{Color, Ids, Kind, PropType, Value};

use super::super::enums::SearchStrategy;

models! {
    /// A drop-down choice of one option, like Bokeh's `Select(title=…, value=…,
    /// options=[…])`; options may be grouped (`{"group": [...]}`).
    pub struct Select("Select") {
        title: RichText = "",
        /// The chosen option's value (any value; usually a string).
        value: Value = "",
        options: SelectOptions = SelectOptions::List(Vec::new()),
        disabled: bool = false,
    }

    /// A list box choosing any number of options; `size` rows show at once.
    pub struct MultiSelect("MultiSelect") {
        title: RichText = "",
        value: Vec<String> = Vec::new(),
        options: Vec<SelectOption> = Vec::new(),
        size: i64 = 4,
        disabled: bool = false,
    }

    /// Chosen options shown as removable chips, more picked from a filtered list.
    pub struct MultiChoice("MultiChoice") {
        title: RichText = "",
        value: Vec<String> = Vec::new(),
        options: Vec<SelectOption> = Vec::new(),
        placeholder: Option<String> = None,
        max_items: Option<i64> = None,
        /// Whether chips have a remove button.
        delete_button: bool = true,
        /// At most this many options are listed at once.
        option_limit: Option<i64> = None,
        disabled: bool = false,
    }

    /// A TextInput that lists the `completions` matching what is typed; with `restrict`,
    /// only a completion can become `value`.
    pub struct AutocompleteInput("AutocompleteInput") {
        title: RichText = "",
        value: String = "",
        value_input: String = "",
        placeholder: String = "",
        completions: Vec<String> = Vec::new(),
        min_characters: i64 = 2,
        max_completions: Option<i64> = None,
        case_sensitive: bool = true,
        restrict: bool = true,
        search_strategy: SearchStrategy = SearchStrategy::StartsWith,
        disabled: bool = false,
    }

    /// A palette chosen by name, like Bokeh's `PaletteSelect(value=…, items=[(name,
    /// colors), …])`: `value` is the name; the chosen palette is shown as a swatch.
    pub struct PaletteSelect("PaletteSelect") {
        title: RichText = "",
        value: String,
        items: Vec<(String, Vec<Color>)>,
        /// The menu's items in this many columns.
        ncols: i64 = 1,
        /// Each swatch's size in pixels; "auto" as tall as its name.
        swatch_width: i64 = 100,
        swatch_height: AutoOr<i64> = AutoOr::Auto,
        disabled: bool = false,
    }
}

/// One option: the value chosen and the label shown (a plain string is both).
#[derive(Clone, Debug, PartialEq)]
pub struct SelectOption {
    /// The value the Select takes when this option is chosen.
    pub value: Value,
    /// The text shown.
    pub label: String,
}

impl SelectOption {
    /// The value as text, as a string-valued option (MultiSelect's, MultiChoice's) has it.
    pub fn value_text(&self) -> String {
        match &self.value {
            Value::Str(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            other => other.preview(),
        }
    }
}

impl From<&str> for SelectOption {
    fn from(text: &str) -> SelectOption {
        SelectOption {
            value: Value::str(text),
            label: text.to_owned(),
        }
    }
}

impl From<String> for SelectOption {
    fn from(text: String) -> SelectOption {
        SelectOption {
            value: Value::str(text.as_str()),
            label: text,
        }
    }
}

impl Select {
    /// A drop-down of string `options` at `value`, as Bokeh's `Select(title=…, value=…,
    /// options=[…])`; an empty title shows none.
    pub fn new<O: Into<SelectOption>>(
        title: &str,
        value: &str,
        options: impl IntoIterator<Item = O>,
    ) -> Select {
        Select {
            title: title.into(),
            value: Value::str(value),
            options: SelectOptions::List(options.into_iter().map(Into::into).collect()),
            disabled: false,
        }
    }
}

impl From<(&str, &str)> for SelectOption {
    fn from((value, label): (&str, &str)) -> SelectOption {
        SelectOption {
            value: Value::str(value),
            label: label.to_owned(),
        }
    }
}

const OPTION: Kind = Kind::Either(&[Kind::String, Kind::Tuple(&[Kind::Any, Kind::String])]);
const OPTIONS: Kind = Kind::List(&OPTION);

impl PropType for SelectOption {
    const KIND: Kind = OPTION;
    fn to_value(self, _: &dyn Ids) -> Value {
        match (&self.value, self.label) {
            (Value::Str(v), label) if *v == label => Value::Str(label),
            (_, label) => Value::List(vec![self.value, Value::Str(label)]),
        }
    }
    fn from_value(v: &Value, _: &dyn Ids) -> Option<SelectOption> {
        match v {
            Value::Str(text) => Some(SelectOption::from(text.as_str())),
            Value::List(pair) => match pair.as_slice() {
                [value, Value::Str(label)] => Some(SelectOption {
                    value: value.clone(),
                    label: label.clone(),
                }),
                _ => None,
            },
            _ => None,
        }
    }
}

/// A Select's options: a list, or named groups of them (shown as `<optgroup>`s).
#[derive(Clone, Debug, PartialEq)]
pub enum SelectOptions {
    /// Options in one list.
    List(Vec<SelectOption>),
    /// Groups of options, each under its label.
    Groups(Vec<(String, Vec<SelectOption>)>),
}

impl SelectOptions {
    /// Every option, groups flattened, in order.
    pub fn all(&self) -> Vec<&SelectOption> {
        match self {
            SelectOptions::List(options) => options.iter().collect(),
            SelectOptions::Groups(groups) => groups.iter().flat_map(|(_, o)| o).collect(),
        }
    }
}

/// One list of options: `doc.set(select, Select::OPTIONS, vec!["a", "b"])`.
impl<O: Into<SelectOption>> From<Vec<O>> for SelectOptions {
    fn from(options: Vec<O>) -> SelectOptions {
        SelectOptions::List(options.into_iter().map(Into::into).collect())
    }
}

impl PropType for SelectOptions {
    const KIND: Kind = Kind::Either(&[OPTIONS, Kind::Dict(&Kind::String, &OPTIONS)]);
    fn to_value(self, ids: &dyn Ids) -> Value {
        match self {
            SelectOptions::List(options) => options.to_value(ids),
            SelectOptions::Groups(groups) => Value::Map(
                groups
                    .into_iter()
                    .map(|(name, options)| (Value::Str(name), options.to_value(ids)))
                    .collect(),
            ),
        }
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<SelectOptions> {
        let group = |name: Option<&str>, options: &Value| {
            Some((
                name?.to_owned(),
                Vec::<SelectOption>::from_value(options, ids)?,
            ))
        };
        match v {
            Value::Map(entries) => entries
                .iter()
                .map(|(k, options)| group(k.as_str(), options))
                .collect::<Option<_>>()
                .map(SelectOptions::Groups),
            Value::Object(fields) => fields
                .iter()
                .map(|(k, options)| group(Some(k), options))
                .collect::<Option<_>>()
                .map(SelectOptions::Groups),
            v => Vec::<SelectOption>::from_value(v, ids).map(SelectOptions::List),
        }
    }
}
