//! The fetcher cannot be pointed at the internal network: a page that
//! redirects to a private, link-local or loopback address is refused at
//! that hop, so are IPv4-mapped IPv6 addresses, and so is a name whose
//! second lookup answers a private address. Names are resolved by a test
//! resolver; the only network the policy opens is the test server's own
//! address, as an operator would open an intranet.

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use tidings_fetcher::addresses::{AddressPolicy, Lookup};
use tidings_fetcher::http_client::{FetchError, Fetched, Fetcher, Limits};
use tokio::net::TcpListener;

/// Answers from a table; a name may answer differently on each lookup.
struct TestLookup {
    answers: Mutex<HashMap<String, Vec<Vec<IpAddr>>>>,
}

impl Lookup for TestLookup {
    fn lookup(
        &self,
        host: &str,
    ) -> Pin<Box<dyn Future<Output = io::Result<Vec<IpAddr>>> + Send + '_>> {
        let answer = {
            let mut answers = self.answers.lock().expect("answers");
            match answers.get_mut(host) {
                Some(queue) if queue.len() > 1 => Some(queue.remove(0)),
                Some(queue) => queue.first().cloned(),
                None => None,
            }
        };
        Box::pin(async move {
            answer.ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "unknown test name"))
        })
    }
}

fn ip(text: &str) -> IpAddr {
    text.parse().expect("ip")
}

async fn site() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let port = addr.port();
    let redirect = |to: String| {
        move || {
            let to = to.clone();
            async move { (StatusCode::FOUND, [(header::LOCATION, to)]).into_response() }
        }
    };
    let app = Router::new()
        .route(
            "/page",
            get(|| async { "<html><body><p>A public page.</p></body></html>" }),
        )
        .route(
            "/secret",
            get(|| async { "instance metadata: secret credentials" }),
        )
        .route(
            "/to-metadata",
            get(redirect("http://169.254.169.254/latest/meta-data/".into())),
        )
        .route(
            "/to-internal",
            get(redirect(format!("http://internal.example:{port}/secret"))),
        )
        .route(
            "/to-mapped",
            get(redirect(format!("http://[::ffff:127.0.0.1]:{port}/secret"))),
        )
        .route("/to-page", get(redirect("/page".into())));
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

fn fetcher(lookup: Arc<TestLookup>) -> Fetcher {
    Fetcher::with_lookup(
        Limits {
            timeout: Duration::from_secs(5),
            max_redirects: 5,
            max_bytes: 1 << 20,
            per_host_delay: Duration::ZERO,
            addresses: AddressPolicy {
                allow_private: false,
                allowed: vec!["127.0.0.1/32".parse().expect("net")],
            },
        },
        lookup,
    )
    .expect("fetcher")
}

fn refused(result: Result<Fetched, FetchError>) -> bool {
    matches!(&result, Err(error) if error.reason() == "private_address")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn private_addresses_are_refused_at_every_hop() {
    let addr = site().await;
    let port = addr.port();
    let lookup = Arc::new(TestLookup {
        answers: Mutex::new(HashMap::from([
            ("news.example".to_owned(), vec![vec![ip("127.0.0.1")]]),
            ("internal.example".to_owned(), vec![vec![ip("10.0.0.5")]]),
            (
                "rebind.example".to_owned(),
                vec![vec![ip("127.0.0.1")], vec![ip("10.9.9.9")]],
            ),
        ])),
    });
    let mut fetcher = fetcher(lookup.clone());
    let base = format!("http://news.example:{port}");

    // The allowed site answers, through a redirect of its own.
    match fetcher.get(&format!("{base}/to-page"), None, None).await {
        Ok(Fetched::Body { bytes, .. }) => {
            assert!(String::from_utf8_lossy(&bytes).contains("public page"))
        }
        other => panic!("the page should be fetched: {other:?}"),
    }
    // A redirect to the metadata service, to a name of the internal
    // network, to an IPv4-mapped loopback address: refused at that hop.
    for path in ["/to-metadata", "/to-internal", "/to-mapped"] {
        let result = fetcher.get(&format!("{base}{path}"), None, None).await;
        assert!(refused(result), "{path} must be refused");
    }
    // Literal private addresses in the first URL too.
    for url in [
        format!("http://127.0.0.2:{port}/secret"),
        format!("http://[::ffff:127.0.0.1]:{port}/secret"),
        "http://169.254.169.254/latest/meta-data/".to_owned(),
    ] {
        assert!(refused(fetcher.get(&url, None, None).await), "{url}");
    }
    // A name that answers a public address, then a private one: the second
    // connection is refused (the address checked is the one connected to).
    let url = format!("http://rebind.example:{port}/page");
    assert!(matches!(
        fetcher.get(&url, None, None).await,
        Ok(Fetched::Body { .. })
    ));
    let mut second = self::fetcher(lookup);
    assert!(
        refused(second.get(&url, None, None).await),
        "rebinding refused"
    );
}
