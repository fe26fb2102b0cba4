//! Reading and writing properties: typed through keys (`doc.get(freq, Slider::VALUE)`),
//! or by name; every write validated against the registry first.

use std::borrow::Cow;

use super::{AnyId, Document, DocumentError, Event, Id, Value};
use crate::core::{ModelType, Prop, PropType, Schema};

impl Document {
    /// A property's value: `doc.get(freq, Slider::VALUE)` is an `f64`.
    ///
    /// Panics when the model is gone (a handle kept across a document replacement) or a
    /// required property was never set; [`Document::try_get`] returns those as errors.
    ///
    /// ```
    /// use rokeh::models::Slider;
    /// let mut doc = rokeh::Document::new();
    /// let freq = doc.add(Slider::new("frequency", 1.0, 0.1, 5.1, 0.1));
    /// let value: f64 = doc.get(freq, Slider::VALUE);
    /// let step = doc.get(freq, Slider::STEP);
    /// assert_eq!((value, step), (1.0, 0.1));
    /// assert_eq!(doc.get(freq, Slider::TITLE).as_deref(), Some("frequency"));
    /// ```
    pub fn get<M: ModelType, T: PropType>(&self, id: Id<M>, prop: Prop<M, T>) -> T {
        self.try_get(id, prop)
            .unwrap_or_else(|e| panic!("{}.{}: {e}", M::NAME, prop.name))
    }

    /// A property's value, or why there is none: for handles that may have outlived
    /// their model (kept across a [`Document::replace`], say).
    ///
    /// ```
    /// use rokeh::document::DocumentError;
    /// use rokeh::models::Slider;
    /// let mut doc = rokeh::Document::new();
    /// let freq = doc.add(Slider::new("frequency", 1.0, 0.1, 5.1, 0.1));
    /// assert_eq!(doc.try_get(freq, Slider::VALUE), Ok(1.0));
    /// doc.remove_model(freq.any());
    /// let gone = doc.try_get(freq, Slider::VALUE);
    /// assert!(matches!(gone, Err(DocumentError::StaleHandle(_))));
    /// ```
    pub fn try_get<M: ModelType, T: PropType>(
        &self,
        id: Id<M>,
        prop: Prop<M, T>,
    ) -> Result<T, DocumentError> {
        let value = self.get_attr_of(id.any, prop.name, M::SCHEMA)?;
        // The key's type is the schema's kind, which every stored value passed.
        T::from_value(&value, self).ok_or_else(|| DocumentError::WrongType {
            model_type: M::NAME.to_owned(),
            attr: prop.name.to_owned(),
            expected: T::KIND.describe(),
            got: value.preview(),
        })
    }

    /// Sets a property: validated, recorded, callbacks run (as the current [`Actor`]
    /// says). All or nothing: a value the schema refuses, or a callback's error, leaves
    /// the document as it was.
    ///
    /// ```
    /// use rokeh::document::DocumentError;
    /// use rokeh::models::Slider;
    /// let mut doc = rokeh::Document::new();
    /// let freq = doc.add(Slider::new("frequency", 1.0, 0.1, 5.1, 0.1));
    /// doc.set(freq, Slider::VALUE, 2.5)?;
    /// assert_eq!(doc.get(freq, Slider::VALUE), 2.5);
    ///
    /// let outside = doc.set(freq, Slider::VALUE, 9.0).unwrap_err();
    /// assert!(matches!(outside, DocumentError::OutOfDomain { .. }), "{outside}");
    /// assert_eq!(doc.get(freq, Slider::VALUE), 2.5);
    /// # Ok::<(), DocumentError>(())
    /// ```
    ///
    /// [`Actor`]: super::Actor
    pub fn set<M: ModelType, T: PropType>(
        &mut self,
        id: Id<M>,
        prop: Prop<M, T>,
        value: impl Into<T>,
    ) -> Result<(), DocumentError> {
        let value = self.convert(value.into())?;
        self.set_attr(id.any, prop.name, value)
    }

