//! TeX math set in boxes, for text drawn on a canvas or a PNG (an axis label, a title, a
//! Label), where BokehJS draws what MathJax set: TeX's own rules, simplified (The TeXbook,
//! appendix G): four styles (display, text, script and scriptscript; scripts at 70 % and
//! 50 % of the size), spacing between atoms by their classes, scripts raised and lowered
//! past their base, fractions stacked about the math axis, roots under a drawn sign,
//! `\left`…`\right` fences as tall as what they hold, and a display sum's limits above and
//! below it. Letters are italic, the rest upright, in a serif face (MathJax's look).
//! Glyphs are measured by the surface that draws them; their heights are estimated from
//! the font's cap and x-heights (a canvas measures no single glyph's box cheaply).

use crate::format::tex::{parse, spaced, Node, FUNCTIONS};
use crate::models::FontStyle;

use super::surface::{Font, FontMetrics, Path, Stroke, Surface, TextMeasure, TextStyle, Turn};
use crate::core::Rgba;
use crate::models::{TextAlign, TextBaseline};

/// The face math is set in: Times where there is one (Liberation Serif stands in for it
/// on Linux), else the browser's serif.
const MATH_FAMILY: &str = "'Times New Roman', Times, serif";

/// Typeset math: what to draw, placed about the formula's origin (its baseline at its
/// left edge; y grows downwards).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Formula {
    pub width: f64,
    /// How far it reaches above its baseline.
    pub ascent: f64,
    /// How far it reaches below its baseline.
    pub descent: f64,
    pub items: Vec<Item>,
}

/// One thing a formula draws.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Text with its baseline's left end at `at`.
    Text {
        text: String,
        at: (f64, f64),
        font: Font,
    },
    /// A filled rectangle (a fraction's bar): its top-left corner and size.
    Rule { at: (f64, f64), size: (f64, f64) },
    /// A stroked polyline (a root's sign and bar).
    Stroke { points: Vec<(f64, f64)>, width: f64 },
}

/// MathJax's ex in its em: BokehJS draws MathJax's math with that ex as tall as the
/// x-height of the text's font, so its em is the text's x-height over this.
const MATHJAX_EX: f64 = 0.431;

/// `tex` set as BokehJS sets text's math: as large as MathJax's would be beside `font`
/// (see [`MATHJAX_EX`]), in its weight (in the math face), in display or text style,
/// measured by `m`.
pub fn typeset(tex: &str, display: bool, font: &Font, m: &dyn TextMeasure) -> Formula {
    let x_height = m.font_metrics(font).x_height;
    let size = if x_height > 0.0 {
        x_height / MATHJAX_EX
    } else {
        font.size
    };
    let bold = matches!(font.style, FontStyle::Bold | FontStyle::BoldItalic);
    set(tex, display, size, bold, m)
}

/// `tex` set at `size` (an em, in the surface's pixels).
fn set(tex: &str, display: bool, size: f64, bold: bool, m: &dyn TextMeasure) -> Formula {
    let setter = Setter { m, size, bold };
    let style = if display { Style::Display } else { Style::Text };
    setter.row(&parse(tex), style)
}

/// Draws `f` with its box's top-left corner at `corner` from `at` (its height above the
/// formula's baseline there), the whole turned by `angle` about `at`.
pub fn draw(
    f: &Formula,
    surface: &mut dyn Surface,
    (at, corner, angle): ((f64, f64), (f64, f64), f64),
    color: Rgba,
) {
    let turned = Turn::about(at, angle);
    // A point of the formula (from its origin, on its baseline) on the surface.
    let turn = |(x, y): (f64, f64)| turned.apply((corner.0 + x, corner.1 + f.ascent + y));
    for item in &f.items {
        match item {
            Item::Text { text, at, font } => {
                let style = TextStyle {
                    font: font.clone(),
                    color,
                    align: TextAlign::Left,
                    baseline: TextBaseline::Alphabetic,
                    angle,
                };
                surface.text(text, turn(*at), &style);
            }
            Item::Rule {
                at: (x, y),
                size: (w, h),
            } => {
                let mut path = Path::new();
                path.polygon([(*x, *y), (x + w, *y), (x + w, y + h), (*x, y + h)].map(turn));
                surface.fill(&path, color, super::surface::FillRule::NonZero);
            }
            Item::Stroke { points, width } => {
                let mut path = Path::new();
                for (k, &p) in points.iter().enumerate() {
                    let (x, y) = turn(p);
                    if k == 0 {
                        path.move_to(x, y);
                    } else {
                        path.line_to(x, y);
                    }
                }
                surface.stroke(&path, &Stroke::solid(color, *width));
            }
        }
    }
}

