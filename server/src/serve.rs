//! The tokio edge of the class server: it only carries. One task owns the [`Rooms`] and takes
//! every event in order; each WebSocket has a reader that hands its messages to that task and
//! a writer that sends what the task routes to it; HTTP handlers ask the task and wait.

use crate::rooms::{ConnId, Input, Output, Rooms};
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use futures_util::{SinkExt as _, StreamExt as _};
use pos_playground::logic::class::{MAX_MESSAGE_BYTES, META_NAME, SOCKET_PATH};
use pos_playground::logic::model::class::MAX_POSTED_TX_BYTES;
use pos_playground::logic::views::NodeView;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::{mpsc, oneshot};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

/// How often the rooms' tabs move on (ms): the page's own tick.
pub const TICK_MS: u64 = 100;

/// Messages waiting for one page; a page that falls this far behind is cut off.
pub const QUEUE_PER_PAGE: usize = 1024;

/// The wall clock in ms since the epoch: the clock of the pages' timestamps.
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// Which of the Python design's views.
#[derive(Debug, Clone, Copy)]
pub enum View {
    /// `/blockchain`.
    Blockchain,
    /// `/transactionPool`.
    Pool,
    /// `/info`.
    Info,
}

enum Event {
    Open {
        conn: ConnId,
        class: String,
        to_page: mpsc::Sender<Message>,
    },
    In(Input),
    View {
        class: String,
        view: View,
        reply: oneshot::Sender<Option<NodeView>>,
    },
    Post {
        class: String,
        body: String,
        reply: oneshot::Sender<Result<String, String>>,
    },
}

/// What the handlers share.
#[derive(Clone)]
pub struct Shared {
    events: mpsc::Sender<Event>,
    next_conn: Arc<AtomicU64>,
    index: Arc<String>,
    class: Arc<String>,
    address: Arc<String>,
}

/// What the server needs: the page's release build and the default class.
pub struct Config {
    /// The folder with `index.html` (trunk's `dist/`).
    pub dist: PathBuf,
    /// The class a page without `?net=` joins.
    pub class: String,
    /// The address pages are opened at (`http://host:port/`).
    pub address: String,
}

/// `index.html` with the meta tag that tells the page it has a class server.
pub fn index_with_meta(html: &str, class: &str) -> String {
    let meta = format!("<meta name=\"{META_NAME}\" content=\"{class}\">");
    match html.find("</head>") {
        Some(i) => format!("{}{meta}{}", &html[..i], &html[i..]),
        None => format!("{meta}{html}"),
    }
}

/// The router and the task that owns the rooms (spawned on the current runtime).
pub fn app(config: Config, rooms: Rooms) -> std::io::Result<Router> {
    let html = std::fs::read_to_string(config.dist.join("index.html")).map_err(|e| {
        std::io::Error::new(
            e.kind(),
            format!(
                "{}: {e} (build the page first: make class does)",
                config.dist.join("index.html").display()
            ),
        )
    })?;
    let (events, rx) = mpsc::channel(4096);
    tokio::spawn(run_rooms(rooms, rx, config.class.clone()));
    let shared = Shared {
        events,
        next_conn: Arc::new(AtomicU64::new(1)),
        index: Arc::new(index_with_meta(&html, &config.class)),
        class: Arc::new(config.class),
        address: Arc::new(config.address),
    };
    let files = Router::new()
        .route("/", get(index))
        .route("/index.html", get(index))
        .route("/blockchain", get(blockchain))
        .route("/transactionPool", get(pool))
        .route("/info", get(info))
        .route("/transaction", post(transaction))
        .route("/qr.svg", get(qr_svg))
        .fallback_service(
            // The release build writes brotli and gzip copies beside every file
            // (scripts/compress.mjs): sent as they are, never compressed per request.
            ServeDir::new(&config.dist)
                .precompressed_br()
                .precompressed_gzip(),
        )
        // Only what has no compressed copy (the views, the page with its meta tag, a build
        // without copies) is compressed here.
        .layer(CompressionLayer::new())
        .layer(axum::middleware::map_response(revalidate));
    Ok(Router::new()
        .route(SOCKET_PATH, get(socket))
        .merge(files)
        .with_state(shared))
}

