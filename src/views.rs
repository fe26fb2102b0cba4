//! The page's views of Bokeh's widget, layout, glyph, annotation, renderer, tool, axis and
//! callback models, so that a page pays only for the ones it shows, as a Bokeh page loads
//! `bokeh-widgets.js` and `bokeh-tables.js` only when it has widgets or tables.
//! [`crate::run`] builds every view into the page; [`crate::run_with_views`] builds only
//! those it is given: the sliders page lists its two widgets, its one glyph and the tools
//! of its figure's toolbar. Rows, columns, spacers and figures (their grids, title,
//! toolbar and linear axes) are always there; grids (GridBox, GridPlot), Tabs and Bokeh's
//! DOM elements holding widgets or figures (`dom.Div`, `dom.Span`, `dom.Table`) are
//! views, as is `Tooltip` (`views::TOOLTIP`: an input's `description` given as a Tooltip,
//! its content text or Bokeh's DOM models; a description given as text needs none, and
//! the HelpButton's view brings its own). A widget whose view the page was built without
//! is left out of it, and a glyph,
//! annotation or renderer (`GraphRenderer`, `ContourRenderer`: GlyphRenderers placed by a
//! layout, or a contour's fills and lines; `TileRenderer`: map tiles) is not drawn, with a
//! warning in the console.
//!
//! A figure's linear axes need no view: `LinearAxis` with `BasicTicker`, `FixedTicker` or
//! `SingleIntervalTicker` and `BasicTickFormatter`, over `Range1d` or `DataRange1d` and a
//! `LinearScale` or `LogScale`. Other axes are views, one per kind of axis, each with the
//! tickers and formatter that kind of axis comes with, wherever they are used
//! (`views::DATETIME_AXIS` for `figure(x_axis_type="datetime")`, `views::LOG_AXIS`,
//! `views::CATEGORICAL_AXIS`, which also reads `FactorRange`), and the formatters any axis
//! may take (`views::NUMERAL_TICK_FORMATTER`, `views::PRINTF_TICK_FORMATTER`). A model
//! read without its view is drawn as the linear default (the axis as a `LinearAxis`, its
//! ticks a `BasicTicker`'s, its labels a `BasicTickFormatter`'s; a `FactorRange` follows
//! the data as a `DataRange1d`, and glyphs placed at factors are left out), with one
//! warning in the console naming the view.
//!
//! A tool's view is what it does: one per Bokeh tool type, named after it
//! (`views::PAN_TOOL` for `PanTool`, `"pan"` in `figure(tools=...)`), so that a page whose
//! plots only pan and zoom carries no selection or hover code. A tool whose view the page
//! lacks keeps its toolbar button, which does nothing, with a warning in the console. Reset,
//! undo, redo, save and help need no view: every toolbar has them.
//!
//! A callback's view runs it (`views::CUSTOM_JS` for Bokeh's `CustomJS`, `SET_VALUE`,
//! `TOGGLE_VISIBILITY`, `OPEN_URL`, `OPEN_DIALOG` and `CLOSE_DIALOG`, which show Bokeh's
//! `Dialog`): a page without one runs no callback of its type (the
//! console says so when one would have run), and a page without any carries none of the
//! code that finds and runs them. The JavaScript a figure runs as it is drawn has views
//! too: `views::CUSTOM_JS_TICK_FORMATTER` (an axis' labels), `CUSTOM_JS_TICKER` (its
//! ticks), `CUSTOM_JS_TRANSFORM`,
//! `CUSTOM_JS_FILTER`, `CUSTOM_JS_EXPR`, `CUSTOM_JS_HOVER` (a tooltip's values) and
//! `CUSTOM_JS_COMPARE` (a table's sorting);
//! without its view, a renderer that uses one is left out and an axis' labels are a
//! `BasicTickFormatter`'s, each with a message in the console, and a tooltip's values are
//! written as numbers are.
//!
//! A crate's own model types (made with [`model!`](crate::model)) have views of the
//! crate's own, made with [`custom_view!`](crate::custom_view): a Leptos component over
//! a `rokeh::web::ModelHandle`, put in its model's box as rokeh's widgets are, which
//! [`crate::run_extended`] builds in beside all of rokeh's views (see the README's "Your
//! own models").
//!
//! ```no_run
//! # fn sliders(doc: &mut rokeh::Document) {}
//! use rokeh::{views, App};
//!
//! fn main() {
//!     let apps = vec![App::new("sliders", sliders)];
//!     // Its widgets, its glyph, and figure()'s default tools.
//!     let shown = &[
//!         views::SLIDER,
//!         views::TEXT_INPUT,
//!         views::LINE,
//!         views::PAN_TOOL,
//!         views::WHEEL_ZOOM_TOOL,
//!         views::BOX_ZOOM_TOOL,
//!     ];
//!     rokeh::run_with_views(shown, apps);
//! }
//! ```

