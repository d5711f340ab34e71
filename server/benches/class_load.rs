//! The class server under load: native WebSocket clients on loopback only, bounded in count
//! and time. `cargo bench -p pos-class` (or `make bench`).
//!
//! It starts the real `pos-class` binary on 127.0.0.1 (a free port) and, for each scenario,
//! connects the clients as pages would: each joins, answers every link the server asks for
//! with "it did not open" (so every pair is relayed: the heaviest path through the server),
//! then sends a presence frame once a second carrying its send time. Receivers measure the
//! latency through the server. A hostile client floods in one class and sends a frame too
//! long in another; both must be cut off while the others carry on. Reported: join time
//! (open to welcome), latency p50/p99, the server's memory (VmRSS) and CPU.
//!
//! Then the teacher leads: 60 following pages and one teacher's page (with the token the
//! server printed) in one class; the teacher steps through a lesson, one step a second, and
//! each follower measures the time from the teacher's step to its receipt of the lead.

use futures_util::{SinkExt as _, StreamExt as _};
use pos_playground::logic::class::{ToPage, ToServer};
use pos_playground::logic::mesh::{Frame, Role};
use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio_tungstenite::tungstenite::Message;

/// Frames each client sends in the measured phase, one a second.
const FRAMES: u64 = 8;

fn micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() as u64)
}

/// The server's resident memory (KiB) and CPU time (clock ticks, user + system).
fn usage(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let rss = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, r)| r.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = fields
        .get(11)
        .and_then(|u| u.parse::<u64>().ok())
        .unwrap_or(0)
        + fields
            .get(12)
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(0);
    (rss, ticks)
}

struct Server {
    child: Child,
    port: u16,
    /// The teacher's token, from the teacher's address it printed.
    token: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server() -> Server {
    let dist = std::env::temp_dir().join(format!("pos-class-load-{}", std::process::id()));
    std::fs::create_dir_all(&dist).expect("a temporary folder");
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><html><head></head><body>load test</body></html>",
    )
    .expect("index.html");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pos-class"))
        .args(["--dist", &dist.to_string_lossy(), "--class", "c0"])
        .env("ADDRESS", "127.0.0.1")
        .env("PORT", "0")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the pos-class binary");
    let out = child.stdout.take().expect("its output");
    let mut port = 0;
    let mut token = String::new();
    let mut lines = BufReader::new(out).lines().map_while(Result::ok);
    for line in lines.by_ref() {
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            if port == 0 {
                port = rest
                    .split('/')
                    .next()
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(0);
            }
            if let Some(t) = rest.split("&teacher=").nth(1) {
                token = t.trim().to_string();
                break;
            }
        }
    }
    // Keep reading what it prints, so its output never blocks or breaks.
    std::thread::spawn(move || lines.for_each(drop));
    assert!(port > 0, "the server printed no address");
    assert!(!token.is_empty(), "the server printed no teacher's address");
    Server { child, port, token }
}

#[derive(Default)]
struct Figures {
    joins_ms: Vec<f64>,
    latencies_ms: Vec<f64>,
    received_during_flood: u64,
}

fn hello(tab: &str) -> String {
    Frame::Hello {
        tab: tab.to_string(),
        role: Role::Member,
        genesis: None,
        height: micros(),
    }
    .to_text()
}

