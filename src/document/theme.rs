//! Bokeh's themes: property values by model type (`{"attrs": {"Axis": {"axis_line_color":
//! "white"}}}`) that every model of the type or a subtype takes where app code gave it
//! no value of its own, models added later included (`curdoc().theme = Theme(...)`, or a
//! directory app's `theme.yaml`).

use std::collections::HashMap;

use super::built_in_themes::BUILT_IN_THEMES;
use super::{AnyId, Document, DocumentError, Value};

/// A theme: for each Bokeh type name, property values its models take by default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Theme {
    attrs: Vec<(String, String, Value)>,
}

/// Why a theme's JSON was refused.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// Not JSON.
    #[error("a theme is not JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// JSON of another shape than `{"attrs": {type: {property: value}}}`.
    #[error("a theme is {{\"attrs\": {{type: {{property: value}}}}}}: {0}")]
    Shape(String),
}

impl Theme {
    /// A theme of `(type, property, value)` triples.
    pub fn new<V: Into<Value>>(
        attrs: impl IntoIterator<Item = (&'static str, &'static str, V)>,
    ) -> Theme {
        let attrs = attrs.into_iter();
        Theme {
            attrs: attrs
                .map(|(t, a, v)| (t.to_owned(), a.to_owned(), v.into()))
                .collect(),
        }
    }

    /// One of Bokeh's built-in themes by its name, as Python's `curdoc().theme =
    /// "dark_minimal"`: "caliber", "carbon", "dark_minimal", "light_minimal",
    /// "night_sky" or "contrast" (see [`Theme::built_in_names`]).
    pub fn built_in(name: &str) -> Option<Theme> {
        let (_, json) = BUILT_IN_THEMES.iter().find(|(n, _)| *n == name)?;
        Some(Theme::from_json(json).expect("Bokeh's own themes are theme JSON"))
    }

    /// The names of Bokeh's built-in themes.
    pub fn built_in_names() -> impl Iterator<Item = &'static str> {
        BUILT_IN_THEMES.iter().map(|(n, _)| *n)
    }

    /// Bokeh's theme JSON (its `theme.yaml` as JSON): `{"attrs": {"Plot":
    /// {"border_fill_color": "#2F2F2F"}, …}}`; values are checked when models take them.
    pub fn from_json(text: &str) -> Result<Theme, ThemeError> {
        let json: serde_json::Value = serde_json::from_str(text)?;
        let shape = |what: &str| ThemeError::Shape(what.to_owned());
        let types = json
            .get("attrs")
            .and_then(|a| a.as_object())
            .ok_or_else(|| shape("no \"attrs\" object"))?;
        let mut attrs = Vec::new();
        for (type_name, props) in types {
            let props = props
                .as_object()
                .ok_or_else(|| shape(&format!("{type_name} is not an object")))?;
            for (attr, value) in props {
                let value = Value::from_plain_json(value);
                attrs.push((type_name.clone(), attr.clone(), value));
            }
        }
        Ok(Theme { attrs })
    }
}

impl Document {
    /// Themes the document, as Bokeh's `curdoc().theme = theme`: each model of a type the
    /// theme names (or of a subtype: "Axis" themes a LinearAxis) takes the theme's values
    /// where app code gave it none, now and whenever one is added. A theme set after
    /// another replaces its values (a property the new one does not name goes back to its
    /// default); what app code set stays. All or nothing: a value a property does not take
    /// is refused.
    pub fn set_theme(&mut self, theme: Theme) -> Result<(), DocumentError> {
        let models: Vec<AnyId> = self.models().map(|(any, _)| any).collect();
        // Taken while the theme's own writes run: they are not app code's.
        let before = std::mem::take(&mut self.themed);
        let mut themed = HashMap::new();
        let result = self.atomically(|doc| {
            for any in models {
                let was = before.get(&any).map_or(&[][..], Vec::as_slice);
                let values = doc.themed(&theme, any, was);
                // Set back to its default, a property stays the theme's (not app code's).
                let dropped: Vec<String> = was
                    .iter()
                    .filter(|a| values.iter().all(|(n, _)| n != *a))
                    .cloned()
                    .collect();
                for attr in &dropped {
                    let default = doc
                        .schema_of(any)
                        .and_then(|t| t.prop(attr))
                        .and_then(|p| p.default.value())
                        .unwrap_or(Value::Null);
                    doc.set_attr(any, attr, default)?;
                }
                for (attr, value) in &values {
                    doc.set_attr(any, attr, value.clone())?;
                }
                let attrs: Vec<String> =
                    values.into_iter().map(|(a, _)| a).chain(dropped).collect();
                if !attrs.is_empty() {
                    themed.insert(any, attrs);
                }
            }
            Ok(())
        });
        match result {
            Ok(()) => {
                self.themed = themed;
                self.theme = Some(theme);
                Ok(())
            }
            Err(e) => {
                self.themed = before;
                Err(e)
            }
        }
    }

    /// The theme's values for the model's properties app code gave no value (those
    /// holding a theme's, `themed`, included).
    fn themed(&self, theme: &Theme, any: AnyId, themed: &[String]) -> Vec<(String, Value)> {
        let model = self.model(any);
        let Some(schema) = self.schema_of(any) else {
            return Vec::new();
        };
        let fits = |(type_name, attr, _): &&(String, String, Value)| {
            schema.is_a(type_name) && (!model.attrs.contains_key(attr) || themed.contains(attr))
        };
        let themed = theme.attrs.iter().filter(fits);
        themed.map(|(_, a, v)| (a.clone(), v.clone())).collect()
    }

    /// The current theme's values for a model app code just added. A value its property
    /// does not take is the app's mistake, as an invalid builder is: it panics, saying so.
    pub(super) fn apply_theme(&mut self, any: AnyId) {
        let Some(theme) = self.theme.take() else {
            return;
        };
        let values = self.themed(&theme, any, &[]);
        for (attr, value) in &values {
            if let Err(e) = self.validate(any, attr, value) {
                panic!("the document's theme does not fit: {e}");
            }
            self.write_attr(any, attr, value.clone());
        }
        if !values.is_empty() {
            let attrs = values.into_iter().map(|(a, _)| a).collect();
            self.themed.insert(any, attrs);
        }
        self.theme = Some(theme);
    }

    /// App code set `attr` of `any`: a later theme leaves it alone.
    pub(super) fn unmark_themed(&mut self, any: AnyId, attr: &str) {
        // Most documents have no theme: a slider's every move passes here.
        if self.themed.is_empty() {
            return;
        }
        if let Some(attrs) = self.themed.get_mut(&any) {
            attrs.retain(|a| a != attr);
        }
    }
}
