//! Expressions in x for the Taylor demo (Bokeh's taylor.py): read as sympy's `sympify`
//! reads them, printed the way sympy prints them, evaluated, and expanded in a Taylor
//! series at x = 0.
//!
//! sympy isn't available in the browser, so this is the small part of it the demo needs.
//! Where it differs from sympy:
//! - numbers are f64, not exact integers and rationals;
//! - printing keeps the user's order of terms and factors (sympy reorders them
//!   canonically) and simplifies nothing beyond signs (`2*-x` prints as `-2*x`);
//! - series are computed numerically, by truncated power-series arithmetic (Taylor-mode
//!   automatic differentiation), not symbolically;
//! - where sympy would answer with a Laurent, Puiseux or complex series (`1/x`,
//!   `sqrt(x)`, `log(x - 1)`), [`Expr::taylor`] says there is no real Taylor series.

use std::f64::consts;
use std::fmt;
use std::str::FromStr;

/// The functions of one argument an expression may call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    Sin,
    Cos,
    Tan,
    Exp,
    Log,
    Sqrt,
    Sinh,
    Cosh,
    Tanh,
    Asin,
    Acos,
    Atan,
    Abs,
}

impl Function {
    const ALL: [Function; 13] = [
        Function::Sin,
        Function::Cos,
        Function::Tan,
        Function::Exp,
        Function::Log,
        Function::Sqrt,
        Function::Sinh,
        Function::Cosh,
        Function::Tanh,
        Function::Asin,
        Function::Acos,
        Function::Atan,
        Function::Abs,
    ];

    /// sympy's name, as printed.
    fn name(self) -> &'static str {
        match self {
            Function::Sin => "sin",
            Function::Cos => "cos",
            Function::Tan => "tan",
            Function::Exp => "exp",
            Function::Log => "log",
            Function::Sqrt => "sqrt",
            Function::Sinh => "sinh",
            Function::Cosh => "cosh",
            Function::Tanh => "tanh",
            Function::Asin => "asin",
            Function::Acos => "acos",
            Function::Atan => "atan",
            Function::Abs => "Abs",
        }
    }

    /// sympify also knows `ln` and Python's `abs`.
    fn from_name(name: &str) -> Option<Function> {
        match name {
            "ln" => Some(Function::Log),
            "abs" => Some(Function::Abs),
            _ => Function::ALL.into_iter().find(|f| f.name() == name),
        }
    }

    fn apply(self, v: f64) -> f64 {
        match self {
            Function::Sin => v.sin(),
            Function::Cos => v.cos(),
            Function::Tan => v.tan(),
            Function::Exp => v.exp(),
            Function::Log => v.ln(),
            Function::Sqrt => v.sqrt(),
            Function::Sinh => v.sinh(),
            Function::Cosh => v.cosh(),
            Function::Tanh => v.tanh(),
            Function::Asin => v.asin(),
            Function::Acos => v.acos(),
            Function::Atan => v.atan(),
            Function::Abs => v.abs(),
        }
    }
}

/// A parsed expression in x.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Number(f64),
    X,
    Pi,
    /// Euler's number; `E**u` is `exp(u)`, as in sympy.
    E,
    Neg(Box<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Sub(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Div(Box<Expr>, Box<Expr>),
    Pow(Box<Expr>, Box<Expr>),
    Call(Function, Box<Expr>),
}

/// Why a text is not an expression. Columns count characters from 1.
#[derive(Clone, Debug, PartialEq)]
pub enum ParseError {
    Empty,
    /// A character or token where it cannot be.
    Unexpected {
        found: String,
        column: usize,
    },
    /// Two operands side by side: sympify does not multiply implicitly (`2x`).
    MissingOperator {
        found: String,
        column: usize,
    },
    /// The text ends where an operand is needed.
    MissingOperand {
        column: usize,
    },
    MissingCloseParen {
        column: usize,
    },
    /// A function's name without its parenthesised argument.
    MissingOpenParen {
        function: String,
        column: usize,
    },
    UnknownName {
        name: String,
        column: usize,
    },
    UnknownFunction {
        name: String,
        column: usize,
    },
    WrongArity {
        function: String,
        arguments: usize,
        column: usize,
    },
    NumberTooLarge {
        number: String,
        column: usize,
    },
    /// Deeper than 200 levels: evaluating, printing and dropping recurse on a small stack.
    TooDeep {
        column: usize,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ParseError::Empty => write!(f, "the expression is empty"),
            ParseError::Unexpected { found, column } => {
                write!(f, "unexpected \"{found}\" at column {column}")
            }
            ParseError::MissingOperator { found, column } => {
                write!(f, "missing \"*\" before \"{found}\" at column {column}")
            }
            ParseError::MissingOperand { column } => write!(
                f,
                "incomplete expression: a number, x or \"(\" is expected at column {column}"
            ),
            ParseError::MissingCloseParen { column } => {
                write!(f, "missing \")\" at column {column}")
            }
            ParseError::MissingOpenParen { function, column } => write!(
                f,
                "{function} needs its argument in parentheses: missing \"(\" at column {column}"
            ),
            ParseError::UnknownName { name, column } => {
                write!(
                    f,
                    "unknown name \"{name}\" at column {column}: the expression is in x"
                )?;
                if name == "e" {
                    write!(f, ", and Euler's number is E")?;
                }
                Ok(())
            }
            ParseError::UnknownFunction { name, column } => {
                write!(f, "unknown function \"{name}\" at column {column}")
            }
            ParseError::WrongArity {
                function,
                arguments,
                column,
            } => write!(
                f,
                "{function} at column {column} takes one argument, not {arguments}"
            ),
            ParseError::NumberTooLarge { number, column } => {
                write!(f, "the number {number} at column {column} is too large")
            }
            ParseError::TooDeep { column } => write!(
                f,
                "the expression is too long or too deeply nested at column {column}"
            ),
        }
    }
}

impl std::error::Error for ParseError {}

/// Why an expression has no (real) Taylor series at x = 0.
#[derive(Clone, Debug, PartialEq)]
pub enum SeriesError {
    /// A pole, branch point or corner at 0 (`1/x`, `log(x)`, `sqrt(x)`, `Abs(x)`): sympy
    /// answers with a Laurent or Puiseux series, or none.
    NoTaylorSeries { expression: String },
    /// Complex near 0 (`log(x - 1)`): sympy's series would have complex coefficients.
    NotReal {
        expression: String,
        reason: &'static str,
    },
    /// A coefficient overflowed f64.
    Overflow { expression: String },
}

impl fmt::Display for SeriesError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            SeriesError::NoTaylorSeries { expression } => {
                write!(f, "{expression} has no Taylor series at x = 0")
            }
            SeriesError::NotReal { expression, reason } => {
                write!(f, "{expression} is not real at x = 0: {reason}")
            }
            SeriesError::Overflow { expression } => write!(
                f,
                "the Taylor coefficients of {expression} at x = 0 are too large"
            ),
        }
    }
}

impl std::error::Error for SeriesError {}

