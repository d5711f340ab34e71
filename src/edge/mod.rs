//! The page's browser edge: timers, transports, storage, workers, the clipboard and the
//! console. Each only carries inputs into the model ([`crate::logic`]) and its outputs out;
//! nothing here imports the views.

pub mod channel;
pub mod class_socket;
pub mod clipboard;
pub mod clock;
pub mod draws;
pub mod driver;
pub mod js_api;
pub mod lab;
pub mod lang;
pub mod lessons;
pub mod pool;
pub mod storage;
pub mod webrtc;
pub mod worker;
