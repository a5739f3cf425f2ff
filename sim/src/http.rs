//! The simulator's view of HTTP: a request as raw parts, a response as status, headers and bytes.

/// One HTTP request, as the simulator receives it: nothing parsed yet.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// `GET`, `POST`, … (case-insensitive).
    pub method: String,
    /// The path exactly as sent, still percent-encoded, without the query (`/raas/v2/orders`).
    pub path: String,
    /// The query string exactly as sent, without the `?`.
    pub query: String,
    /// Header names and values.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Request {
    /// A request for `url`, which may be absolute (`http://host/raas/v2/orders?page=1`) or a path.
    pub fn new(method: &str, url: &str, headers: Vec<(String, String)>, body: Vec<u8>) -> Self {
        let without_fragment = url.split('#').next().unwrap_or("");
        let after_scheme = match without_fragment.find("://") {
            Some(at) => {
                let rest = &without_fragment[at + 3..];
                rest.find('/').map_or("/", |slash| &rest[slash..])
            }
            None => without_fragment,
        };
        let (path, query) = after_scheme.split_once('?').unwrap_or((after_scheme, ""));
        Request {
            method: method.to_owned(),
            path: path.to_owned(),
            query: query.to_owned(),
            headers,
            body,
        }
    }

    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// One HTTP response, plus what the transport must do with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Header names and values.
    pub headers: Vec<(String, String)>,
    /// The body (JSON, or empty).
    pub body: Vec<u8>,
    /// How long the transport should wait before answering (injected latency).
    pub delay_ms: u64,
    /// The request was processed but the answer is lost: the transport must fail as a network
    /// error would (close the connection; reject the fetch).
    pub dropped: bool,
}

impl Response {
    /// A JSON response.
    pub fn json(status: u16, body: &impl serde::Serialize) -> Self {
        let body = serde_json::to_vec(body).unwrap_or_else(|_| b"{}".to_vec());
        Response {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body,
            delay_ms: 0,
            dropped: false,
        }
    }

    /// The body parsed as JSON (for tests and tools).
    pub fn json_body(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }

    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// The reason phrase of a status code.
pub fn phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_split_into_path_and_query() {
        let r = Request::new(
            "GET",
            "http://127.0.0.1:9/raas/v2/orders?page=1&x=%20#frag",
            vec![],
            vec![],
        );
        assert_eq!(
            (r.path.as_str(), r.query.as_str()),
            ("/raas/v2/orders", "page=1&x=%20")
        );
        let r = Request::new("GET", "/raas/v2/orders", vec![], vec![]);
        assert_eq!((r.path.as_str(), r.query.as_str()), ("/raas/v2/orders", ""));
        let r = Request::new("GET", "http://host", vec![], vec![]);
        assert_eq!(r.path, "/");
    }
}