const LOG_OF_NEGATIVE: &str = "it takes the log of a negative number";
const ROOT_OF_NEGATIVE: &str = "it takes the square root of a negative number";
const FRACTIONAL_POWER_OF_NEGATIVE: &str = "it takes a fractional power of a negative number";
const VARIABLE_POWER_OF_NEGATIVE: &str = "it raises a negative number to a power in x";
const OUTSIDE_ARC_DOMAIN: &str = "asin and acos are real only between -1 and 1";

/// The deepest expression accepted, counting both the tree's depth (a long sum is a deep
/// tree) and the parser's nesting (parentheses).
const MAX_DEPTH: usize = 200;

impl Expr {
    /// The value at x; NaN where the expression is undefined and ±inf at poles, as numpy's.
    pub fn eval(&self, x: f64) -> f64 {
        match self {
            Expr::Number(v) => *v,
            Expr::X => x,
            Expr::Pi => consts::PI,
            Expr::E => consts::E,
            Expr::Neg(a) => -a.eval(x),
            Expr::Add(a, b) => a.eval(x) + b.eval(x),
            Expr::Sub(a, b) => a.eval(x) - b.eval(x),
            Expr::Mul(a, b) => a.eval(x) * b.eval(x),
            Expr::Div(a, b) => a.eval(x) / b.eval(x),
            Expr::Pow(a, b) if matches!(**a, Expr::E) => b.eval(x).exp(),
            Expr::Pow(a, b) => a.eval(x).powf(b.eval(x)),
            Expr::Call(function, a) => function.apply(a.eval(x)),
        }
    }

    /// The Taylor coefficients at x = 0 of x^0 .. x^(order - 1), as sympy's
    /// `series(x, n=order).removeO()` has them. Costs O(order²) per node.
    pub fn taylor(&self, order: usize) -> Result<Vec<f64>, SeriesError> {
        if order == 0 {
            return Ok(Vec::new());
        }
        self.series(order)
    }

    fn contains_x(&self) -> bool {
        match self {
            Expr::X => true,
            Expr::Number(_) | Expr::Pi | Expr::E => false,
            Expr::Neg(a) | Expr::Call(_, a) => a.contains_x(),
            Expr::Add(a, b)
            | Expr::Sub(a, b)
            | Expr::Mul(a, b)
            | Expr::Div(a, b)
            | Expr::Pow(a, b) => a.contains_x() || b.contains_x(),
        }
    }

    fn no_series(&self) -> SeriesError {
        SeriesError::NoTaylorSeries {
            expression: self.to_string(),
        }
    }

    fn not_real(&self, reason: &'static str) -> SeriesError {
        SeriesError::NotReal {
            expression: self.to_string(),
            reason,
        }
    }

    /// `n` ≥ 1 coefficients; every one finite, so that a non-finite one is first seen
    /// at the node that overflowed, and named by it.
    fn series(&self, n: usize) -> Result<Vec<f64>, SeriesError> {
        let w = match self {
            Expr::Number(v) => constant(*v, n),
            Expr::X => {
                let mut w = vec![0.0; n];
                if n > 1 {
                    w[1] = 1.0;
                }
                w
            }
            Expr::Pi => constant(consts::PI, n),
            Expr::E => constant(consts::E, n),
            Expr::Neg(a) => neg(a.series(n)?),
            Expr::Add(a, b) => zip(&a.series(n)?, &b.series(n)?, |p, q| p + q),
            Expr::Sub(a, b) => zip(&a.series(n)?, &b.series(n)?, |p, q| p - q),
            Expr::Mul(a, b) => mul(&a.series(n)?, &b.series(n)?),
            Expr::Div(a, b) => {
                let (p, q) = (a.series(n)?, b.series(n)?);
                if q[0] == 0.0 {
                    return Err(self.no_series());
                }
                div(&p, &q)
            }
            Expr::Pow(base, exponent) => self.power(base, exponent, n)?,
            Expr::Call(function, a) => self.call(*function, a.series(n)?)?,
        };
        if w.iter().all(|c| c.is_finite()) {
            Ok(w)
        } else {
            Err(SeriesError::Overflow {
                expression: self.to_string(),
            })
        }
    }

    /// `self` is `base**exponent`.
    fn power(&self, base: &Expr, exponent: &Expr, n: usize) -> Result<Vec<f64>, SeriesError> {
        if matches!(base, Expr::E) {
            return Ok(exp(&exponent.series(n)?));
        }
        let u = base.series(n)?;
        if !exponent.contains_x() {
            let a = exponent.series(n)?[0];
            return self.constant_power(&u, a);
        }
        let v = exponent.series(n)?;
        if u[0] == 0.0 {
            Err(self.no_series())
        } else if u[0] < 0.0 {
            Err(self.not_real(VARIABLE_POWER_OF_NEGATIVE))
        } else {
            Ok(exp(&mul(&v, &log(&u))))
        }
    }

    /// `self` is `u**a`.
    fn constant_power(&self, u: &[f64], a: f64) -> Result<Vec<f64>, SeriesError> {
        let n = u.len();
        let u0 = u[0];
        if a == 0.0 {
            // As sympy's x**0 and numpy's 0**0.
            return Ok(constant(1.0, n));
        }
        if a.fract() == 0.0 {
            // Integer powers by multiplication: the only way when u0 is 0.
            if u0 == 0.0 {
                if a < 0.0 {
                    return Err(self.no_series());
                }
                if a >= n as f64 {
                    return Ok(vec![0.0; n]);
                }
                return Ok(powu(u, a as u64));
            }
            // Exactly representable as u64 below 2^53; beyond, the recurrence.
            if a.abs() <= 9_007_199_254_740_992.0 {
                let k = a.abs() as u64;
                return Ok(if a > 0.0 {
                    powu(u, k)
                } else {
                    powu(&div(&constant(1.0, n), u), k)
                });
            }
            return Ok(real_power(u, a, u0.powf(a)));
        }
        if u0 == 0.0 {
            Err(self.no_series())
        } else if u0 < 0.0 {
            Err(self.not_real(FRACTIONAL_POWER_OF_NEGATIVE))
        } else {
            Ok(real_power(u, a, u0.powf(a)))
        }
    }