    /// Sets a property on each of `models`, all or nothing, as Python's splattable lists
    /// set it: `p.grid.grid_line_color = None` is
    /// `doc.set_all(p.grids(doc, 0), Grid::GRID_LINE_COLOR, None)`.
    ///
    /// ```
    /// use rokeh::models::{Grid, Slider};
    /// use rokeh::plotting::{figure, FigureArgs};
    /// let mut doc = rokeh::Document::new();
    /// let p = figure(&mut doc, FigureArgs::default());
    /// let grids = p.grids(&doc, 0);
    /// doc.set_all(grids.clone(), Grid::GRID_LINE_COLOR, None)?;
    /// assert!(grids.iter().all(|&g| doc.get(g, Grid::GRID_LINE_COLOR).is_none()));
    ///
    /// let sliders = [2.0, 1.0].map(|end| doc.add(Slider::new("s", 0.5, 0.0, end, 0.1)));
    /// assert!(doc.set_all(sliders, Slider::VALUE, 1.5).is_err(), "past the second's end");
    /// assert_eq!(sliders.map(|s| doc.get(s, Slider::VALUE)), [0.5, 0.5], "neither changed");
    /// # Ok::<(), rokeh::document::DocumentError>(())
    /// ```
    pub fn set_all<M: ModelType, T: PropType>(
        &mut self,
        models: impl IntoIterator<Item = Id<M>>,
        prop: Prop<M, T>,
        value: impl Into<T>,
    ) -> Result<(), DocumentError> {
        let value = self.convert(value.into())?;
        self.set_each(models, prop.name, value)
    }

    /// A property's value by name, with its default when never set.
    pub fn get_attr(&self, any: AnyId, attr: &str) -> Result<Value, DocumentError> {
        self.attr(any, attr).map(Cow::into_owned)
    }

