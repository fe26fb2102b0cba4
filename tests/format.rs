//! Bokeh's text formats: numbro numbers, strftime dates and cell templates. The expected
//! texts are what BokehJS 3.9's NumberFormatter and DateFormatter wrote for the same
//! inputs (run in Chromium).

use rokeh::core::Datetime;
use rokeh::format::{
    date_format_pattern, flatpickr, js_number, numbro, process_placeholders, render_template,
    strftime,
};

#[test]
fn numbro_formats_as_bokehjs_tables_and_sliders_write_them() {
    let cases: &[(f64, &str, &str)] = &[
        (1234567.891, "0,0", "1,234,568"),
        (1234.5, "0,0.00", "1,234.50"),
        (-1234.5, "$0,0.00", "-$1,234.50"),
        (-1234.5, "(0,0)", "(1,234)"),
        (0.4567, "0.0%", "45.7%"),
        (0.5, "0%", "50%"),
        (5.0, "+0", "+5"),
        (1.0, "0[.]00", "1"),
        (1.5, "0[.]00", "1.50"),
        (1.25, "0.[00]", "1.25"),
        (1.2, "0.0[00]", "1.2"),
        (2.0, "0.[00]", "2"),
        (1234.0, "0.0a", "1.2k"),
        (3_400_000.0, "0.0 a", "3.4 m"),
        (12.0, "0 a", "12 "),
        (0.25, "0.00", "0.25"),
        (-0.001, "0.00", "0.00"),
        (42.0, "0 ms", "42"),
        (1.1, "0[.]00", "1.10"),
        (0.1, "0[.]00", "0.10"),
        (1.23456, "0.000", "1.235"),
        (1234.5678, "0,0.[000]", "1,234.568"),
        (1e21, "0,0", "1,000,000,000,000,000,000,000"),
    ];
    for (value, format, want) in cases {
        assert_eq!(numbro(*value, format), *want, "numbro({value}, {format:?})");
    }
    assert_eq!(numbro(f64::NAN, "0,0"), "NaN");
}

#[test]
fn js_numbers_print_as_javascript_does() {
    assert_eq!(js_number(1.0), "1");
    assert_eq!(js_number(-0.5), "-0.5");
    assert_eq!(js_number(-0.0), "0");
    assert_eq!(js_number(1e20), "100000000000000000000");
    assert_eq!(js_number(f64::NEG_INFINITY), "-Infinity");
}

/// The date pickers' formats: each case is what flatpickr 4.6.13 (BokehJS's pickers')
/// `formatDate` wrote in Chromium (UTC).
#[test]
fn flatpickr_formats_as_bokehjs_pickers_show_dates() {
    let cases: &[(f64, &str, &str)] = &[
        (1568988309000.0, "Y-m-d", "2019-09-20"),
        (1568988309000.0, "Y-m-d H:i", "2019-09-20 14:05"),
        (1568988309000.0, "D, d M Y", "Fri, 20 Sep 2019"),
        (1568988309000.0, "l j F, y", "Friday 20 September, 19"),
        (1568988309000.0, "J", "20th"),
        (1568988309000.0, "n/j", "9/20"),
        (1568988309000.0, "W", "38"),
        (1568988309000.0, "h:i K", "2:05 PM"),
        (1568988309000.0, "G:i", "02:05"),
        (1568988309000.0, "H:i:S", "14:05:09"),
        (1568988309000.0, "s", "9"),
        (1568988309000.0, "w", "5"),
        (1568988309000.0, "\\Y Y", "Y 2019"),
        (1568988309000.0, "U", "1568988309"),
        (1568988309000.0, "Z", "2019-09-20T14:05:09.000Z"),
        (1609545603000.0, "W", "53"),
        (1609545603000.0, "J", "2nd"),
        (1609545603000.0, "h K", "12 AM"),
        (1609545603000.0, "G", "12"),
        (1609416000000.0, "W", "53"),
        (1609416000000.0, "J", "31st"),
        (1708646340000.0, "J", "22nd"),
        (1708646340000.0, "W", "8"),
        (1708646340000.0, "h:i K", "11:59 PM"),
    ];
    for (t, format, want) in cases {
        assert_eq!(flatpickr(Datetime(*t), format), *want, "{t} in {format:?}");
    }
}

