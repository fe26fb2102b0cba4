//! A Figure read, resolved, laid out and painted as BokehJS's plot canvas paints it:
//! border and frame fills, the outline, then the renderers level by level (image,
//! underlay, glyph: clipped to the frame; guide, annotation, overlay), each level in the
//! order the plot lists them (renderers, above, below, left, right, center, title).

use std::collections::HashMap;

use crate::core::Rgba;
use crate::document::{AnyId, Document, Id, Value};
use crate::models::{Figure, Place};

use super::align;
use super::annotations::{self, AnnotationCtx, AnnotationView};
use super::axis::AxisView;
use super::glyphs::Paint;
use super::grid::GridView;
use super::layer::{Layer, Recorder};
use super::layout::{self, AxisTicks, FrameLayout, LegendHit, PixelRect, Side};
use super::ranges::{Bounds, Interval, RangeModel};
use super::read::Reader;
use super::renderer::RendererView;
use super::scales::{Maps, Scale};
use super::surface::{FillRule, Path, Plane, Rect, Stroke, Surface, TextMeasure};
use super::ticks::Ticks;
use super::tiles::{self, MapTiles};
use super::title::TitleView;
use super::RenderError;
use super::{Following, Inspected};

/// BokehJS's render levels, in painting order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Image,
    Underlay,
    Glyph,
    Guide,
    Annotation,
    Overlay,
}

/// Every level, in painting order.
const LEVELS: [Level; 6] = [
    Level::Image,
    Level::Underlay,
    Level::Glyph,
    Level::Guide,
    Level::Annotation,
    Level::Overlay,
];

impl Level {
    fn parse(name: &str) -> Level {
        match name {
            "image" => Level::Image,
            "underlay" => Level::Underlay,
            "glyph" => Level::Glyph,
            "guide" => Level::Guide,
            "overlay" => Level::Overlay,
            _ => Level::Annotation,
        }
    }
}

/// What an item of the plot is.
enum Kind {
    Glyph(usize),
    /// Map tiles: painted at every paint, as glyphs are.
    Tiles(Box<dyn MapTiles>),
    Grid(Box<GridView>),
    Axis(usize),
    Title(Box<TitleView>),
    Annotation(usize),
    /// A grid, axis or title left unread: a paint showing kept furniture paints it there.
    Kept,
}

struct Item {
    level: Level,
    /// Its side panel, or `None` in the frame.
    side: Option<Side>,
    kind: Kind,
}

/// The toolbar BokehJS puts beside the frame takes this much room.
const TOOLBAR_SIZE: f64 = 30.0;

/// The side items' depths, per side nearest the frame first; which item each is; the
/// title sharing the toolbar's band (its item and own depth), if one does; and the
/// toolbar's band (its side and place on it).
struct SideSizes {
    sizes: [Vec<f64>; 4],
    slots: Vec<(usize, Side)>,
    sticky: Option<(usize, f64)>,
    toolbar: Option<(Side, usize)>,
}

/// A named range of one dimension, resolved.
struct NamedRange {
    name: String,
    id: AnyId,
    model: RangeModel,
    log: bool,
    interval: Interval,
}

pub(crate) struct FigureView<'d> {
    r: Reader<'d>,
    figure: AnyId,
    following: Option<&'d Following>,
    /// Read only when `furnished`: a kept layout has what they say in it.
    outer: Outer,
    x_ranges: Vec<NamedRange>,
    y_ranges: Vec<NamedRange>,
    renderers: Vec<RendererView<'d>>,
    axes: Vec<AxisView>,
    /// Each with its model (a RangeTool's box: the tool).
    annotations: Vec<(AnyId, Box<dyn AnnotationView + 'd>)>,
    items: Vec<Item>,
    /// Whether grids, axes and titles are read (else they are [`Kind::Kept`]).
    furnished: bool,
    /// The frame's size in CSS pixels, once known: map tiles fit the default ranges to
    /// its shape.
    tile_frame: Option<(f64, f64)>,
}

/// The figure's own properties that size and frame it: what its layout and its back and
/// front planes are made from.
#[derive(Default)]
struct Outer {
    width: f64,
    height: f64,
    frame_size: (Option<f64>, Option<f64>),
    min_border: [f64; 4],
    border_fill: Option<Rgba>,
    background_fill: Option<Rgba>,
    outline: Option<Stroke>,
    toolbar: Option<Side>,
    /// Whether the toolbar shares the title's band when both are on one side
    /// (`toolbar_sticky`, as BokehJS pairs them).
    toolbar_sticky: bool,
}

impl Outer {
    fn read(r: Reader<'_>, fig: AnyId) -> Result<Outer, RenderError> {
        let size = |attr: &str| -> Result<f64, RenderError> {
            Ok(r.get::<Option<f64>>(fig, attr)?.unwrap_or(600.0))
        };
        let border = |attr: &str, all: f64| -> Result<f64, RenderError> {
            Ok(r.get::<Option<f64>>(fig, attr)?.unwrap_or(all))
        };
        let min_border_all = r.get::<Option<f64>>(fig, "min_border")?.unwrap_or(0.0);
        let toolbar = match (
            r.get::<Option<Place>>(fig, "toolbar_location")?,
            r.reference(fig, "toolbar")?,
        ) {
            (Some(place), Some(_)) => Some(side_of(place)),
            _ => None,
        };
        Ok(Outer {
            width: size("width")?,
            height: size("height")?,
            frame_size: (r.get(fig, "frame_width")?, r.get(fig, "frame_height")?),
            min_border: [
                border("min_border_top", min_border_all)?,
                border("min_border_bottom", min_border_all)?,
                border("min_border_left", min_border_all)?,
                border("min_border_right", min_border_all)?,
            ],
            border_fill: r.fill(fig, "border_")?,
            background_fill: r.fill(fig, "background_")?,
            outline: r.stroke(fig, "outline_", 1.0)?,
            toolbar,
            toolbar_sticky: r.get(fig, "toolbar_sticky")?,
        })
    }
}

fn side_of(place: Place) -> Side {
    match place {
        Place::Above => Side::Above,
        Place::Below => Side::Below,
        Place::Left => Side::Left,
        Place::Right => Side::Right,
    }
}

