//! TeX math in Bokeh's text: found between `$$…$$` or `\[…\]` (display) and `\(…\)`
//! (inline), as MathJax's FindTeX finds it for BokehJS, and written out two ways:
//! - as MathML markup, for the page's widgets (a Div, a Paragraph, a slider's title):
//!   Chromium draws MathML Core itself, where BokehJS loads MathJax to draw SVG; both
//!   keep the math in the line of text;
//! - as one line of Unicode, where text is only a string (a text's hit-test, a page built
//!   without TeX's view): `\frac{dx}{dt}` is `dx/dt`, `x^2` is `x²`, `\delta` is `δ`.
//!
//! A canvas or a PNG typesets the parse itself (`render::typeset`).
//!
//! The TeX read is the part plots use: letters, numbers, operators, groups, `^` and `_`,
//! `\frac`, `\sqrt`, `\text` and its kin, Greek letters, the common symbols and
//! functions, spacing, `\left`/`\right`. An unknown command is shown as written, as
//! MathJax shows one (in red there).

use std::fmt::Write as _;

use super::escape_html;

/// A span of text: as written, or TeX math to typeset.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece<'a> {
    /// Text as written (HTML, in a widget's markup).
    Text(&'a str),
    /// Math: the TeX between the delimiters, and whether they ask for display style.
    Math {
        /// The TeX, without its delimiters.
        tex: &'a str,
        /// `$$…$$` and `\[…\]` are display math; `\(…\)` is inline.
        display: bool,
    },
}

/// The delimiters MathJax's FindTeX looks for by default, as BokehJS configures it:
/// (open, close, display).
const DELIMITERS: [(&str, &str, bool); 3] = [
    ("$$", "$$", true),
    ("\\[", "\\]", true),
    ("\\(", "\\)", false),
];

/// `text` cut into text and math, as BokehJS's widgets cut it (`find_tex`): the earliest
/// opening delimiter starts math up to its closing one; one never closed is text.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut text_from = 0;
    let mut at = 0;
    while at < text.len() {
        let next = DELIMITERS
            .iter()
            .filter_map(|d| text[at..].find(d.0).map(|i| (at + i, d)))
            .min_by_key(|(i, _)| *i);
        let Some((open, &(start, end, display))) = next else {
            break;
        };
        let inner = open + start.len();
        match text[inner..].find(end) {
            Some(len) => {
                if text_from < open {
                    pieces.push(Piece::Text(&text[text_from..open]));
                }
                pieces.push(Piece::Math {
                    tex: &text[inner..inner + len],
                    display,
                });
                at = inner + len + end.len();
                text_from = at;
            }
            None => at = inner,
        }
    }
    if text_from < text.len() {
        pieces.push(Piece::Text(&text[text_from..]));
    }
    pieces
}

/// The TeX a string property's text stands for, as BokehJS reads an axis label or a
/// title (`parse_delimited_string`): its math, with the text around it as `\text{…}`,
/// and whether it is display math (text and math mixed are); `None` for text without
/// math.
pub fn delimited(text: &str) -> Option<(String, bool)> {
    let pieces = pieces(text);
    match pieces.as_slice() {
        [] => None,
        [Piece::Math { tex, display }] => Some(((*tex).to_owned(), *display)),
        _ if !pieces.iter().any(|p| matches!(p, Piece::Math { .. })) => None,
        _ => Some((
            pieces
                .iter()
                .map(|p| match p {
                    Piece::Text(t) => format!("\\text{{{t}}}"),
                    Piece::Math { tex, .. } => (*tex).to_owned(),
                })
                .collect(),
            true,
        )),
    }
}

/// `html` with each piece of math in it replaced by MathML, as BokehJS's widgets
/// replace it by MathJax's SVG (`process_tex`), the rest kept as it is; `None` for HTML
/// without math.
pub fn html_with_mathml(html: &str) -> Option<String> {
    let pieces = pieces(html);
    pieces
        .iter()
        .any(|p| matches!(p, Piece::Math { .. }))
        .then(|| {
            pieces
                .iter()
                .map(|p| match p {
                    Piece::Text(t) => (*t).to_owned(),
                    Piece::Math { tex, display } => mathml(tex, *display),
                })
                .collect()
        })
}

/// TeX as a MathML `<math>` element, in the line as BokehJS's widgets show math; display
/// math (`$$…$$`) is set in display style (full-size fractions), inline math as text.
pub fn mathml(tex: &str, display: bool) -> String {
    let mut out = String::from(if display {
        "<math displaystyle=\"true\">"
    } else {
        "<math>"
    });
    write_mathml_row(&parse(tex), &mut out);
    out.push_str("</math>");
    out
}

/// TeX as one line of Unicode text.
pub fn unicode(tex: &str) -> String {
    let mut out = String::new();
    write_row(&parse(tex), &mut out, true);
    out.trim().to_owned()
}

/// A TeX macro of a `TeX` model's `macros`: `\name` stands for `body`, whose `#1`…`#n`
/// are the `args` groups after it (as MathJax's `macros` configuration).
#[derive(Clone, Debug, PartialEq)]
pub struct Macro {
    /// Its name, without the backslash.
    pub name: String,
    /// The TeX it stands for.
    pub body: String,
    /// How many arguments it takes.
    pub args: usize,
}

