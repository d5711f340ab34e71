//! `pos-class`, the class server: a teacher runs it, every laptop opens one address (or
//! scans its QR code), and the pages form one network by themselves.
//!
//! - [`rooms`]: the sans-IO state machine: classes, pages, the links the server asks pages to
//!   make (the WebRTC rendezvous), the relay for pairs whose link cannot open, the roster, and
//!   each class's own tab (a native `Playground` hosting genesis and the exchange).
//! - [`serve`]: the tokio/axum edge: static files of the page's release build, the
//!   WebSocket, the Python design's HTTP views, one task that owns the rooms.
//! - [`qr`]: the QR code of the class address for the terminal.
#![forbid(unsafe_code)]

pub mod qr;
pub mod rooms;
pub mod serve;
