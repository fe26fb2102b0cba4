//! Bokeh's "server_auth" demo: the sliders app behind a login, with a "logout" button
//! that goes to the session's logout URL. Served, [`ToyAuth`] guards it: a `user`
//! cookie, set by a login form that takes bokeh / bokeh, cleared at `/logout`. In a page
//! no server served there is nobody to log out: the button is disabled.
//!
//! As Bokeh's example says of its own: a toy that shows how the hooks fit together, not
//! a way to guard anything real (no password store, the cookie is not signed).

use rokeh::core::Dict;
use rokeh::document::{Document, DocumentError, EventKind};
use rokeh::models::{column, row, Arg, Button, CustomJS};

use crate::sliders::{sine_explorer, SINE_POINTS};

/// The example's figure's tools.
const TOOLS: &str = "crosshair,pan,reset,save,wheel_zoom";

pub fn server_auth(doc: &mut Document) -> Result<(), DocumentError> {
    let explorer = sine_explorer(doc, SINE_POINTS, "my sine wave", TOOLS);
    let logout_url = doc.session_context().logout_url().map(str::to_owned);
    let logout = doc.add(Button {
        label: "logout".into(),
        disabled: logout_url.is_none(),
        ..Button::default()
    });
    if let Some(url) = logout_url {
        // The URL goes in as an argument, not into the code: it is text, whatever it holds.
        let go = doc.add(CustomJS {
            args: Dict(vec![("url".into(), Arg::Value(url.into()))]),
            code: "window.location.href = url".into(),
        });
        doc.js_on_event(logout, EventKind::ButtonClick, go)?;
    }
    let mut inputs = explorer.inputs;
    inputs.push(logout.any());
    let inputs = column(doc, inputs);
    let layout = row(doc, [inputs.any(), explorer.plot.any()]);
    doc.add_root(layout);
    doc.set_title("Sliders");
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
pub use toy::ToyAuth;

/// The example's `auth.py`: natively only, where `rokeh serve` runs.
#[cfg(not(target_arch = "wasm32"))]
mod toy {
    use rokeh::server::auth::{Auth, AuthHandler, Request, Response};

    /// Where the login form is, and logging out.
    const LOGIN: &str = "/login";
    const LOGOUT: &str = "/logout";
    /// Where a login goes when it was not sent from a page of this server.
    const HOME: &str = "/server_auth";
    const COOKIE: &str = "user";

    /// The example's toy auth: the user is the `user` cookie.
    pub struct ToyAuth;

    impl Auth for ToyAuth {
        fn user(&self, request: &Request) -> Option<String> {
            request
                .cookie(COOKIE)
                .filter(|u| !u.is_empty())
                .map(str::to_owned)
        }

        fn login_url(&self, _: &Request) -> String {
            LOGIN.into()
        }

        fn logout_url(&self) -> Option<String> {
            Some(LOGOUT.into())
        }

        fn login_handler(&self) -> Option<AuthHandler> {
            Some(AuthHandler::new(LOGIN, login))
        }

        fn logout_handler(&self) -> Option<AuthHandler> {
            Some(AuthHandler::new(LOGOUT, |_| {
                Response::redirect(HOME).clearing_cookie(COOKIE)
            }))
        }
    }

    /// `GET`: the form (with the error a failed login came back with). `POST`: bokeh /
    /// bokeh sets the cookie and goes where the visitor was going; anything else comes
    /// back to the form with "Login incorrect".
    fn login(request: &Request) -> Response {
        let next = local(request.query_value("next").or(request.form_value("next")));
        if request.method() != "POST" {
            let error = request.query_value("error").unwrap_or_default();
            return Response::html(login_page(error, next));
        }
        let (user, password) = (
            request.form_value("username").unwrap_or_default(),
            request.form_value("password").unwrap_or_default(),
        );
        if user == "bokeh" && password == "bokeh" {
            Response::redirect(next).with_cookie(COOKIE, user)
        } else {
            Response::redirect(format!(
                "{LOGIN}?error=Login+incorrect&next={}",
                form_encode(next)
            ))
        }
    }

    /// `next` if it is a path on this server (not `//elsewhere`), else the app.
    fn local(next: Option<&str>) -> &str {
        next.filter(|n| n.starts_with('/') && !n.starts_with("//"))
            .unwrap_or(HOME)
    }

    fn form_encode(text: &str) -> String {
        text.bytes()
            .map(|b| match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'_' | b'.' | b'-' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    }

    fn escape(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    /// The login form, in the spirit of the example's login.html.
    fn login_page(error: &str, next: &str) -> String {
        let (error, next) = (escape(error), escape(next));
        format!(
            r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>rokeh app with login</title>
<link rel="icon" href="data:,">
<style>
  body {{ margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
         background: #fafafa; font: 1rem/1.6 system-ui, sans-serif; }}
  form {{ width: 22rem; padding: 2rem; border: 1px solid #ddd; background: #fff; }}
  h1 {{ font-size: 1.3rem; text-align: center; margin: 0 0 1.5rem; }}
  input, button {{ box-sizing: border-box; width: 100%; padding: 0.7rem; margin-bottom: 1rem;
                   font: inherit; border: 1px solid #e4e4e4; }}
  button {{ background: #3973ac; color: #fff; text-transform: uppercase; cursor: pointer; }}
  .error {{ color: #b00020; min-height: 1.6em; margin: 0 0 0.5rem; }}
  small p {{ margin: 0.3rem 0; }}
</style>
</head>
<body>
<form method="post" action="{LOGIN}">
  <h1>Log in to see the app</h1>
  <input type="hidden" name="next" value="{next}">
  <label>Username <input name="username" autocapitalize="off" autocorrect="off" autocomplete="username"></label>
  <label>Password <input name="password" type="password" autocomplete="current-password"></label>
  <button type="submit">Log in</button>
  <p class="error" role="alert">{error}</p>
  <small>
    <p>A <b>toy</b> showing how an app's auth hooks fit together in <code>rokeh serve</code>.</p>
    <p>Log in as user <b>bokeh</b>, password <b>bokeh</b>.</p>
  </small>
</form>
</body>
</html>
"#
        )
    }
}
