//! What each rule is designed to give each staker, computed from the rule's own arithmetic:
//! the oracle the lab's second chi-square test compares the wins with.
//!
//! - **Lots**: every lot is a hash, so every lot is equally likely to be the closest: each
//!   staker's stake share.
//! - **Weighted**: the stake share; the modulo bias of a 128-bit value taken modulo the total
//!   is below 2^-64, beneath the resolution here.
//! - **CometBFT**: the stake share, exactly over every full cycle of turns.
//! - **Ethereum**: the walk over the shuffled validators ([`super::ethereum`]): close to the
//!   stake share while validators are far below 2,048 ETH, further from it as they near it
//!   (stakes 2,048 and 1,024 give 75 % and 25 %, not 67 % and 33 %).
//! - **Algorand**: each staker's expected votes from its binomial CDF as the lab rounds it,
//!   over everyone's; and the chance that nobody, or several, are on the committee.
//! - **Praos**: a staker leads a slot with probability `phi(sigma)`, independently of the
//!   others, so its share of leaderships is `phi_i / sum phi`; a slot is empty with
//!   probability `prod (1 - phi_i) = 1 - f` whatever the split.

use super::fixed::{mul_div, ONE};
use super::{binomial_cdf, ethereum, phi, total, LabError, Params, Rule};
use serde::{Deserialize, Serialize};

/// The scale of [`Expected`]'s fractions: 10^18.
pub const SHARE_ONE: u64 = 1_000_000_000_000_000_000;

const ONE_PER_SHARE: u128 = ONE / SHARE_ONE as u128;

/// What a rule is expected to give, per round, exactly where it is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Expected {
    /// Each staker's expected share of the counts the lab tests (Algorand's votes, the wins
    /// otherwise), at [`SHARE_ONE`]; they add up to it, less rounding.
    pub shares: Vec<u64>,
    /// The chance that a round selects nobody, at [`SHARE_ONE`].
    pub empty: u64,
    /// The chance that a round selects exactly one staker, at [`SHARE_ONE`].
    pub single: u64,
    /// The chance that a round selects several stakers, at [`SHARE_ONE`].
    pub several: u64,
}

/// What `rule` is expected to give over `stakes`: `Ok(None)` when it is not computed here
/// (an Ethereum table of more validators than the walk's sum allows), an error when the
/// lab would refuse the same table and parameters.
pub fn expected(stakes: &[u64], rule: Rule, params: Params) -> Result<Option<Expected>, LabError> {
    params.check()?;
    let total = total(stakes);
    let stake_shares = || -> Vec<u128> { stakes.iter().map(|s| u128::from(*s)).collect() };
    let per_staker: Vec<u128> = match rule {
        Rule::Lots | Rule::Weighted | Rule::CometBft => {
            if rule == Rule::CometBft && total > super::MAX_TOTAL_VOTING_POWER {
                return Err(LabError::TooMuchPower(total));
            }
            stake_shares()
        }
        Rule::Ethereum => match ethereum::Validators::of(stakes)?.expected(stakes.len()) {
            Some(shares) => shares,
            None => return Ok(None),
        },
        Rule::Algorand => {
            if u128::from(params.committee) >= total {
                // Everyone's votes are its whole stake.
                stake_shares()
            } else {
                let cdfs: Vec<Vec<u128>> = stakes
                    .iter()
                    .map(|w| binomial_cdf(*w, params.committee, total))
                    .collect();
                let votes: Vec<u128> = cdfs
                    .iter()
                    .zip(stakes)
                    .map(|(cdf, w)| {
                        let reach = cdf.len().min(*w as usize);
                        cdf[..reach].iter().map(|c| ONE - c.min(&ONE)).sum()
                    })
                    .collect();
                let on: Vec<u128> = cdfs.iter().map(|c| ONE - c[0].min(ONE)).collect();
                return Ok(Some(finish(&votes, &on)));
            }
        }
        Rule::Praos => {
            let (f_num, f_den) = params.active_slots;
            let phis: Vec<u128> = stakes
                .iter()
                .map(|s| phi(*s, total, f_num, f_den))
                .collect();
            return Ok(Some(finish(&phis, &phis)));
        }
    };
    // One winner per round, whenever anyone has stake.
    let sum: u128 = per_staker.iter().sum();
    let nobody = if sum == 0 { SHARE_ONE } else { 0 };
    Ok(Some(Expected {
        shares: to_shares(&per_staker),
        empty: nobody,
        single: SHARE_ONE - nobody,
        several: 0,
    }))
}

/// Shares of `weights`, at [`SHARE_ONE`].
fn to_shares(weights: &[u128]) -> Vec<u64> {
    let sum: u128 = weights.iter().sum();
    weights
        .iter()
        .map(|w| {
            if sum == 0 {
                0
            } else {
                mul_div(*w, u128::from(SHARE_ONE), sum) as u64
            }
        })
        .collect()
}

/// The expectation for rules whose stakers are selected independently, each with chance
/// `on[i]` (at [`ONE`]), the tested counts weighing `weights[i]`.
fn finish(weights: &[u128], on: &[u128]) -> Expected {
    let off: Vec<u128> = on.iter().map(|p| ONE - (*p).min(ONE)).collect();
    // Products of everyone's `off` but one, from prefix and suffix products.
    let n = off.len();
    let mut prefix = vec![ONE; n + 1];
    for i in 0..n {
        prefix[i + 1] = mul_div(prefix[i], off[i], ONE);
    }
    let mut suffix = vec![ONE; n + 1];
    for i in (0..n).rev() {
        suffix[i] = mul_div(suffix[i + 1], off[i], ONE);
    }
    let empty = prefix[n];
    let single: u128 = (0..n)
        .map(|i| mul_div(on[i], mul_div(prefix[i], suffix[i + 1], ONE), ONE))
        .sum();
    let several = ONE.saturating_sub(empty + single);
    Expected {
        shares: to_shares(weights),
        empty: (empty / ONE_PER_SHARE) as u64,
        single: (single.min(ONE) / ONE_PER_SHARE) as u64,
        several: (several / ONE_PER_SHARE) as u64,
    }
}
