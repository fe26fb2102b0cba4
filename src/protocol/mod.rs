//! Bokeh's wire protocol: messages, framing with binary buffers, session tokens. No I/O.