/// `tex` with its macros expanded, outermost first, until none is left (at most 16
/// times over, so a macro that names itself ends).
pub fn expand(tex: &str, macros: &[Macro]) -> String {
    let mut tex = tex.to_owned();
    for _ in 0..16 {
        let mut out = String::with_capacity(tex.len());
        let mut rest = tex.as_str();
        let mut changed = false;
        while let Some(at) = rest.find('\\') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            let len = after
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(after.len());
            let name = &after[..len];
            let Some(m) = macros.iter().find(|m| !name.is_empty() && m.name == name) else {
                // Not a macro: kept, with the character after a lone backslash.
                let keep = 1 + len.max(after.chars().next().map_or(0, char::len_utf8));
                out.push_str(&rest[at..at + keep.min(rest.len() - at)]);
                rest = &rest[(at + keep).min(rest.len())..];
                continue;
            };
            rest = &after[len..];
            let mut body = m.body.clone();
            for k in 1..=m.args {
                let (arg, tail) = argument(rest);
                body = body.replace(&format!("#{k}"), arg);
                rest = tail;
            }
            out.push_str(&body);
            changed = true;
        }
        out.push_str(rest);
        tex = out;
        if !changed {
            break;
        }
    }
    tex
}

/// A macro's argument at the start of `tex`: a braced group's inside or one character,
/// and what follows it.
fn argument(tex: &str) -> (&str, &str) {
    let tex = tex.trim_start();
    if let Some(inner) = tex.strip_prefix('{') {
        let mut depth = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => return (&inner[..i], &inner[i + 1..]),
                '}' => depth -= 1,
                _ => {}
            }
        }
        (inner, "")
    } else {
        let end = tex.chars().next().map_or(0, char::len_utf8);
        tex.split_at(end)
    }
}

/// A piece of parsed math.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Node {
    /// A variable: one letter, or a Greek one (italic in MathML).
    Ident(String),
    /// A function's name or an upright word (`\cos`, `\mathrm{d}`).
    Word(String),
    Number(String),
    Operator(String),
    Text(String),
    /// Horizontal space, in ems.
    Space(f32),
    Row(Vec<Node>),
    Frac(Box<Node>, Box<Node>),
    /// A root: what is under it, and its index (`\sqrt[3]{x}`), if not a square root.
    Sqrt(Box<Node>, Option<Box<Node>>),
    /// An accent over its base (`\hat{x}`, `\vec{v}`, `\overline{z}`): the accent's
    /// character, and whether it stretches over the whole base (a bar).
    Accent {
        base: Box<Node>,
        accent: char,
        wide: bool,
    },
    /// `\left(` … `\right)`: delimiters as tall as what they hold (empty for `.`).
    Fenced {
        open: String,
        body: Vec<Node>,
        close: String,
    },
    Scripts {
        base: Box<Node>,
        sub: Option<Box<Node>>,
        sup: Option<Box<Node>>,
    },
    /// A command TeX does not know here, shown as written.
    Unknown(String),
}

/// `tex` read into rows of atoms.
pub(crate) fn parse(tex: &str) -> Vec<Node> {
    let mut parser = Parser {
        chars: tex.chars().collect(),
        at: 0,
    };
    parser.row(Until::End)
}

/// Where a row ends.
#[derive(Clone, Copy, PartialEq)]
enum Until {
    /// At the end of the TeX (a stray `}` is skipped).
    End,
    /// At the `}` closing its group.
    Brace,
    /// At the `\right` closing a `\left` (or the `}` of the group around both).
    Right,
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    /// Atoms with their scripts, up to where `until` says the row ends.
    fn row(&mut self, until: Until) -> Vec<Node> {
        let mut nodes = Vec::new();
        loop {
            self.skip_spaces();
            match self.peek() {
                None => break,
                // Left for the group around the `\left` to close.
                Some('}') if until == Until::Right => break,
                Some('}') => {
                    self.at += 1;
                    if until == Until::Brace {
                        break;
                    }
                }
                Some('\\') if until == Until::Right && self.at_command("right") => break,
                Some(c @ ('^' | '_')) => {
                    self.at += 1;
                    let script = self.argument();
                    let base = nodes.pop().unwrap_or(Node::Row(Vec::new()));
                    nodes.push(attach(base, c == '^', script));
                }
                Some('\'') => {
                    self.at += 1;
                    let base = nodes.pop().unwrap_or(Node::Row(Vec::new()));
                    nodes.push(attach(base, true, Node::Operator("′".into())));
                }
                Some(_) => {
                    if let Some(atom) = self.atom() {
                        nodes.push(atom);
                    }
                }
            }
        }
        nodes
    }

    /// One argument of a command or script: a group or a single atom.
    fn argument(&mut self) -> Node {
        self.skip_spaces();
        match self.peek() {
            Some('{') => {
                self.at += 1;
                group(self.row(Until::Brace))
            }
            Some(_) => self.atom().unwrap_or(Node::Row(Vec::new())),
            None => Node::Row(Vec::new()),
        }
    }