/// One page: joins, refuses every link (so it is relayed), sends [`FRAMES`] frames, and
/// measures what it receives from other pages.
async fn page(
    port: u16,
    class: String,
    tab: String,
    figures: Arc<Mutex<Figures>>,
    start_at: Instant,
) {
    let url = format!("ws://127.0.0.1:{port}/class?net={class}");
    let opened = Instant::now();
    let Ok((ws, _)) = tokio_tungstenite::connect_async_with_config(&url, None, true).await else {
        return;
    };
    let (mut tx, mut rx) = ws.split();
    let join = ToServer::Join {
        tab: tab.clone(),
        addresses: Vec::new(),
    };
    if tx.send(Message::Text(join.to_text().into())).await.is_err() {
        return;
    }
    let (out_tx, mut out_rx) = tokio::sync::mpsc::unbounded_channel::<String>();
    let writer = tokio::spawn(async move {
        while let Some(t) = out_rx.recv().await {
            if tx.send(Message::Text(t.into())).await.is_err() {
                break;
            }
        }
    });
    let sender = {
        let out_tx = out_tx.clone();
        let tab = tab.clone();
        tokio::spawn(async move {
            tokio::time::sleep_until(start_at.into()).await;
            for _ in 0..FRAMES {
                let f = ToServer::Frame {
                    to: None,
                    text: hello(&tab),
                };
                if out_tx.send(f.to_text()).is_err() {
                    break;
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        })
    };
    let end = start_at + Duration::from_secs(FRAMES + 2);
    let mut server_tab = String::new();
    loop {
        let next = tokio::time::timeout_at(end.into(), rx.next()).await;
        let Ok(Some(Ok(Message::Text(t)))) = next else {
            break;
        };
        let Ok(m) = ToPage::parse(t.as_str()) else {
            continue;
        };
        match m {
            ToPage::Welcome { server, .. } => {
                server_tab = server;
                let ms = opened.elapsed().as_secs_f64() * 1000.0;
                figures.lock().expect("figures").joins_ms.push(ms);
            }
            ToPage::Link { tab } => {
                let _ = out_tx.send(ToServer::Path { tab, webrtc: false }.to_text());
            }
            ToPage::Frame { from, text } if from != server_tab => {
                if let Ok(Frame::Hello { height, .. }) = pos_playground::logic::mesh::parse(&text) {
                    let ms = micros().saturating_sub(height) as f64 / 1000.0;
                    figures.lock().expect("figures").latencies_ms.push(ms);
                }
            }
            _ => {}
        }
    }
    sender.abort();
    drop(out_tx);
    let _ = writer.await;
}

/// Floods the class: joins, then sends frames as fast as it can until the server cuts it
/// off; returns how many it sent and whether it was cut off.
async fn flooder(port: u16, class: &str) -> (u64, bool) {
    let url = format!("ws://127.0.0.1:{port}/class?net={class}");
    let Ok((mut ws, _)) = tokio_tungstenite::connect_async_with_config(&url, None, true).await
    else {
        return (0, false);
    };
    let join = ToServer::Join {
        tab: "flooder".into(),
        addresses: Vec::new(),
    };
    let _ = ws.send(Message::Text(join.to_text().into())).await;
    let mut sent = 0;
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        let f = ToServer::Frame {
            to: None,
            text: hello("flooder"),
        };
        if ws.send(Message::Text(f.to_text().into())).await.is_err() {
            return (sent, true);
        }
        sent += 1;
        // Read what came back without waiting: a close frame ends the flood.
        while let Ok(Some(m)) = tokio::time::timeout(Duration::from_millis(0), ws.next()).await {
            match m {
                Ok(Message::Close(_)) | Err(_) => return (sent, true),
                _ => {}
            }
        }
    }
    (sent, false)
}

/// Sends one message longer than the server reads; returns whether it was cut off.
async fn oversized(port: u16, class: &str) -> bool {
    let url = format!("ws://127.0.0.1:{port}/class?net={class}");
    let Ok((mut ws, _)) = tokio_tungstenite::connect_async_with_config(&url, None, true).await
    else {
        return false;
    };
    let big = "x".repeat(pos_playground::logic::class::MAX_MESSAGE_BYTES + 1);
    let _ = ws.send(Message::Text(big.into())).await;
    matches!(
        tokio::time::timeout(Duration::from_secs(5), ws.next()).await,
        Ok(None | Some(Err(_)) | Some(Ok(Message::Close(_))))
    )
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

async fn scenario(server: &Server, classes: usize, pages: usize) -> (String, bool) {
    let pid = server.child.id();
    let figures = Arc::new(Mutex::new(Figures::default()));
    let (_, ticks_before) = usage(pid);
    let wall = Instant::now();
    // Everyone joins within the first seconds; the measured frames start together after.
    let start_at = Instant::now() + Duration::from_secs(4);
    let mut tasks = Vec::new();
    for c in 0..classes {
        for p in 0..pages {
            let f = figures.clone();
            let class = format!("load{classes}c{c}");
            let tab = format!("c{c}p{p}");
            tasks.push(tokio::spawn(page(server.port, class, tab, f, start_at)));
        }
    }
    tokio::time::sleep_until((start_at + Duration::from_secs(2)).into()).await;
    let (rss_joined, _) = usage(pid);
    let flood_class = format!("load{classes}c0");
    let before_flood = figures.lock().expect("figures").latencies_ms.len() as u64;
    let ((flood_sent, flood_cut), big_cut) = tokio::join!(
        flooder(server.port, &flood_class),
        oversized(server.port, &flood_class)
    );
    let after_flood = figures.lock().expect("figures").latencies_ms.len() as u64;
    figures.lock().expect("figures").received_during_flood = after_flood - before_flood;
    for t in tasks {
        let _ = t.await;
    }
    let (rss_end, ticks_after) = usage(pid);
    let seconds = wall.elapsed().as_secs_f64();
    // Clock ticks are 1/100 s on Linux.
    let cpu = (ticks_after - ticks_before) as f64 / 100.0 / seconds * 100.0;
    let mut f = figures.lock().expect("figures");
    f.joins_ms.sort_by(|a, b| a.total_cmp(b));
    f.latencies_ms.sort_by(|a, b| a.total_cmp(b));
    let sound = f.joins_ms.len() == classes * pages
        && !f.latencies_ms.is_empty()
        && flood_cut
        && big_cut
        && f.received_during_flood > 0;
    let row = format!(
        "| {classes} × {pages} | {} of {} | {:.1} / {:.1} ms | {} | {:.2} / {:.2} ms | {} / {} MiB | {cpu:.0} % | {} after {flood_sent} messages | {} |",
        f.joins_ms.len(),
        classes * pages,
        percentile(&f.joins_ms, 0.5),
        percentile(&f.joins_ms, 0.99),
        f.latencies_ms.len(),
        percentile(&f.latencies_ms, 0.5),
        percentile(&f.latencies_ms, 0.99),
        rss_joined / 1024,
        rss_end / 1024,
        if flood_cut { "cut off" } else { "NOT cut off" },
        if big_cut { "cut off" } else { "NOT cut off" },
    );
    (row, sound)
}

/// Steps the teacher takes in the lead scenario, one a second.
const LEAD_STEPS: u32 = 10;

/// When the teacher's page sent each step.
type Sent = Arc<Mutex<Vec<Option<Instant>>>>;

fn lesson_step(step: u32) -> pos_playground::logic::class::Place {
    pos_playground::logic::class::Place {
        follow: true,
        lesson: Some("lots".into()),
        step,
        section: Some("lottery".into()),
        block: None,
    }
}

/// A following page: joins, says it follows, refuses every link (so it is relayed: the server
/// does the most work), and notes when each of the teacher's steps reaches it.
async fn follower(port: u16, tab: String, sent: Sent, got: Arc<Mutex<Vec<f64>>>, end: Instant) {
    let url = format!("ws://127.0.0.1:{port}/class?net=lead");
    let Ok((ws, _)) = tokio_tungstenite::connect_async_with_config(&url, None, true).await else {
        return;
    };
    let (mut tx, mut rx) = ws.split();
    for m in [
        ToServer::Join {
            tab,
            addresses: Vec::new(),
        },
        ToServer::Status { following: true },
    ] {
        if tx.send(Message::Text(m.to_text().into())).await.is_err() {
            return;
        }
    }
    let mut seen = 0;
    loop {
        let next = tokio::time::timeout_at(end.into(), rx.next()).await;
        let Ok(Some(Ok(Message::Text(t)))) = next else {
            break;
        };
        match ToPage::parse(t.as_str()) {
            Ok(ToPage::Lead(lead)) if lead.place.step > seen => {
                let at = Instant::now();
                seen = lead.place.step;
                let from = sent.lock().expect("sent")[seen as usize];
                if let Some(from) = from {
                    let ms = at.duration_since(from).as_secs_f64() * 1000.0;
                    got.lock().expect("got").push(ms);
                }
            }
            Ok(ToPage::Link { tab }) => {
                let path = ToServer::Path { tab, webrtc: false }.to_text();
                if tx.send(Message::Text(path.into())).await.is_err() {
                    break;
                }
            }
            _ => {}
        }
    }
}

/// 60 following pages and the teacher's page; the teacher steps [`LEAD_STEPS`] times.
async fn lead_scenario(server: &Server, pages: usize) -> (String, bool) {
    let sent: Sent = Arc::new(Mutex::new(vec![None; LEAD_STEPS as usize + 1]));
    let got = Arc::new(Mutex::new(Vec::new()));
    let end = Instant::now() + Duration::from_secs(u64::from(LEAD_STEPS) + 8);
    let mut tasks = Vec::new();
    for p in 0..pages {
        tasks.push(tokio::spawn(follower(
            server.port,
            format!("f{p}"),
            sent.clone(),
            got.clone(),
            end,
        )));
    }
    let url = format!("ws://127.0.0.1:{}/class?net=lead", server.port);
    let Ok((teacher, _)) = tokio_tungstenite::connect_async_with_config(&url, None, true).await
    else {
        return ("| lead | the teacher could not connect |".into(), false);
    };
    let (mut teacher, mut heard) = teacher.split();
    let join = ToServer::Join {
        tab: "teacher".into(),
        addresses: Vec::new(),
    };
    let _ = teacher.send(Message::Text(join.to_text().into())).await;
    // The teacher's page reads what it is sent, and counts refusals of its lead.
    let reader = tokio::spawn(async move {
        let mut refused = 0;
        while let Ok(Some(Ok(m))) = tokio::time::timeout_at(end.into(), heard.next()).await {
            match m {
                Message::Text(t) if t.as_str().starts_with("unled\t") => refused += 1,
                Message::Close(_) => break,
                _ => {}
            }
        }
        refused
    });
    // Everyone joins first.
    tokio::time::sleep(Duration::from_secs(4)).await;
    for step in 1..=LEAD_STEPS {
        let m = ToServer::Teach {
            token: server.token.clone(),
            order: pos_playground::logic::class::Order::Place(lesson_step(step)),
        };
        sent.lock().expect("sent")[step as usize] = Some(Instant::now());
        if teacher
            .send(Message::Text(m.to_text().into()))
            .await
            .is_err()
        {
            break;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    for t in tasks {
        let _ = t.await;
    }
    let refused = reader.await.unwrap_or(1);
    let mut ms = got.lock().expect("got").clone();
    ms.sort_by(|a, b| a.total_cmp(b));
    let expected = pages * LEAD_STEPS as usize;
    let row = format!(
        "| {pages} following pages | {} of {expected} steps received | {:.2} / {:.2} ms | max {:.2} ms |",
        ms.len(),
        percentile(&ms, 0.5),
        percentile(&ms, 0.99),
        ms.last().copied().unwrap_or(f64::NAN),
    );
    (row, refused == 0 && ms.len() == expected)
}

fn main() {
    // `cargo test --benches` runs this as a smoke test with --bench absent: keep it short.
    let quick = !std::env::args().any(|a| a == "--bench");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let server = start_server();
    let scenarios: &[(usize, usize)] = if quick {
        &[(1, 6)]
    } else {
        &[(1, 60), (10, 60)]
    };
    println!(
        "class server load test (loopback; every pair relayed; {FRAMES} frames per page, 1/s)"
    );
    println!("| classes × pages | joined | join p50 / p99 | frames received | latency p50 / p99 | memory joined / end | CPU (of one core) | flooder | oversized message |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    let mut all_sound = true;
    for &(classes, pages) in scenarios {
        let (row, sound) = runtime.block_on(async {
            tokio::time::timeout(Duration::from_secs(120), scenario(&server, classes, pages))
                .await
                .unwrap_or_else(|_| {
                    (
                        format!("| {classes} × {pages} | timed out after 120 s |"),
                        false,
                    )
                })
        });
        println!("{row}");
        all_sound &= sound;
    }
    let followers = if quick { 6 } else { 60 };
    println!();
    println!("the teacher leads (loopback; every pair relayed; {LEAD_STEPS} lesson steps, 1/s): the teacher's step to each follower's receipt");
    println!("| pages | received | p50 / p99 | slowest |");
    println!("| --- | --- | --- | --- |");
    let (row, sound) = runtime.block_on(async {
        tokio::time::timeout(Duration::from_secs(60), lead_scenario(&server, followers))
            .await
            .unwrap_or_else(|_| ("| lead | timed out after 60 s |".into(), false))
    });
    println!("{row}");
    all_sound &= sound;
    // Not a timing assertion: every page must have joined and heard others, and both hostile
    // clients must have been cut off while the others went on receiving; every follower must
    // have received every step of the teacher's.
    if !all_sound {
        eprintln!("class_load: a page did not join or hear the others, or a hostile client was not cut off");
        std::process::exit(1);
    }
}