/// Every answer is stored by the browser but checked before use (`no-cache`): the page's
/// files keep one name from build to build (no hash in it, since the lottery worker imports
/// the page's own module by name), so a cache that trusted them for a while would mix two
/// builds after the teacher rebuilt. Checking costs one small request per file: the files
/// carry `Last-Modified`, and an unchanged file is answered `304 Not Modified` without its
/// bytes. `Vary: Accept-Encoding` keeps a shared cache from handing brotli to a browser that
/// asked for gzip.
async fn revalidate(mut res: Response) -> Response {
    let headers = res.headers_mut();
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(header::HeaderValue::from_static("no-cache"));
    if !headers.contains_key(header::VARY) {
        headers.insert(
            header::VARY,
            header::HeaderValue::from_static("accept-encoding"),
        );
    }
    res
}

#[derive(Deserialize)]
struct Net {
    net: Option<String>,
}

impl Shared {
    fn class_of(&self, q: &Net) -> String {
        q.net
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| (*self.class).clone())
    }
}

async fn index(State(s): State<Shared>) -> Response {
    (
        [(header::CACHE_CONTROL, "no-cache")],
        Html((*s.index).clone()),
    )
        .into_response()
}

async fn view(s: &Shared, q: &Net, view: View) -> Response {
    let class = s.class_of(q);
    let (reply, answer) = oneshot::channel();
    let ev = Event::View {
        class: class.clone(),
        view,
        reply,
    };
    if s.events.send(ev).await.is_err() {
        return (StatusCode::SERVICE_UNAVAILABLE, "the server is stopping").into_response();
    }
    match answer.await {
        Ok(Some(v)) => axum::Json(v).into_response(),
        _ => (
            StatusCode::NOT_FOUND,
            format!("no class \"{class}\" runs here\n"),
        )
            .into_response(),
    }
}

/// The QR code of the class address (`?net=`), for the page's Class panel.
async fn qr_svg(State(s): State<Shared>, Query(q): Query<Net>) -> Response {
    let address = format!("{}?net={}", s.address, s.class_of(&q));
    match crate::qr::svg(&address) {
        Some(svg) => ([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response(),
        None => (
            StatusCode::BAD_REQUEST,
            "the address does not fit in a QR code\n",
        )
            .into_response(),
    }
}

async fn blockchain(State(s): State<Shared>, Query(q): Query<Net>) -> Response {
    view(&s, &q, View::Blockchain).await
}

async fn pool(State(s): State<Shared>, Query(q): Query<Net>) -> Response {
    view(&s, &q, View::Pool).await
}

async fn info(State(s): State<Shared>, Query(q): Query<Net>) -> Response {
    view(&s, &q, View::Info).await
}

async fn transaction(State(s): State<Shared>, Query(q): Query<Net>, body: String) -> Response {
    if body.len() > MAX_POSTED_TX_BYTES {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("refused: a transaction is at most {MAX_POSTED_TX_BYTES} bytes\n"),
        )
            .into_response();
    }
    let (reply, answer) = oneshot::channel();
    let ev = Event::Post {
        class: s.class_of(&q),
        body,
        reply,
    };
    if s.events.send(ev).await.is_err() {
        return (StatusCode::SERVICE_UNAVAILABLE, "the server is stopping").into_response();
    }
    match answer.await {
        Ok(Ok(id)) => (
            StatusCode::ACCEPTED,
            axum::Json(serde_json::json!({ "accepted": true, "id": id })),
        )
            .into_response(),
        Ok(Err(reason)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            axum::Json(serde_json::json!({ "accepted": false, "reason": reason })),
        )
            .into_response(),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "the server is stopping").into_response(),
    }
}

async fn socket(ws: WebSocketUpgrade, State(s): State<Shared>, Query(q): Query<Net>) -> Response {
    let class = s.class_of(&q);
    ws.max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| page(socket, s, class))
}