    /// The characters of a `{…}` group as they are (`\text`'s argument), braces inside
    /// balanced.
    fn raw_group(&mut self) -> String {
        self.skip_spaces();
        if self.peek() != Some('{') {
            return self
                .peek()
                .map(|c| {
                    self.at += 1;
                    c.to_string()
                })
                .unwrap_or_default();
        }
        self.at += 1;
        let mut depth = 0;
        let mut text = String::new();
        while let Some(c) = self.peek() {
            self.at += 1;
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                '\\' => {
                    // `\{`, `\}`, `\$`… stand for themselves in text.
                    if let Some(next) = self.peek().filter(|n| !n.is_ascii_alphabetic()) {
                        self.at += 1;
                        text.push(next);
                        continue;
                    }
                }
                _ => {}
            }
            text.push(c);
        }
        text
    }

    fn atom(&mut self) -> Option<Node> {
        let c = self.peek()?;
        self.at += 1;
        Some(match c {
            '{' => group(self.row(Until::Brace)),
            '\\' => return self.command(),
            '0'..='9' | '.' => {
                let mut number = c.to_string();
                while let Some(d) = self.peek().filter(|d| d.is_ascii_digit() || *d == '.') {
                    number.push(d);
                    self.at += 1;
                }
                Node::Number(number)
            }
            c if c.is_alphabetic() => Node::Ident(c.to_string()),
            '-' => Node::Operator("−".into()),
            '*' => Node::Operator("∗".into()),
            c => Node::Operator(c.to_string()),
        })
    }

    fn command(&mut self) -> Option<Node> {
        let Some(first) = self.peek() else {
            return Some(Node::Operator("\\".into()));
        };
        self.at += 1;
        if !first.is_ascii_alphabetic() {
            return Some(match first {
                ',' | '>' | ':' => Node::Space(0.1667),
                ';' => Node::Space(0.2778),
                '!' => Node::Space(0.0),
                ' ' => Node::Space(0.25),
                '\\' => Node::Space(0.0),
                c => Node::Operator(c.to_string()),
            });
        }
        let mut name = first.to_string();
        while let Some(c) = self.peek().filter(char::is_ascii_alphabetic) {
            name.push(c);
            self.at += 1;
        }
        Some(match name.as_str() {
            "frac" | "dfrac" | "tfrac" => {
                let num = self.argument();
                let den = self.argument();
                Node::Frac(Box::new(num), Box::new(den))
            }
            "sqrt" => {
                self.skip_spaces();
                let index = (self.peek() == Some('[')).then(|| {
                    self.at += 1;
                    let mut index = String::new();
                    while let Some(c) = self.peek() {
                        self.at += 1;
                        if c == ']' {
                            break;
                        }
                        index.push(c);
                    }
                    Box::new(group(parse(&index)))
                });
                Node::Sqrt(Box::new(self.argument()), index)
            }
            "text" | "textrm" | "textit" | "textbf" | "mbox" => Node::Text(self.raw_group()),
            "hat" | "widehat" | "bar" | "vec" | "dot" | "ddot" | "tilde" | "widetilde"
            | "check" | "breve" | "acute" | "grave" | "overline" => {
                let (accent, wide) = match name.as_str() {
                    "hat" | "widehat" => ('ˆ', false),
                    "bar" => ('¯', false),
                    "vec" => ('→', false),
                    "dot" => ('˙', false),
                    "ddot" => ('¨', false),
                    "tilde" | "widetilde" => ('˜', false),
                    "check" => ('ˇ', false),
                    "breve" => ('˘', false),
                    "acute" => ('´', false),
                    "grave" => ('`', false),
                    _ => ('¯', true),
                };
                Node::Accent {
                    base: Box::new(self.argument()),
                    accent,
                    wide,
                }
            }
            "mathbb" | "mathcal" => {
                let table = if name == "mathbb" {
                    DOUBLE_STRUCK
                } else {
                    SCRIPT
                };
                let letters: String = self
                    .raw_group()
                    .chars()
                    .map(|c| {
                        table
                            .iter()
                            .find(|(from, _)| *from == c)
                            .map_or(c, |&(_, to)| to)
                    })
                    .collect();
                Node::Word(letters)
            }
            "mathrm" | "operatorname" | "mathbf" | "mathit" | "mathsf" | "mathtt" => {
                Node::Word(self.raw_group())
            }
            "left" => {
                let open = self.delimiter();
                let body = self.row(Until::Right);
                // `\right` itself, when the row stopped at it.
                let close = if self.at_command("right") {
                    self.at += "\\right".len();
                    self.delimiter()
                } else {
                    String::new()
                };
                Node::Fenced { open, body, close }
            }
            "right" | "big" | "Big" | "bigg" | "Bigg" | "bigl" | "bigr" | "Bigl" | "Bigr" => {
                let d = self.delimiter();
                Node::Operator(d)
            }
            "quad" => Node::Space(1.0),
            "qquad" => Node::Space(2.0),
            "displaystyle" | "textstyle" | "limits" | "nolimits" => Node::Row(Vec::new()),
            name => match symbol(name) {
                Some(Symbol::Letter(c)) => Node::Ident(c.to_string()),
                Some(Symbol::Operator(c)) => Node::Operator(c.to_string()),
                None if FUNCTIONS.contains(&name) => Node::Word(name.to_owned()),
                None => Node::Unknown(format!("\\{name}")),
            },
        })
    }
}