/// The page's view of one model type: a widget's component, how a figure draws a glyph
/// or an annotation, what a tool does, or a crate's own component for its own model type
/// ([`View::own`]). Natively it is only a name: the server shows nothing.
#[derive(Clone, Copy, Debug)]
pub struct View {
    pub(crate) name: &'static str,
    #[cfg(target_arch = "wasm32")]
    pub(crate) shows: Shows,
    /// How the page fetches images by URL (ImageURL's, map tiles'), for the views that
    /// draw them: a page without one carries no fetching.
    #[cfg(target_arch = "wasm32")]
    pub(crate) images: Option<crate::web::FetchImages>,
    /// How the page writes Bokeh's DOM models as markup (a Tooltip's content, a title or
    /// label given as `HTML(…)`), for the views that show them: a page without one
    /// carries none of it.
    #[cfg(target_arch = "wasm32")]
    pub(crate) dom: Option<crate::web::DomWriter>,
    /// Bokeh's schema of the type, or the [`model!`](crate::model) schema of a type of
    /// one's own (see [`View::own`]): a served page knows the types of its views.
    #[cfg(all(target_arch = "wasm32", feature = "session"))]
    pub(crate) bokeh: &'static crate::core::Schema,
    /// The types of the models its model is drawn with (a legend's items), which a served
    /// page knows with it.
    #[cfg(all(target_arch = "wasm32", feature = "session"))]
    pub(crate) parts: &'static [&'static crate::core::Schema],
}

/// What a [`View`] adds to the page.
#[cfg(target_arch = "wasm32")]
#[derive(Clone, Copy, Debug)]
pub(crate) enum Shows {
    Component(crate::web::Component),
    Glyph(crate::render::BuildGlyph),
    Annotation(crate::render::BuildAnnotation),
    Composite(crate::render::BuildComposite),
    Tiles(crate::render::ReadTiles),
    Tool(&'static dyn crate::web::tools::ToolView),
    AxisParts(crate::render::axis_parts::Parts),
    Callback(crate::web::callbacks::Runner),
    Script(crate::render::scripted::Script),
    Math(crate::render::math::MathText),
}

impl View {
    /// The Bokeh type name of the models it shows.
    pub fn type_name(&self) -> &'static str {
        self.name
    }

    /// The view of `M`, a model type of one's own (made with [`model!`](crate::model)):
    /// `show` builds the page's view of each model of it (see `rokeh::web::ModelHandle`, in
    /// the page's build). Natively the view is only the type's name, and `show` is not
    /// asked for. Use it through [`custom_view!`](crate::custom_view), which passes `show`
    /// only where there is a page.
    pub const fn own<M: crate::core::ModelType>(
        #[cfg(target_arch = "wasm32")] show: crate::web::ShowModel,
    ) -> View {
        View {
            name: M::NAME,
            #[cfg(all(target_arch = "wasm32", feature = "session"))]
            bokeh: M::SCHEMA,
            #[cfg(all(target_arch = "wasm32", feature = "session"))]
            parts: &[],
            #[cfg(target_arch = "wasm32")]
            shows: Shows::Component(crate::web::Component::Own(show)),
            #[cfg(target_arch = "wasm32")]
            images: None,
            #[cfg(target_arch = "wasm32")]
            dom: None,
        }
    }
}