    /// `self` is `function(u)`.
    fn call(&self, function: Function, u: Vec<f64>) -> Result<Vec<f64>, SeriesError> {
        let u0 = u[0];
        Ok(match function {
            Function::Sin => sin_cos(&u, false).0,
            Function::Cos => sin_cos(&u, false).1,
            Function::Sinh => sin_cos(&u, true).0,
            Function::Cosh => sin_cos(&u, true).1,
            Function::Tan => tan(&u, false),
            Function::Tanh => tan(&u, true),
            Function::Exp => exp(&u),
            Function::Log => {
                if u0 == 0.0 {
                    return Err(self.no_series());
                }
                if u0 < 0.0 {
                    return Err(self.not_real(LOG_OF_NEGATIVE));
                }
                log(&u)
            }
            Function::Sqrt => {
                if u0 == 0.0 {
                    return Err(self.no_series());
                }
                if u0 < 0.0 {
                    return Err(self.not_real(ROOT_OF_NEGATIVE));
                }
                real_power(&u, 0.5, u0.sqrt())
            }
            Function::Asin | Function::Acos => {
                if u0.abs() == 1.0 {
                    return Err(self.no_series());
                }
                if u0.abs() > 1.0 {
                    return Err(self.not_real(OUTSIDE_ARC_DOMAIN));
                }
                // asin(u)' = u' / sqrt(1 - u²); acos = pi/2 - asin.
                let mut s = neg(mul(&u, &u));
                s[0] += 1.0;
                let r = real_power(&s, -0.5, 1.0 / s[0].sqrt());
                let d = derivative(&u);
                let mut w = integral(&mul(&d, &r[..d.len()]), u0.asin());
                if function == Function::Acos {
                    w = neg(w);
                    w[0] = u0.acos();
                }
                w
            }
            Function::Atan => {
                // atan(u)' = u' / (1 + u²).
                let mut s = mul(&u, &u);
                s[0] += 1.0;
                let d = derivative(&u);
                integral(&div(&d, &s[..d.len()]), u0.atan())
            }
            Function::Abs => {
                // Analytic only away from its corner: ±u.
                if u0 == 0.0 {
                    return Err(self.no_series());
                }
                if u0 < 0.0 {
                    neg(u)
                } else {
                    u
                }
            }
        })
    }
}

/// The Taylor polynomial with these coefficients at x (Horner).
pub fn polynomial(coefficients: &[f64], x: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |sum, c| sum * x + c)
}

// Truncated power series: all of one length n, the coefficients of x^0 .. x^(n-1).

fn constant(c: f64, n: usize) -> Vec<f64> {
    let mut w = vec![0.0; n];
    if n > 0 {
        w[0] = c;
    }
    w
}

fn neg(mut u: Vec<f64>) -> Vec<f64> {
    for c in &mut u {
        *c = -*c;
    }
    u
}

fn zip(u: &[f64], v: &[f64], op: impl Fn(f64, f64) -> f64) -> Vec<f64> {
    u.iter().zip(v).map(|(&p, &q)| op(p, q)).collect()
}

fn mul(u: &[f64], v: &[f64]) -> Vec<f64> {
    (0..u.len())
        .map(|k| (0..=k).map(|j| u[j] * v[k - j]).sum())
        .collect()
}

/// u / v, v[0] ≠ 0: from u = q v, q_k = (u_k - Σ_{j≥1} v_j q_{k-j}) / v_0.
fn div(u: &[f64], v: &[f64]) -> Vec<f64> {
    let mut q = vec![0.0; u.len()];
    for k in 0..u.len() {
        let sum: f64 = (1..=k).map(|j| v[j] * q[k - j]).sum();
        q[k] = (u[k] - sum) / v[0];
    }
    q
}

/// u^k by squaring.
fn powu(u: &[f64], mut k: u64) -> Vec<f64> {
    let mut result = constant(1.0, u.len());
    let mut square = u.to_vec();
    while k > 0 {
        if k & 1 == 1 {
            result = mul(&result, &square);
        }
        k >>= 1;
        if k > 0 {
            square = mul(&square, &square);
        }
    }
    result
}

/// w = u^a, u_0 ≠ 0, w_0 given: from u w' = a u' w,
/// k u_0 w_k = Σ_{j=1..k} (a j - (k - j)) u_j w_{k-j}.
fn real_power(u: &[f64], a: f64, w0: f64) -> Vec<f64> {
    let mut w = constant(w0, u.len());
    for k in 1..u.len() {
        let sum: f64 = (1..=k)
            .map(|j| (a * j as f64 - (k - j) as f64) * u[j] * w[k - j])
            .sum();
        w[k] = sum / (k as f64 * u[0]);
    }
    w
}

/// w = e^u: from w' = u' w, k w_k = Σ_{j=1..k} j u_j w_{k-j}.
fn exp(u: &[f64]) -> Vec<f64> {
    let mut w = constant(u[0].exp(), u.len());
    for k in 1..u.len() {
        let sum: f64 = (1..=k).map(|j| j as f64 * u[j] * w[k - j]).sum();
        w[k] = sum / k as f64;
    }
    w
}

/// w = log u, u_0 > 0: from u w' = u', u_0 w_k = u_k - Σ_{j=1..k-1} (k - j) u_j w_{k-j} / k.
fn log(u: &[f64]) -> Vec<f64> {
    let mut w = constant(u[0].ln(), u.len());
    for k in 1..u.len() {
        let sum: f64 = (1..k).map(|j| (k - j) as f64 * u[j] * w[k - j]).sum();
        w[k] = (u[k] - sum / k as f64) / u[0];
    }
    w
}

/// (sin u, cos u), or (sinh u, cosh u): s' = u' c, c' = ∓u' s.
fn sin_cos(u: &[f64], hyperbolic: bool) -> (Vec<f64>, Vec<f64>) {
    let (s0, c0) = if hyperbolic {
        (u[0].sinh(), u[0].cosh())
    } else {
        u[0].sin_cos()
    };
    let sign = if hyperbolic { 1.0 } else { -1.0 };
    let mut s = constant(s0, u.len());
    let mut c = constant(c0, u.len());
    for k in 1..u.len() {
        let (mut ds, mut dc) = (0.0, 0.0);
        for j in 1..=k {
            ds += j as f64 * u[j] * c[k - j];
            dc += j as f64 * u[j] * s[k - j];
        }
        s[k] = ds / k as f64;
        c[k] = sign * dc / k as f64;
    }
    (s, c)
}

/// tan u, or tanh u: w' = u' t with t = 1 ± w², whose t_{k-1} needs only w_0 .. w_{k-1}.
fn tan(u: &[f64], hyperbolic: bool) -> Vec<f64> {
    let n = u.len();
    let (w0, sign) = if hyperbolic {
        (u[0].tanh(), -1.0)
    } else {
        (u[0].tan(), 1.0)
    };
    let mut w = constant(w0, n);
    let mut t = vec![0.0; n];
    for k in 1..n {
        let m = k - 1;
        let square: f64 = (0..=m).map(|i| w[i] * w[m - i]).sum();
        t[m] = sign * square;
        if m == 0 {
            t[m] += 1.0;
        }
        let sum: f64 = (1..=k).map(|j| j as f64 * u[j] * t[k - j]).sum();
        w[k] = sum / k as f64;
    }
    w
}

/// u', one coefficient shorter.
fn derivative(u: &[f64]) -> Vec<f64> {
    (1..u.len()).map(|k| k as f64 * u[k]).collect()
}

/// c + ∫u, one coefficient longer.
fn integral(u: &[f64], c: f64) -> Vec<f64> {
    std::iter::once(c)
        .chain(u.iter().enumerate().map(|(k, &v)| v / (k + 1) as f64))
        .collect()
}

// Printing. Signs are pulled to the front of products (sympy's `-2*x`, not `2*-x`) and a
// negative right operand turns + into - and - into +; each is exact in floating point, so
// the printed text evaluates exactly as the expression does. Operators are
// left-associative, so a right operand of its own precedence keeps its parentheses
// (`x - (x - 1)`, and also `x + (x + 1)`, which rounds differently from `x + x + 1`).