/// TeX's styles, from the largest.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
enum Style {
    Display,
    Text,
    Script,
    ScriptScript,
}

impl Style {
    fn scale(self) -> f64 {
        match self {
            Style::Display | Style::Text => 1.0,
            Style::Script => 0.7,
            Style::ScriptScript => 0.5,
        }
    }

    /// The style of this style's scripts.
    fn script(self) -> Style {
        match self {
            Style::Display | Style::Text => Style::Script,
            Style::Script | Style::ScriptScript => Style::ScriptScript,
        }
    }

    /// The style of a fraction's parts.
    fn fraction(self) -> Style {
        match self {
            Style::Display => Style::Text,
            s => s.script(),
        }
    }

    /// Whether operators are spaced (not in scripts).
    fn spaced(self) -> bool {
        self <= Style::Text
    }
}

/// An atom's class, which sets the space between it and its neighbours.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Class {
    Ord,
    /// A large operator or a function's name (`\sum`, `\sin`).
    Op,
    Bin,
    Rel,
    Open,
    Close,
    Punct,
    /// A fraction, or what `\left`…`\right` fence.
    Inner,
}

/// The space TeX puts between atoms of classes `l` and `r`, in eighteenths of an em.
fn mu_between(l: Class, r: Class, style: Style) -> f64 {
    use Class::*;
    match (l, r) {
        (Ord | Close | Op, Op) | (Op, Ord) => 3.0,
        (Bin, _) | (_, Bin) if style.spaced() => 4.0,
        (Rel, Rel) => 0.0,
        (Rel, _) | (_, Rel) if style.spaced() => 5.0,
        (Punct, _) if style.spaced() => 3.0,
        (Inner, Ord | Open | Inner | Punct) | (Ord | Close | Inner | Op, Inner)
            if style.spaced() =>
        {
            3.0
        }
        _ => 0.0,
    }
}

/// Large operators, and whether their scripts go above and below in display style.
fn large_operator(op: &str) -> Option<bool> {
    match op {
        "∑" | "∏" | "⋃" | "⋂" => Some(true),
        "∫" | "∮" => Some(false),
        _ => None,
    }
}

fn is_relation(op: &str) -> bool {
    !matches!(op, "+" | "−" | "±" | "∓" | "×" | "⋅" | "÷")
}

/// Whether TeX sets `node` in italic: a letter, but for capital Greek.
fn italic(node: &Node) -> bool {
    matches!(node, Node::Ident(s) if !s.chars().all(|c| ('Α'..='Ω').contains(&c)))
}

/// A box under construction: a formula's measure and items.
type Boxed = Formula;

impl Boxed {
    /// Appends `other` at this box's right end, its baseline `dy` below this one's.
    fn push(&mut self, other: Boxed, dy: f64) {
        let dx = self.width;
        self.place(other, (dx, dy));
    }

    /// Puts `other`'s origin at `(dx, dy)`, growing this box to hold it.
    fn place(&mut self, other: Boxed, (dx, dy): (f64, f64)) {
        self.width = self.width.max(dx + other.width);
        self.ascent = self.ascent.max(other.ascent - dy);
        self.descent = self.descent.max(other.descent + dy);
        self.items
            .extend(other.items.into_iter().map(|item| match item {
                Item::Text { text, at, font } => Item::Text {
                    text,
                    at: (at.0 + dx, at.1 + dy),
                    font,
                },
                Item::Rule { at, size } => Item::Rule {
                    at: (at.0 + dx, at.1 + dy),
                    size,
                },
                Item::Stroke { points, width } => Item::Stroke {
                    points: points.iter().map(|p| (p.0 + dx, p.1 + dy)).collect(),
                    width,
                },
            }));
    }