/// The named ranges of one dimension: the default and the extra ones.
fn read_ranges(
    r: Reader<'_>,
    fig: AnyId,
    default: &str,
    extra: &str,
    scale: &str,
    extra_scales: &str,
) -> Result<Vec<NamedRange>, RenderError> {
    let range = r
        .reference(fig, default)?
        .ok_or_else(|| r.bad(fig, default, "set (a Range1d, DataRange1d or FactorRange)"))?;
    let is_log = |s: Option<AnyId>| s.is_some_and(|s| r.type_name(s) == "LogScale");
    let scales: Vec<(String, AnyId)> = match &*r.value_ref(fig, extra_scales)? {
        Value::Map(entries) => entries
            .iter()
            .filter_map(|(k, v)| {
                Some((k.as_str()?.to_owned(), r.lookup(fig, extra_scales, v).ok()?))
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut out = vec![NamedRange {
        name: "default".into(),
        id: range,
        model: RangeModel::read(r, range)?,
        log: is_log(r.reference(fig, scale)?),
        interval: Interval {
            start: 0.0,
            end: 1.0,
        },
    }];
    if let Value::Map(entries) = &*r.value_ref(fig, extra)? {
        for (k, v) in entries {
            let Some(name) = k.as_str() else { continue };
            let range = r.lookup(fig, extra, v)?;
            let log = scales
                .iter()
                .find(|(n, _)| n == name)
                .is_some_and(|(_, s)| is_log(Some(*s)));
            out.push(NamedRange {
                name: name.to_owned(),
                id: range,
                model: RangeModel::read(r, range)?,
                log,
                interval: Interval {
                    start: 0.0,
                    end: 1.0,
                },
            });
        }
    }
    Ok(out)
}

/// A renderer or annotation that cannot be read is left out, the rest of the figure
/// drawn: a page reports it once (natively, nothing).
fn left_out(r: Reader<'_>, model: AnyId, error: &RenderError) {
    #[cfg(target_arch = "wasm32")]
    super::shown::left_out(&format!(
        "{} {}: {error}",
        r.type_name(model),
        r.doc.model_id(model)
    ));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (r, model, error);
}

fn find<'a>(ranges: &'a [NamedRange], name: &str) -> &'a NamedRange {
    ranges.iter().find(|r| r.name == name).unwrap_or(&ranges[0])
}

impl<'d> FigureView<'d> {
    pub fn read(
        doc: &'d Document,
        figure: Id<Figure>,
        following: Option<&'d Following>,
        inspected: Option<&'d Inspected>,
    ) -> Result<FigureView<'d>, RenderError> {
        Self::read_with(doc, figure, (following, inspected), true)
    }

    /// [`FigureView::read`], with the grids, axes and titles read only when `furnished`.
    fn read_with(
        doc: &'d Document,
        figure: Id<Figure>,
        (following, inspected): (Option<&'d Following>, Option<&'d Inspected>),
        furnished: bool,
    ) -> Result<FigureView<'d>, RenderError> {
        let r = Reader::new(doc, following, inspected);
        let fig = figure.any();
        let x_ranges = read_ranges(
            r,
            fig,
            "x_range",
            "extra_x_ranges",
            "x_scale",
            "extra_x_scales",
        )?;
        let y_ranges = read_ranges(
            r,
            fig,
            "y_range",
            "extra_y_ranges",
            "y_scale",
            "extra_y_scales",
        )?;
        let mut view = FigureView {
            r,
            figure: fig,
            following,
            outer: match furnished {
                true => Outer::read(r, fig)?,
                false => Outer::default(),
            },
            x_ranges,
            y_ranges,
            renderers: Vec::new(),
            axes: Vec::new(),
            annotations: Vec::new(),
            items: Vec::new(),
            furnished,
            tile_frame: None,
        };
        // BokehJS's order: renderers, above, below, left, right, center, then the title.
        let mut listed: Vec<(AnyId, Option<Side>)> = Vec::new();
        for (attr, side) in [
            ("renderers", None),
            ("above", Some(Side::Above)),
            ("below", Some(Side::Below)),
            ("left", Some(Side::Left)),
            ("right", Some(Side::Right)),
            ("center", None),
        ] {
            listed.extend(r.refs(fig, attr)?.into_iter().map(|m| (m, side)));
        }
        // BokehJS makes one view per model: one listed twice (Bokeh's words_and_plots
        // moves a legend from center into above by appending it there) is drawn once, in
        // the side panel it is listed in. The side lists (axes, titles, legends) are short
        // and listed together: looked through where they are, with nothing allocated.
        let first_side = listed.iter().position(|(_, side)| side.is_some());
        let last_side = listed.iter().rposition(|(_, side)| side.is_some());
        let sides = match (first_side, last_side) {
            (Some(a), Some(b)) => &listed[a..=b],
            _ => &[][..],
        };
        for (i, &(model, side)) in listed.iter().enumerate() {
            let twice = match side {
                None => sides.iter().any(|(m, _)| *m == model),
                // Listed in an earlier side.
                Some(_) => listed[..i].iter().any(|(m, s)| s.is_some() && *m == model),
            };
            if !twice {
                view.add(model, side)?;
            }
        }
        view.add_range_tools()?;
        if let (Some(title), Some(place)) = (
            r.reference(fig, "title")?,
            r.get::<Option<Place>>(fig, "title_location")?,
        ) {
            if r.type_name(title) == "Title" {
                let kind = match furnished {
                    true => Kind::Title(Box::new(TitleView::read(r, title)?)),
                    false => Kind::Kept,
                };
                view.items.push(Item {
                    level: Level::Annotation,
                    side: Some(side_of(place)),
                    kind,
                });
            }
        }
        Ok(view)
    }

    /// The boxes of the RangeTools in the plot's toolbar, over everything else (BokehJS
    /// draws a tool's overlays as the plot's own).
    fn add_range_tools(&mut self) -> Result<(), RenderError> {
        let r = self.r;
        let Some(toolbar) = r.reference(self.figure, "toolbar")? else {
            return Ok(());
        };
        for tool in r.refs(toolbar, "tools")? {
            if r.type_name(tool) != "RangeTool" {
                continue;
            }
            let Some(build) = annotations::builder("RangeTool") else {
                return Ok(());
            };
            match build(r, tool) {
                Ok(overlay) => self.annotations.push((tool, overlay)),
                Err(e) => {
                    left_out(r, tool, &e);
                    continue;
                }
            }
            self.items.push(Item {
                level: Level::Overlay,
                side: None,
                kind: Kind::Annotation(self.annotations.len() - 1),
            });
        }
        Ok(())
    }

    /// Adds one of the plot's renderers (of a type rokeh draws; others are skipped).
    fn add(&mut self, model: AnyId, side: Option<Side>) -> Result<(), RenderError> {
        let r = self.r;
        let level = match r.value_ref(model, "level").as_deref() {
            Ok(Value::Str(l)) => Level::parse(l),
            _ => Level::Annotation,
        };
        let type_name = r.type_name(model);
        let composite = super::composite::builder(type_name);
        let kind = if type_name == "GlyphRenderer" || composite.is_some() {
            let x_name = r.string(model, "x_range_name")?;
            let y_name = r.string(model, "y_range_name")?;
            let (x, y) = (find(&self.x_ranges, &x_name), find(&self.y_ranges, &y_name));
            // A FactorRange read without its view (reported) has no factors: a glyph
            // placed at factors is left out.
            let unread = |range: &NamedRange| {
                range.model.factors().is_none() && r.type_name(range.id) == "FactorRange"
            };
            let factors = (x.model.factors(), y.model.factors());
            let read = match composite {
                Some(read) => read(r, model, factors),
                None => RendererView::read(r, model, factors).map(Vec::from_iter),
            };
            let read = match read {
                Err(_) if unread(x) || unread(y) => return Ok(()),
                Err(e) => {
                    left_out(r, model, &e);
                    return Ok(());
                }
                Ok(read) => read,
            };
            // A graph or contour is two renderers (edges under nodes, lines over fills),
            // at its level.
            for view in read {
                self.renderers.push(view);
                let kind = Kind::Glyph(self.renderers.len() - 1);
                self.items.push(Item { level, side, kind });
            }
            return Ok(());
        } else if type_name == "TileRenderer" {
            let Some(read) = tiles::reader() else {
                #[cfg(target_arch = "wasm32")]
                super::shown::renderer(type_name);
                return Ok(());
            };
            match read(r, model, self.figure) {
                Ok(tiles) => Kind::Tiles(tiles),
                Err(e) => {
                    left_out(r, model, &e);
                    return Ok(());
                }
            }
        } else if !self.furnished
            && (type_name == "Grid" || type_name == "Title" || r.is_a(model, "Axis"))
        {
            Kind::Kept
        } else if type_name == "Grid" {
            Kind::Grid(Box::new(GridView::read(r, model)?))
        } else if r.is_a(model, "Axis") {
            let side = side.unwrap_or(Side::Below);
            self.axes.push(AxisView::read(r, model, side)?);
            Kind::Axis(self.axes.len() - 1)
        } else if type_name == "Title" {
            Kind::Title(Box::new(TitleView::read(r, model)?))
        } else if r.is_a(model, "Annotation") {
            let Some(build) = annotations::builder(type_name) else {
                return Ok(());
            };
            match build(r, model) {
                Ok(annotation) => self.annotations.push((model, annotation)),
                Err(e) => {
                    left_out(r, model, &e);
                    return Ok(());
                }
            }
            Kind::Annotation(self.annotations.len() - 1)
        } else {
            #[cfg(target_arch = "wasm32")]
            if r.is_a(model, "Renderer") {
                super::shown::renderer(type_name);
            }
            return Ok(());
        };
        self.items.push(Item { level, side, kind });
        Ok(())
    }

    /// Resolves every range: DataRange1d from the bounds of the renderers it follows (and,
    /// as BokehJS's, of the annotations with an extent in data units), in this plot and
    /// in every other visible plot holding it: BokehJS's range unions the bounds of all
    /// the plots it is linked to, so that linked plots show one extent.
    fn resolve_ranges(&mut self) {
        // Each DataRange1d with the union of the bounds it follows. A glyph's bounds take a
        // pass over its columns: with only fixed, factor and set ranges nothing reads them.
        let mut followed: Vec<(AnyId, Option<Bounds>)> = Vec::new();
        for named in self.x_ranges.iter().chain(&self.y_ranges) {
            if matches!(&named.model, RangeModel::Data(spec) if spec.needs_bounds(named.log)) {
                followed.push((named.id, None));
            }
        }
        if !followed.is_empty() {
            self.add_followed(&mut followed);
            for view in self.linked_plots(&followed) {
                view.add_followed(&mut followed);
            }
        }
        for named in self.x_ranges.iter_mut().chain(&mut self.y_ranges) {
            named.interval = match &named.model {
                RangeModel::Fixed(i) => *i,
                RangeModel::Factor(f) => f.shown,
                RangeModel::Data(spec) => {
                    let b = followed.iter().find(|(id, _)| *id == named.id);
                    spec.resolve(b.and_then(|(_, b)| *b), named.log)
                }
            };
        }
        if let Some(frame) = self.tile_frame {
            self.fit_tiles(frame);
        }
    }

    /// Adds to each of `followed`'s DataRange1ds the bounds of this plot's renderers (and
    /// annotations with an extent) that it follows: those on a name the plot holds it
    /// under, in that dimension.
    fn add_followed(&self, followed: &mut [(AnyId, Option<Bounds>)]) {
        let mut add = |model: AnyId, names: [&str; 2], bounds: [Option<Bounds>; 2], visible| {
            for (k, ranges) in [&self.x_ranges, &self.y_ranges].into_iter().enumerate() {
                let Some(named) = ranges.iter().find(|r| r.name == names[k]) else {
                    continue;
                };
                let RangeModel::Data(spec) = &named.model else {
                    continue;
                };
                let follows = (visible || !spec.only_visible)
                    && spec
                        .renderers
                        .as_ref()
                        .is_none_or(|list| list.contains(&model));
                if let Some((_, b)) = followed.iter_mut().find(|(id, _)| *id == named.id) {
                    *b = Bounds::union(*b, bounds[k].filter(|_| follows));
                }
            }
        };
        for v in &self.renderers {
            let (x, y) = v.bounds();
            add(
                v.model,
                [&v.x_range_name, &v.y_range_name],
                [x, y],
                v.visible,
            );
        }
        for (model, a) in &self.annotations {
            if let Some(e) = a.extent() {
                add(
                    *model,
                    [e.x_range_name, e.y_range_name],
                    [e.x, e.y],
                    e.visible,
                );
            }
        }
    }

    /// The other visible plots of the document holding one of the DataRange1ds of
    /// `followed`, read without their furniture.
    fn linked_plots(&self, followed: &[(AnyId, Option<Bounds>)]) -> Vec<FigureView<'d>> {
        let r = self.r;
        let held = |v: &Value| {
            let range = v.as_ref_id().and_then(|id| r.doc.lookup(id));
            followed.iter().any(|(id, _)| Some(*id) == range)
        };
        let mut linked = Vec::new();
        for (plot, _) in r.doc.models() {
            if plot == self.figure
                || !r.is_a(plot, "Plot")
                || !r.flag(plot, "visible").unwrap_or(true)
            {
                continue;
            }
            let holds = |attr: &str| match r.value_ref(plot, attr).as_deref() {
                Ok(Value::Map(entries)) => entries.iter().any(|(_, v)| held(v)),
                Ok(v) => held(v),
                Err(_) => false,
            };
            let attrs = ["x_range", "y_range", "extra_x_ranges", "extra_y_ranges"];
            if attrs.into_iter().any(holds) {
                if let Ok(view) =
                    Self::read_with(r.doc, Id::new(plot), (self.following, None), false)
                {
                    linked.push(view);
                }
            }
        }
        linked
    }

    /// Fits the default ranges to a frame of `frame` CSS pixels as the first map tiles
    /// fit them (see [`MapTiles::fit`]).
    fn fit_tiles(&mut self, frame: (f64, f64)) {
        let ranges = (self.x_ranges[0].interval, self.y_ranges[0].interval);
        let fitted = self.items.iter().find_map(|item| match &item.kind {
            Kind::Tiles(tiles) => Some(tiles.fit(ranges, frame)),
            _ => None,
        });
        if let Some((x, y)) = fitted {
            self.x_ranges[0].interval = x;
            self.y_ranges[0].interval = y;
        }
    }

    fn interval_of(&self, name: &str, is_x: bool) -> &NamedRange {
        find(if is_x { &self.x_ranges } else { &self.y_ranges }, name)
    }

    /// Resolves the ranges and ticks and sizes the side items: per side, the depths of
    /// its items nearest the frame first (the toolbar outermost), which item each is, and
    /// the title sharing its band with the toolbar, if one does, with its own depth.
    fn side_sizes(&mut self, m: &dyn TextMeasure) -> SideSizes {
        self.resolve_ranges();
        for axis in &mut self.axes {
            let named = find(
                if axis.is_x() {
                    &self.x_ranges
                } else {
                    &self.y_ranges
                },
                if axis.is_x() {
                    &axis.x_range_name
                } else {
                    &axis.y_range_name
                },
            );
            axis.compute(&named.model, named.interval);
        }
        // First pass of the frame (for annotations sized by it), then the panels.
        let mut sizes: [Vec<f64>; 4] = Default::default();
        let rough = layout::place(
            self.outer.width,
            self.outer.height,
            self.outer.min_border,
            &sizes,
            self.outer.frame_size,
        )
        .frame;
        let mut slots: Vec<(usize, Side)> = Vec::new();
        for (k, item) in self.items.iter().enumerate() {
            let Some(side) = item.side else { continue };
            let size = match &item.kind {
                Kind::Axis(a) => self.axes[*a].size(m),
                Kind::Title(t) => t.size(m),
                Kind::Annotation(a) => self.annotations[*a].1.size(m, side, rough),
                Kind::Glyph(_) | Kind::Tiles(_) | Kind::Grid(_) | Kind::Kept => continue,
            };
            sizes[side.index()].push(size);
            slots.push((k, side));
        }
        let mut sticky = None;
        let mut toolbar = None;
        if let Some(side) = self.outer.toolbar {
            // BokehJS pairs a sticky toolbar with the first title on its side, in one
            // band as deep as the deeper of the two; the title keeps its own depth at the
            // band's start.
            let titles = slots
                .iter()
                .enumerate()
                .filter(|(_, (k, s))| *s == side && matches!(self.items[*k].kind, Kind::Title(_)));
            let title = titles.map(|(slot, (k, _))| (slot, *k)).next();
            match title.filter(|_| self.outer.toolbar_sticky) {
                Some((slot, k)) => {
                    let at = slots[..slot].iter().filter(|(_, s)| *s == side).count();
                    let band = &mut sizes[side.index()][at];
                    sticky = Some((k, *band));
                    *band = band.max(TOOLBAR_SIZE);
                    toolbar = Some((side, at));
                }
                None => {
                    toolbar = Some((side, sizes[side.index()].len()));
                    sizes[side.index()].push(TOOLBAR_SIZE);
                }
            }
        }
        SideSizes {
            sizes,
            slots,
            sticky,
            toolbar,
        }
    }

    /// Each side's depth (its items, at least its min border), in `min_border`'s order.
    fn depths(&mut self, m: &dyn TextMeasure) -> [f64; 4] {
        let SideSizes { sizes, .. } = self.side_sizes(m);
        Side::ALL.map(|side| {
            let total: f64 = sizes[side.index()].iter().sum();
            total.max(self.outer.min_border[side.index()])
        })
    }

    /// The min borders that line the frame up with its GridPlot neighbours' (see
    /// [`align`]): each side at least as deep as theirs.
    fn aligned_min_border(&self, m: &dyn TextMeasure) -> Result<[f64; 4], RenderError> {
        let mut min = self.outer.min_border;
        let align::Neighbours { row, col } = align::neighbours(self.r.doc, self.figure);
        let shared = |sides: [Side; 2]| move |other| (other, sides);
        let others = (row.into_iter().map(shared([Side::Above, Side::Below])))
            .chain(col.into_iter().map(shared([Side::Left, Side::Right])));
        for (other, sides) in others {
            let depths =
                FigureView::read(self.r.doc, Id::new(other), self.following, None)?.depths(m);
            for side in sides {
                min[side.index()] = min[side.index()].max(depths[side.index()]);
            }
        }
        Ok(min)
    }

    /// Lays the figure out at `scale`. Map tiles fit the default ranges to the frame's
    /// shape, which changes the axes' ticks and so may move the frame: as BokehJS lays
    /// the plot out again when its tile renderer sets the ranges, it is laid out once
    /// more, and the ticks made for the frame it comes to.
    fn lay_out(&mut self, m: &dyn TextMeasure, scale: f64) -> Result<Laid, RenderError> {
        let laid = self.lay_out_once(m, scale)?;
        if !self.items.iter().any(|i| matches!(i.kind, Kind::Tiles(_))) {
            return Ok(laid);
        }
        let first = css_frame(laid.frame, scale);
        self.tile_frame = Some(first);
        let laid = self.lay_out_once(m, scale)?;
        let second = css_frame(laid.frame, scale);
        if second != first {
            self.tile_frame = Some(second);
            self.side_sizes(m);
        }
        Ok(laid)
    }

    /// [`FigureView::lay_out`], in one pass.
    fn lay_out_once(&mut self, m: &dyn TextMeasure, scale: f64) -> Result<Laid, RenderError> {
        let SideSizes {
            sizes,
            slots,
            sticky,
            toolbar,
        } = self.side_sizes(m);
        let placement = layout::place(
            self.outer.width,
            self.outer.height,
            self.aligned_min_border(m)?,
            &sizes,
            self.outer.frame_size,
        );
        let mut panels: HashMap<usize, Rect> = HashMap::new();
        let mut counters = [0usize; 4];
        for (k, side) in slots {
            let i = side.index();
            let mut panel = placement.side(side)[counters[i]];
            if let Some((_, depth)) = sticky.filter(|(title, _)| *title == k) {
                match side {
                    Side::Above | Side::Below => panel.height = depth,
                    Side::Left | Side::Right => panel.width = depth,
                }
            }
            panels.insert(k, panel);
            counters[i] += 1;
        }
        let device = |r: Rect| PixelRect {
            left: (r.x * scale).round() as i32,
            top: (r.y * scale).round() as i32,
            right: (r.right() * scale).round() as i32,
            bottom: (r.bottom() * scale).round() as i32,
        };
        let frame = device(placement.frame);
        let toolbar = toolbar.map(|(side, at)| device(placement.side(side)[at]));
        Ok(Laid {
            frame,
            toolbar,
            panels,
            css: (placement.width, placement.height),
            scale,
        })
    }

    /// The scales of the renderers of a pair of range names.
    fn maps(&self, frame: PixelRect, scale: f64, x: &str, y: &str) -> Maps {
        let xr = self.interval_of(x, true);
        let yr = self.interval_of(y, false);
        let f = frame.rect();
        Maps {
            x: Scale::new(xr.log, xr.interval, f.x, f.right()),
            y: Scale::new(yr.log, yr.interval, f.bottom(), f.y),
            scale,
        }
    }

    /// A renderer's scales: its ranges', through its CoordinateMapping if it has one.
    fn renderer_maps(&self, frame: PixelRect, scale: f64, v: &RendererView<'_>) -> Maps {
        let mut maps = self.maps(frame, scale, &v.x_range_name, &v.y_range_name);
        if let Some(mapping) = v.mapping {
            if let Some((source, target)) = mapping.x {
                maps.x = maps.x.through(source, target);
            }
            if let Some((source, target)) = mapping.y {
                maps.y = maps.y.through(source, target);
            }
        }
        maps
    }

    /// The border and frame fills and the outline, painted first.
    fn paint_fills(&self, s: &mut dyn Surface, laid: &Laid) {
        let scale = laid.scale;
        let frame = laid.frame.rect();
        let (w, h) = s.size();
        let canvas = Rect::new(0.0, 0.0, f64::from(w), f64::from(h));
        if let Some(fill) = self.outer.border_fill {
            let mut path = Path::new();
            path.rect(canvas);
            path.rect(frame);
            s.fill(&path, fill, FillRule::EvenOdd);
        }
        if let Some(fill) = self.outer.background_fill {
            let mut path = Path::new();
            path.rect(frame);
            s.fill(&path, fill, FillRule::NonZero);
        }
        if let Some(outline) = &self.outer.outline {
            // BokehJS shrinks the outline by a pixel where it meets the canvas' edge.
            let mut r = Rect::new(frame.x, frame.y, frame.width, frame.height);
            if r.right() >= canvas.right() {
                r.width -= scale;
            }
            if r.bottom() >= canvas.bottom() {
                r.height -= scale;
            }
            let mut path = Path::new();
            path.rect(r);
            s.stroke(
                &path,
                &Stroke {
                    width: outline.width * scale,
                    ..outline.clone()
                },
            );
        }
    }

    /// The items' indices in painting order: level by level, each in the plot's order.
    /// `paint_items` paints in this order, and the planes are its prefix and suffix.
    fn painting_order(&self) -> impl Iterator<Item = usize> + '_ {
        LEVELS.into_iter().flat_map(move |level| {
            (0..self.items.len()).filter(move |&k| self.items[k].level == level)
        })
    }

    /// The plane each item is painted in: what is not a glyph (grids, axes, titles,
    /// legends and other annotations) goes in the back plane when painted before every
    /// glyph, in the front one when painted after every glyph (so painting each plane
    /// whole changes no pixel); the glyphs in neither. An annotation that follows the data
    /// (a LabelSet) changes its plane's calls with the data, which is then drawn each time.
    fn planes(&self) -> Vec<Option<Plane>> {
        let furniture = |k: usize| !matches!(self.items[k].kind, Kind::Glyph(_) | Kind::Tiles(_));
        let order: Vec<usize> = self.painting_order().collect();
        let mut planes = vec![None; self.items.len()];
        let back = order.iter().take_while(|&&k| furniture(k)).count();
        for &k in &order[..back] {
            planes[k] = Some(Plane::Back);
        }
        for &k in order[back..].iter().rev().take_while(|&&k| furniture(k)) {
            planes[k] = Some(Plane::Front);
        }
        planes
    }

    /// Paints the items `pick` picks, in painting order; legends add their clickable
    /// entries to `hits`.
    fn paint_items(
        &self,
        s: &mut dyn Surface,
        laid: &Laid,
        pick: &dyn Fn(usize) -> bool,
        hits: &mut Vec<LegendHit>,
    ) -> Result<(), RenderError> {
        let scale = laid.scale;
        let frame = laid.frame.rect();
        let maps_of = |x: &str, y: &str| self.maps(laid.frame, scale, x, y);
        let factors_of = |name: &str, is_x: bool| self.interval_of(name, is_x).model.factors();
        let interval_of = |range: AnyId| {
            let mut named = self.x_ranges.iter().chain(&self.y_ranges);
            named.find(|n| n.id == range).map(|n| n.interval)
        };
        // The clip of the level being painted: each level up to the glyphs' is clipped to
        // the frame, and a level with nothing picked costs no clip (five calls out of wasm
        // in a page).
        let mut level = None;
        let mut clipped = false;
        for k in self.painting_order().filter(|&k| pick(k)) {
            let item = &self.items[k];
            if level != Some(item.level) {
                if clipped {
                    s.pop_clip();
                }
                level = Some(item.level);
                clipped = item.level <= Level::Glyph;
                if clipped {
                    s.push_clip(frame);
                }
            }
            match &item.kind {
                Kind::Glyph(g) => {
                    let view = &self.renderers[*g];
                    let mut p = Paint {
                        surface: &mut *s,
                        maps: self.renderer_maps(laid.frame, scale, view),
                        frame,
                    };
                    view.paint(&mut p)?;
                }
                Kind::Tiles(tiles) => tiles.paint(s, &maps_of("default", "default"), frame),
                Kind::Grid(grid) => {
                    let maps = maps_of(&grid.x_range_name, &grid.y_range_name);
                    grid.paint(s, &maps, frame, &self.axes);
                }
                Kind::Axis(a) => {
                    let axis = &self.axes[*a];
                    let Some(panel) = laid.panels.get(&k) else {
                        continue;
                    };
                    let maps = maps_of(&axis.x_range_name, &axis.y_range_name);
                    let (sc, across) = if axis.is_x() {
                        (maps.x, (maps.y, factors_of(&axis.y_range_name, false)))
                    } else {
                        (maps.y, (maps.x, factors_of(&axis.x_range_name, true)))
                    };
                    // A fixed location is in the other dimension's data units.
                    let fixed = (axis.fixed_location.as_ref())
                        .and_then(|v| annotations::coordinate(v, across.1))
                        .map(|v| (across.0.apply(v) / scale).round());
                    axis.paint(s, (*panel, fixed), &sc, scale, laid.css);
                }
                Kind::Title(t) => {
                    if let (Some(panel), Some(side)) = (laid.panels.get(&k), item.side) {
                        t.paint(s, *panel, side, scale);
                    }
                }
                Kind::Annotation(a) => {
                    let panel = item.side.zip(laid.panels.get(&k).copied());
                    let mut ctx = AnnotationCtx {
                        surface: &mut *s,
                        frame,
                        panel,
                        scale,
                        maps: &maps_of,
                        factors: &factors_of,
                        interval: &interval_of,
                        renderers: &self.renderers,
                        legend_hits: &mut *hits,
                    };
                    self.annotations[*a].1.paint(&mut ctx)?;
                }
                Kind::Kept => {}
            }
        }
        if clipped {
            s.pop_clip();
        }
        Ok(())
    }

    /// Records the furniture's two planes, moved `half` a pixel right and down, and the
    /// legend entries drawn in them.
    fn record_furniture(
        &self,
        s: &dyn Surface,
        laid: &Laid,
        planes: &[Option<Plane>],
        half: f64,
    ) -> Result<Furniture, RenderError> {
        let mut hits = Vec::new();
        let mut record = |plane: Plane, fills: bool| {
            let mut r = Recorder::new(s);
            r.translate(half, half);
            if fills {
                self.paint_fills(&mut r, laid);
            }
            let painted = self.paint_items(&mut r, laid, &|k| planes[k] == Some(plane), &mut hits);
            r.translate(-half, -half);
            painted.map(|()| r.finish())
        };
        let back = record(Plane::Back, true)?;
        let front = record(Plane::Front, false)?;
        Ok(Furniture { back, front, hits })
    }

    /// Paints the furniture's back plane, everything in neither plane (moved `half` a
    /// pixel right and down), then its front plane. Returns the clickable legend
    /// entries, the furniture's first.
    fn paint_between(
        &self,
        s: &mut dyn Surface,
        laid: &Laid,
        planes: &[Option<Plane>],
        furniture: &Furniture,
        half: f64,
    ) -> Result<Vec<LegendHit>, RenderError> {
        let mut hits = furniture.hits.clone();
        s.layer(Plane::Back, &furniture.back);
        s.translate(half, half);
        let painted = self.paint_items(s, laid, &|k| planes[k].is_none(), &mut hits);
        s.translate(-half, -half);
        painted?;
        s.layer(Plane::Front, &furniture.front);
        Ok(hits)
    }

    /// Whether this figure's furniture, laid out and recorded by one paint, may be shown
    /// again by a later one while only sources' columns changed in between: when nothing
    /// of it is drawn from them (see [`FigureView::furniture_reads_data`]), nor of the
    /// furniture of the neighbours its frame lines up with, and every axis, grid and title
    /// is in one of the two planes, painted apart from the glyphs.
    fn furniture_keeps(&self, planes: &[Option<Plane>]) -> bool {
        let apart = self
            .items
            .iter()
            .zip(planes)
            .all(|(item, plane)| match item.kind {
                Kind::Glyph(_) | Kind::Tiles(_) | Kind::Annotation(_) => true,
                Kind::Grid(_) | Kind::Axis(_) | Kind::Title(_) | Kind::Kept => plane.is_some(),
            });
        if !apart || self.furniture_reads_data() {
            return false;
        }
        // Last, as it scans the document's models. A neighbour's depths otherwise change
        // only with what repaints this figure's furniture too (its models, see
        // `dependencies`) or with its own paint, which then lays this figure out again;
        // beside a neighbour following shared data, this figure could be painted over
        // kept furniture just before that neighbour's paint moved the edges.
        let align::Neighbours { row, col } = align::neighbours(self.r.doc, self.figure);
        row.into_iter().chain(col).all(|other| {
            Self::read_with(self.r.doc, Id::new(other), (self.following, None), false)
                .is_ok_and(|view| !view.furniture_reads_data())
        })
    }

    /// Whether sources' columns alone can change this figure's furniture: a range follows
    /// the data, or an annotation reads a source.
    fn furniture_reads_data(&self) -> bool {
        let follows = |ranges: &[NamedRange]| {
            ranges
                .iter()
                .any(|r| matches!(r.model, RangeModel::Data(_)))
        };
        follows(&self.x_ranges)
            || follows(&self.y_ranges)
            || self.annotations.iter().any(|(_, a)| a.reads_data())
    }

    /// The public layout: frame, default ranges and scales, first axes' ticks.
    fn frame_layout(
        &self,
        laid: &Laid,
        width: u32,
        height: u32,
        hits: Vec<LegendHit>,
    ) -> FrameLayout {
        let maps = self.maps(laid.frame, laid.scale, "default", "default");
        let ticks_of = |pred: &dyn Fn(&AxisView) -> bool| {
            self.axes
                .iter()
                .find(|a| pred(a))
                .map(|a| AxisTicks::new(a.ticks.clone(), a.labels()))
                .unwrap_or(AxisTicks {
                    ticks: Ticks::default(),
                    labels: Vec::new(),
                })
        };
        let x_ticks = {
            let below = ticks_of(&|a| a.side == Side::Below);
            if below.ticks.major.is_empty() {
                ticks_of(&|a| a.side == Side::Above)
            } else {
                below
            }
        };
        let y_ticks = {
            let left = ticks_of(&|a| a.side == Side::Left);
            if left.ticks.major.is_empty() {
                ticks_of(&|a| a.side == Side::Right)
            } else {
                left
            }
        };
        FrameLayout {
            width,
            height,
            scale: laid.scale,
            frame: laid.frame,
            toolbar: laid.toolbar,
            x_range: self.x_ranges[0].interval,
            y_range: self.y_ranges[0].interval,
            x_scale: maps.x,
            y_scale: maps.y,
            x_ticks,
            y_ticks,
            legend_items: hits,
        }
    }

    /// The rows of each renderer hit at device pixel `at`: (renderer, source rows).
    fn hit_test(&self, laid: &Laid, at: (f64, f64)) -> Vec<(AnyId, Vec<usize>)> {
        if !laid.frame.contains(at) {
            return Vec::new();
        }
        self.renderers
            .iter()
            .filter(|v| v.visible)
            .map(|v| {
                let maps = self.renderer_maps(laid.frame, laid.scale, v);
                (v.model, v.hit_point(&maps, at))
            })
            .filter(|(_, rows)| !rows.is_empty())
            .collect()
    }

    /// The figure's size in CSS pixels (grown around a fixed frame).
    pub fn css_size(&mut self, m: &dyn TextMeasure) -> Result<(f64, f64), RenderError> {
        if self.outer.frame_size == (None, None) {
            return Ok((self.outer.width, self.outer.height));
        }
        Ok(self.lay_out(m, 1.0)?.css)
    }
}