impl Parser {
    /// Whether `\name` (and not a longer command) comes next.
    fn at_command(&self, name: &str) -> bool {
        let rest = &self.chars[self.at.min(self.chars.len())..];
        let n = name.len();
        rest.first() == Some(&'\\')
            && rest.len() > n
            && rest[1..=n].iter().copied().eq(name.chars())
            && !rest.get(n + 1).is_some_and(char::is_ascii_alphabetic)
    }

    /// The delimiter after `\left`, `\right` or `\big`: its character (`.` is none).
    fn delimiter(&mut self) -> String {
        self.skip_spaces();
        match self.atom() {
            Some(Node::Operator(d) | Node::Number(d)) if d == "." => String::new(),
            Some(Node::Operator(d) | Node::Ident(d) | Node::Number(d)) => d,
            Some(_) | None => String::new(),
        }
    }
}

/// A group's nodes as one node.
fn group(mut nodes: Vec<Node>) -> Node {
    if nodes.len() == 1 {
        nodes.pop().unwrap_or(Node::Row(Vec::new()))
    } else {
        Node::Row(nodes)
    }
}

fn attach(base: Node, sup: bool, script: Node) -> Node {
    let script = Some(Box::new(script));
    match base {
        Node::Scripts {
            base,
            sub,
            sup: None,
        } if sup => Node::Scripts {
            base,
            sub,
            sup: script,
        },
        Node::Scripts {
            base,
            sub: None,
            sup: s,
        } if !sup => Node::Scripts {
            base,
            sub: script,
            sup: s,
        },
        base if sup => Node::Scripts {
            base: Box::new(base),
            sub: None,
            sup: script,
        },
        base => Node::Scripts {
            base: Box::new(base),
            sub: script,
            sup: None,
        },
    }
}

enum Symbol {
    Letter(char),
    Operator(char),
}

/// Upright function names TeX knows (`\sin x`).
pub(crate) const FUNCTIONS: &[&str] = &[
    "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
    "coth", "log", "ln", "lg", "exp", "lim", "liminf", "limsup", "max", "min", "sup", "inf", "det",
    "dim", "ker", "deg", "arg", "gcd", "Pr", "hom",
];

fn symbol(name: &str) -> Option<Symbol> {
    use Symbol::{Letter, Operator};
    const GREEK: &[(&str, char)] = &[
        ("alpha", 'α'),
        ("beta", 'β'),
        ("gamma", 'γ'),
        ("delta", 'δ'),
        ("epsilon", 'ϵ'),
        ("varepsilon", 'ε'),
        ("zeta", 'ζ'),
        ("eta", 'η'),
        ("theta", 'θ'),
        ("vartheta", 'ϑ'),
        ("iota", 'ι'),
        ("kappa", 'κ'),
        ("lambda", 'λ'),
        ("mu", 'μ'),
        ("nu", 'ν'),
        ("xi", 'ξ'),
        ("pi", 'π'),
        ("varpi", 'ϖ'),
        ("rho", 'ρ'),
        ("varrho", 'ϱ'),
        ("sigma", 'σ'),
        ("varsigma", 'ς'),
        ("tau", 'τ'),
        ("upsilon", 'υ'),
        ("phi", 'ϕ'),
        ("varphi", 'φ'),
        ("chi", 'χ'),
        ("psi", 'ψ'),
        ("omega", 'ω'),
        ("Gamma", 'Γ'),
        ("Delta", 'Δ'),
        ("Theta", 'Θ'),
        ("Lambda", 'Λ'),
        ("Xi", 'Ξ'),
        ("Pi", 'Π'),
        ("Sigma", 'Σ'),
        ("Upsilon", 'Υ'),
        ("Phi", 'Φ'),
        ("Psi", 'Ψ'),
        ("Omega", 'Ω'),
        ("ell", 'ℓ'),
        ("hbar", 'ℏ'),
    ];
    const OPERATORS: &[(&str, char)] = &[
        ("cdot", '⋅'),
        ("times", '×'),
        ("div", '÷'),
        ("pm", '±'),
        ("mp", '∓'),
        ("ast", '∗'),
        ("circ", '∘'),
        ("bullet", '∙'),
        ("leq", '≤'),
        ("le", '≤'),
        ("geq", '≥'),
        ("ge", '≥'),
        ("neq", '≠'),
        ("ne", '≠'),
        ("approx", '≈'),
        ("sim", '∼'),
        ("simeq", '≃'),
        ("equiv", '≡'),
        ("propto", '∝'),
        ("ll", '≪'),
        ("gg", '≫'),
        ("in", '∈'),
        ("notin", '∉'),
        ("subset", '⊂'),
        ("subseteq", '⊆'),
        ("cup", '∪'),
        ("cap", '∩'),
        ("infty", '∞'),
        ("partial", '∂'),
        ("nabla", '∇'),
        ("sum", '∑'),
        ("prod", '∏'),
        ("int", '∫'),
        ("oint", '∮'),
        ("to", '→'),
        ("rightarrow", '→'),
        ("leftarrow", '←'),
        ("Rightarrow", '⇒'),
        ("Leftarrow", '⇐'),
        ("leftrightarrow", '↔'),
        ("Leftrightarrow", '⇔'),
        ("mapsto", '↦'),
        ("ldots", '…'),
        ("dots", '…'),
        ("cdots", '⋯'),
        ("forall", '∀'),
        ("exists", '∃'),
        ("neg", '¬'),
        ("wedge", '∧'),
        ("vee", '∨'),
        ("langle", '⟨'),
        ("rangle", '⟩'),
        ("lbrace", '{'),
        ("rbrace", '}'),
        ("vert", '|'),
        ("Vert", '‖'),
        ("mid", '∣'),
        ("prime", '′'),
        ("degree", '°'),
        ("angle", '∠'),
        ("perp", '⊥'),
        ("parallel", '∥'),
        ("emptyset", '∅'),
        ("varnothing", '∅'),
        ("aleph", 'ℵ'),
        ("Re", 'ℜ'),
        ("Im", 'ℑ'),
        ("star", '⋆'),
        ("dagger", '†'),
        ("oplus", '⊕'),
        ("otimes", '⊗'),
        ("setminus", '∖'),
        ("supset", '⊃'),
        ("supseteq", '⊇'),
        ("implies", '⟹'),
        ("iff", '⟺'),
        ("uparrow", '↑'),
        ("downarrow", '↓'),
        ("lfloor", '⌊'),
        ("rfloor", '⌋'),
        ("lceil", '⌈'),
        ("rceil", '⌉'),
        ("therefore", '∴'),
        ("because", '∵'),
    ];
    GREEK
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, c)| Letter(c))
        .or_else(|| {
            OPERATORS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|&(_, c)| Operator(c))
        })
}

