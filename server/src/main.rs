//! `pos-class`: the class server. `make class` builds the page and runs it.
//!
//! ```text
//! pos-class [--dist DIR] [--class NAME]
//! ADDRESS=0.0.0.0 PORT=8080 pos-class      # open to the class's laptops
//! ```

use axum::serve::ListenerExt as _;
use pos_class::rooms::{fresh_keys, valid_class, Rooms};
use pos_class::serve::{app, Config};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

/// Prints a line; a closed stdout (the server piped into `head`, a test that stopped
/// reading) never stops the server.
macro_rules! say {
    () => { say!("") };
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

fn usage(problem: &str) -> ! {
    eprintln!("pos-class: {problem}");
    eprintln!("usage: pos-class [--dist DIR] [--class NAME]   (env: ADDRESS, PORT)");
    std::process::exit(2)
}

/// The machine's address on its network: the source address of a route out. Connecting a
/// UDP socket sends nothing; it only asks the kernel which address it would use.
fn lan_address() -> Option<IpAddr> {
    let s = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    s.connect("192.0.2.1:9").ok()?;
    let ip = s.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

#[tokio::main]
async fn main() {
    let mut dist = PathBuf::from("dist");
    let mut class = "class".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dist" => {
                dist = args
                    .next()
                    .map(PathBuf::from)
                    .unwrap_or_else(|| usage("--dist needs a folder"))
            }
            "--class" => class = args.next().unwrap_or_else(|| usage("--class needs a name")),
            "-h" | "--help" => usage("the class server"),
            other => usage(&format!("unknown argument {other}")),
        }
    }
    if !valid_class(&class) {
        usage("a class name is 1 to 40 letters, digits, - and _");
    }
    let ip: IpAddr = match std::env::var("ADDRESS") {
        Ok(a) if !a.is_empty() => a
            .parse()
            .unwrap_or_else(|_| usage(&format!("ADDRESS={a} is not an IP address"))),
        _ => IpAddr::V4(Ipv4Addr::LOCALHOST),
    };
    let port: u16 = match std::env::var("PORT") {
        Ok(p) if !p.is_empty() => p
            .parse()
            .unwrap_or_else(|_| usage(&format!("PORT={p} is not a port"))),
        _ => 8080,
    };
    let listener = match tokio::net::TcpListener::bind(SocketAddr::new(ip, port)).await {
        Ok(l) => l,
        Err(e) => usage(&format!("cannot listen on {ip}:{port}: {e}")),
    };
    let port = listener.local_addr().map_or(port, |a| a.port());
    let shown = if ip.is_unspecified() {
        lan_address().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
    } else {
        ip
    };
    let host = match shown {
        IpAddr::V6(v6) => format!("[{v6}]"),
        IpAddr::V4(v4) => v4.to_string(),
    };
    let address = format!("http://{host}:{port}/");
    let mut rooms = Rooms::new(fresh_keys(), address.clone());
    let open = rooms.class_address(&class);
    // The teacher's token: 16 bytes from the operating system's secure generator, new at
    // every start, printed here only (never in a page, a view, the roster or a frame).
    let mut bytes = [0u8; 16];
    if let Err(e) = getrandom::getrandom(&mut bytes) {
        usage(&format!(
            "no secure randomness for the teacher's token: {e}"
        ));
    }
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    rooms.set_teacher_token(&token);
    let teacher = rooms.teacher_address(&class, &token);
    let router = match app(
        Config {
            dist: dist.clone(),
            class: class.clone(),
            address: address.clone(),
        },
        rooms,
    ) {
        Ok(r) => r,
        Err(e) => usage(&e.to_string()),
    };
    say!(
        "pos-class: the class \"{class}\" (pages from {})",
        dist.display()
    );
    say!();
    say!("  Open on every laptop, or scan:  {open}");
    if let Some(q) = pos_class::qr::terminal(&open) {
        say!();
        for line in q.lines() {
            say!("  {line}");
        }
    }
    say!();
    say!("  The teacher's address (it leads the class: keep it off the projector and the chat):");
    say!("    {teacher}");
    say!("  Open it once on the teacher's machine; the page then hides it and shows the students' QR code.");
    say!();
    if ip.is_loopback() {
        say!("  Listening on {ip}:{port}: only this machine can open it.");
        say!("  For a class: ADDRESS=0.0.0.0 make class (opens port {port} to your network).");
    } else {
        say!("  Listening on {ip}:{port}: every machine that reaches this one can open it.");
    }
    say!("  The class's chain, as the Python design's views (curl works too):");
    say!("    {address}blockchain   {address}transactionPool   {address}info   POST {address}transaction");
    say!("  Another class: add ?net=NAME to the address. Stop with Ctrl+C.");
    // Frames are small and latency matters more than packet count: no Nagle delay.
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let server = axum::serve(listener, router).with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    });
    if let Err(e) = server.await {
        eprintln!("pos-class: {e}");
        std::process::exit(1);
    }
}
