//! Which page origins may open a websocket: Bokeh's `--allow-websocket-origin` rules.
//! A host without a port means port 80; `*` matches anything, and a `*` in a dotted part
//! or the port matches any value there.

use std::fmt;

/// One allowed `HOST[:PORT]` pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginPattern(String);

/// A `--allow-websocket-origin` that is not `HOST[:PORT]`.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum OriginError {
    /// `:5006` with no host before it.
    #[error("empty host in websocket origin '{0}'")]
    EmptyHost(String),
    /// A port that is not a number from 0 to 65535 (or `*`).
    #[error("invalid port in websocket origin '{0}'")]
    BadPort(String),
    /// Anything else that is not `HOST[:PORT]`.
    #[error("invalid websocket origin '{0}': expected HOST[:PORT]")]
    Malformed(String),
}

impl OriginPattern {
    /// Parses `HOST[:PORT]` as Bokeh's `create_hosts_allowlist` does.
    pub fn parse(s: &str) -> Result<OriginPattern, OriginError> {
        if s == "*" {
            return Ok(OriginPattern(s.into()));
        }
        match s.split(':').collect::<Vec<_>>()[..] {
            [""] | ["", _] => Err(OriginError::EmptyHost(s.into())),
            [_] => Ok(OriginPattern(format!("{s}:80"))),
            [_, port] if port == "*" || port.parse::<u16>().is_ok() => Ok(OriginPattern(s.into())),
            [_, _] => Err(OriginError::BadPort(s.into())),
            _ => Err(OriginError::Malformed(s.into())),
        }
    }

    /// Does `host` (an Origin's `host[:port]`) match?
    fn matches(&self, host: &str) -> bool {
        if self.0 == "*" {
            return true;
        }
        let (host, port) = host.split_once(':').unwrap_or((host, "80"));
        let (p_host, p_port) = self.0.split_once(':').unwrap_or((&self.0, "80"));
        if p_port != "*" && p_port != port {
            return false;
        }
        let (parts, p_parts): (Vec<_>, Vec<_>) =
            (host.split('.').collect(), p_host.split('.').collect());
        parts.len() == p_parts.len()
            && parts
                .iter()
                .zip(&p_parts)
                .all(|(h, p)| *p == "*" || h.eq_ignore_ascii_case(p))
    }
}

impl fmt::Display for OriginPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The origins allowed to connect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllowedOrigins(Vec<OriginPattern>);

impl AllowedOrigins {
    /// The given patterns, or, with none given, the server's own address and `localhost`
    /// at its port (Bokeh allows only `localhost:PORT`, which refuses the very
    /// `127.0.0.1` URL it prints).
    pub fn new(given: Vec<OriginPattern>, address: &str, port: u16) -> AllowedOrigins {
        if !given.is_empty() {
            return AllowedOrigins(given);
        }
        let mut hosts = vec![format!("localhost:{port}"), format!("{address}:{port}")];
        if address == "localhost" || address == "0.0.0.0" {
            hosts.push(format!("127.0.0.1:{port}"));
        }
        hosts.dedup();
        AllowedOrigins(hosts.into_iter().map(OriginPattern).collect())
    }

    /// Checks an `Origin` header value (`http://host:port`).
    pub fn allows(&self, origin: &str) -> bool {
        let host = origin
            .split_once("://")
            .map_or(origin, |(_, rest)| rest)
            .trim_end_matches('/')
            .to_ascii_lowercase();
        self.0.iter().any(|p| p.matches(&host))
    }
}

impl fmt::Display for AllowedOrigins {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self.0.iter().map(|p| p.to_string()).collect();
        write!(f, "{}", names.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allow(patterns: &[&str]) -> AllowedOrigins {
        let given = patterns
            .iter()
            .map(|p| OriginPattern::parse(p).unwrap())
            .collect();
        AllowedOrigins::new(given, "127.0.0.1", 5006)
    }

    #[test]
    fn defaults_allow_the_server_itself_only() {
        let a = AllowedOrigins::new(vec![], "127.0.0.1", 5006);
        assert!(a.allows("http://127.0.0.1:5006"));
        assert!(a.allows("http://localhost:5006"));
        assert!(!a.allows("http://localhost:5007"));
        assert!(!a.allows("http://evil.example:5006"));
        assert!(!a.allows("null"));
    }

    #[test]
    fn patterns_follow_bokehs_match_host() {
        assert!(allow(&["example.com"]).allows("http://example.com"));
        assert!(!allow(&["example.com"]).allows("http://example.com:8080"));
        assert!(allow(&["192.168.*.*"]).allows("http://192.168.0.1"));
        assert!(!allow(&["example.com"]).allows("https://example.com.bad.com"));
        assert!(allow(&["host:*"]).allows("http://host:1234"));
        assert!(allow(&["*"]).allows("http://anything:1"));
    }

    #[test]
    fn bad_patterns_are_refused() {
        assert_eq!(
            OriginPattern::parse(":80"),
            Err(OriginError::EmptyHost(":80".into()))
        );
        assert_eq!(
            OriginPattern::parse("a:b"),
            Err(OriginError::BadPort("a:b".into()))
        );
        assert_eq!(
            OriginPattern::parse("a:1:2"),
            Err(OriginError::Malformed("a:1:2".into()))
        );
    }
}