fn write_mathml(node: &Node, out: &mut String) {
    let token = |out: &mut String, tag: &str, text: &str| {
        let _ = write!(out, "<{tag}>{}</{tag}>", escape_html(text));
    };
    match node {
        Node::Ident(s) => token(out, "mi", s),
        Node::Word(s) => {
            let _ = write!(out, "<mi mathvariant=\"normal\">{}</mi>", escape_html(s));
        }
        Node::Number(s) => token(out, "mn", s),
        Node::Operator(s) => token(out, "mo", s),
        // MathML trims a token's spaces; TeX's text keeps them.
        Node::Text(s) => token(out, "mtext", &s.replace(' ', "\u{a0}")),
        Node::Unknown(s) => {
            let _ = write!(out, "<mtext mathcolor=\"red\">{}</mtext>", escape_html(s));
        }
        Node::Space(em) => {
            let _ = write!(out, "<mspace width=\"{em}em\"/>");
        }
        Node::Row(nodes) => write_mathml_row(nodes, out),
        Node::Frac(num, den) => {
            out.push_str("<mfrac>");
            write_mathml(num, out);
            write_mathml(den, out);
            out.push_str("</mfrac>");
        }
        Node::Sqrt(inner, None) => {
            out.push_str("<msqrt>");
            write_mathml(inner, out);
            out.push_str("</msqrt>");
        }
        Node::Sqrt(inner, Some(index)) => {
            out.push_str("<mroot>");
            write_mathml(inner, out);
            write_mathml(index, out);
            out.push_str("</mroot>");
        }
        Node::Accent { base, accent, wide } => {
            out.push_str("<mover accent=\"true\">");
            write_mathml(base, out);
            let mark = if *wide { '‾' } else { *accent };
            let _ = write!(out, "<mo>{}</mo></mover>", escape_html(&mark.to_string()));
        }
        Node::Fenced { open, body, close } => {
            // Fences stretch to what they hold in MathML by default.
            let fence = |out: &mut String, f: &str| {
                if !f.is_empty() {
                    let _ = write!(out, "<mo>{}</mo>", escape_html(f));
                }
            };
            out.push_str("<mrow>");
            fence(out, open);
            write_mathml_row(body, out);
            fence(out, close);
            out.push_str("</mrow>");
        }
        Node::Scripts { base, sub, sup } => {
            let tag = match (sub, sup) {
                (Some(_), Some(_)) => "msubsup",
                (Some(_), None) => "msub",
                _ => "msup",
            };
            let _ = write!(out, "<{tag}>");
            write_mathml(base, out);
            for script in [sub, sup].into_iter().flatten() {
                write_mathml(script, out);
            }
            let _ = write!(out, "</{tag}>");
        }
    }
}

/// A row as one `<mrow>`.
fn write_mathml_row(nodes: &[Node], out: &mut String) {
    out.push_str("<mrow>");
    for (i, n) in nodes.iter().enumerate() {
        // A sign with no operand before it (`= -x`) is a prefix, set tight.
        let prefix = i.checked_sub(1).map(|j| &nodes[j]);
        match n {
            Node::Operator(op)
                if matches!(op.as_str(), "−" | "+" | "±")
                    && prefix.is_some_and(|p| !ends_operand(p)) =>
            {
                let _ = write!(out, "<mo form=\"prefix\">{op}</mo>");
            }
            n => write_mathml(n, out),
        }
    }
    out.push_str("</mrow>");
}

/// Whether a node can end an operand, so that a sign after it is binary: anything but an
/// operator, or a closing fence (`(x) + 1`), a prime or a factorial.
fn ends_operand(node: &Node) -> bool {
    match node {
        Node::Operator(op) => matches!(op.as_str(), ")" | "]" | "}" | "⟩" | "|" | "‖" | "′" | "!"),
        _ => true,
    }
}

