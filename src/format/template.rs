//! The HTML templates of HTMLTemplateFormatter, in the subset of underscore's template
//! language that needs no JavaScript: `<%= name %>` puts in the value of `name` (`value`
//! is the cell's, any other name that row's column) as it is, `<%- name %>` escaped.
//! Anything else between `<%` and `%>` (JavaScript code) is left out. And Bokeh's own
//! placeholders (`@name`, `@{name}{format}`, `$name`) as tooltips and scale bars fill them.

/// `template` with each `<%= name %>` / `<%- name %>` replaced by `lookup(name)`; names
/// `lookup` does not know become empty.
pub fn render_template(template: &str, lookup: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find("<%") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("%>") else {
            out.push_str(&rest[open..]);
            return out;
        };
        let (tag, body) = match after.chars().next() {
            Some(c @ ('=' | '-')) => (Some(c), after[1..close].trim()),
            _ => (None, ""),
        };
        let is_name = !body.is_empty()
            && body
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
        if let (Some(tag), true) = (tag, is_name) {
            let value = lookup(body).unwrap_or_default();
            match tag {
                '-' => out.push_str(&escape_html(&value)),
                _ => out.push_str(&value),
            }
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

/// What a placeholder shows for a value it cannot find, as in BokehJS.
pub const MISSING: &str = "???";

/// `template` with each of Bokeh's placeholders replaced by `fill(sigil, name, format)`,
/// as BokehJS's `process_placeholders` finds them: a sigil (`@` or `$`), a name (`{…}`, or
/// a run of ASCII word characters, as BokehJS's `\w`), and an optional `{format}`. A
/// sigil without a name stays as it is.
pub fn process_placeholders(
    template: &str,
    mut fill: impl FnMut(char, &str, Option<&str>) -> String,
) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find(['@', '$']) {
        out.push_str(&rest[..i]);
        let sigil = if rest[i..].starts_with('@') { '@' } else { '$' };
        let after = &rest[i + 1..];
        let (name, mut tail) = if let Some(braced) = after.strip_prefix('{') {
            match braced.find('}') {
                Some(end) => (&braced[..end], &braced[end + 1..]),
                None => ("", after),
            }
        } else {
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..end], &after[end..])
        };
        if name.is_empty() {
            out.push(sigil);
            rest = after;
            continue;
        }
        let mut format = None;
        if let Some(f) = tail.strip_prefix('{') {
            if let Some(end) = f.find('}') {
                format = Some(&f[..end]);
                tail = &f[end + 1..];
            }
        }
        out.push_str(&fill(sigil, name, format));
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// `text` safe to put in HTML.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
