//! The class server's HTTP side through its router, without a socket: the page with its
//! class in a `<meta>`, the QR code, the Python design's views, and refused posts.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt as _;
use pos_class::rooms::{fresh_keys, Rooms};
use pos_class::serve::{app, Config};
use tower::ServiceExt as _;

fn router() -> axum::Router {
    let dist = std::env::temp_dir().join(format!("pos-class-http-{}", std::process::id()));
    std::fs::create_dir_all(&dist).expect("a temporary folder");
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><html><head><title>t</title></head><body></body></html>",
    )
    .expect("index.html");
    std::fs::write(dist.join("pos-playground_bg.wasm"), b"\0asm\x01\0\0\0").expect("wasm");
    let address = "http://10.0.0.5:8080/".to_string();
    app(
        Config {
            dist,
            class: "room".into(),
            address: address.clone(),
        },
        Rooms::new(fresh_keys(), address),
    )
    .expect("the router")
}

async fn call(r: &axum::Router, req: Request<Body>) -> (StatusCode, String, String) {
    let res = r.clone().oneshot(req).await.expect("an answer");
    let status = res.status();
    let kind = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body = res.into_body().collect().await.expect("a body").to_bytes();
    (status, kind, String::from_utf8_lossy(&body).into_owned())
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).expect("a request")
}

fn post(path: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path).body(body.into()).expect("a request")
}

#[tokio::test]
async fn the_page_views_and_qr_code_are_served_and_bad_posts_refused() {
    let r = router();
    let (s, kind, html) = call(&r, get("/")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(kind.starts_with("text/html"));
    assert!(
        html.contains(r#"<meta name="pos-class" content="room"></head>"#),
        "{html}"
    );

    let (s, kind, _) = call(&r, get("/pos-playground_bg.wasm")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(kind, "application/wasm");

    let (s, kind, svg) = call(&r, get("/qr.svg?net=room")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(kind, "image/svg+xml");
    assert!(svg.starts_with("<svg"));

    // The default class runs from the start: its chain is genesis alone.
    let (s, kind, chain) = call(&r, get("/blockchain")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(kind.starts_with("application/json"));
    let chain: serde_json::Value = serde_json::from_str(&chain).expect("json");
    assert_eq!(chain["blocks"].as_array().map(Vec::len), Some(1));
    let (s, _, pool) = call(&r, get("/transactionPool?net=room")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(pool, r#"{"transactions":[]}"#);
    let (s, _, info) = call(&r, get("/info")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(info.contains("stakers"), "{info}");
    let (s, _, text) = call(&r, get("/blockchain?net=elsewhere")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(text.contains("no class \"elsewhere\""));

    for (body, status, words) in [
        (
            "not json".to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not a signed transaction",
        ),
        (
            "{}".to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not a signed transaction",
        ),
        ("x".repeat(10_000), StatusCode::PAYLOAD_TOO_LARGE, "at most"),
    ] {
        let (s, _, text) = call(&r, post("/transaction", body)).await;
        assert_eq!(s, status, "{text}");
        assert!(text.contains(words), "{text}");
    }
    let (_, _, after) = call(&r, get("/transactionPool")).await;
    assert_eq!(after, r#"{"transactions":[]}"#);
}

#[tokio::test]
async fn compressed_copies_are_sent_as_they_are_and_every_file_is_revalidated() {
    let dist = std::env::temp_dir().join(format!("pos-class-br-{}", std::process::id()));
    std::fs::create_dir_all(&dist).expect("a temporary folder");
    std::fs::write(dist.join("index.html"), "<html><head></head></html>").expect("index");
    let wasm = b"\0asm\x01\0\0\0 the module".to_vec();
    // Stand-ins for scripts/compress.mjs's copies: the server must send them untouched.
    let (br, gz) = (b"brotli bytes".to_vec(), b"gzip bytes".to_vec());
    std::fs::write(dist.join("pos-playground_bg.wasm"), &wasm).expect("wasm");
    std::fs::write(dist.join("pos-playground_bg.wasm.br"), &br).expect("br");
    std::fs::write(dist.join("pos-playground_bg.wasm.gz"), &gz).expect("gz");
    let address = "http://10.0.0.5:8080/".to_string();
    let r = app(
        Config {
            dist,
            class: "room".into(),
            address: address.clone(),
        },
        Rooms::new(fresh_keys(), address),
    )
    .expect("the router");
    for (accept, encoding, bytes) in [
        (Some("gzip, deflate, br"), Some("br"), &br),
        (Some("gzip"), Some("gzip"), &gz),
        (None, None, &wasm),
    ] {
        let mut req = Request::get("/pos-playground_bg.wasm");
        if let Some(a) = accept {
            req = req.header("accept-encoding", a);
        }
        let res = r
            .clone()
            .oneshot(req.body(Body::empty()).expect("a request"))
            .await
            .expect("an answer");
        assert_eq!(res.status(), StatusCode::OK);
        let h = res.headers();
        assert_eq!(
            h.get("content-encoding").and_then(|v| v.to_str().ok()),
            encoding,
            "{accept:?}"
        );
        assert_eq!(h["content-type"], "application/wasm");
        assert_eq!(h["cache-control"], "no-cache");
        assert!(h.contains_key("last-modified"));
        let body = res.into_body().collect().await.expect("a body").to_bytes();
        assert_eq!(&body[..], &bytes[..], "{accept:?}");
    }
}