#[test]
fn strftime_and_named_formats() {
    // 2020-06-01T13:04:05.250Z, a Monday.
    let t = Datetime(1_591_016_645_250.0);
    assert_eq!(strftime(t, "%d %b %Y"), "01 Jun 2020");
    assert_eq!(strftime(t, "%d %b %Y %H:%M:%S"), "01 Jun 2020 13:04:05");
    assert_eq!(
        strftime(t, "%A %e %B %y, %I:%M %p"),
        "Monday  1 June 20, 01:04 PM"
    );
    assert_eq!(strftime(t, "%F %T.%3N %Z"), "2020-06-01 13:04:05.250 UTC");
    assert_eq!(strftime(t, "%j %u %w %% %q"), "153 1 1 % %q");
    // The timezone library's flags, as BokehJS's DateFormatter and tick formats read them
    // (Bokeh's data_table_formatting example: "%A, %b %-d, %Y").
    assert_eq!(strftime(t, "%A, %b %-d, %Y"), "Monday, Jun 1, 2020");
    assert_eq!(strftime(t, "%-m/%-d %-H:%-M"), "6/1 13:4");
    assert_eq!(
        strftime(t, "[%_m] [%0e] [%^a] [%-A]"),
        "[ 6] [01] [MON] [Monday]"
    );
    assert_eq!(strftime(t, "%-S %5"), "5 %5");
    let iso = date_format_pattern("ISO-8601").unwrap();
    assert_eq!(strftime(t, iso), "2020-06-01");
    assert_eq!(
        strftime(t, date_format_pattern("RFC-822").unwrap()),
        "Mon,  1 Jun 20"
    );
    assert_eq!(
        strftime(t, date_format_pattern("COOKIE").unwrap()),
        "Mon, 01 Jun 2020"
    );
    assert_eq!(date_format_pattern("TIMESTAMP"), None);
    assert_eq!(date_format_pattern("%Y"), Some("%Y"));
}

#[test]
fn templates_put_in_the_row_values_and_leave_out_code() {
    let row = |name: &str| match name {
        "value" => Some("<i>7</i>".to_owned()),
        "city" => Some("Oslo".to_owned()),
        _ => None,
    };
    assert_eq!(
        render_template("<b><%= value %></b> in <%=city%>", row),
        "<b><i>7</i></b> in Oslo"
    );
    assert_eq!(render_template("<%- value %>", row), "&lt;i&gt;7&lt;/i&gt;");
    assert_eq!(render_template("[<%= unknown %>]", row), "[]");
    assert_eq!(render_template("a<% if (x) { %>b<% } %>c", row), "abc");
    assert_eq!(render_template("<%= value ", row), "<%= value ");
}

/// Bokeh's placeholders, as a scale bar's label and a tooltip name them: braced or bare
/// names, a format after them, a sigil alone left as it is.
#[test]
fn placeholders_are_found_as_bokehjs_finds_them() {
    let fill = |sigil: char, name: &str, format: Option<&str>| {
        format!("<{sigil}{name}|{}>", format.unwrap_or("-"))
    };
    assert_eq!(
        process_placeholders("@{value} @{unit}", fill),
        "<@value|-> <@unit|->"
    );
    assert_eq!(
        process_placeholders("@{value}{%.1f}km, $x!", fill),
        "<@value|%.1f>km, <$x|->!"
    );
    assert_eq!(process_placeholders("5 @ $ {x}", fill), "5 @ $ {x}");
    assert_eq!(process_placeholders("@{open", fill), "@{open");
}
