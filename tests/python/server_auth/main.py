"""An app for `bokeh serve --auth-module auth.py`: gallery/tests/server_auth.rs asks it and
rokeh serve's `server_auth` the same requests without a user, and compares the answers."""
from bokeh.io import curdoc
from bokeh.models import Div

curdoc().add_root(Div(text="guarded"))