/// A layout computed for one paint.
struct Laid {
    frame: PixelRect,
    /// The toolbar's band, beside the frame (device pixels).
    toolbar: Option<PixelRect>,
    /// Side items' panels (CSS pixels) by item index.
    panels: HashMap<usize, Rect>,
    /// The plot's size in CSS pixels.
    css: (f64, f64),
    scale: f64,
}

/// The size of `frame` (device pixels) in CSS pixels.
fn css_frame(frame: PixelRect, scale: f64) -> (f64, f64) {
    (
        f64::from(frame.width()) / scale,
        f64::from(frame.height()) / scale,
    )
}

/// How far (CSS pixels) everything is drawn right and down of where it is laid out.
pub(crate) const HALF_PIXEL: f64 = 0.5;

/// A figure's furniture (fills, grids, axes, title) in its two planes, as recorded.
struct Furniture {
    back: Layer,
    front: Layer,
    /// The legend entries drawn in it.
    hits: Vec<LegendHit>,
}

/// What one paint of a figure laid out and recorded of its furniture, kept for the next
/// paint on the same surface (see [`draw_following`](super::draw_following)).
#[derive(Default)]
pub struct KeptFurniture {
    kept: Option<Kept>,
    shown_again: u64,
}

impl KeptFurniture {
    /// How many paints showed the furniture as an earlier one laid it out.
    pub fn shown_again(&self) -> u64 {
        self.shown_again
    }
}