    /// [`Document::get_attr`], borrowed where the value is stored: a renderer reads
    /// hundreds of properties per paint, and a copy of each cost more than the read.
    pub fn attr(&self, any: AnyId, attr: &str) -> Result<Cow<'_, Value>, DocumentError> {
        let model = self.existing(any)?;
        if let Some(value) = model.attrs.get(attr) {
            return Ok(Cow::Borrowed(value));
        }
        let prop = self
            .schema_of(any)
            .and_then(|t| t.prop(attr))
            .ok_or_else(|| DocumentError::UnknownProperty {
                model_type: model.type_name.clone(),
                attr: attr.to_owned(),
            })?;
        prop.default.shared().ok_or_else(|| DocumentError::Unset {
            model_type: model.type_name.clone(),
            attr: attr.to_owned(),
        })
    }

    /// [`Document::get_attr`], read through a typed key of `schema`'s type: a model of
    /// that type the document has no schema for (a [`Document::lean`] page sent one by its
    /// session) takes the default rokeh's definition of the type gives, not an error.
    #[inline(never)]
    fn get_attr_of(
        &self,
        any: AnyId,
        attr: &str,
        schema: &'static Schema,
    ) -> Result<Value, DocumentError> {
        self.get_attr(any, attr).or_else(|e| {
            let model = self.existing(any)?;
            let unknown = model.type_name == schema.name && self.schema_of(any).is_none();
            unknown
                .then(|| schema.prop(attr)?.default.value())
                .flatten()
                .ok_or(e)
        })
    }

    /// A reference to `model`, as a property's value: `doc.set_each(axes, "ticker",
    /// doc.reference(ticker))`, as Python's `p.xaxis.ticker = ticker`.
    pub fn reference(&self, model: impl Into<AnyId>) -> Value {
        Value::Ref(self.model_id(model.into()).clone())
    }

    /// Sets `attr` to `value` on each of `models`, all or nothing, as Bokeh's splattable
    /// lists set it (`p.xaxis.axis_label = "x"`, `p.grid.grid_line_alpha = 0.3`).
    pub fn set_each<M: Into<AnyId>>(
        &mut self,
        models: impl IntoIterator<Item = M>,
        attr: &str,
        value: impl Into<Value>,
    ) -> Result<(), DocumentError> {
        let value = value.into();
        self.atomically(|doc| {
            models
                .into_iter()
                .try_for_each(|m| doc.set_attr(m.into(), attr, value.clone()))
        })
    }

    /// Sets a property by name: validated, recorded, callbacks run (as the current
    /// [`Actor`](super::Actor) says). All or nothing: a callback's error undoes the
    /// change and whatever the callbacks did.
    pub fn set_attr(&mut self, any: AnyId, attr: &str, value: Value) -> Result<(), DocumentError> {
        self.validate(any, attr, &value)?;
        let value = self.stored_form(any, attr, value);
        self.unmark_themed(any, attr);
        let old = self.get_attr(any, attr).unwrap_or(Value::Null);
        if old == value {
            return Ok(());
        }
        self.atomically(|doc| {
            doc.write_attr(any, attr, value.clone());
            let event = doc.attr_event(any, attr, value.clone());
            doc.record(event);
            doc.fire(any, attr, &old, &value)
        })
    }

    /// The event that says `attr` of the model is now `new`: a ColumnDataSource's `data`
    /// is replaced whole (ColumnDataChanged), anything else is a ModelChanged.
    pub(crate) fn attr_event(&self, any: AnyId, attr: &str, new: Value) -> Event {
        let model = self.model(any);
        let (model_id, attr) = (model.id.clone(), attr.to_owned());
        if self.is_column_data(any, &attr) {
            Event::ColumnDataChanged {
                model: model_id,
                attr,
                cols: None,
                data: new,
            }
        } else {
            Event::ModelChanged {
                model: model_id,
                attr,
                new,
            }
        }
    }

    /// Checks that `value` may be stored as `attr` of the model: a property of its type,
    /// of the kind both rokeh's and Bokeh's schemas say, within its domain, referring
    /// only to models that exist. A type nobody defines takes any attribute.
    pub fn validate(&self, any: AnyId, attr: &str, value: &Value) -> Result<(), DocumentError> {
        self.validate_with(any, attr, value, true)
    }

    /// As [`Document::validate`]; a domain check sees the model's other properties only
    /// when `across` (a slider's value within its range), as a write of one property is
    /// checked. A model read whole from a peer is taken as its writer had it: Python lets
    /// an app move a slider's range past its value (BokehJS then shows the handle at the
    /// end), and a document refused then could never be read again.
    pub(crate) fn validate_with(
        &self,
        any: AnyId,
        attr: &str,
        value: &Value,
        across: bool,
    ) -> Result<(), DocumentError> {
        let model = self.existing(any)?;
        let err_ctx = || (model.type_name.clone(), attr.to_owned());
        let schema = self.schema_of(any);
        if let Some(schema) = schema {
            let defs = [
                schema.hand.and_then(|s| s.prop(attr)),
                schema.bokeh.and_then(|s| s.prop(attr)),
            ];
            if defs.iter().all(Option::is_none) {
                let (model_type, attr) = err_ctx();
                return Err(DocumentError::UnknownProperty { model_type, attr });
            }
            if let Some(def) = defs.iter().flatten().find(|d| !d.kind.accepts(value, self)) {
                let (model_type, attr) = err_ctx();
                return Err(DocumentError::WrongType {
                    model_type,
                    attr,
                    expected: def.kind.describe(),
                    got: value.preview(),
                });
            }
        }
        if let Some(target) = self.first_dangling_ref(value) {
            let (model_type, attr) = err_ctx();
            return Err(DocumentError::DanglingReference {
                model_type,
                attr,
                target: target.clone(),
            });
        }
        if let Some(check) = schema.and_then(|s| s.check()) {
            let get = |name: &str| match across {
                true => self.get_attr(any, name).unwrap_or(Value::Null),
                false => Value::Null,
            };
            check(&get, attr, value).map_err(|message| {
                let (model_type, attr) = err_ctx();
                DocumentError::OutOfDomain {
                    model_type,
                    attr,
                    message,
                }
            })?;
        }
        Ok(())
    }

    /// Whether `attr` of the model is a ColumnDataSource's columns.
    /// `value` as the document keeps it: a source's columns given as a plain object (a
    /// dict as much as a map is, to Bokeh) are kept as a map, the one form their readers
    /// take.
    pub(crate) fn stored_form(&self, any: AnyId, attr: &str, value: Value) -> Value {
        match value {
            Value::Object(fields) if self.is_column_data(any, attr) => Value::Map(
                fields
                    .into_iter()
                    .map(|(name, column)| (Value::Str(name), column))
                    .collect(),
            ),
            value => value,
        }
    }

    pub(crate) fn is_column_data(&self, any: AnyId, attr: &str) -> bool {
        self.schema_of(any)
            .and_then(|t| t.prop(attr))
            .is_some_and(|p| *p.kind == crate::core::Kind::ColumnData)
    }
}
