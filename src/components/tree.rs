//! A node's block tree: the canonical chain along the top, side branches (forks) below it,
//! each block in its forger's colour, an edge to its parent.

use crate::logic::views::{TreeBlockView, TreeView};
use yew::prelude::*;

/// Props of [`BlockTree`].
#[derive(Properties, PartialEq)]
pub struct BlockTreeProps {
    /// `Playground::tree_view(i)` (none for a node that is gone).
    pub tree: Option<TreeView>,
}

const STEP_X: i64 = 70;
const STEP_Y: i64 = 44;
const W: i64 = 54;
const H: i64 = 30;

/// The tree.
#[function_component(BlockTree)]
pub fn block_tree(p: &BlockTreeProps) -> Html {
    let t = super::language::use_texts();
    let (blocks, node): (&[TreeBlockView], String) =
        p.tree.as_ref().map_or((&[], String::new()), |v| {
            (v.blocks.as_slice(), t.say(&v.node_words))
        });
    let min_h = blocks.iter().map(|b| b.height).min().unwrap_or(0);
    let column = |b: &TreeBlockView| (b.height - min_h) as usize;
    // Lane 0 is the canonical chain; side blocks take the next free lane at their height.
    // (A few hundred blocks at most: vectors and a linear search, no map.)
    let mut next_lane = vec![1i64; blocks.iter().map(column).max().map_or(0, |c| c + 1)];
    let mut pos = vec![(0i64, 0i64); blocks.len()];
    for (i, b) in blocks.iter().enumerate().filter(|(_, b)| b.canonical) {
        pos[i] = (column(b) as i64 * STEP_X + 10, 10);
    }
    for (i, b) in blocks.iter().enumerate().filter(|(_, b)| !b.canonical) {
        let lane = &mut next_lane[column(b)];
        pos[i] = (column(b) as i64 * STEP_X + 10, *lane * STEP_Y + 10);
        *lane += 1;
    }
    let at = |hash| blocks.iter().position(|b| b.hash == hash).map(|i| pos[i]);
    let width = pos.iter().map(|(x, _)| x + W + 10).max().unwrap_or(100);
    let height = pos.iter().map(|(_, y)| y + H + 10).max().unwrap_or(50);
    let sides = blocks.iter().filter(|b| !b.canonical).count();
    html! {
        <section class="tree" aria-label={t.get("tree")} data-testid="block-tree" data-side-blocks={sides.to_string()}>
            <h2>{t.format("tree-title", &[("node", node.clone().into())])}
                <small>{t.get("tree-subtitle")}</small></h2>
            <div class="tree-scroll" tabindex="0" role="region" aria-label={t.get("tree-scroll")}>
            <svg width={width.to_string()} height={height.to_string()} role="img"
                 aria-label={t.format("tree-picture", &[("blocks", blocks.len().into()), ("sides", sides.into())])}>
                { for blocks.iter().zip(&pos).filter_map(|(b, &(x, y))| {
                    let (px, py) = at(b.parent)?;
                    Some(html! { <line x1={(px + W).to_string()} y1={(py + H / 2).to_string()} x2={x.to_string()} y2={(y + H / 2).to_string()} class="edge" /> })
                }) }
                { for blocks.iter().zip(&pos).map(|(b, &(x, y))| {
                    let canonical = b.canonical;
                    let h = b.height;
                    let hash = b.hash.to_hex();
                    let title = t.format("tree-block", &[("height", h.to_string().into()), ("forger", b.forger_words.clone().into()),
                        ("slot", b.slot.into()), ("rank", (b.rank + 1).into()), ("count", b.transactions.into()), ("hash", hash[..10].into())]);
                    html! {
                        <g class={classes!("tblock", if canonical { "canon" } else { "side" })} data-hash={hash}>
                            <title>{title}</title>
                            <rect x={x.to_string()} y={y.to_string()} width={W.to_string()} height={H.to_string()} rx="5"
                                  style={format!("stroke:{}", b.colour)} />
                            <rect x={x.to_string()} y={y.to_string()} width="8" height={H.to_string()} rx="3"
                                  style={format!("fill:{}", b.colour)} />
                            <text x={(x + 12).to_string()} y={(y + 19).to_string()}>{format!("#{h}")}</text>
                        </g>
                    }
                }) }
            </svg>
            </div>
        </section>
    }
}
