//! The property machinery at the bottom of rokeh, as Bokeh's `bokeh.core`: values, kinds,
//! schemas, typed keys, the one-place model definition ([`model!`](crate::model)) and the
//! registry of model types. It knows no model by name; `models` defines them with it and
//! `document` validates against it.

mod array;
mod color;
mod datetime;
mod elements;
mod id;
mod kind;
pub mod model;
mod prop;
mod registry;
mod schema;
mod value;

pub use array::{ArrayData, DType, Element, NdArray};
pub use color::Rgba;
pub use datetime::{Civil, Date, Datetime, Time, DAY_MS};
pub use elements::Elements;
pub use id::{AnyId, Id, ModelId};
pub use kind::{AnyRefs, Field, Kind, RefTypes};
pub use model::ModelType;
pub use prop::{Color, ColorSpec, ColumnData, Dict, Ids, NoIds, NumberSpec, Prop, PropType, Spec};
pub use registry::{Registry, TypeSchema};
pub use schema::{same_name, DefaultValue, DerivedColumns, DomainCheck, PropDef, Schema};
pub(crate) use value::special_float;
pub use value::Value;