/// The [`View`] of a model type of one's own: `custom_view!(Surface3d => surface3d_view)`,
/// where `Surface3d` is a [`model!`](crate::model) type and `surface3d_view` a
/// `rokeh::web::ShowModel` (a `fn(ModelHandle) -> AnyView`), a function needed (and
/// compiled) only for the page (wasm32): natively the view is the type's name alone. Hand
/// it to [`crate::run_extended`], or list it in [`crate::run_with_views`].
#[macro_export]
macro_rules! custom_view {
    ($model:ty => $show:path) => {{
        #[cfg(target_arch = "wasm32")]
        let view = $crate::views::View::own::<$model>($show);
        #[cfg(not(target_arch = "wasm32"))]
        let view = $crate::views::View::own::<$model>();
        view
    }};
}

/// Teaches `doc` the types of `views` and of the models they are drawn with, so that a
/// served page reads them from its session as it reads its own.
#[cfg(all(target_arch = "wasm32", feature = "session"))]
pub(crate) fn learn_types(doc: &mut crate::Document, views: &[View]) {
    use crate::core::TypeSchema;
    for view in views {
        // A hand-written schema names its Bokeh one; Bokeh's own name none.
        doc.learn(match view.bokeh.bokeh {
            Some(_) => TypeSchema::of(view.bokeh),
            None => TypeSchema {
                hand: None,
                bokeh: Some(view.bokeh),
            },
        });
        for part in view.parts {
            doc.learn(TypeSchema::of(part));
        }
    }
}

/// The empty document of a served page built with `views`: lean, knowing the types of its
/// views and of what every page shows without one (see [`crate::run_with_views`]).
#[cfg(all(target_arch = "wasm32", feature = "session"))]
pub(crate) fn served_document(views: &[View]) -> crate::Document {
    use crate::core::TypeSchema;
    let mut doc = crate::Document::lean();
    let always = crate::models::SHOWN_WITHOUT_VIEWS
        .iter()
        .flat_map(|area| area.iter());
    for schema in always {
        doc.learn(TypeSchema::of(schema));
    }
    learn_types(&mut doc, views);
    doc
}

/// The types of the models the view `name`'s model is drawn with, besides those every page
/// knows (`models::SHOWN_WITHOUT_VIEWS`): a legend's items, an arrow's heads. At compile
/// time, so a page holds only its own views' parts.
#[cfg(all(target_arch = "wasm32", feature = "session"))]
const fn parts_of(name: &str) -> &'static [&'static crate::core::Schema] {
    use crate::core::{same_name, ModelType};
    use crate::models::{LegendItem, NormalHead, OpenHead, TeeHead, VeeHead};
    if same_name(name, "Legend") {
        &[LegendItem::SCHEMA]
    } else if same_name(name, "HelpButton") {
        &[crate::models::Tooltip::SCHEMA]
    } else if same_name(name, "TileRenderer") {
        use crate::models::{BBoxTileSource, QUADKEYTileSource, TMSTileSource, WMTSTileSource};
        &[
            WMTSTileSource::SCHEMA,
            TMSTileSource::SCHEMA,
            QUADKEYTileSource::SCHEMA,
            BBoxTileSource::SCHEMA,
        ]
    } else if same_name(name, "DataTable") || same_name(name, "DataCube") {
        crate::models::TABLE_PARTS
    } else if same_name(name, "Arrow") {
        &[
            OpenHead::SCHEMA,
            NormalHead::SCHEMA,
            VeeHead::SCHEMA,
            TeeHead::SCHEMA,
        ]
    } else {
        &[]
    }
}

/// What the view of renderer type `name` adds: map tiles' reader, or a composite
/// renderer's. At compile time, so a page holds only its own views' readers.
#[cfg(target_arch = "wasm32")]
const fn renderer_shows(name: &str) -> Shows {
    if crate::core::same_name(name, "TileRenderer") {
        Shows::Tiles(crate::render::read_tiles)
    } else {
        Shows::Composite(crate::render::composite_builder(name))
    }
}