struct Kept {
    /// What it was laid out for: the caller's revision, the surface's size, the scale.
    stamp: (u64, (u32, u32), f64),
    laid: Laid,
    furniture: Furniture,
    layout: FrameLayout,
}

/// Reads, lays out and paints `figure` on `surface` at `scale`.
///
/// With `kept`, the furniture of the last paint and the caller's `revision`: a number
/// that changes whenever anything the figure shows may have changed but the columns of
/// its sources. While it stays the same (and the surface and scale too), a figure whose
/// furniture draws nothing from the data ([`FigureView::furniture_keeps`]) shows the
/// furniture it laid out and recorded last time, and paints its glyphs alone: a slider
/// moving a sine under fixed ranges measures no tick label again.
///
/// With `fills`, the figure is laid out as big as the surface (a page's canvas, sized as
/// the figure's box: its own width and height, or the room a stretching figure takes),
/// else at its `width` and `height`.
pub(crate) fn draw(
    doc: &Document,
    figure: Id<Figure>,
    surface: &mut dyn Surface,
    scale: f64,
    (following, inspected): (Option<&Following>, Option<&Inspected>),
    mut kept: Option<(&mut KeptFurniture, u64)>,
    fills: bool,
) -> Result<FrameLayout, RenderError> {
    // BokehJS draws a HiDPI plot with its canvas moved half a CSS pixel right and down
    // (so one-pixel lines at whole coordinates are crisp); everything moves with it.
    let half = HALF_PIXEL * scale;
    let (w, h) = surface.size();
    let stamp = kept
        .as_ref()
        .map(|(_, revision)| (*revision, (w, h), scale));
    if let Some((furniture, _)) = kept.as_mut() {
        if let Some(k) = furniture.kept.as_ref().filter(|k| Some(k.stamp) == stamp) {
            // The furniture is not even read: its layers show it.
            let mut view = FigureView::read_with(doc, figure, (following, inspected), false)?;
            view.tile_frame = Some(css_frame(k.laid.frame, scale));
            view.resolve_ranges();
            let planes = view.planes();
            let hits = view.paint_between(surface, &k.laid, &planes, &k.furniture, half)?;
            furniture.shown_again += 1;
            return Ok(FrameLayout {
                legend_items: hits,
                ..k.layout.clone()
            });
        }
    }
    let mut view = FigureView::read(doc, figure, following, inspected)?;
    if fills {
        (view.outer.width, view.outer.height) = (f64::from(w) / scale, f64::from(h) / scale);
    }
    let planes = view.planes();
    let laid = view.lay_out(&*surface, scale)?;
    let furniture = view.record_furniture(&*surface, &laid, &planes, half)?;
    let hits = view.paint_between(surface, &laid, &planes, &furniture, half)?;
    let layout = view.frame_layout(&laid, w, h, hits);
    if let (Some((kept, _)), Some(stamp)) = (kept, stamp) {
        kept.kept = view.furniture_keeps(&planes).then(|| Kept {
            stamp,
            laid,
            furniture,
            layout: layout.clone(),
        });
    }
    Ok(layout)
}