/// Relations and binary operators, spaced on either side in a line of Unicode as TeX
/// spaces them (`x = a + b`), except where nothing stands before them (`−x`).
pub(crate) fn spaced(op: &str) -> bool {
    matches!(
        op,
        "=" | "<"
            | ">"
            | "+"
            | "−"
            | "±"
            | "∓"
            | "×"
            | "⋅"
            | "÷"
            | "≤"
            | "≥"
            | "≠"
            | "≈"
            | "∼"
            | "≃"
            | "≡"
            | "∝"
            | "→"
            | "←"
            | "⇒"
            | "⇐"
            | "↔"
            | "⇔"
            | "↦"
            | "∈"
            | "∉"
            | "⊂"
            | "⊆"
    )
}

/// A row as Unicode; `spacing`: operators spaced (not inside scripts, which TeX sets
/// tight).
fn write_row(nodes: &[Node], out: &mut String, spacing: bool) {
    for (i, node) in nodes.iter().enumerate() {
        match node {
            Node::Operator(op)
                if spacing
                    && spaced(op)
                    && i.checked_sub(1)
                        .and_then(|j| nodes.get(j))
                        .is_some_and(ends_operand) =>
            {
                // Text before it may end with its own space.
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                let _ = write!(out, "{op} ");
            }
            // A function's name stands apart from its neighbours (`2 cos ωt`), as TeX
            // spaces an operator's name.
            Node::Word(word) if FUNCTIONS.contains(&word.as_str()) => {
                let apart = |n: Option<&Node>| {
                    n.is_some_and(|n| !matches!(n, Node::Operator(_) | Node::Space(_)))
                };
                if apart(i.checked_sub(1).and_then(|j| nodes.get(j))) {
                    out.push(' ');
                }
                out.push_str(word);
                if apart(nodes.get(i + 1)) {
                    out.push(' ');
                }
            }
            node => write_unicode(node, out, spacing),
        }
    }
}

fn write_unicode(node: &Node, out: &mut String, spacing: bool) {
    match node {
        Node::Ident(s) | Node::Word(s) | Node::Number(s) | Node::Operator(s) | Node::Text(s) => {
            out.push_str(s);
        }
        Node::Unknown(s) => out.push_str(s),
        Node::Space(em) if *em >= 0.25 => out.push(' '),
        Node::Space(_) => {}
        Node::Row(nodes) => write_row(nodes, out, spacing),
        Node::Frac(num, den) => {
            write_operand(num, out);
            out.push('/');
            write_operand(den, out);
        }
        Node::Sqrt(inner, index) => {
            match index.as_deref() {
                None => out.push('√'),
                Some(index) => {
                    let mut n = String::new();
                    write_unicode(index, &mut n, false);
                    match n.as_str() {
                        "3" => out.push('∛'),
                        "4" => out.push('∜'),
                        _ => {
                            write_script(index, out, SUPERSCRIPTS, '^');
                            out.push('√');
                        }
                    }
                }
            }
            write_operand(inner, out);
        }
        Node::Fenced { open, body, close } => {
            out.push_str(open);
            write_row(body, out, spacing);
            out.push_str(close);
        }
        // A combining mark after each character of its base.
        Node::Accent { base, accent, wide } => {
            let combining = match accent {
                'ˆ' => '\u{302}',
                '→' => '\u{20d7}',
                '˙' => '\u{307}',
                '¨' => '\u{308}',
                '˜' => '\u{303}',
                'ˇ' => '\u{30c}',
                '˘' => '\u{306}',
                '´' => '\u{301}',
                '`' => '\u{300}',
                _ => '\u{304}',
            };
            let mut text = String::new();
            write_unicode(base, &mut text, spacing);
            for (k, c) in text.chars().enumerate() {
                out.push(c);
                if *wide || k == 0 {
                    out.push(combining);
                }
            }
        }
        Node::Scripts { base, sub, sup } => {
            write_operand(base, out);
            if let Some(sub) = sub {
                write_script(sub, out, SUBSCRIPTS, '_');
            }
            if let Some(sup) = sup {
                write_script(sup, out, SUPERSCRIPTS, '^');
            }
        }
    }
}

/// A fraction's part, a root's or a script's base: in parentheses when it is more than
/// one term (`(x + 1)/2`).
fn write_operand(node: &Node, out: &mut String) {
    let mut text = String::new();
    write_unicode(node, &mut text, true);
    let compound = match node {
        Node::Row(nodes) => nodes.iter().any(|n| match n {
            Node::Operator(op) => spaced(op),
            Node::Frac(..) | Node::Text(_) => true,
            _ => false,
        }),
        Node::Frac(..) => true,
        _ => false,
    };
    if compound {
        let _ = write!(out, "({text})");
    } else {
        out.push_str(&text);
    }
}

/// `\mathbb`'s letters, where Unicode has them in its Letterlike Symbols and its
/// Mathematical Alphanumerics (any other is kept).
const DOUBLE_STRUCK: &[(char, char)] = &[
    ('C', 'ℂ'),
    ('H', 'ℍ'),
    ('N', 'ℕ'),
    ('P', 'ℙ'),
    ('Q', 'ℚ'),
    ('R', 'ℝ'),
    ('Z', 'ℤ'),
    ('E', '𝔼'),
    ('1', '𝟙'),
];