/// How the view of type `name` fetches images by URL, if it draws any (an ImageURL glyph,
/// map tiles).
#[cfg(target_arch = "wasm32")]
const fn images_of(name: &str) -> Option<crate::web::FetchImages> {
    use crate::core::same_name;
    if same_name(name, "ImageURL") || same_name(name, "TileRenderer") {
        Some(crate::web::fetch_image)
    } else {
        None
    }
}

/// How the view of type `name` writes DOM models, if it shows them: the Tooltip's and
/// HelpButton's content, a Dialog's title and content (opened by a callback or as a
/// root), Bokeh's DOM elements.
#[cfg(target_arch = "wasm32")]
const fn dom_of(name: &str) -> Option<crate::web::DomWriter> {
    use crate::core::same_name;
    let shows = same_name(name, "Tooltip")
        || same_name(name, "HelpButton")
        || same_name(name, "OpenDialog")
        || same_name(name, "Dialog")
        || same_name(name, "bokeh.models.dom.Div")
        || same_name(name, "bokeh.models.dom.Span")
        || same_name(name, "bokeh.models.dom.Table");
    if shows {
        Some(crate::interact::dom_markup)
    } else {
        None
    }
}

/// TeX in text (Bokeh's `TeX` model, and math between `$$…$$`, `\[…\]` or `\(…\)` in a
/// Div, a Paragraph, a slider's title, an axis label or its tick labels' overrides, a
/// title or a label): MathML in the widgets, typeset on the canvas. Without it, TeX shows
/// as written.
pub const TEX: View = View {
    name: "TeX",
    #[cfg(all(target_arch = "wasm32", feature = "session"))]
    bokeh: crate::models::bokeh_schema("TeX"),
    #[cfg(all(target_arch = "wasm32", feature = "session"))]
    parts: &[],
    #[cfg(target_arch = "wasm32")]
    shows: Shows::Math(crate::render::math::MATH_TEXT),
    #[cfg(target_arch = "wasm32")]
    images: None,
    #[cfg(target_arch = "wasm32")]
    dom: None,
};