/// Lays `figure` out without painting, measuring text with `m`.
pub(crate) fn lay_out(
    doc: &Document,
    figure: Id<Figure>,
    m: &dyn TextMeasure,
    (width, height): (u32, u32),
    scale: f64,
    following: Option<&Following>,
) -> Result<FrameLayout, RenderError> {
    let mut view = FigureView::read(doc, figure, following, None)?;
    let laid = view.lay_out(m, scale)?;
    Ok(view.frame_layout(&laid, width, height, Vec::new()))
}

/// For each visible renderer (of `only`, else all), `probe`'s rows with the scales of a
/// plot whose frame was painted at `frame` (device pixels); renderers it answers `None`
/// for are left out.
pub(crate) fn hit_renderers(
    doc: &Document,
    figure: Id<Figure>,
    frame: PixelRect,
    scale: f64,
    only: &[AnyId],
    probe: &dyn Fn(&RendererView<'_>, &Maps) -> Option<Vec<usize>>,
) -> Result<Vec<(AnyId, Vec<usize>)>, RenderError> {
    let mut view = FigureView::read(doc, figure, None, None)?;
    view.tile_frame = Some(css_frame(frame, scale));
    view.resolve_ranges();
    Ok(view
        .renderers
        .iter()
        .filter(|v| v.visible && (only.is_empty() || only.contains(&v.model)))
        .filter_map(|v| {
            let maps = view.renderer_maps(frame, scale, v);
            probe(v, &maps).map(|rows| (v.model, rows))
        })
        .collect())
}

/// The renderers and source rows at device pixel `at`.
pub(crate) fn hit_test(
    doc: &Document,
    figure: Id<Figure>,
    m: &dyn TextMeasure,
    scale: f64,
    at: (f64, f64),
    following: Option<&Following>,
) -> Result<Vec<(AnyId, Vec<usize>)>, RenderError> {
    let mut view = FigureView::read(doc, figure, following, None)?;
    let laid = view.lay_out(m, scale)?;
    Ok(view.hit_test(&laid, at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Spec;
    use crate::models::{ColumnDataSource, GlyphRenderer, Line, Scatter, Title};
    use crate::plotting::{figure, FigureArgs, RangeArg};
    use crate::render::layer::tests::Counting;

    /// The kinds of item in each plane, in painting order.
    fn planes_of(view: &FigureView<'_>) -> Vec<(&'static str, Option<Plane>)> {
        let planes = view.planes();
        view.painting_order()
            .map(|k| {
                let kind = match view.items[k].kind {
                    Kind::Glyph(_) => "glyph",
                    Kind::Tiles(_) => "tiles",
                    Kind::Grid(_) => "grid",
                    Kind::Axis(_) => "axis",
                    Kind::Title(_) => "title",
                    Kind::Annotation(_) => "annotation",
                    Kind::Kept => "kept",
                };
                (kind, planes[k])
            })
            .collect()
    }

    #[test]
    fn grids_go_under_the_glyphs_and_axes_legend_and_title_over_them() {
        let mut doc = Document::new();
        let source = doc.add(ColumnDataSource::new([
            ("x", vec![0.0, 1.0]),
            ("y", vec![1.0, 0.0]),
        ]));
        let plot = figure(&mut doc, FigureArgs::default());
        let line = plot.line(&mut doc, source, Line::default());
        plot.legend_label(&mut doc, "data", line);
        let view = FigureView::read(&doc, plot, None, None).unwrap();
        let (back, front) = (Some(Plane::Back), Some(Plane::Front));
        assert_eq!(
            planes_of(&view),
            [
                ("grid", back),
                ("grid", back),
                ("glyph", None),
                ("axis", front),
                ("axis", front),
                ("annotation", front),
                ("title", front),
            ]
        );
    }

    type Plot = (Id<Figure>, Id<ColumnDataSource>, Id<GlyphRenderer>);

    /// A line over a source in a figure whose ranges are fixed, or follow the data.
    fn line_plot(doc: &mut Document, fixed: bool) -> Plot {
        let source = doc.add(ColumnDataSource::new([
            ("x", vec![0.0, 1.0]),
            ("y", vec![1.0, 0.0]),
        ]));
        let range = |start, end| match fixed {
            true => RangeArg::Fixed(start, end),
            false => RangeArg::Auto,
        };
        let plot = figure(
            doc,
            FigureArgs {
                title: "kept".into(),
                x_range: range(0.0, 1.0),
                y_range: range(-1.0, 3.0),
                ..FigureArgs::default()
            },
        );
        let line = plot.line(doc, source, Line::default());
        (plot, source, line)
    }

    /// Every call painting `plot` makes: with `kept` at a revision, or from scratch.
    fn drawn(doc: &Document, plot: Id<Figure>, kept: Option<(&mut KeptFurniture, u64)>) -> Layer {
        let target = Counting::default();
        let mut on = Recorder::new(&target);
        draw(doc, plot, &mut on, 1.0, (None, None), kept, false).unwrap();
        on.finish()
    }

    /// Paints `plot` keeping its furniture, gives `source` the new y `ys`, and paints it
    /// again under the same revision: how many paints showed the kept furniture, and
    /// whether the second drew what a paint from scratch draws.
    fn new_data(
        doc: &mut Document,
        plot: Id<Figure>,
        source: Id<ColumnDataSource>,
        ys: Vec<f64>,
    ) -> (u64, bool) {
        let mut kept = KeptFurniture::default();
        drawn(doc, plot, Some((&mut kept, 0)));
        doc.set_column(source, "y", ys).unwrap();
        let again = drawn(doc, plot, Some((&mut kept, 0)));
        (kept.shown_again(), again == drawn(doc, plot, None))
    }

    #[test]
    fn new_data_under_fixed_ranges_shows_the_furniture_laid_out_before() {
        let mut doc = Document::new();
        let (plot, source, _) = line_plot(&mut doc, true);
        let mut kept = KeptFurniture::default();
        let first = drawn(&doc, plot, Some((&mut kept, 0)));
        doc.set_column(source, "y", vec![2.0, 0.5]).unwrap();
        let again = drawn(&doc, plot, Some((&mut kept, 0)));
        assert_eq!(kept.shown_again(), 1);
        assert!(again == drawn(&doc, plot, None), "as drawn from scratch");
        assert!(again != first, "the line moved");
        // The revision is the caller's word that only data changed: a new title under the
        // same one is not even read; under a new revision it is drawn.
        let title = doc.get(plot, Figure::TITLE).unwrap();
        doc.set(title, Title::TEXT, "new title").unwrap();
        assert!(drawn(&doc, plot, Some((&mut kept, 0))) != drawn(&doc, plot, None));
        assert!(drawn(&doc, plot, Some((&mut kept, 1))) == drawn(&doc, plot, None));
        assert_eq!(kept.shown_again(), 2);
        // A legend of a value over a line of one colour draws nothing from the data.
        let mut doc = Document::new();
        let (plot, source, line) = line_plot(&mut doc, true);
        plot.legend_label(&mut doc, "data", line);
        let (shown_again, as_from_scratch) = new_data(&mut doc, plot, source, vec![2.0, 0.5]);
        assert_eq!(shown_again, 1);
        assert!(as_from_scratch);
    }

    #[test]
    fn furniture_drawn_from_the_data_is_laid_out_at_every_paint() {
        // Ranges that follow the data: the axes move with it.
        let mut doc = Document::new();
        let (plot, source, _) = line_plot(&mut doc, false);
        assert_eq!(new_data(&mut doc, plot, source, vec![20.0, 0.5]), (0, true));
        // A legend whose labels come from a column: new data, new entries.
        let mut doc = Document::new();
        let (plot, source, line) = line_plot(&mut doc, true);
        plot.legend_field(&mut doc, "y", line);
        assert_eq!(new_data(&mut doc, plot, source, vec![2.0, 0.5]), (0, true));
        // A legend of a value over markers coloured from a column: the swatch is the
        // first row's colour.
        let mut doc = Document::new();
        let (plot, source, _) = line_plot(&mut doc, true);
        let colors = doc.add(ColumnDataSource::new([("x", vec![0.5]), ("y", vec![1.0])]));
        doc.set_attr(
            colors.any(),
            "data",
            Value::Map(vec![
                (Value::str("x"), Value::List(vec![Value::Float(0.5)])),
                (Value::str("y"), Value::List(vec![Value::Float(1.0)])),
                (Value::str("c"), Value::List(vec![Value::str("red")])),
            ]),
        )
        .unwrap();
        let dots = plot.scatter(
            &mut doc,
            colors,
            Scatter {
                fill_color: Spec::field("c"),
                ..Scatter::default()
            },
        );
        plot.legend_label(&mut doc, "dots", dots);
        assert_eq!(new_data(&mut doc, plot, source, vec![2.0, 0.5]), (0, true));
    }
}