/// `\mathcal`'s letters Unicode has in its Letterlike Symbols.
const SCRIPT: &[(char, char)] = &[
    ('B', 'ℬ'),
    ('E', 'ℰ'),
    ('F', 'ℱ'),
    ('H', 'ℋ'),
    ('I', 'ℐ'),
    ('L', 'ℒ'),
    ('M', 'ℳ'),
    ('R', 'ℛ'),
];

const SUPERSCRIPTS: &[(char, char)] = &[
    ('0', '⁰'),
    ('1', '¹'),
    ('2', '²'),
    ('3', '³'),
    ('4', '⁴'),
    ('5', '⁵'),
    ('6', '⁶'),
    ('7', '⁷'),
    ('8', '⁸'),
    ('9', '⁹'),
    ('+', '⁺'),
    ('−', '⁻'),
    ('-', '⁻'),
    ('=', '⁼'),
    ('(', '⁽'),
    (')', '⁾'),
    ('n', 'ⁿ'),
    ('i', 'ⁱ'),
    ('′', '′'),
];

const SUBSCRIPTS: &[(char, char)] = &[
    ('0', '₀'),
    ('1', '₁'),
    ('2', '₂'),
    ('3', '₃'),
    ('4', '₄'),
    ('5', '₅'),
    ('6', '₆'),
    ('7', '₇'),
    ('8', '₈'),
    ('9', '₉'),
    ('+', '₊'),
    ('−', '₋'),
    ('-', '₋'),
    ('=', '₌'),
    ('(', '₍'),
    (')', '₎'),
    ('a', 'ₐ'),
    ('e', 'ₑ'),
    ('o', 'ₒ'),
    ('x', 'ₓ'),
    ('h', 'ₕ'),
    ('k', 'ₖ'),
    ('l', 'ₗ'),
    ('m', 'ₘ'),
    ('n', 'ₙ'),
    ('p', 'ₚ'),
    ('s', 'ₛ'),
    ('t', 'ₜ'),
    ('i', 'ᵢ'),
    ('j', 'ⱼ'),
];