macro_rules! views {
    (
        widgets { $($w:ident: $wname:literal => $view:path,)* }
        layouts { $($l:ident: $lname:literal => $lview:path,)* }
        glyphs { $($g:ident: $gname:literal,)* }
        annotations { $($a:ident: $aname:literal,)* }
        renderers { $($c:ident: $cname:literal,)* }
        tools { $($t:ident: $tname:literal => $tview:expr,)* }
        axes { $($(#[$doc:meta])* $x:ident: $xname:literal => $parts:path,)* }
        callbacks { $($k:ident: $kname:literal => $runner:path,)* }
        scripts { $($(#[$sdoc:meta])* $s:ident: $sname:literal => $script:path,)* }
    ) => {
        $(
            #[doc = concat!("The view of Bokeh's `", $wname, "` widget.")]
            pub const $w: View = View {
                name: $wname,
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                bokeh: crate::models::bokeh_schema($wname),
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                parts: parts_of($wname),
                #[cfg(target_arch = "wasm32")]
                shows: Shows::Component(crate::web::Component::Rokeh($view)),
                #[cfg(target_arch = "wasm32")]
                images: None,
                #[cfg(target_arch = "wasm32")]
                dom: dom_of($wname),
            };
        )*
        $(
            #[doc = concat!("The view of Bokeh's `", $lname, "` layout.")]
            pub const $l: View = View {
                name: $lname,
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                bokeh: crate::models::bokeh_schema($lname),
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                parts: parts_of($lname),
                #[cfg(target_arch = "wasm32")]
                shows: Shows::Component(crate::web::Component::Rokeh($lview)),
                #[cfg(target_arch = "wasm32")]
                images: None,
                #[cfg(target_arch = "wasm32")]
                dom: dom_of($lname),
            };
        )*
        $(
            #[doc = concat!("How a figure draws Bokeh's `", $gname, "` glyph.")]
            pub const $g: View = View {
                name: $gname,
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                bokeh: crate::models::bokeh_schema($gname),
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                parts: parts_of($gname),
                #[cfg(target_arch = "wasm32")]
                shows: Shows::Glyph(crate::render::glyph_builder($gname)),
                #[cfg(target_arch = "wasm32")]
                images: images_of($gname),
                #[cfg(target_arch = "wasm32")]
                dom: None,
            };
        )*
        $(
            #[doc = concat!("How a figure draws Bokeh's `", $aname, "` annotation.")]
            pub const $a: View = View {
                name: $aname,
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                bokeh: crate::models::bokeh_schema($aname),
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                parts: parts_of($aname),
                #[cfg(target_arch = "wasm32")]
                shows: Shows::Annotation(crate::render::annotation_builder($aname)),
                #[cfg(target_arch = "wasm32")]
                images: None,
                #[cfg(target_arch = "wasm32")]
                dom: None,
            };
        )*
        $(
            #[doc = concat!("How a figure draws Bokeh's `", $cname, "`.")]
            pub const $c: View = View {
                name: $cname,
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                bokeh: crate::models::bokeh_schema($cname),
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                parts: parts_of($cname),
                #[cfg(target_arch = "wasm32")]
                shows: renderer_shows($cname),
                #[cfg(target_arch = "wasm32")]
                images: images_of($cname),
                #[cfg(target_arch = "wasm32")]
                dom: None,
            };
        )*
        $(
            #[doc = concat!("What Bokeh's `", $tname, "` does in a figure.")]
            pub const $t: View = View {
                name: $tname,
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                bokeh: crate::models::bokeh_schema($tname),
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                parts: parts_of($tname),
                #[cfg(target_arch = "wasm32")]
                shows: Shows::Tool(&$tview),
                #[cfg(target_arch = "wasm32")]
                images: None,
                #[cfg(target_arch = "wasm32")]
                dom: None,
            };
        )*
        $(
            $(#[$doc])*
            pub const $x: View = View {
                name: $xname,
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                bokeh: crate::models::bokeh_schema($xname),
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                parts: parts_of($xname),
                #[cfg(target_arch = "wasm32")]
                shows: Shows::AxisParts($parts),
                #[cfg(target_arch = "wasm32")]
                images: None,
                #[cfg(target_arch = "wasm32")]
                dom: None,
            };
        )*
        $(
            #[doc = concat!("How the page runs Bokeh's `", $kname, "` callback.")]
            pub const $k: View = View {
                name: $kname,
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                bokeh: crate::models::bokeh_schema($kname),
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                parts: &[],
                #[cfg(target_arch = "wasm32")]
                shows: Shows::Callback($runner),
                #[cfg(target_arch = "wasm32")]
                images: None,
                #[cfg(target_arch = "wasm32")]
                dom: dom_of($kname),
            };
        )*
        $(
            $(#[$sdoc])*
            pub const $s: View = View {
                name: $sname,
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                bokeh: crate::models::bokeh_schema($sname),
                #[cfg(all(target_arch = "wasm32", feature = "session"))]
                parts: &[],
                #[cfg(target_arch = "wasm32")]
                shows: Shows::Script($script),
                #[cfg(target_arch = "wasm32")]
                images: None,
                #[cfg(target_arch = "wasm32")]
                dom: None,
            };
        )*
        /// Every view rokeh has: what [`crate::run`] builds into the page.
        pub const ALL: &[View] =
            &[$($w,)* $($l,)* $($g,)* $($a,)* $($c,)* $($t,)* $($x,)* $($k,)* $($s,)* TEX];
    };
}

views! {
    widgets {
        BUTTON: "Button" => crate::web::widgets::button::button,
        TOGGLE: "Toggle" => crate::web::widgets::button::toggle,
        DROPDOWN: "Dropdown" => crate::web::widgets::dropdown::view,
        HELP_BUTTON: "HelpButton" => crate::web::widgets::help_button::view,
        TOOLTIP: "Tooltip" => crate::web::widgets::tip::view,
        TEXT_INPUT: "TextInput" => crate::web::widgets::text_input::text_input,
        PASSWORD_INPUT: "PasswordInput" => crate::web::widgets::text_input::password_input,
        TEXT_AREA_INPUT: "TextAreaInput" => crate::web::widgets::text_input::text_area_input,
        AUTOCOMPLETE_INPUT: "AutocompleteInput" => crate::web::widgets::autocomplete::view,
        NUMERIC_INPUT: "NumericInput" => crate::web::widgets::numeric_input::numeric_input,
        SPINNER: "Spinner" => crate::web::widgets::numeric_input::spinner,
        SELECT: "Select" => crate::web::widgets::select::select,
        MULTI_SELECT: "MultiSelect" => crate::web::widgets::select::multi_select,
        PALETTE_SELECT: "PaletteSelect" => crate::web::widgets::palette_select::palette_select,
        MULTI_CHOICE: "MultiChoice" => crate::web::widgets::multi_choice::view,
        CHECKBOX_GROUP: "CheckboxGroup" => crate::web::widgets::groups::checkbox_group,
        RADIO_GROUP: "RadioGroup" => crate::web::widgets::groups::radio_group,
        CHECKBOX_BUTTON_GROUP: "CheckboxButtonGroup"
            => crate::web::widgets::button_groups::checkbox_button_group,
        RADIO_BUTTON_GROUP: "RadioButtonGroup"
            => crate::web::widgets::button_groups::radio_button_group,
        SWITCH: "Switch" => crate::web::widgets::toggle_input::switch,
        CHECKBOX: "Checkbox" => crate::web::widgets::toggle_input::checkbox,
        SLIDER: "Slider" => crate::web::widgets::slider::slider,
        DATE_SLIDER: "DateSlider" => crate::web::widgets::slider::date_slider,
        CATEGORICAL_SLIDER: "CategoricalSlider"
            => crate::web::widgets::slider::categorical_slider,
        RANGE_SLIDER: "RangeSlider" => crate::web::widgets::range_slider::range_slider,
        DATE_RANGE_SLIDER: "DateRangeSlider"
            => crate::web::widgets::range_slider::date_range_slider,
        DATETIME_RANGE_SLIDER: "DatetimeRangeSlider"
            => crate::web::widgets::range_slider::datetime_range_slider,
        DATE_PICKER: "DatePicker" => crate::web::widgets::date_picker::view,
        DATETIME_PICKER: "DatetimePicker" => crate::web::widgets::date_picker::datetime_picker,
        TIME_PICKER: "TimePicker" => crate::web::widgets::date_picker::time_picker,
        DATE_RANGE_PICKER: "DateRangePicker"
            => crate::web::widgets::date_range_picker::date_range_picker,
        DATETIME_RANGE_PICKER: "DatetimeRangePicker"
            => crate::web::widgets::date_range_picker::datetime_range_picker,
        MULTIPLE_DATE_PICKER: "MultipleDatePicker"
            => crate::web::widgets::multiple_date_picker::multiple_date_picker,
        MULTIPLE_DATETIME_PICKER: "MultipleDatetimePicker"
            => crate::web::widgets::multiple_date_picker::multiple_datetime_picker,
        COLOR_PICKER: "ColorPicker" => crate::web::widgets::color_picker::view,
        FILE_INPUT: "FileInput" => crate::web::widgets::file_input::view,
        DIV: "Div" => crate::web::widgets::markup::div,
        PARAGRAPH: "Paragraph" => crate::web::widgets::markup::paragraph,
        PRE_TEXT: "PreText" => crate::web::widgets::markup::pre_text,
        DATA_TABLE: "DataTable" => crate::web::table::view,
        DATA_CUBE: "DataCube" => crate::web::table::cube_view,
    }
    layouts {
        GRID_BOX: "GridBox" => crate::web::grid::view,
        GRID_PLOT: "GridPlot" => crate::web::grid::plot_view,
        GROUP_BOX: "GroupBox" => crate::web::group_box::view,
        TABS: "Tabs" => crate::web::tabs::view,
        DOM_DIV: "bokeh.models.dom.Div" => crate::web::dom::view,
        DOM_SPAN: "bokeh.models.dom.Span" => crate::web::dom::view,
        DOM_TABLE: "bokeh.models.dom.Table" => crate::web::dom::view,
        DIALOG: "Dialog" => crate::web::dialog::root,
    }
    glyphs {
        ANNULAR_WEDGE: "AnnularWedge",
        ANNULUS: "Annulus",
        ARC: "Arc",
        BEZIER: "Bezier",
        BLOCK: "Block",
        CIRCLE: "Circle",
        ELLIPSE: "Ellipse",
        HAREA: "HArea",
        HAREA_STEP: "HAreaStep",
        HBAR: "HBar",
        HEX_TILE: "HexTile",
        HSPAN: "HSpan",
        HSTRIP: "HStrip",
        IMAGE: "Image",
        IMAGE_RGBA: "ImageRGBA",
        IMAGE_URL: "ImageURL",
        LINE: "Line",
        MULTI_LINE: "MultiLine",
        MULTI_POLYGONS: "MultiPolygons",
        NGON: "Ngon",
        PATCH: "Patch",
        PATCHES: "Patches",
        QUAD: "Quad",
        QUADRATIC: "Quadratic",
        RAY: "Ray",
        RECT: "Rect",
        SCATTER: "Scatter",
        SEGMENT: "Segment",
        STEP: "Step",
        TEXT: "Text",
        TEX_GLYPH: "TeXGlyph",
        VAREA: "VArea",
        VAREA_STEP: "VAreaStep",
        VBAR: "VBar",
        VSPAN: "VSpan",
        VSTRIP: "VStrip",
        WEDGE: "Wedge",
    }
    annotations {
        ARROW: "Arrow",
        BAND: "Band",
        BOX_ANNOTATION: "BoxAnnotation",
        COLOR_BAR: "ColorBar",
        CONTOUR_COLOR_BAR: "ContourColorBar",
        LABEL: "Label",
        LABEL_SET: "LabelSet",
        LEGEND: "Legend",
        POLY_ANNOTATION: "PolyAnnotation",
        SCALE_BAR: "ScaleBar",
        SLOPE: "Slope",
        SPAN: "Span",
        WHISKER: "Whisker",
    }
    renderers {
        CONTOUR_RENDERER: "ContourRenderer",
        GRAPH_RENDERER: "GraphRenderer",
        TILE_RENDERER: "TileRenderer",
    }
    tools {
        PAN_TOOL: "PanTool" => crate::web::tools::pan::Pan,
        WHEEL_ZOOM_TOOL: "WheelZoomTool" => crate::web::tools::wheel_zoom::Wheel,
        BOX_ZOOM_TOOL: "BoxZoomTool" => crate::web::tools::box_zoom::Zoom,
        ZOOM_IN_TOOL: "ZoomInTool" => crate::web::tools::zoom::In,
        ZOOM_OUT_TOOL: "ZoomOutTool" => crate::web::tools::zoom::Out,
        BOX_SELECT_TOOL: "BoxSelectTool" => crate::web::tools::select::BoxSelect,
        LASSO_SELECT_TOOL: "LassoSelectTool" => crate::web::tools::select::Lasso,
        POLY_SELECT_TOOL: "PolySelectTool" => crate::web::tools::select::Poly,
        TAP_TOOL: "TapTool" => crate::web::tools::select::Tap,
        HOVER_TOOL: "HoverTool" => crate::web::tools::hover::Hover,
        CROSSHAIR_TOOL: "CrosshairTool" => crate::web::tools::crosshair::Crosshair,
        RANGE_TOOL: "RangeTool" => crate::web::tools::range::Range,
    }
    axes {
        /// How a figure reads Bokeh's `DatetimeAxis`, and the datetime tickers
        /// (`DatetimeTicker`, `CompositeTicker`, `DaysTicker`, `MonthsTicker`,
        /// `YearsTicker`) and `DatetimeTickFormatter` wherever they are used.
        DATETIME_AXIS: "DatetimeAxis" => crate::render::axis_parts::DATETIME,
        /// How a figure reads Bokeh's `LogAxis`, `LogTicker` and `LogTickFormatter` (a
        /// `LogScale` needs no view).
        LOG_AXIS: "LogAxis" => crate::render::axis_parts::LOG,
        /// How a figure reads Bokeh's `MercatorAxis`, `MercatorTicker` and
        /// `MercatorTickFormatter` (a tile map's axes, ticked in degrees).
        MERCATOR_AXIS: "MercatorAxis" => crate::render::axis_parts::MERCATOR,
        /// How a figure reads Bokeh's `CategoricalAxis`, `CategoricalTicker`,
        /// `CategoricalTickFormatter` and the `FactorRange` its factors lie on.
        CATEGORICAL_AXIS: "CategoricalAxis" => crate::render::axis_parts::CATEGORICAL,
        /// How an axis writes its labels with Bokeh's `NumeralTickFormatter`.
        NUMERAL_TICK_FORMATTER: "NumeralTickFormatter" => crate::render::axis_parts::NUMERAL,
        /// How an axis writes its labels with Bokeh's `PrintfTickFormatter`.
        PRINTF_TICK_FORMATTER: "PrintfTickFormatter" => crate::render::axis_parts::PRINTF,
        /// How an axis writes its labels with Bokeh's `CustomJSTickFormatter`: its
        /// JavaScript, run for each tick.
        CUSTOM_JS_TICK_FORMATTER: "CustomJSTickFormatter"
            => crate::web::callbacks::CUSTOM_JS_TICK_FORMATTER,
        /// Where an axis puts its ticks with Bokeh's `CustomJSTicker` (numeric axes).
        CUSTOM_JS_TICKER: "CustomJSTicker" => crate::web::callbacks::CUSTOM_JS_TICKER,
    }
    callbacks {
        CUSTOM_JS: "CustomJS" => crate::web::callbacks::CUSTOM_JS,
        OPEN_URL: "OpenURL" => crate::web::callbacks::OPEN_URL,
        SET_VALUE: "SetValue" => crate::web::callbacks::SET_VALUE,
        TOGGLE_VISIBILITY: "ToggleVisibility" => crate::web::callbacks::TOGGLE_VISIBILITY,
        OPEN_DIALOG: "OpenDialog" => crate::web::callbacks::OPEN_DIALOG,
        CLOSE_DIALOG: "CloseDialog" => crate::web::callbacks::CLOSE_DIALOG,
    }
    scripts {
        /// How a figure runs Bokeh's `CustomJSTransform` (its `v_func`) on a spec's numbers.
        CUSTOM_JS_TRANSFORM: "CustomJSTransform" => crate::web::callbacks::CUSTOM_JS_TRANSFORM,
        /// How a figure runs Bokeh's `CustomJSFilter`: the rows a renderer's view keeps.
        CUSTOM_JS_FILTER: "CustomJSFilter" => crate::web::callbacks::CUSTOM_JS_FILTER,
        /// How a figure runs Bokeh's `CustomJSExpr`: a spec's values, computed.
        CUSTOM_JS_EXPR: "CustomJSExpr" => crate::web::callbacks::CUSTOM_JS_EXPR,
        /// How a HoverTool's tooltip writes a value with Bokeh's `CustomJSHover`.
        CUSTOM_JS_HOVER: "CustomJSHover" => crate::web::callbacks::CUSTOM_JS_HOVER,
        /// How a DataTable sorts a column whose `sorter` is Bokeh's `CustomJSCompare`.
        CUSTOM_JS_COMPARE: "CustomJSCompare" => crate::web::callbacks::CUSTOM_JS_COMPARE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_builds_every_kind_of_axis_and_each_view_once() {
        let names: Vec<&str> = ALL.iter().map(View::type_name).collect();
        for axis in [
            "DatetimeAxis",
            "LogAxis",
            "CategoricalAxis",
            "NumeralTickFormatter",
            "PrintfTickFormatter",
        ] {
            assert!(names.contains(&axis), "{axis}");
        }
        // Linear axes are every page's own.
        assert!(!names.contains(&"LinearAxis"));
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }
}
