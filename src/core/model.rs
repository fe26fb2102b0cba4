//! One declarative definition per model type.
//!
//! [`model!`](crate::model) is a `macro_rules!` macro, chosen over a derive because it
//! needs no proc-macro crate, builds in a blink and reads like Bokeh's own class
//! definitions: one `name: Type = default` line per property. From that one list it makes
//!
//! - the app-facing builder struct, a field per property (`Default` when every property
//!   has a default; a property without one is required, as Bokeh's `Required(...)`);
//! - the typed keys, one constant per property: `Slider::VALUE: Prop<Slider, f64>`;
//! - the [`Schema`]: each property's [`Kind`](super::Kind) derived from its Rust type
//!   (`Option<T>` is nullable, `Id<Title>` a reference to a Title) and its default;
//! - the conversion of a builder to the attributes a model is created with (only the
//!   properties that differ from their defaults, as Bokeh writes a model);
//! - the [`ModelType`] impl the registry and the document use;
//! - the docs of all of it: each field and key names its property and default (a key
//!   also its Rust type), after the property's own `///` lines when it has some.
//!
//! A misspelt property type or a default of the wrong type is a compile error.
//!
//! ```
//! use rokeh::core::{Color, Spec};
//! rokeh::model! {
//!     /// A glyph of our own.
//!     pub struct Blob("Blob") {
//!         x: Spec<f64> = Spec::field("x"),
//!         /// Its outline.
//!         line_color: Option<Color> = Some("black".into()),
//!         size: f64,
//!     }
//! }
//! let blob = Blob { x: Spec::field("t"), line_color: None, size: 3.0 };
//! assert_eq!(Blob::SIZE.name, "size");
//! assert_eq!(blob.size, 3.0);
//! ```

use super::{Ids, Schema, Value};

/// A model type app code can create: made by [`model!`](crate::model).
pub trait ModelType: 'static {
    /// The Bokeh type name.
    const NAME: &'static str;
    /// The properties the definition lists, with their kinds and defaults.
    const SCHEMA: &'static Schema;
    /// Other Bokeh type names of the same model, read through this definition too: a
    /// `Figure` is a `Plot` with Python-side helpers, with the same properties.
    const ALSO: &'static [&'static str] = &[];
    /// The value of every property the definition lists, in [`Self::SCHEMA`]'s order
    /// (the document keeps those that differ from their defaults).
    fn into_attrs(self, ids: &dyn Ids) -> Vec<(&'static str, Value)>;
}

