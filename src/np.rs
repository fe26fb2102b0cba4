//! Column math the way Bokeh users write it with numpy: `linspace`, `arange`, element-wise
//! `sin`, `cos`, `exp`, `log`, `sqrt`, arithmetic with numbers and with other arrays,
//! `cumsum`, … on an [`Array`] of f64 that becomes a column without a copy. This is the
//! `rokeh-np` crate (its own crate so that its loops are built for speed while the page is
//! built for size).
//!
//! ```
//! use rokeh::models::ColumnDataSource;
//! use rokeh::np;
//!
//! let x = np::linspace(0.0, 4.0 * std::f64::consts::PI, 200);
//! let (a, k, w, b) = (1.5, 2.0, 0.5, 0.1);
//! let y = a * np::sin(k * &x + w) + b; // numpy: a * np.sin(k * x + w) + b
//! assert!((y[10] - (a * (k * x[10] + w).sin() + b)).abs() < 1e-15);
//!
//! let mut doc = rokeh::Document::new();
//! let source = doc.add(ColumnDataSource::new([("x", x), ("y", y)]));
//! doc.set_column(source, "y", np::sqrt(np::zeros(200) + 4.0))?;
//! assert_eq!(doc.column_f64(source, "y"), Some(&[2.0; 200][..]));
//! # Ok::<(), rokeh::document::DocumentError>(())
//! ```

pub use rokeh_np::*;

use crate::core::{NdArray, Value};

/// A column, without a copy.
impl From<Array> for NdArray {
    fn from(a: Array) -> NdArray {
        a.into_vec().into()
    }
}

impl From<Array> for Value {
    fn from(a: Array) -> Value {
        Value::Array(a.into())
    }
}
