//! The fairness lab's module (`pos-lab.js` and `pos-lab_bg.wasm`): the page imports it when
//! the lab is first wanted (`src/edge/lab.rs`), so a page that never opens the lab never
//! downloads it. It holds the lab's views and the Yew they need; the lab's jobs run in the
//! lottery worker's module, as before.

use wasm_bindgen::prelude::*;

/// Shows the lab in `root` with the page's props (JSON: `edge::lab::LabProps`), once its
/// words are fetched.
#[wasm_bindgen]
pub async fn lab_mount(root: web_sys::Element, props: String) -> Result<(), JsValue> {
    pos_playground::components::fairness::root::mount(root, props)
        .await
        .map_err(|e| JsValue::from_str(&e))
}

/// New props for the lab.
#[wasm_bindgen]
pub fn lab_set(props: String) -> Result<(), JsValue> {
    pos_playground::components::fairness::root::set(props).map_err(|e| JsValue::from_str(&e))
}

// Nothing to start: the page calls `lab_mount`.
fn main() {}