/// Defines a model type in one place; see [the module docs](crate::core::model).
///
/// ```text
/// model! {
///     /// Docs of the type.
///     pub struct Slider("Slider") {            // the Rust name and Bokeh's type name
///         /// Docs of the property (optional).
///         title: Option<String> = Some(String::new()),
///         value: f64,                          // required: no default
///         step: f64 = 1.0,
///     }
///     check = slider_domain;                   // optional: a DomainCheck across properties
///     columns = ("geojson", geojson_columns);  // optional: DerivedColumns (a data source)
///     also = ["Plot"];                         // optional: other type names it reads
///     extends = "LayoutDOM";                   // optional: the Bokeh type it extends
/// }
/// ```
///
/// A model type of one's own is used as rokeh's are: the document learns its schema the
/// first time one is added, and validates every write against it (and against what every
/// Bokeh model has: `name`, `tags`, …), and it syncs with peers like any other. The page
/// shows only the types it has a view for: a crate gives its own type one with
/// [`custom_view!`](crate::custom_view) (see [`crate::views`]). Python's `bokeh.client`
/// reads one only if it defines a model class of that name.
///
/// Its Bokeh name is the one Bokeh writes for the Python class it stands for (its
/// `__qualified_model__`): the class name for an extension with `__implementation__`
/// (`"Surface3d"`), `"module.Class"` for one built as a package. A type Python derives
/// from one of Bokeh's (`class Surface3d(LayoutDOM)`) says so with `extends`: it has that
/// type's properties besides its own (a LayoutDOM's `width`, `sizing_mode`, …) and goes
/// wherever that type does (a Row's children). A base Bokeh does not have is a compile
/// error:
///
/// ```compile_fail
/// rokeh::model! {
///     pub struct Dial("Dial") { level: f64 = 0.0 }
///     extends = "LayoutDom"; // Bokeh's is LayoutDOM
/// }
/// ```
///
/// ```
/// use rokeh::core::Color;
///
/// rokeh::model! {
///     /// A gauge of one's own: a needle over 0..=1.
///     pub struct Gauge("Gauge") {
///         /// Where the needle points.
///         level: f64 = 0.5,
///         /// Shown under the gauge.
///         label: Option<String> = None,
///         needle_color: Color = "black",
///     }
///     check = |_get, attr, new| match (attr, new.as_f64()) {
///         ("level", Some(v)) if !(0.0..=1.0).contains(&v) => Err(format!("{v} is not in 0..=1")),
///         _ => Ok(()),
///     };
/// }
///
/// let mut doc = rokeh::Document::new();
/// let fuel = doc.add(Gauge { label: Some("fuel".into()), ..Gauge::default() });
/// assert_eq!(doc.get(fuel, Gauge::LEVEL), 0.5);
/// doc.set(fuel, Gauge::LEVEL, 0.8)?;
/// assert!(doc.set(fuel, Gauge::LEVEL, 1.5).is_err(), "the check refuses it");
/// assert_eq!(doc.get(fuel, Gauge::NEEDLE_COLOR), "black".into());
/// # Ok::<(), rokeh::document::DocumentError>(())
/// ```
#[macro_export]
macro_rules! model {
    // Every property has a default: the builder implements `Default`.
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident ($bokeh:literal) {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $default:expr ),* $(,)?
        }
        $(check = $check:expr;)?
        $(columns = $columns:expr;)?
        $(also = [$($also:literal),* $(,)?];)?
        $(extends = $base:literal;)?
    ) => {
        $crate::model!(@define [$(#[$meta])*] $vis $name $bokeh
            [$( [$(#[$fmeta])*] $field [$ty] [$default] )*] [$($check)?] [$($columns)?]
            [$($($also)*)?] [$($base)?]);
        impl ::std::default::Default for $name {
            fn default() -> Self {
                $name { $( $field: ::std::convert::Into::<$ty>::into($default) ),* }
            }
        }
    };
    // Some property is required: no `Default`.
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident ($bokeh:literal) {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty $(= $default:expr)? ),* $(,)?
        }
        $(check = $check:expr;)?
        $(columns = $columns:expr;)?
        $(also = [$($also:literal),* $(,)?];)?
        $(extends = $base:literal;)?
    ) => {
        $crate::model!(@define [$(#[$meta])*] $vis $name $bokeh
            [$( [$(#[$fmeta])*] $field [$ty] [$($default)?] )*] [$($check)?] [$($columns)?]
            [$($($also)*)?] [$($base)?]);
    };
    (@define [$($meta:tt)*] $vis:vis $name:ident $bokeh:literal
        [$( [$($fmeta:tt)*] $field:ident [$ty:ty] [$($default:expr)?] )*] [$($check:expr)?]
        [$($columns:expr)?] [$($also:literal)*] [$($base:literal)?]
    ) => {
        $($meta)*
        #[doc = ""]
        #[doc = concat!(
            "The builder of Bokeh's `", $bokeh, "` model: `doc.add(", stringify!($name),
            " { .. })` makes one. Its typed keys, one constant per property named in capitals, ",
            "read, set and watch the model's properties in the document.",
        )]
        $vis struct $name {
            $(
                $($fmeta)*
                #[doc = ""]
                #[doc = concat!(
                    "Bokeh's `", $bokeh, ".", stringify!($field), "`, ",
                    $crate::model!(@default_doc $($default)?), ".",
                )]
                pub $field: $ty,
            )*
        }

        $crate::__paste! {
            impl $name {
                $(
                    $($fmeta)*
                    #[doc = ""]
                    #[doc = concat!(
                        "The typed key of `", $bokeh, ".", stringify!($field), "`, of type `",
                        stringify!($ty), "` (", $crate::model!(@default_doc $($default)?),
                        "), for the document's `get`, `try_get`, `set` and `on_change`.",
                    )]
                    pub const [<$field:upper>]: $crate::core::Prop<$name, $ty> =
                        $crate::core::Prop::new(stringify!($field));
                )*
            }
        }

        $crate::model!(@extends $($base)?);

        impl $crate::core::ModelType for $name {
            const NAME: &'static str = $bokeh;
            const ALSO: &'static [&'static str] = &[$($also),*];
            const SCHEMA: &'static $crate::core::Schema = &$crate::core::Schema {
                name: $bokeh,
                bases: &[],
                props: &[ $(
                    $crate::core::PropDef {
                        name: stringify!($field),
                        kind: &<$ty as $crate::core::PropType>::KIND,
                        default: &$crate::model!(@default [$ty] $($default)?),
                    },
                )* ],
                check: $crate::model!(@option $($check)?),
                columns: $crate::model!(@option $($columns)?),
                bokeh: ::std::option::Option::Some($crate::models::bokeh_schema(
                    $crate::model!(@bokeh $bokeh $($base)?)
                )),
            };

            // A model without properties uses neither.
            #[allow(unused_variables)]
            fn into_attrs(
                self,
                ids: &dyn $crate::core::Ids,
            ) -> ::std::vec::Vec<(&'static str, $crate::core::Value)> {
                // Compared with the defaults by the document, once for every type: code
                // here is repeated for each property of each model.
                ::std::vec![ $(
                    (stringify!($field), $crate::core::PropType::to_value(self.$field, ids)),
                )* ]
            }
        }
    };
    (@default_doc) => { "required: no default" };
    (@default_doc $default:expr) => { concat!("default `", stringify!($default), "`") };
    (@default [$ty:ty]) => { $crate::core::DefaultValue::Required };
    (@default [$ty:ty] $default:expr) => {
        $crate::core::DefaultValue::Computed(|| {
            let default: $ty = ::std::convert::Into::into($default);
            $crate::core::PropType::to_value(default, &$crate::core::NoIds)
        })
    };
    (@extends) => {};
    // A misspelt base is a compile error, not a type with none of its properties.
    (@extends $base:literal) => {
        const _: () = ::std::assert!(
            $crate::core::same_name($crate::models::bokeh_schema($base).name, $base),
            ::std::concat!("extends: Bokeh has no model type named ", $base),
        );
    };
    (@bokeh $bokeh:literal) => { $bokeh };
    (@bokeh $bokeh:literal $base:literal) => { $base };
    (@option) => { None };
    (@option $value:expr) => { Some($value) };
}

/// Defines a Bokeh enumeration as a Rust enum whose values travel as Bokeh's strings.
/// The enum is a property type ([`PropType`](crate::core::PropType)): its kind is
/// Bokeh's `Enum` of those strings. Each value's docs name its string, after its own
/// `///` lines when it has some.
///
/// ```
/// rokeh::bokeh_enum! {
///     /// How two segments of a line meet.
///     pub enum Join {
///         /// A sharp corner.
///         Miter = "miter",
///         Round = "round",
///         Bevel = "bevel",
///     }
/// }
/// assert_eq!(Join::from_name("round"), Some(Join::Round));
/// assert_eq!(Join::Bevel.name(), "bevel");
///
/// rokeh::model! {
///     /// A pen of one's own.
///     pub struct Pen("Pen") {
///         join: Join = Join::Miter,
///     }
/// }
/// let mut doc = rokeh::Document::new();
/// let pen = doc.add(Pen::default());
/// doc.set(pen, Pen::JOIN, Join::Round)?;
/// assert_eq!(doc.get_attr(pen.any(), "join")?, rokeh::core::Value::str("round"));
/// # Ok::<(), rokeh::document::DocumentError>(())
/// ```
#[macro_export]
macro_rules! bokeh_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[doc = ""]
        #[doc = "A Bokeh enumeration: each value travels as its Bokeh name (`NAMES`)."]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("Bokeh's `\"", $text, "\"`.")]
                $variant,
            )*
        }

        impl $name {
            /// Bokeh's names of the values, in order.
            pub const NAMES: &'static [&'static str] = &[$($text),*];

            /// Bokeh's name of this value.
            pub fn name(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )*
                }
            }

            /// The value Bokeh names `name`.
            pub fn from_name(name: &str) -> Option<$name> {
                match name {
                    $( $text => Some($name::$variant), )*
                    _ => None,
                }
            }
        }

        impl $crate::core::PropType for $name {
            const KIND: $crate::core::Kind = $crate::core::Kind::Enum($name::NAMES);
            fn to_value(self, _: &dyn $crate::core::Ids) -> $crate::core::Value {
                $crate::core::Value::str(self.name())
            }
            fn from_value(v: &$crate::core::Value, _: &dyn $crate::core::Ids) -> Option<$name> {
                $name::from_name(v.as_str()?)
            }
        }
    };
}