/// A script in Unicode's raised or lowered characters where each has one (`x²`, `xᵢ₊₁`),
/// else after `^` or `_`, in parentheses when longer than a character (`e^(iπ)`).
fn write_script(node: &Node, out: &mut String, table: &[(char, char)], mark: char) {
    let mut text = String::new();
    write_unicode(node, &mut text, false);
    let small: Option<String> = text
        .chars()
        .map(|c| table.iter().find(|(from, _)| *from == c).map(|&(_, to)| to))
        .collect();
    match small {
        Some(small) if !small.is_empty() => out.push_str(&small),
        _ if text.chars().count() == 1 => {
            let _ = write!(out, "{mark}{text}");
        }
        _ => {
            let _ = write!(out, "{mark}({text})");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn math_is_found_between_bokehs_delimiters() {
        assert_eq!(
            pieces(r"where $$\frac{dV}{dx} = -x^3 + x$$ holds"),
            vec![
                Piece::Text("where "),
                Piece::Math {
                    tex: r"\frac{dV}{dx} = -x^3 + x",
                    display: true
                },
                Piece::Text(" holds"),
            ]
        );
        assert_eq!(
            pieces(r"a \(x\) and \[y\]"),
            vec![
                Piece::Text("a "),
                Piece::Math {
                    tex: "x",
                    display: false
                },
                Piece::Text(" and "),
                Piece::Math {
                    tex: "y",
                    display: true
                },
            ]
        );
        // A delimiter never closed is text, as are dollars alone.
        assert_eq!(pieces("costs $$5"), vec![Piece::Text("costs $$5")]);
        assert_eq!(pieces("$5 and $6"), vec![Piece::Text("$5 and $6")]);
        assert_eq!(html_with_mathml("plain"), None);
        assert!(html_with_mathml("$$x$$").is_some());
    }

    #[test]
    fn a_string_reads_as_tex_as_bokehjs_reads_an_axis_label() {
        let read = delimited;
        assert_eq!(
            read(r"$$x \text{ (m)}$$"),
            Some((r"x \text{ (m)}".into(), true))
        );
        assert_eq!(read(r"\(x\)"), Some(("x".into(), false)));
        // Text around math makes it display math, as in BokehJS.
        assert_eq!(
            read(r"speed \(v\) here"),
            Some((r"\text{speed }v\text{ here}".into(), true))
        );
        assert_eq!(delimited("speed"), None);
        assert_eq!(delimited(""), None);
    }

    #[test]
    fn tex_is_written_as_one_line_of_unicode() {
        assert_eq!(unicode(r"x \text{ (m)}"), "x (m)");
        assert_eq!(unicode(r"\frac{dx}{dt} \text{ (m/s)}"), "dx/dt (m/s)");
        assert_eq!(
            unicode(r"\delta \text{ (damping factor, 1/s)}"),
            "δ (damping factor, 1/s)"
        );
        assert_eq!(unicode(r"\gamma \text{ (m/s}^2)"), "γ (m/s²)");
        assert_eq!(unicode("x^2 + y_{i+1}"), "x² + yᵢ₊₁");
        assert_eq!(unicode(r"e^{i\pi} = -1"), "e^(iπ) = −1");
        assert_eq!(unicode(r"\frac{x+1}{2}"), "(x + 1)/2");
        assert_eq!(unicode(r"\sqrt{2}\cos\omega t"), "√2 cos ωt");
        assert_eq!(unicode(r"\alpha_0 \leq \beta"), "α₀ ≤ β");
        assert_eq!(unicode(r"\left( a \right)"), "(a)");
        assert_eq!(unicode(r"\left(\frac{x}{2}\right)^{2}"), "(x/2)²");
        assert_eq!(unicode(r"\left. a \right|"), "a|");
        assert_eq!(
            unicode(r"\hat{x} + \overline{ab} \in \mathbb{R}"),
            "x\u{302} + a\u{304}b\u{304} ∈ ℝ"
        );
        assert_eq!(unicode(r"\sqrt[3]{x}"), "∛x");
        assert_eq!(unicode(r"\sqrt[n]{y}"), "ⁿ√y");
        assert_eq!(
            mathml(r"\sqrt[3]{x}", false),
            "<math><mrow><mroot><mi>x</mi><mn>3</mn></mroot></mrow></math>"
        );
        assert_eq!(unicode(r"\foo x"), r"\foox");
        assert_eq!(unicode(r"\text{a } = b"), "a = b");
        assert_eq!(unicode("(x) + 1"), "(x) + 1");
    }

    #[test]
    fn tex_is_written_as_mathml() {
        assert_eq!(
            mathml(r"\frac{dx}{dt}", true),
            "<math displaystyle=\"true\"><mrow><mfrac><mrow><mi>d</mi><mi>x</mi></mrow>\
             <mrow><mi>d</mi><mi>t</mi></mrow></mfrac></mrow></math>"
        );
        assert_eq!(
            mathml("x^2_i", false),
            "<math><mrow><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup></mrow></math>"
        );
        assert_eq!(
            mathml(r"\text{ (m)} < \cos", false),
            "<math><mrow><mtext>\u{a0}(m)</mtext><mo>&lt;</mo>\
             <mi mathvariant=\"normal\">cos</mi></mrow></math>"
        );
        assert!(mathml("(x)-1", false).contains("<mo>)</mo><mo>−</mo>"));
        assert_eq!(
            mathml(r"\vec{v}", false),
            "<math><mrow><mover accent=\"true\"><mi>v</mi><mo>→</mo></mover></mrow></math>"
        );
        assert_eq!(
            mathml("= -x", false),
            "<math><mrow><mo>=</mo><mo form=\"prefix\">−</mo><mi>x</mi></mrow></math>"
        );
        assert_eq!(
            html_with_mathml(r"<b>where</b> \(x\)").as_deref(),
            Some("<b>where</b> <math><mrow><mi>x</mi></mrow></math>")
        );
    }

    #[test]
    fn left_and_right_fence_what_they_hold() {
        let fenced = |open: &str, body: Vec<Node>, close: &str| Node::Fenced {
            open: open.into(),
            body,
            close: close.into(),
        };
        let x = || Node::Ident("x".into());
        assert_eq!(
            parse(r"\left( x \right)"),
            vec![fenced("(", vec![x()], ")")]
        );
        assert_eq!(
            parse(r"\left[ \left| x \right| \right."),
            vec![fenced("[", vec![fenced("|", vec![x()], "|")], "")]
        );
        // `\rightarrow` is not `\right`; a `\left` never closed holds the rest.
        assert_eq!(
            parse(r"\left\{ x \rightarrow"),
            vec![fenced("{", vec![x(), Node::Operator("→".into())], "")]
        );
        // A group around the pair closes it.
        assert_eq!(
            parse(r"{\left( x } y"),
            vec![fenced("(", vec![x()], ""), Node::Ident("y".into())]
        );
        assert_eq!(
            mathml(r"\left( x \right)", false),
            "<math><mrow><mrow><mo>(</mo><mrow><mi>x</mi></mrow><mo>)</mo></mrow></mrow></math>"
        );
    }

    #[test]
    fn macros_are_expanded_with_their_arguments() {
        let m = |name: &str, body: &str, args| Macro {
            name: name.into(),
            body: body.into(),
            args,
        };
        let macros = [
            m("arr", r"\rightarrow", 0),
            m("half", r"\frac{#1}{2}", 1),
            m("pair", r"(#1, #2)", 2),
            m("loop", r"\loop", 0),
        ];
        assert_eq!(expand(r"a \arr b", &macros), r"a \rightarrow b");
        assert_eq!(expand(r"\arrow \arr", &macros), r"\arrow \rightarrow");
        assert_eq!(
            expand(r"\half{x+1} \half y", &macros),
            r"\frac{x+1}{2} \frac{y}{2}"
        );
        assert_eq!(expand(r"\pair{a}{\arr}", &macros), r"(a, \rightarrow)");
        assert_eq!(expand(r"\loop", &macros), r"\loop");
        assert_eq!(expand(r"\\ \, x\", &macros), r"\\ \, x\");
        assert_eq!(unicode(&expand(r"-2\pi \arr 2\pi", &macros)), "−2π → 2π");
    }

    #[test]
    fn unbalanced_tex_is_read_without_panicking() {
        for tex in [
            "{",
            "}",
            "x^",
            r"\frac{",
            r"\",
            "_",
            r"\sqrt[3",
            r"\text{a",
            r"\left",
            r"\right",
            r"\left(",
            r"x \right) y",
        ] {
            let _ = unicode(tex);
            let _ = mathml(tex, false);
        }
    }
}