const ADD: u8 = 1;
const MUL: u8 = 2;
const NEG: u8 = 3;
const POW: u8 = 4;
const ATOM: u8 = 5;

/// Whether the expression prints with a leading minus.
fn negative(e: &Expr) -> bool {
    match e {
        Expr::Number(v) => v.is_sign_negative(),
        Expr::Neg(a) => !negative(a),
        Expr::Mul(a, b) | Expr::Div(a, b) => negative(a) != negative(b),
        _ => false,
    }
}

/// The precedence of the expression printed without its sign.
fn unsigned_precedence(e: &Expr) -> u8 {
    match e {
        Expr::Neg(a) => unsigned_precedence(a),
        Expr::Add(..) | Expr::Sub(..) => ADD,
        Expr::Mul(..) | Expr::Div(..) => MUL,
        Expr::Pow(a, _) if !matches!(**a, Expr::E) => POW,
        _ => ATOM,
    }
}

/// The precedence of the expression as printed: `-2*x` is a product, `-x**2` a negation.
fn precedence(e: &Expr) -> u8 {
    match unsigned_precedence(e) {
        MUL => MUL,
        _ if negative(e) => NEG,
        p => p,
    }
}

fn write_number(f: &mut fmt::Formatter, v: f64) -> fmt::Result {
    // Python's repr, roughly: integers without ".0", exponents outside 1e-4 .. 1e16.
    if v.fract() == 0.0 && v < 1e16 {
        write!(f, "{v}")
    } else {
        write!(f, "{v:?}")
    }
}

fn write_signed(f: &mut fmt::Formatter, e: &Expr) -> fmt::Result {
    if negative(e) {
        f.write_str("-")?;
        write_operand(f, e, unsigned_precedence(e) <= ADD)
    } else {
        write_unsigned(f, e)
    }
}

fn write_operand(f: &mut fmt::Formatter, e: &Expr, parenthesised: bool) -> fmt::Result {
    if parenthesised {
        f.write_str("(")?;
        write_unsigned(f, e)?;
        f.write_str(")")
    } else {
        write_unsigned(f, e)
    }
}

fn write_parenthesised(f: &mut fmt::Formatter, e: &Expr, parenthesised: bool) -> fmt::Result {
    if parenthesised {
        f.write_str("(")?;
        write_signed(f, e)?;
        f.write_str(")")
    } else {
        write_signed(f, e)
    }
}

/// The expression without its leading minus, if any.
fn write_unsigned(f: &mut fmt::Formatter, e: &Expr) -> fmt::Result {
    match e {
        Expr::Number(v) => write_number(f, v.abs()),
        Expr::X => f.write_str("x"),
        Expr::Pi => f.write_str("pi"),
        Expr::E => f.write_str("E"),
        Expr::Neg(a) => write_unsigned(f, a),
        Expr::Add(a, b) | Expr::Sub(a, b) => {
            write_signed(f, a)?;
            let minus = matches!(e, Expr::Sub(..)) != negative(b);
            f.write_str(if minus { " - " } else { " + " })?;
            if negative(b) {
                write_operand(f, b, unsigned_precedence(b) <= ADD)
            } else {
                write_operand(f, b, precedence(b) <= ADD)
            }
        }
        Expr::Mul(a, b) | Expr::Div(a, b) => {
            write_operand(f, a, unsigned_precedence(a) < MUL)?;
            f.write_str(if matches!(e, Expr::Mul(..)) { "*" } else { "/" })?;
            write_operand(f, b, unsigned_precedence(b) <= MUL)
        }
        Expr::Pow(a, b) if matches!(**a, Expr::E) => {
            f.write_str("exp(")?;
            write_signed(f, b)?;
            f.write_str(")")
        }
        // Like sympy, parentheses around any power or negative number in a power.
        Expr::Pow(a, b) => {
            write_parenthesised(f, a, precedence(a) < ATOM)?;
            f.write_str("**")?;
            write_parenthesised(f, b, precedence(b) < ATOM)
        }
        Expr::Call(function, a) => {
            write!(f, "{}(", function.name())?;
            write_signed(f, a)?;
            f.write_str(")")
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write_signed(f, self)
    }
}

// Parsing: Python's grammar, which sympify uses, restricted to what an expression in x
// needs, with `^` as power (sympify's convert_xor).
//   sum     = product (("+" | "-") product)*
//   product = factor (("*" | "/") factor)*
//   factor  = ("+" | "-") factor | power
//   power   = primary [("**" | "^") factor]
//   primary = number | name | name "(" arguments ")" | "(" sum ")"

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Number(f64),
    Name(String),
    Plus,
    Minus,
    Star,
    Slash,
    Power,
    LParen,
    RParen,
    Comma,
    Other,
    End,
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    text: String,
    column: usize,
}

fn tokenize(s: &str) -> Vec<Token> {
    let chars: Vec<char> = s.chars().collect();
    let digits = |mut i: usize| {
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_ascii_digit()
            || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            i = digits(i);
            if chars.get(i) == Some(&'.') {
                i = digits(i + 1);
            }
            if matches!(chars.get(i), Some('e' | 'E')) {
                let mut j = i + 1;
                if matches!(chars.get(j), Some('+' | '-')) {
                    j += 1;
                }
                // `2e` is 2 then the name e, which the parser reports.
                if chars.get(j).is_some_and(char::is_ascii_digit) {
                    i = digits(j);
                }
            }
            let text: String = chars[start..i].iter().collect();
            Kind::Number(text.parse().unwrap_or(f64::NAN))
        } else if c.is_ascii_alphabetic() || c == '_' {
            while chars
                .get(i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
            {
                i += 1;
            }
            Kind::Name(chars[start..i].iter().collect())
        } else {
            i += 1;
            match c {
                '+' => Kind::Plus,
                '-' => Kind::Minus,
                '*' if chars.get(i) == Some(&'*') => {
                    i += 1;
                    Kind::Power
                }
                '*' => Kind::Star,
                '/' => Kind::Slash,
                '^' => Kind::Power,
                '(' => Kind::LParen,
                ')' => Kind::RParen,
                ',' => Kind::Comma,
                _ => Kind::Other,
            }
        };
        tokens.push(Token {
            kind,
            text: chars[start..i].iter().collect(),
            column: start + 1,
        });
    }
    tokens.push(Token {
        kind: Kind::End,
        text: String::new(),
        column: chars.len() + 1,
    });
    tokens
}

/// An expression and its depth.
type Parsed = (Expr, usize);

struct Parser {
    tokens: Vec<Token>,
    position: usize,
    nesting: usize,
}

impl Parser {
    fn peek(&self) -> &Token {
        &self.tokens[self.position]
    }

    fn next(&mut self) -> Token {
        let token = self.tokens[self.position].clone();
        if token.kind != Kind::End {
            self.position += 1;
        }
        token
    }