    fn space(width: f64) -> Boxed {
        Boxed {
            width,
            ..Boxed::default()
        }
    }
}

#[derive(Clone, Copy)]
struct Setter<'a> {
    m: &'a dyn TextMeasure,
    /// The size of text style, in the surface's pixels.
    size: f64,
    bold: bool,
}

impl Setter<'_> {
    fn em(&self, style: Style) -> f64 {
        self.size * style.scale()
    }

    fn font(&self, size: f64, italic: bool) -> Font {
        Font {
            family: MATH_FAMILY.to_owned(),
            size,
            style: match (self.bold, italic) {
                (false, false) => FontStyle::Normal,
                (false, true) => FontStyle::Italic,
                (true, false) => FontStyle::Bold,
                (true, true) => FontStyle::BoldItalic,
            },
        }
    }

    fn metrics(&self, style: Style) -> FontMetrics {
        self.m.font_metrics(&self.font(self.em(style), false))
    }

    /// A math axis' height above the baseline: where fraction bars and the middles of
    /// fences and operators are.
    fn axis(&self, style: Style) -> f64 {
        0.25 * self.em(style)
    }

    /// A fraction bar's and a root's line width.
    fn rule(&self, style: Style) -> f64 {
        (0.05 * self.em(style)).max(1.0)
    }

    /// `text` in a font of `size`, its height and depth estimated from what its
    /// characters reach: a cap or an ascender, or only the x-height; a descender or not.
    fn glyphs(&self, text: &str, size: f64, italic: bool) -> Boxed {
        if text.is_empty() {
            return Boxed::default();
        }
        let font = self.font(size, italic);
        let fm = self.m.font_metrics(&font);
        let fence = |c: char| "()[]{}|‖⟨⟩∑∏∫∮⋃⋂".contains(c);
        // Not an x-height letter, a space, a sign or a point.
        let short = |c: char| "acemnorsuvwxzαεικνοπστυωϵ +−=×⋅∼≈,.".contains(c);
        let tall = |c: char| !short(c);
        let deep = |c: char| "gjpqy,;βγζημξρφχψϕςℓ".contains(c) || (italic && c == 'f');
        let ascent = if text.chars().any(fence) {
            0.75 * size
        } else if text.chars().any(tall) {
            fm.cap_height.max(0.68 * size)
        } else {
            fm.x_height.max(0.45 * size)
        };
        let descent = if text.chars().any(fence) {
            0.25 * size
        } else if text.chars().any(deep) {
            0.22 * size
        } else {
            0.0
        };
        Boxed {
            width: self.m.text_width(text, &font),
            ascent,
            descent,
            items: vec![Item::Text {
                text: text.to_owned(),
                at: (0.0, 0.0),
                font,
            }],
        }
    }

    /// `text` centred on the math axis at `scale` times the style's size (a fence, a
    /// large operator).
    fn on_axis(&self, text: &str, style: Style, scale: f64) -> Boxed {
        let size = self.em(style) * scale;
        let glyph = self.glyphs(text, size, false);
        // Its middle is about a quarter of its size above its baseline.
        let down = 0.25 * size - self.axis(style);
        let mut b = Boxed::default();
        b.place(glyph, (0.0, down));
        b
    }

    fn class(node: &Node, prev: Option<Class>) -> Option<Class> {
        Some(match node {
            Node::Space(_) => return None,
            Node::Word(w) if FUNCTIONS.contains(&w.as_str()) => Class::Op,
            Node::Operator(op) => match op.as_str() {
                "(" | "[" | "{" | "⟨" => Class::Open,
                ")" | "]" | "}" | "⟩" | "!" => Class::Close,
                "," | ";" => Class::Punct,
                // TeX's colon is a relation (`f: X \to Y`).
                ":" => Class::Rel,
                op if large_operator(op).is_some() => Class::Op,
                op if spaced(op) && is_relation(op) => Class::Rel,
                // A sign with nothing to operate on before it is a prefix.
                op if spaced(op) => match prev {
                    None
                    | Some(Class::Bin | Class::Rel | Class::Open | Class::Punct | Class::Op) => {
                        Class::Ord
                    }
                    _ => Class::Bin,
                },
                _ => Class::Ord,
            },
            Node::Scripts { base, .. } => return Self::class(base, prev),
            Node::Frac(..) | Node::Fenced { .. } => Class::Inner,
            _ => Class::Ord,
        })
    }

    fn row(&self, nodes: &[Node], style: Style) -> Boxed {
        let mut b = Boxed::default();
        let mut prev: Option<Class> = None;
        // A binary sign with nothing after it to operate on is not one.
        let classes: Vec<Option<Class>> = {
            let mut classes = Vec::with_capacity(nodes.len());
            let mut last = None;
            for node in nodes {
                let class = Self::class(node, last);
                if class.is_some() {
                    last = class;
                }
                classes.push(class);
            }
            for i in 0..classes.len() {
                if classes[i] == Some(Class::Bin) {
                    let next = classes[i + 1..].iter().flatten().next();
                    if matches!(next, None | Some(Class::Rel | Class::Close | Class::Punct)) {
                        classes[i] = Some(Class::Ord);
                    }
                }
            }
            classes
        };
        for (node, class) in nodes.iter().zip(classes) {
            if let (Some(l), Some(r)) = (prev, class) {
                let gap = mu_between(l, r, style) / 18.0 * self.em(style);
                if gap > 0.0 {
                    b.push(Boxed::space(gap), 0.0);
                }
            }
            b.push(self.atom(node, style), 0.0);
            if class.is_some() {
                prev = class;
            }
        }
        b
    }

    fn atom(&self, node: &Node, style: Style) -> Boxed {
        let em = self.em(style);
        match node {
            // Capital Greek is upright in TeX; other letters italic.
            Node::Ident(s) => self.glyphs(s, em, italic(node)),
            Node::Word(s) | Node::Number(s) | Node::Unknown(s) => self.glyphs(s, em, false),
            // MathJax sets bold math, not bold text (BokehJS's bold titles).
            Node::Text(s) => {
                let regular = Setter {
                    bold: false,
                    ..*self
                };
                regular.glyphs(s, em, false)
            }
            Node::Operator(op) => match large_operator(op) {
                Some(limits) if style == Style::Display => {
                    self.on_axis(op, style, if limits { 1.45 } else { 2.0 })
                }
                _ => self.glyphs(op, em, false),
            },
            Node::Space(w) => Boxed::space(f64::from(*w) * em),
            Node::Row(nodes) => self.row(nodes, style),
            Node::Frac(num, den) => self.fraction(num, den, style),
            Node::Sqrt(inner, index) => self.root(inner, index.as_deref(), style),
            Node::Fenced { open, body, close } => self.fenced(open, body, close, style),
            Node::Accent { base, accent, wide } => self.accent(base, *accent, *wide, style),
            Node::Scripts { base, sub, sup } => {
                self.scripts(base, sub.as_deref(), sup.as_deref(), style)
            }
        }
    }

    fn fraction(&self, num: &Node, den: &Node, style: Style) -> Boxed {
        let em = self.em(style);
        let parts = style.fraction();
        let (num, den) = (self.atom(num, parts), self.atom(den, parts));
        let (axis, rule) = (self.axis(style), self.rule(style));
        let (mut up, mut down, clear) = if style == Style::Display {
            (0.677 * em, 0.686 * em, 3.0 * rule)
        } else {
            (0.394 * em, 0.345 * em, rule)
        };
        // Each part clear of the bar by at least `clear`.
        up += (clear - ((up - num.descent) - (axis + rule / 2.0))).max(0.0);
        down += (clear - ((axis - rule / 2.0) - (den.ascent - down))).max(0.0);
        let pad = 0.12 * em;
        let inner = num.width.max(den.width);
        let mut b = Boxed::space(inner + 2.0 * pad);
        let (nw, dw) = (num.width, den.width);
        b.place(num, (pad + (inner - nw) / 2.0, -up));
        b.place(den, (pad + (inner - dw) / 2.0, down));
        b.items.push(Item::Rule {
            at: (pad, -axis - rule / 2.0),
            size: (inner, rule),
        });
        b.ascent = b.ascent.max(axis + rule / 2.0);
        b
    }

    fn root(&self, inner: &Node, index: Option<&Node>, style: Style) -> Boxed {
        let em = self.em(style);
        let body = self.atom(inner, style);
        let rule = self.rule(style);
        let gap = rule + 0.1 * em;
        let sign = 0.6 * em;
        let top = -(body.ascent.max(0.45 * em) + gap + rule / 2.0);
        let bottom = body.descent + 0.1 * em;
        let height = bottom - top;
        let end = sign + body.width + 0.08 * em;
        let mid = bottom - 0.5 * height;
        let mut b = Boxed::space(end + 0.05 * em);
        b.place(body, (sign, 0.0));
        // A short tick up, a heavy stroke down to the bottom, a light one up to the bar.
        b.items.push(Item::Stroke {
            points: vec![
                (0.05 * sign, mid + 0.08 * height),
                (0.25 * sign, mid),
                (0.55 * sign, bottom),
                (sign, top),
                (end, top),
            ],
            width: rule,
        });
        b.items.push(Item::Stroke {
            points: vec![(0.25 * sign, mid), (0.55 * sign, bottom)],
            width: 2.2 * rule,
        });
        b.ascent = b.ascent.max(-top + rule / 2.0);
        b.descent = b.descent.max(bottom);
        match index {
            // Small, over the sign's tick, the sign moved right to make room.
            Some(index) => {
                let index = self.atom(index, Style::ScriptScript);
                // Its right end over the tick's top, its baseline just above it.
                let over = 0.45 * sign - index.width;
                let room = (-over).max(0.0);
                let mut indexed = Boxed::default();
                let dy = mid - 0.08 * em - index.descent;
                indexed.place(index, (over.max(0.0), dy));
                indexed.place(b, (room, 0.0));
                indexed
            }
            None => b,
        }
    }

    /// An accent over its base, as TeX sets one: the mark (drawn for letters of x-height)
    /// raised by what the base reaches above that, centred, leaning right over an italic
    /// letter; a wide one a bar over the whole base.
    fn accent(&self, base: &Node, accent: char, wide: bool, style: Style) -> Boxed {
        let em = self.em(style);
        let italic = italic(base);
        let body = self.atom(base, style);
        let x = self.metrics(style).x_height.max(0.4 * em);
        let raise = (body.ascent - x).max(0.0);
        let width = body.width;
        let mut b = Boxed::default();
        b.push(body, 0.0);
        let lean = if italic { 0.08 * em } else { 0.0 };
        // A bar: a rule (the fonts' macrons sit at cap height), over the whole base when
        // wide, else half an em centred.
        if wide || accent == '¯' {
            let rule = self.rule(style);
            let top = -(x + raise + 0.15 * em + rule);
            let (left, length) = match wide {
                true => (0.0, width),
                false => ((width - 0.4 * em) / 2.0 + lean, 0.4 * em),
            };
            b.items.push(Item::Rule {
                at: (left, top),
                size: (length, rule),
            });
            b.ascent = b.ascent.max(-top);
            return b;
        }
        // The vector arrow is set smaller, its middle just above the base.
        let mark = if accent == '→' {
            let size = 0.7 * em;
            let arrow = self.glyphs("→", size, false);
            let mut m = Boxed::default();
            m.place(arrow, (0.0, -(x + 0.2 * em - 0.25 * size)));
            m
        } else {
            self.glyphs(&accent.to_string(), em, false)
        };
        let at = ((width - mark.width) / 2.0 + lean, -raise);
        b.place(mark, at);
        // An accent takes no room of its own across.
        b.width = width;
        b
    }

    fn fenced(&self, open: &str, body: &[Node], close: &str, style: Style) -> Boxed {
        let body = self.row(body, style);
        let (axis, em) = (self.axis(style), self.em(style));
        // Tall enough to cover 90 % of what the fences hold, either side of the axis.
        let half = (body.ascent - axis).max(body.descent + axis);
        let scale = (0.9 * 2.0 * half / em).max(1.0);
        let mut b = Boxed::default();
        b.push(self.on_axis(open, style, scale), 0.0);
        b.push(body, 0.0);
        b.push(self.on_axis(close, style, scale), 0.0);
        b
    }

    fn scripts(&self, base: &Node, sub: Option<&Node>, sup: Option<&Node>, style: Style) -> Boxed {
        let em = self.em(style);
        let small = style.script();
        let limits = match base {
            Node::Operator(op) => large_operator(op) == Some(true) && style == Style::Display,
            _ => false,
        };
        let italic = italic(base);
        // A single character's scripts sit at fixed heights; a box's follow its edges.
        let simple = matches!(
            base,
            Node::Ident(_) | Node::Number(_) | Node::Operator(_) | Node::Word(_)
        );
        let base = self.atom(base, style);
        let sub = sub.map(|n| self.atom(n, small));
        let sup = sup.map(|n| self.atom(n, small));
        if limits {
            return self.limits(base, sub, sup, style);
        }
        let x = self.metrics(style).x_height.max(0.4 * em);
        let small_em = self.em(small);
        let (u0, v0) = if simple {
            (0.0, 0.0)
        } else {
            (
                base.ascent - 0.386 * small_em,
                base.descent + 0.05 * small_em,
            )
        };
        let sup1 = if style == Style::Display {
            0.413
        } else {
            0.363
        } * em;
        let mut u = sup
            .as_ref()
            .map(|s| u0.max(sup1).max(s.descent + x / 4.0))
            .unwrap_or(0.0);
        let mut v = match (&sub, &sup) {
            (Some(s), None) => v0.max(0.15 * em).max(s.ascent - 0.8 * x),
            (Some(_), Some(_)) => v0.max(0.247 * em),
            _ => 0.0,
        };
        if let (Some(sb), Some(sp)) = (&sub, &sup) {
            // At least four rule widths between them, the superscript raised if it can.
            let rule = self.rule(style);
            let gap = (u - sp.descent) - (sb.ascent - v);
            if gap < 4.0 * rule {
                v += 4.0 * rule - gap;
                let lift = 0.8 * x - (u - sp.descent);
                if lift > 0.0 {
                    u += lift;
                    v -= lift;
                }
            }
        }
        let start = base.width;
        let mut b = Boxed::default();
        b.push(base, 0.0);
        let mut end = start;
        if let Some(sp) = sup {
            // An italic letter leans over its superscript.
            let lean = if italic { 0.06 * em } else { 0.0 };
            end = end.max(start + lean + sp.width);
            b.place(sp, (start + lean, -u));
        }
        if let Some(sb) = sub {
            end = end.max(start + sb.width);
            b.place(sb, (start, v));
        }
        b.width = end + 0.05 * em;
        b
    }

    /// A display sum's limits: above and below it, centred.
    fn limits(&self, base: Boxed, sub: Option<Boxed>, sup: Option<Boxed>, style: Style) -> Boxed {
        let gap = 0.15 * self.em(style);
        let width = [Some(&base), sub.as_ref(), sup.as_ref()]
            .into_iter()
            .flatten()
            .map(|b| b.width)
            .fold(0.0, f64::max);
        let mut b = Boxed::space(width);
        let (ascent, descent) = (base.ascent, base.descent);
        let bw = base.width;
        b.place(base, ((width - bw) / 2.0, 0.0));
        if let Some(sp) = sup {
            let at = ((width - sp.width) / 2.0, -(ascent + gap + sp.descent));
            b.place(sp, at);
        }
        if let Some(sb) = sub {
            let at = ((width - sb.width) / 2.0, descent + gap + sb.ascent);
            b.place(sb, at);
        }
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Estimate;

    fn set(tex: &str, display: bool) -> Formula {
        super::set(tex, display, 20.0, false, &Estimate)
    }

    fn width(text: &str, size: f64, style: FontStyle) -> f64 {
        let family = String::new();
        Estimate.text_width(
            text,
            &Font {
                family,
                size,
                style,
            },
        )
    }

    /// Each text item: its text, where its baseline starts, its size and whether italic.
    fn texts(f: &Formula) -> Vec<(&str, (f64, f64), f64, bool)> {
        f.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, at, font } => Some((
                    text.as_str(),
                    *at,
                    font.size,
                    font.style == FontStyle::Italic,
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn letters_are_italic_and_scripts_small_raised_and_lowered() {
        let f = set("x_i^2", false);
        let t = texts(&f);
        assert_eq!(t.iter().map(|t| t.0).collect::<Vec<_>>(), ["x", "2", "i"]);
        let (x, sup, sub) = (t[0], t[1], t[2]);
        assert!(x.3 && !sup.3 && sub.3, "x and i italic, 2 upright: {t:?}");
        assert_eq!((x.2, sup.2, sub.2), (20.0, 14.0, 14.0));
        assert!(sup.1 .1 < -5.0 && sub.1 .1 > 2.0, "{t:?}");
        assert!(sup.1 .0 >= sub.1 .0, "both after x, the 2 leaning right");
        assert!(f.ascent > 15.0 && f.descent > 2.0, "{f:?}");
        // Capital Greek is upright.
        assert!(!texts(&set(r"\Omega", false))[0].3);
    }

    #[test]
    fn signs_are_spaced_as_tex_spaces_them() {
        let gap = |tex: &str, display| {
            let f = set(tex, display);
            let t = texts(&f);
            // From the end of the first item to the start of the second.
            t[1].1 .0 - width(t[0].0, t[0].2, FontStyle::Normal)
        };
        // a + b: a medium space (4/18 em) either side of a binary sign.
        assert!((gap("a+b", false) - 20.0 * 4.0 / 18.0).abs() < 1e-9);
        // = takes a thick one (5/18 em); a sign with nothing before it none.
        assert!((gap("a=b", false) - 20.0 * 5.0 / 18.0).abs() < 1e-9);
        assert!((gap("a:b", false) - 20.0 * 5.0 / 18.0).abs() < 1e-9);
        assert_eq!(gap("-b", false), 0.0);
        assert_eq!(gap("(-b", false), 0.0);
        // A fence (an inner atom) stands a thin space (3/18 em) from a letter.
        assert!((gap(r"G\left(x\right)", false) - 20.0 * 3.0 / 18.0).abs() < 1e-9);
        // In a script, none.
        let f = set("x^{a+b}", false);
        let t = texts(&f);
        let end_of_a = t[1].1 .0 + width("a", 14.0, FontStyle::Italic);
        assert!((t[2].1 .0 - end_of_a).abs() < 1e-9, "{t:?}");
    }

    #[test]
    fn a_fraction_stacks_its_parts_about_a_bar_on_the_axis() {
        for (display, part) in [(true, 20.0), (false, 14.0)] {
            let f = set(r"\frac{1}{2}", display);
            let t = texts(&f);
            assert_eq!((t[0].0, t[1].0), ("1", "2"));
            assert_eq!((t[0].2, t[1].2), (part, part), "display {display}");
            let bar = f.items.iter().find_map(|i| match i {
                Item::Rule { at, size } => Some((*at, *size)),
                _ => None,
            });
            let ((bx, by), (bw, bh)) = bar.expect("a bar");
            // On the math axis, a quarter em up; as wide as the wider part.
            assert!((by + bh / 2.0 + 5.0).abs() < 1e-9, "{by} {bh}");
            assert!((bw - width("1", part, FontStyle::Normal)).abs() < 1e-9);
            // The numerator's baseline clears the bar, the denominator's top is below it.
            assert!(t[0].1 .1 < by - bh && t[1].1 .1 - 0.68 * part > by + bh);
            assert!(t[0].1 .0 >= bx && t[1].1 .0 >= bx);
        }
        // Display style is taller than text style.
        assert!(set(r"\frac{1}{2}", true).ascent > set(r"\frac{1}{2}", false).ascent);
    }

    #[test]
    fn a_display_sum_has_its_limits_above_and_below() {
        let f = set(r"\sum_{m=0}^{\infty} x", true);
        let t = texts(&f);
        let find = |s: &str| t.iter().find(|i| i.0 == s).copied().unwrap();
        let (sum, inf, m) = (find("∑"), find("∞"), find("m"));
        assert!(sum.2 > 20.0, "a display sum is large: {sum:?}");
        assert!(
            inf.1 .1 < sum.1 .1 - 0.5 * sum.2 && m.1 .1 > sum.1 .1,
            "{t:?}"
        );
        // Inline, the limits are scripts after it.
        let f = set(r"\sum_{m=0}^{\infty} x", false);
        let t = texts(&f);
        let sum_end = width("∑", 20.0, FontStyle::Normal);
        assert!(t
            .iter()
            .filter(|i| i.0 != "∑")
            .all(|i| i.1 .0 >= sum_end - 1e-9));
    }

    #[test]
    fn fences_grow_with_what_they_hold_and_roots_are_drawn_over_it() {
        let size_of_paren = |tex: &str| texts(&set(tex, true))[0].2;
        assert_eq!(size_of_paren(r"\left( x \right)"), 20.0);
        assert!(size_of_paren(r"\left( \frac{x}{2} \right)") > 30.0);
        let f = set(r"\sqrt{x}", false);
        let strokes: Vec<&Vec<(f64, f64)>> = f
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Stroke { points, .. } => Some(points),
                _ => None,
            })
            .collect();
        let x = texts(&f)[0];
        // The sign's bar runs over the x, above its top.
        let bar = strokes[0].last().unwrap();
        assert!(bar.0 > x.1 .0 + width("x", 20.0, FontStyle::Italic));
        assert!(bar.1 < -0.45 * 20.0 && f.ascent >= -bar.1);
        assert!(strokes[0][0].0 < x.1 .0);
    }

    #[test]
    fn accents_sit_over_their_base_raised_past_tall_letters() {
        let (fx, fa) = (set(r"\hat{x}", false), set(r"\hat{A}", false));
        let (x, a) = (texts(&fx)[1], texts(&fa)[1]);
        assert_eq!((x.0, a.0), ("ˆ", "ˆ"));
        // Over a tall letter the mark is raised by what it reaches past the x-height.
        assert!(a.1 .1 < x.1 .1 - 2.0, "{a:?} {x:?}");
        // Over its base, leaning right over an italic one.
        assert!(x.1 .0 > 0.0 && x.1 .0 < width("x", 20.0, FontStyle::Italic));
        let f = set(r"\overline{ab}", false);
        let bar = f.items.iter().find_map(|i| match i {
            Item::Rule { at, size } => Some((*at, *size)),
            _ => None,
        });
        let ((_, y), (w, _)) = bar.expect("a bar");
        assert!((w - width("ab", 20.0, FontStyle::Italic)).abs() < 1e-9);
        assert!(y < -0.5 * 20.0 && f.ascent >= -y);
        // A bar over one letter is a short rule; an accent takes no room across.
        let f = set(r"\bar{y}", false);
        assert!(f
            .items
            .iter()
            .any(|i| matches!(i, Item::Rule { size, .. } if size.0 == 8.0)));
        let v = set(r"\vec{v}", false);
        assert_eq!(v.width, width("v", 20.0, FontStyle::Italic));
    }

    #[test]
    fn bold_text_sets_bold_math_and_regular_text_in_the_math_face() {
        let font = Font {
            family: "helvetica".into(),
            size: 13.0,
            style: FontStyle::Bold,
        };
        let f = typeset(r"x \text{ for } 2", false, &font, &Estimate);
        // Its em is the text's x-height (7 px) over MathJax's ex.
        let sizes: Vec<f64> = texts(&f).iter().map(|t| t.2).collect();
        assert_eq!(sizes, [7.0 / MATHJAX_EX; 3]);
        let fonts: Vec<&Font> = f
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { font, .. } => Some(font),
                _ => None,
            })
            .collect();
        let styles: Vec<FontStyle> = fonts.iter().map(|f| f.style).collect();
        assert_eq!(
            styles,
            [FontStyle::BoldItalic, FontStyle::Normal, FontStyle::Bold]
        );
        assert!(fonts.iter().all(|f| f.family == MATH_FAMILY));
    }
}
