//! A node's block tree: the canonical chain along the top, side branches (forks) below it,
//! each block in its forger's colour, an edge to its parent.

use serde_json::Value;
use std::collections::BTreeMap;
use yew::prelude::*;

/// Props of [`BlockTree`].
#[derive(Properties, PartialEq)]
pub struct BlockTreeProps {
    /// `Playground::tree_json(i)`.
    pub tree: Value,
}

const STEP_X: i64 = 70;
const STEP_Y: i64 = 44;
const W: i64 = 54;
const H: i64 = 30;

/// The tree.
#[function_component(BlockTree)]
pub fn block_tree(p: &BlockTreeProps) -> Html {
    let blocks = p
        .tree
        .get("blocks")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let text = |b: &Value, k: &str| {
        b.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let min_h = blocks
        .iter()
        .filter_map(|b| b.get("height").and_then(Value::as_u64))
        .min()
        .unwrap_or(0);
    // Lane 0 is the canonical chain; side blocks take the next free lane at their height.
    let mut lanes: BTreeMap<u64, i64> = BTreeMap::new();
    let mut pos: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for b in blocks
        .iter()
        .filter(|b| b.get("canonical") == Some(&Value::Bool(true)))
    {
        let h = b.get("height").and_then(Value::as_u64).unwrap_or(0);
        pos.insert(text(b, "hash"), (((h - min_h) as i64) * STEP_X + 10, 10));
        lanes.insert(h, 1);
    }
    for b in blocks
        .iter()
        .filter(|b| b.get("canonical") != Some(&Value::Bool(true)))
    {
        let h = b.get("height").and_then(Value::as_u64).unwrap_or(0);
        let lane = lanes.entry(h).or_insert(1);
        pos.insert(
            text(b, "hash"),
            (((h - min_h) as i64) * STEP_X + 10, *lane * STEP_Y + 10),
        );
        *lane += 1;
    }
    let width = pos.values().map(|(x, _)| x + W + 10).max().unwrap_or(100);
    let height = pos.values().map(|(_, y)| y + H + 10).max().unwrap_or(50);
    let sides = blocks.len()
        - blocks
            .iter()
            .filter(|b| b.get("canonical") == Some(&Value::Bool(true)))
            .count();
    html! {
        <section class="tree" aria-label="Block tree" data-testid="block-tree" data-side-blocks={sides.to_string()}>
            <h2>{format!("Block tree as {} sees it", text(&p.tree, "node"))}
                <small>{" — top row: the chain it follows; below: side branches it keeps (forks)"}</small></h2>
            <div class="tree-scroll">
            <svg width={width.to_string()} height={height.to_string()} role="img"
                 aria-label={format!("{} blocks, {} of them on side branches", blocks.len(), sides)}>
                { for blocks.iter().filter_map(|b| {
                    let (x, y) = *pos.get(&text(b, "hash"))?;
                    let (px, py) = *pos.get(&text(b, "parent"))?;
                    Some(html! { <line x1={(px + W).to_string()} y1={(py + H / 2).to_string()} x2={x.to_string()} y2={(y + H / 2).to_string()} class="edge" /> })
                }) }
                { for blocks.iter().filter_map(|b| {
                    let (x, y) = *pos.get(&text(b, "hash"))?;
                    let canonical = b.get("canonical") == Some(&Value::Bool(true));
                    let h = b.get("height").and_then(Value::as_u64).unwrap_or(0);
                    let title = format!("#{h} by {} · slot {} · rank {} · {} tx · {}",
                        text(b, "forgerName"), b.get("slot").and_then(Value::as_u64).unwrap_or(0),
                        b.get("rank").and_then(Value::as_u64).unwrap_or(0) + 1,
                        b.get("transactions").and_then(Value::as_u64).unwrap_or(0),
                        text(b, "hash").chars().take(10).collect::<String>());
                    Some(html! {
                        <g class={classes!("tblock", if canonical { "canon" } else { "side" })} data-hash={text(b, "hash")}>
                            <title>{title}</title>
                            <rect x={x.to_string()} y={y.to_string()} width={W.to_string()} height={H.to_string()} rx="5"
                                  style={format!("stroke:{}", text(b, "colour"))} />
                            <rect x={x.to_string()} y={y.to_string()} width="8" height={H.to_string()} rx="3"
                                  style={format!("fill:{}", text(b, "colour"))} />
                            <text x={(x + 12).to_string()} y={(y + 19).to_string()}>{format!("#{h}")}</text>
                        </g>
                    })
                }) }
            </svg>
            </div>
        </section>
    }
}