    /// The token after a complete operand that neither continues nor closes it.
    fn stray(&self) -> ParseError {
        let token = self.peek();
        let (found, column) = (token.text.clone(), token.column);
        match token.kind {
            Kind::Name(_) | Kind::LParen => ParseError::MissingOperator { found, column },
            Kind::End => ParseError::MissingOperand { column },
            _ => ParseError::Unexpected { found, column },
        }
    }

    fn sum(&mut self) -> Result<Parsed, ParseError> {
        let mut left = self.product()?;
        loop {
            let operator: fn(Box<Expr>, Box<Expr>) -> Expr = match self.peek().kind {
                Kind::Plus => Expr::Add,
                Kind::Minus => Expr::Sub,
                _ => return Ok(left),
            };
            let column = self.next().column;
            let right = self.product()?;
            left = binary(operator, left, right, column)?;
        }
    }

    fn product(&mut self) -> Result<Parsed, ParseError> {
        let mut left = self.factor()?;
        loop {
            let operator: fn(Box<Expr>, Box<Expr>) -> Expr = match self.peek().kind {
                Kind::Star => Expr::Mul,
                Kind::Slash => Expr::Div,
                _ => return Ok(left),
            };
            let column = self.next().column;
            let right = self.factor()?;
            left = binary(operator, left, right, column)?;
        }
    }

    /// Every recursion passes here, so this bounds the parser's stack.
    fn factor(&mut self) -> Result<Parsed, ParseError> {
        let column = self.peek().column;
        self.nesting += 1;
        let parsed = if self.nesting > MAX_DEPTH {
            Err(ParseError::TooDeep { column })
        } else {
            match self.peek().kind {
                Kind::Minus => {
                    self.next();
                    self.factor()
                        .and_then(|(a, depth)| deeper(Expr::Neg(Box::new(a)), depth, column))
                }
                Kind::Plus => {
                    self.next();
                    self.factor()
                }
                _ => self.power(),
            }
        };
        self.nesting -= 1;
        parsed
    }

    fn power(&mut self) -> Result<Parsed, ParseError> {
        let base = self.primary()?;
        if self.peek().kind != Kind::Power {
            return Ok(base);
        }
        let column = self.next().column;
        let exponent = self.factor()?;
        binary(Expr::Pow, base, exponent, column)
    }

    fn primary(&mut self) -> Result<Parsed, ParseError> {
        let token = self.next();
        let column = token.column;
        match token.kind {
            Kind::Number(v) if v.is_finite() => Ok((Expr::Number(v), 1)),
            Kind::Number(_) => Err(ParseError::NumberTooLarge {
                number: token.text,
                column,
            }),
            Kind::Name(name) => self.name(name, column),
            Kind::LParen => {
                let inner = self.sum()?;
                match self.peek().kind {
                    Kind::RParen => {
                        self.next();
                        Ok(inner)
                    }
                    Kind::End => Err(ParseError::MissingCloseParen {
                        column: self.peek().column,
                    }),
                    _ => Err(self.stray()),
                }
            }
            Kind::End => Err(ParseError::MissingOperand { column }),
            _ => Err(ParseError::Unexpected {
                found: token.text,
                column,
            }),
        }
    }

    fn name(&mut self, name: String, column: usize) -> Result<Parsed, ParseError> {
        // `x(2)` and `pi(2)` are left to the caller: a missing "*".
        match name.as_str() {
            "x" => return Ok((Expr::X, 1)),
            "pi" => return Ok((Expr::Pi, 1)),
            "E" => return Ok((Expr::E, 1)),
            _ => {}
        }
        let called = self.peek().kind == Kind::LParen;
        let Some(function) = Function::from_name(&name) else {
            return Err(if called {
                ParseError::UnknownFunction { name, column }
            } else {
                ParseError::UnknownName { name, column }
            });
        };
        if !called {
            return Err(ParseError::MissingOpenParen {
                function: name,
                column: self.peek().column,
            });
        }
        self.next();
        let mut arguments = Vec::new();
        if self.peek().kind == Kind::RParen {
            self.next();
        } else {
            loop {
                arguments.push(self.sum()?);
                match self.peek().kind {
                    Kind::Comma => {
                        self.next();
                    }
                    Kind::RParen => {
                        self.next();
                        break;
                    }
                    Kind::End => {
                        return Err(ParseError::MissingCloseParen {
                            column: self.peek().column,
                        })
                    }
                    _ => return Err(self.stray()),
                }
            }
        }
        if arguments.len() != 1 {
            return Err(ParseError::WrongArity {
                function: name,
                arguments: arguments.len(),
                column,
            });
        }
        let (argument, depth) = arguments.remove(0);
        deeper(Expr::Call(function, Box::new(argument)), depth, column)
    }
}

fn deeper(e: Expr, depth: usize, column: usize) -> Result<Parsed, ParseError> {
    if depth >= MAX_DEPTH {
        Err(ParseError::TooDeep { column })
    } else {
        Ok((e, depth + 1))
    }
}

fn binary(
    operator: fn(Box<Expr>, Box<Expr>) -> Expr,
    (a, a_depth): Parsed,
    (b, b_depth): Parsed,
    column: usize,
) -> Result<Parsed, ParseError> {
    deeper(
        operator(Box::new(a), Box::new(b)),
        a_depth.max(b_depth),
        column,
    )
}