/// One page's WebSocket: the reader hands messages to the rooms' task; the writer sends
/// what the task routes here, and closes with the reason when told to.
async fn page(socket: WebSocket, s: Shared, class: String) {
    let conn = s.next_conn.fetch_add(1, Ordering::Relaxed);
    let (to_page, mut queue) = mpsc::channel::<Message>(QUEUE_PER_PAGE);
    if s.events
        .send(Event::Open {
            conn,
            class,
            to_page,
        })
        .await
        .is_err()
    {
        return;
    }
    let (mut tx, mut rx) = socket.split();
    let writer = tokio::spawn(async move {
        while let Some(m) = queue.recv().await {
            let last = matches!(m, Message::Close(_));
            if tx.send(m).await.is_err() || last {
                break;
            }
        }
        let _ = tx.close().await;
    });
    while let Some(Ok(m)) = rx.next().await {
        let input = match m {
            Message::Text(t) => Input::Text {
                conn,
                text: t.as_str().to_string(),
            },
            Message::Binary(_) => Input::Junk { conn },
            Message::Close(_) => break,
            Message::Ping(_) | Message::Pong(_) => continue,
        };
        if s.events.send(Event::In(input)).await.is_err() {
            break;
        }
    }
    let _ = s.events.send(Event::In(Input::Closed { conn })).await;
    let _ = writer.await;
}

async fn run_rooms(mut rooms: Rooms, mut events: mpsc::Receiver<Event>, default: String) {
    let mut pages: HashMap<ConnId, mpsc::Sender<Message>> = HashMap::new();
    let mut tick = tokio::time::interval(Duration::from_millis(TICK_MS));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    // The default class runs from the start, so its views answer before anyone joins.
    let _ = rooms.room_or_new(&default, now_ms());
    loop {
        let outputs = tokio::select! {
            ev = events.recv() => {
                let Some(ev) = ev else { return };
                match ev {
                    Event::Open { conn, class, to_page } => {
                        pages.insert(conn, to_page);
                        rooms.handle(now_ms(), Input::Open { conn, class })
                    }
                    Event::In(input) => rooms.handle(now_ms(), input),
                    Event::View { class, view, reply } => {
                        let v = rooms.room(&class).and_then(|r| match view {
                            View::Blockchain => r.hub().chain_view(0).map(NodeView::Chain),
                            View::Pool => r.hub().pool_view(0).map(NodeView::Pool),
                            View::Info => r.hub().info_view(0).map(|v| NodeView::Info(Box::new(v))),
                        });
                        let _ = reply.send(v);
                        Vec::new()
                    }
                    Event::Post { class, body, reply } => {
                        let (r, out) = rooms.post_transaction(&class, &body, now_ms());
                        let _ = reply.send(r);
                        out
                    }
                }
            }
            _ = tick.tick() => rooms.handle(now_ms(), Input::Tick),
        };
        route(&mut rooms, &mut pages, outputs);
    }
}

/// Hands each output to its page's writer; a page whose queue is full is cut off.
fn route(
    rooms: &mut Rooms,
    pages: &mut HashMap<ConnId, mpsc::Sender<Message>>,
    outputs: Vec<Output>,
) {
    let mut todo = outputs;
    while !todo.is_empty() {
        let mut slow = Vec::new();
        for o in todo {
            match o {
                Output::Send { conn, text } => {
                    let Some(p) = pages.get(&conn) else { continue };
                    if p.try_send(Message::Text(text.into())).is_err() {
                        slow.push(conn);
                    }
                }
                Output::Close { conn, reason } => {
                    if let Some(p) = pages.remove(&conn) {
                        let frame = CloseFrame {
                            code: if reason.is_empty() { 1000 } else { 1008 },
                            reason: reason.chars().take(100).collect::<String>().into(),
                        };
                        let _ = p.try_send(Message::Close(Some(frame)));
                    }
                }
            }
        }
        todo = Vec::new();
        for conn in slow {
            if pages.remove(&conn).is_some() {
                todo.extend(rooms.handle(now_ms(), Input::Closed { conn }));
            }
        }
    }
}