impl FromStr for Expr {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Expr, ParseError> {
        let mut parser = Parser {
            tokens: tokenize(s),
            position: 0,
            nesting: 0,
        };
        if parser.peek().kind == Kind::End {
            return Err(ParseError::Empty);
        }
        let (e, _) = parser.sum()?;
        match parser.peek().kind {
            Kind::End => Ok(e),
            _ => Err(parser.stray()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Expr {
        s.parse()
            .unwrap_or_else(|e| panic!("{s:?} does not parse: {e}"))
    }

    fn factorial(k: usize) -> f64 {
        (1..=k).map(|i| i as f64).product()
    }

    fn assert_series(s: &str, expected: &[f64]) {
        let got = parse(s).taylor(expected.len()).unwrap();
        assert_eq!(got.len(), expected.len());
        for (k, (g, e)) in got.iter().zip(expected).enumerate() {
            assert!(
                (g - e).abs() < 1e-12,
                "{s}: coefficient of x^{k} is {g}, expected {e}\n{got:?}"
            );
        }
    }

    fn series_error(s: &str) -> (SeriesError, String) {
        let error = parse(s).taylor(6).unwrap_err();
        let message = error.to_string();
        (error, message)
    }

    #[test]
    fn parse_errors_say_what_and_where() {
        let found = |s: &str| s.to_string();
        let cases = [
            (
                "2x",
                ParseError::MissingOperator {
                    found: found("x"),
                    column: 2,
                },
                r#"missing "*" before "x" at column 2"#,
            ),
            (
                "sin(",
                ParseError::MissingOperand { column: 5 },
                r#"incomplete expression: a number, x or "(" is expected at column 5"#,
            ),
            (
                "y",
                ParseError::UnknownName {
                    name: found("y"),
                    column: 1,
                },
                r#"unknown name "y" at column 1: the expression is in x"#,
            ),
            (
                "e**x",
                ParseError::UnknownName {
                    name: found("e"),
                    column: 1,
                },
                r#"unknown name "e" at column 1: the expression is in x, and Euler's number is E"#,
            ),
            (
                "1 + foo(x)",
                ParseError::UnknownFunction {
                    name: found("foo"),
                    column: 5,
                },
                r#"unknown function "foo" at column 5"#,
            ),
            (
                "1 +",
                ParseError::MissingOperand { column: 4 },
                r#"incomplete expression: a number, x or "(" is expected at column 4"#,
            ),
            (
                ")",
                ParseError::Unexpected {
                    found: found(")"),
                    column: 1,
                },
                r#"unexpected ")" at column 1"#,
            ),
            (
                "sin(x))",
                ParseError::Unexpected {
                    found: found(")"),
                    column: 7,
                },
                r#"unexpected ")" at column 7"#,
            ),
            ("", ParseError::Empty, "the expression is empty"),
            (" \t ", ParseError::Empty, "the expression is empty"),
            (
                "(x + 1",
                ParseError::MissingCloseParen { column: 7 },
                r#"missing ")" at column 7"#,
            ),
            (
                "exp(x",
                ParseError::MissingCloseParen { column: 6 },
                r#"missing ")" at column 6"#,
            ),
            (
                "x + sin(x, 2)",
                ParseError::WrongArity {
                    function: found("sin"),
                    arguments: 2,
                    column: 5,
                },
                "sin at column 5 takes one argument, not 2",
            ),
            (
                "cos()",
                ParseError::WrongArity {
                    function: found("cos"),
                    arguments: 0,
                    column: 1,
                },
                "cos at column 1 takes one argument, not 0",
            ),
            (
                "sin x",
                ParseError::MissingOpenParen {
                    function: found("sin"),
                    column: 5,
                },
                r#"sin needs its argument in parentheses: missing "(" at column 5"#,
            ),
            (
                "2 $ x",
                ParseError::Unexpected {
                    found: found("$"),
                    column: 3,
                },
                r#"unexpected "$" at column 3"#,
            ),
            (
                "x // 2",
                ParseError::Unexpected {
                    found: found("/"),
                    column: 4,
                },
                r#"unexpected "/" at column 4"#,
            ),
            (
                "x * * 2",
                ParseError::Unexpected {
                    found: found("*"),
                    column: 5,
                },
                r#"unexpected "*" at column 5"#,
            ),
            (
                "x 2",
                ParseError::Unexpected {
                    found: found("2"),
                    column: 3,
                },
                r#"unexpected "2" at column 3"#,
            ),
            (
                "(x + 1)(x - 1)",
                ParseError::MissingOperator {
                    found: found("("),
                    column: 8,
                },
                r#"missing "*" before "(" at column 8"#,
            ),
            (
                "x(2)",
                ParseError::MissingOperator {
                    found: found("("),
                    column: 2,
                },
                r#"missing "*" before "(" at column 2"#,
            ),
            (
                "2 pi",
                ParseError::MissingOperator {
                    found: found("pi"),
                    column: 3,
                },
                r#"missing "*" before "pi" at column 3"#,
            ),
            (
                "oo",
                ParseError::UnknownName {
                    name: found("oo"),
                    column: 1,
                },
                r#"unknown name "oo" at column 1: the expression is in x"#,
            ),
            (
                "1e999 * x",
                ParseError::NumberTooLarge {
                    number: found("1e999"),
                    column: 1,
                },
                "the number 1e999 at column 1 is too large",
            ),
            (
                "(x, 1)",
                ParseError::Unexpected {
                    found: found(","),
                    column: 3,
                },
                r#"unexpected "," at column 3"#,
            ),
            // Columns count characters, not bytes (no-break spaces are two bytes each).
            (
                "x\u{a0}\u{a0}y",
                ParseError::MissingOperator {
                    found: found("y"),
                    column: 4,
                },
                r#"missing "*" before "y" at column 4"#,
            ),
            (
                "x + é",
                ParseError::Unexpected {
                    found: found("é"),
                    column: 5,
                },
                r#"unexpected "é" at column 5"#,
            ),
        ];
        for (input, error, message) in cases {
            let got = input.parse::<Expr>().unwrap_err();
            assert_eq!(got, error, "{input:?}");
            assert_eq!(got.to_string(), message, "{input:?}");
        }
    }

    #[test]
    fn depth_is_bounded() {
        let nested = |n: usize| format!("{}x{}", "(".repeat(n), ")".repeat(n));
        assert_eq!(parse(&nested(150)), Expr::X);
        assert!(matches!(
            nested(100_000).parse::<Expr>(),
            Err(ParseError::TooDeep { .. })
        ));
        let sum = |n: usize| format!("x{}", " + x".repeat(n));
        assert_eq!(parse(&sum(150)).eval(1.0), 151.0);
        assert!(matches!(
            sum(100_000).parse::<Expr>(),
            Err(ParseError::TooDeep { .. })
        ));
        let calls = |n: usize| format!("{}x{}", "sin(".repeat(n), ")".repeat(n));
        parse(&calls(150));
        assert!(matches!(
            calls(1000).parse::<Expr>(),
            Err(ParseError::TooDeep { .. })
        ));
        let message = format!("{}x", "-".repeat(1000))
            .parse::<Expr>()
            .unwrap_err();
        assert_eq!(
            message.to_string(),
            "the expression is too long or too deeply nested at column 201"
        );
    }

    #[test]
    fn prints_as_sympy_does() {
        for (input, printed) in [
            ("exp(-x)*sin(x)", "exp(-x)*sin(x)"),
            ("x**2+1", "x**2 + 1"),
            ("2*x - 3", "2*x - 3"),
            ("x/(x+1)", "x/(x + 1)"),
            ("-x**2", "-x**2"),
            ("sin(x)**2", "sin(x)**2"),
            ("(x + 1)**2", "(x + 1)**2"),
            ("pi*x", "pi*x"),
            ("E**x", "exp(x)"),
            ("E^(x + 1)", "exp(x + 1)"),
            ("x^2", "x**2"),
            ("x + -x", "x - x"),
            ("x - -1", "x + 1"),
            ("x - -(x + 1)", "x + (x + 1)"),
            ("2*-x", "-2*x"),
            ("-2*-x", "2*x"),
            ("x*-(x + 1)", "-x*(x + 1)"),
            ("1/-x", "-1/x"),
            ("--x", "x"),
            ("+x", "x"),
            ("-(x + 1)", "-(x + 1)"),
            ("-(2*x)", "-2*x"),
            ("(-x)**2", "(-x)**2"),
            ("(-2)**x", "(-2)**x"),
            ("(-2*x)**2", "(-2*x)**2"),
            ("x**-2", "x**(-2)"),
            ("2**-x", "2**(-x)"),
            ("x**2**3", "x**(2**3)"),
            ("(x**2)**3", "(x**2)**3"),
            ("x**exp(x)", "x**exp(x)"),
            ("x - (x - 1)", "x - (x - 1)"),
            ("(x - 1) - x", "x - 1 - x"),
            ("x/(2*x)", "x/(2*x)"),
            ("x*(2/x)", "x*(2/x)"),
            ("x/2/3", "x/2/3"),
            ("abs(x)", "Abs(x)"),
            ("ln(x)", "log(x)"),
            ("((x))", "x"),
            ("2.50", "2.5"),
            ("2.0", "2"),
            (".5", "0.5"),
            ("5.", "5"),
            ("1e-3", "0.001"),
            ("2.5E+4", "25000"),
            ("1e-7", "1e-7"),
            ("1e20", "1e20"),
            ("-1 + x", "-1 + x"),
        ] {
            assert_eq!(parse(input).to_string(), printed, "{input:?}");
        }
    }

    #[test]
    fn printed_expressions_read_back_the_same() {
        let xs = [-7.0, -2.5, -1.0, -0.3, 0.0, 0.05, 0.7, 1.0, 2.0, 3.5, 6.2];
        for input in [
            "exp(-x)*sin(x)",
            "x**2 + 1 - 3*x",
            "x/(x + 1)/(x - 2)",
            "-x**2 + -x",
            "x - -x*2 - -(x + 1)",
            "2*-x*-x/-3",
            "1 + (x + (x + 1))",
            "x*(x*(x*0.1))",
            "x/(2/3) - x/2/3",
            "(x + 1)**2 - (x - 1)**-2",
            "2**3**x - 2**-x**2",
            "(-2)**x + (-x)**3 + -x**3",
            "E**x - E**-x + E**(x**2)",
            "pi*x/E",
            "sqrt(x**2 + 1) - abs(x)",
            "tan(x)/(1 + cos(x))",
            "atan(x)^2 - asin(x/7)*acos(x/7)",
            "sinh(x)*cosh(x) - tanh(x)",
            "ln(x) + log(-x)",
            "1e-7*x + 2.5E+4 + .5 - 1e20",
            "-(x - 1)*-(x + 1)",
            "x**0.5 + x**(1/3)",
            "exp(-(x - 1)**2/2)/sqrt(2*pi)",
            "-(-(-x))",
            "x - (1 + x) + (x - 1)",
        ] {
            let e = parse(input);
            let printed = e.to_string();
            let again = parse(&printed);
            assert_eq!(again.to_string(), printed, "{input:?}");
            for x in xs {
                let (a, b) = (e.eval(x), again.eval(x));
                assert!(
                    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                    "{input:?} printed {printed:?}: at {x} {a} != {b}"
                );
            }
        }
    }

    #[test]
    fn evaluates_as_f64_maths() {
        type Direct = fn(f64) -> f64;
        let cases: [(&str, Direct); 14] = [
            ("exp(-x)*sin(x)", |x| (-x).exp() * x.sin()),
            ("x**2 + 1", |x| x.powf(2.0) + 1.0),
            ("-x**2", |x| -x.powf(2.0)),
            ("2**3**2 + x", |x| 512.0 + x),
            ("-2**2*x", |x| -4.0 * x),
            ("(-2)**2*x", |x| 4.0 * x),
            ("2**-1 - x", |x| 0.5 - x),
            ("x/(x + 1) - 3", |x| x / (x + 1.0) - 3.0),
            ("pi*x^3", |x| std::f64::consts::PI * x.powf(3.0)),
            ("E**x + E", |x| x.exp() + std::f64::consts::E),
            ("ln(x) + sqrt(x)", |x| x.ln() + x.sqrt()),
            ("asin(x/4) - acos(x/4) + atan(x)", |x| {
                (x / 4.0).asin() - (x / 4.0).acos() + x.atan()
            }),
            ("tan(x) - sinh(x)*cosh(x)/tanh(x)", |x| {
                x.tan() - x.sinh() * x.cosh() / x.tanh()
            }),
            ("abs(x - 1)/x", |x| (x - 1.0).abs() / x),
        ];
        for (input, direct) in cases {
            let e = parse(input);
            for x in [-3.0, -1.0, -0.25, 0.0, 0.5, 1.0, 2.0, 5.0] {
                let (got, expected) = (e.eval(x), direct(x));
                assert!(
                    got == expected
                        || (got.is_nan() && expected.is_nan())
                        || (got - expected).abs() <= 1e-14 * expected.abs(),
                    "{input} at {x}: {got} != {expected}"
                );
            }
        }
        // As numpy's: NaN where undefined, infinite at poles.
        assert!(parse("log(x)").eval(-1.0).is_nan());
        assert_eq!(parse("log(x)").eval(0.0), f64::NEG_INFINITY);
        assert_eq!(parse("1/x").eval(0.0), f64::INFINITY);
        assert!(parse("asin(x)").eval(2.0).is_nan());
        assert!(parse("x**0.5").eval(-4.0).is_nan());
    }

    #[test]
    fn taylor_of_exp_and_its_products() {
        let exp: Vec<f64> = (0..15).map(|k| 1.0 / factorial(k)).collect();
        assert_series("exp(x)", &exp);
        assert_series("E**x", &exp);
        // exp(-x) sin(x) = Im e^((-1+i)x): coefficient k is Im((-1+i)^k)/k!.
        let mut power = (1.0, 0.0);
        let mut expected = Vec::new();
        for k in 0..8 {
            expected.push(power.1 / factorial(k));
            power = (-power.0 - power.1, power.0 - power.1);
        }
        assert_eq!(
            &expected[..7],
            &[0.0, 1.0, -1.0, 1.0 / 3.0, 0.0, -1.0 / 30.0, 1.0 / 90.0]
        );
        assert_series("exp(-x)*sin(x)", &expected);
        // Like sympy's series(n=1): the constant term only; order 0 is nothing at all.
        assert_eq!(parse("exp(-x)*sin(x)").taylor(1), Ok(vec![0.0]));
        assert_eq!(parse("exp(-x)*sin(x)").taylor(0), Ok(vec![]));
        assert_eq!(parse("log(x)").taylor(0), Ok(vec![]));
        let ln2 = 2f64.ln();
        let two_x: Vec<f64> = (0..12).map(|k| ln2.powi(k as i32) / factorial(k)).collect();
        assert_series("2**x", &two_x);
    }

    #[test]
    fn taylor_of_trigonometric_and_hyperbolic_functions() {
        let alternate = |k: usize| if (k / 2).is_multiple_of(2) { 1.0 } else { -1.0 };
        let sin: Vec<f64> = (0..14)
            .map(|k| {
                if k % 2 == 1 {
                    alternate(k) / factorial(k)
                } else {
                    0.0
                }
            })
            .collect();
        let cos: Vec<f64> = (0..14)
            .map(|k| {
                if k % 2 == 0 {
                    alternate(k) / factorial(k)
                } else {
                    0.0
                }
            })
            .collect();
        let sinh: Vec<f64> = (0..14)
            .map(|k| if k % 2 == 1 { 1.0 / factorial(k) } else { 0.0 })
            .collect();
        let cosh: Vec<f64> = (0..14)
            .map(|k| if k % 2 == 0 { 1.0 / factorial(k) } else { 0.0 })
            .collect();
        assert_series("sin(x)", &sin);
        assert_series("cos(x)", &cos);
        assert_series("sinh(x)", &sinh);
        assert_series("cosh(x)", &cosh);
        assert_series(
            "tan(x)",
            &[
                0.0,
                1.0,
                0.0,
                1.0 / 3.0,
                0.0,
                2.0 / 15.0,
                0.0,
                17.0 / 315.0,
                0.0,
            ],
        );
        assert_series(
            "tanh(x)",
            &[
                0.0,
                1.0,
                0.0,
                -1.0 / 3.0,
                0.0,
                2.0 / 15.0,
                0.0,
                -17.0 / 315.0,
                0.0,
            ],
        );
        assert_series(
            "sin(x)**2 + cos(x)**2",
            &[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        );
        let asin = [
            0.0,
            1.0,
            0.0,
            1.0 / 6.0,
            0.0,
            3.0 / 40.0,
            0.0,
            5.0 / 112.0,
            0.0,
        ];
        assert_series("asin(x)", &asin);
        let half_pi = std::f64::consts::FRAC_PI_2;
        let acos: Vec<f64> = asin
            .iter()
            .enumerate()
            .map(|(k, c)| if k == 0 { half_pi } else { -c })
            .collect();
        assert_series("acos(x)", &acos);
        let atan: Vec<f64> = (0..12)
            .map(|k| {
                if k % 2 == 1 {
                    alternate(k) / k as f64
                } else {
                    0.0
                }
            })
            .collect();
        assert_series("atan(x)", &atan);
    }

    #[test]
    fn taylor_of_logs_roots_and_powers() {
        let log: Vec<f64> = (0..12)
            .map(|k| match k {
                0 => 0.0,
                _ => (if k % 2 == 1 { 1.0 } else { -1.0 }) / k as f64,
            })
            .collect();
        assert_series("log(1 + x)", &log);
        let sqrt = [1.0, 0.5, -1.0 / 8.0, 1.0 / 16.0, -5.0 / 128.0, 7.0 / 256.0];
        assert_series("sqrt(1 + x)", &sqrt);
        assert_series("(1 + x)**0.5", &sqrt);
        assert_series("(1 + x)**(1/2)", &sqrt);
        assert_series("1/(1 - x)", &[1.0; 12]);
        assert_series("(1 + x)**-2", &[1.0, -2.0, 3.0, -4.0, 5.0, -6.0]);
        assert_series("x**3", &[0.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
        assert_series("x**3.0", &[0.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
        assert_series("x**7", &[0.0; 5]);
        assert_series("x**0", &[1.0, 0.0, 0.0]);
        assert_series("(2 + x)**3", &[8.0, 12.0, 6.0, 1.0, 0.0, 0.0]);
        assert_series("(x - 2)**3", &[-8.0, 12.0, -6.0, 1.0, 0.0, 0.0]);
        assert_series("(2*x - 1)**-1", &[-1.0, -2.0, -4.0, -8.0, -16.0]);
        assert_series("Abs(x - 1)", &[1.0, -1.0, 0.0, 0.0]);
        assert_series("abs(x + 1)", &[1.0, 1.0, 0.0, 0.0]);
        // (1 + x)^x = exp(x log(1 + x)) = 1 + x² - x³/2 + 5x⁴/6 (sympy).
        assert_series("(1 + x)**x", &[1.0, 0.0, 1.0, -0.5, 5.0 / 6.0]);
    }

    #[test]
    fn taylor_polynomials_approach_the_function() {
        for input in [
            "exp(-x)*sin(x)",
            "tan(x) + tanh(x)",
            "1/(1 - x) + log(1 + x)",
            "sqrt(1 + x)*atan(x) - asin(x)",
            "cos(x)**2 + sin(x)**3",
            "exp(sin(x)) - acos(x/2)",
            "x**3 - 2*x + 1",
            "2**x + (2 + x)**x",
            "cosh(x)/sinh(x + 1)",
            "log(2 + x**2)/(3 - x)",
            "Abs(x - 3)*E**(-x**2)",
            "(1 + x)**-1.5 + (3 - x)**(1/3)",
        ] {
            let e = parse(input);
            let coefficients = e.taylor(12).unwrap();
            let (got, expected) = (polynomial(&coefficients, 0.05), e.eval(0.05));
            assert!(
                (got - expected).abs() < 1e-10,
                "{input}: the polynomial gives {got}, the function {expected}"
            );
            assert_eq!(coefficients[0], polynomial(&coefficients, 0.0));
        }
    }

    #[test]
    fn polynomial_is_horner() {
        assert_eq!(polynomial(&[1.0, 2.0, 3.0], 2.0), 17.0);
        assert_eq!(polynomial(&[], 2.0), 0.0);
    }

    #[test]
    fn no_taylor_series_is_an_error_that_says_why() {
        for (input, expression) in [
            ("log(x)", "log(x)"),
            ("1/x", "1/x"),
            ("sqrt(x)", "sqrt(x)"),
            ("x**0.5", "x**0.5"),
            ("abs(x)", "Abs(x)"),
            ("x**-1", "x**(-1)"),
            ("x**x", "x**x"),
            ("asin(x + 1)", "asin(x + 1)"),
            ("1/sin(x)", "1/sin(x)"),
            // The innermost culprit is named.
            ("sin(2 + log(x))", "log(x)"),
        ] {
            let (error, message) = series_error(input);
            assert_eq!(
                error,
                SeriesError::NoTaylorSeries {
                    expression: expression.to_string()
                },
                "{input}"
            );
            assert_eq!(
                message,
                format!("{expression} has no Taylor series at x = 0")
            );
        }
        for (input, reason) in [
            ("log(-1 + x)", LOG_OF_NEGATIVE),
            ("sqrt(x - 1)", ROOT_OF_NEGATIVE),
            ("(x - 1)**0.5", FRACTIONAL_POWER_OF_NEGATIVE),
            ("(-2)**x", VARIABLE_POWER_OF_NEGATIVE),
            ("acos(x + 2)", OUTSIDE_ARC_DOMAIN),
        ] {
            let (error, message) = series_error(input);
            let expression = parse(input).to_string();
            assert_eq!(
                error,
                SeriesError::NotReal {
                    expression: expression.clone(),
                    reason
                },
                "{input}"
            );
            assert_eq!(
                message,
                format!("{expression} is not real at x = 0: {reason}")
            );
        }
        assert_eq!(
            series_error("log(-1 + x)").1,
            "log(-1 + x) is not real at x = 0: it takes the log of a negative number"
        );
        assert_eq!(
            series_error("sin(x) + exp(exp(10))").1,
            "the Taylor coefficients of exp(exp(10)) at x = 0 are too large"
        );
        // Only the divisor's constant term matters.
        assert!(parse("x/(x + 1)").taylor(6).is_ok());
        assert!(parse("sin(x)/x").taylor(6).is_err());
    }
}
