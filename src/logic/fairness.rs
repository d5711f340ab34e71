//! The fairness lab's plain-Rust side: what the page asks the worker to run
//! ([`FairnessJob`]), the run itself ([`FairnessRun`], rounds of every chosen rule over one
//! stake table, interleaved so they all advance together), and what comes back
//! ([`FairnessReport`]: wins, shares, the convergence samples and the chi-square test, with
//! its verdict in words). No browser types: the worker, the page and the console all use it,
//! and it is tested natively and as wasm.
//!
//! Shares and p-values are fractions in millionths: the counts and the test come from
//! `pos_core::fairness` in integers; floats appear only where the page formats text.

use crate::logic::i18n::{Arg, Say};
use crate::logic::model::Playground;
use crate::logic::words::fixed;
use crate::logic::words::group;
use pos_core::fairness::{self, ChiSquare, Expected, Lab, LabError, Params, Rule};
pub use pos_core::fairness::{Verdict, MAX_COMMITTEE};
use pos_core::grinding::{self, Grinder};
use pos_core::Hash;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Most rounds in one run.
pub const MAX_ROUNDS: u64 = 100_000;
/// Most stakers in one table (the chart must stay readable).
pub const MAX_STAKERS: usize = 24;
/// Most total stake: one round of the lots rule hashes every lot once.
pub const MAX_TOTAL_STAKE: u64 = 1_000_000;
/// One million: the scale of shares and p-values.
pub const PPM: u64 = 1_000_000;

/// A fairness run the page (or the console) asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FairnessJob {
    /// The stake table.
    pub stakes: Vec<u64>,
    /// The rules to run side by side, each over the same rounds.
    pub rules: Vec<Rule>,
    /// Rounds per rule.
    pub rounds: u64,
    /// The first round's seed; round `r + 1`'s is `SHA-256(seed_r)`, as on chain.
    pub seed: Hash,
    /// Algorand's committee size and Praos' active slot coefficient.
    #[serde(default)]
    pub params: Params,
}

/// Why a [`FairnessJob`] cannot run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FairnessError {
    /// The stake table is empty.
    NoStakers,
    /// More stakers than [`MAX_STAKERS`].
    TooManyStakers(usize),
    /// Every stake is zero.
    NoStake,
    /// The stakes add up to more than [`MAX_TOTAL_STAKE`].
    TooMuchStake(u128),
    /// Rounds outside `1..=MAX_ROUNDS`.
    Rounds(u64),
    /// No rule chosen.
    NoRule,
    /// The rules' parameters (Algorand's committee, Praos' `f`) out of range, or a table
    /// the core's lab refuses.
    Lab(LabError),
}

impl fmt::Display for FairnessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FairnessError::NoStakers => f.write_str("the stake table is empty: add a staker"),
            FairnessError::TooManyStakers(n) => {
                write!(f, "{n} stakers is too many: at most {MAX_STAKERS}")
            }
            FairnessError::NoStake => f.write_str("nobody has stake: give someone a stake above 0"),
            FairnessError::TooMuchStake(t) => write!(
                f,
                "the stakes add up to {t}: at most {MAX_TOTAL_STAKE} (every lot is hashed each round)"
            ),
            FairnessError::Rounds(r) => {
                write!(f, "{r} rounds: choose between 1 and {MAX_ROUNDS}")
            }
            FairnessError::NoRule => f.write_str("choose at least one rule"),
            FairnessError::Lab(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for FairnessError {}

impl FairnessError {
    /// Why, in words (`refusal-lab`); the core lab's own refusal in its English words.
    pub fn say(&self) -> Say {
        let s = Say::new("refusal-lab");
        match self {
            FairnessError::NoStakers => s.with("reason", "noStakers"),
            FairnessError::TooManyStakers(n) => s
                .with("reason", "tooManyStakers")
                .with("stakers", *n)
                .with("max", MAX_STAKERS),
            FairnessError::NoStake => s.with("reason", "noStake"),
            FairnessError::TooMuchStake(t) => s
                .with("reason", "tooMuchStake")
                .with("total", u64::try_from(*t).unwrap_or(u64::MAX))
                .with("max", MAX_TOTAL_STAKE),
            FairnessError::Rounds(r) => s
                .with("reason", "rounds")
                .with("rounds", *r)
                .with("max", MAX_ROUNDS),
            FairnessError::NoRule => s.with("reason", "noRule"),
            FairnessError::Lab(e) => s.with("reason", "lab").with("detail", e.to_string()),
        }
    }
}

impl FairnessJob {
    /// Whether the job can run, and if not why.
    pub fn validate(&self) -> Result<(), FairnessError> {
        if self.stakes.is_empty() {
            return Err(FairnessError::NoStakers);
        }
        if self.stakes.len() > MAX_STAKERS {
            return Err(FairnessError::TooManyStakers(self.stakes.len()));
        }
        let total: u128 = self.stakes.iter().map(|s| u128::from(*s)).sum();
        if total == 0 {
            return Err(FairnessError::NoStake);
        }
        if total > u128::from(MAX_TOTAL_STAKE) {
            return Err(FairnessError::TooMuchStake(total));
        }
        if !(1..=MAX_ROUNDS).contains(&self.rounds) {
            return Err(FairnessError::Rounds(self.rounds));
        }
        if self.rules.is_empty() {
            return Err(FairnessError::NoRule);
        }
        self.params.check().map_err(FairnessError::Lab)
    }
}

/// Each staker's share of the wins at one moment of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sample {
    /// Rounds run when it was taken.
    pub rounds: u64,
    /// Each staker's share of all wins so far, in millionths.
    pub shares_ppm: Vec<u32>,
}

/// Which question a chi-square test answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// "Does it follow stake?": the wins against the stake shares.
    Stake,
    /// "Does it do what its designers intended?": the wins against what the rule is
    /// expected to give ([`pos_core::fairness::expected`]).
    Design,
}

/// A verdict in words a class understands, in the console's English; `p` is the p-value as
/// [`p_words`] writes it. The page says [`verdict_say`].
pub fn verdict_words(verdict: Verdict, p: &str, against: Against) -> String {
    let target = match against {
        Against::Stake => "the stake shares",
        Against::Design => "what the rule is designed to give",
    };
    match verdict {
        Verdict::TooFew => "Too few wins to test yet: run more rounds.".to_string(),
        Verdict::Exact => format!(
            "Closer to {target} than luck would ever be (p = {p}): the turns are handed out \
             by a rule, not drawn."
        ),
        Verdict::Fits => format!(
            "The wins fit {target}. A gap this big or bigger happens by pure chance in {p} of \
             runs, so there is no sign of a difference."
        ),
        Verdict::Borderline => format!(
            "Borderline against {target}: a gap this big happens by chance in only {p} of \
             runs. Run more rounds: a real difference gets clearer, luck drifts back."
        ),
        Verdict::Deviates => format!(
            "The wins do not follow {target}: chance alone would give a gap this big in only \
             {p} of runs."
        ),
    }
}

/// [`verdict_words`] as the page says it (`fairness-verdict`), with `p` from [`p_say`].
pub fn verdict_say(verdict: Verdict, p: Say, against: Against) -> Say {
    let verdict = match verdict {
        Verdict::TooFew => "tooFew",
        Verdict::Exact => "exact",
        Verdict::Fits => "fits",
        Verdict::Borderline => "borderline",
        Verdict::Deviates => "deviates",
    };
    let against = match against {
        Against::Stake => "stake",
        Against::Design => "design",
    };
    Say::new("fairness-verdict")
        .with("verdict", verdict)
        .with("p", p)
        .with("against", against)
}

/// [`p_words`] as the page says it.
pub fn p_say(p_ppm: u32) -> Say {
    match p_ppm {
        0 => Say::new("fairness-p-tiny"),
        1..=999 => Say::new("fairness-p-one-in").with("n", u64::from(PPM as u32 / p_ppm)),
        1_000..=99_999 => Say::new("fairness-p-percent").with(
            "percent",
            Arg::Decimal(fixed(f64::from(p_ppm) / 10_000.0, 1)),
        ),
        _ => Say::new("fairness-p-percent").with(
            "percent",
            Arg::Decimal(fixed(f64::from(p_ppm) / 10_000.0, 0)),
        ),
    }
}

/// One rule's results so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleReport {
    /// The rule.
    pub rule: Rule,
    /// Rounds run.
    pub rounds: u64,
    /// Rounds each staker was selected in (on Algorand's committee, among Praos' leaders).
    pub wins: Vec<u64>,
    /// Algorand's votes per staker; equal to `wins` for the other rules.
    pub votes: Vec<u64>,
    /// The counts the test uses (`votes` for Algorand, `wins` otherwise), as shares of their
    /// sum, in millionths.
    pub shares_ppm: Vec<u32>,
    /// The chi-square test of those counts against the stake shares ("does it follow
    /// stake?").
    pub chi_square: ChiSquare,
    /// Its verdict.
    pub verdict: Verdict,
    /// What the rule is expected to give each staker, in millionths of the tested counts
    /// (`None` where it is not computed).
    pub expected_ppm: Option<Vec<u32>>,
    /// The expected chance of a round without anyone selected, in millionths.
    pub expected_empty_ppm: Option<u32>,
    /// The expected chance of a round with several selected, in millionths.
    pub expected_several_ppm: Option<u32>,
    /// The chi-square test of the counts against the expected shares ("does it do what its
    /// designers intended?").
    pub chi_expected: Option<ChiSquare>,
    /// Its verdict.
    pub verdict_expected: Option<Verdict>,
    /// Rounds that selected nobody (Algorand, Praos).
    pub empty_rounds: u64,
    /// Rounds that selected more than one staker (Algorand, Praos).
    pub shared_rounds: u64,
    /// Shares over the run, at rounds growing by about 5% each.
    pub samples: Vec<Sample>,
}

/// A run's results so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FairnessReport {
    /// The stake table.
    pub stakes: Vec<u64>,
    /// Each staker's stake share, in millionths.
    pub stake_shares_ppm: Vec<u32>,
    /// The rounds asked for, per rule.
    pub rounds_target: u64,
    /// One per rule, in the job's order.
    pub rules: Vec<RuleReport>,
    /// Whether every rule ran all its rounds.
    pub done: bool,
}

impl FairnessReport {
    /// Rounds run, summed over the rules.
    pub fn rounds_done(&self) -> u64 {
        self.rules.iter().map(|r| r.rounds).sum()
    }

    /// Rounds asked for, summed over the rules.
    pub fn rounds_total(&self) -> u64 {
        self.rounds_target * self.rules.len() as u64
    }
}

/// `part / whole` in millionths, rounded down (0 when `whole` is 0).
pub fn ppm(part: u64, whole: u64) -> u32 {
    if whole == 0 {
        return 0;
    }
    (u128::from(part) * u128::from(PPM) / u128::from(whole)) as u32
}

fn shares_ppm(counts: &[u64]) -> Vec<u32> {
    let sum: u64 = counts.iter().sum();
    counts.iter().map(|c| ppm(*c, sum)).collect()
}

/// The round after which the next sample is taken: about 5% later, at least one round.
fn next_sample(after: u64) -> u64 {
    after + (after / 20).max(1)
}

struct RuleRun {
    lab: Lab,
    expected: Option<Expected>,
    empty: u64,
    shared: u64,
    samples: Vec<Sample>,
    next_sample: u64,
}

impl RuleRun {
    /// Counts a round just drawn or recorded: empty and shared rounds, and a sample of the
    /// shares every 5 % or so.
    fn count(&mut self, round: &fairness::Round, target: u64) {
        match round.winners.len() {
            0 => self.empty += 1,
            1 => {}
            _ => self.shared += 1,
        }
        let n = self.lab.rounds();
        if n >= self.next_sample || n == target {
            self.samples.push(Sample {
                rounds: n,
                shares_ppm: shares_ppm(self.counts()),
            });
            self.next_sample = next_sample(n);
        }
    }

    fn counts(&self) -> &[u64] {
        if self.lab.rule() == Rule::Algorand {
            self.lab.weights()
        } else {
            self.lab.wins()
        }
    }

    fn report(&self) -> RuleReport {
        let counts = self.counts();
        let counted: u64 = counts.iter().sum();
        let chi_square = fairness::chi_square(counts, self.lab.stakes());
        let chi_expected = self
            .expected
            .as_ref()
            .map(|e| fairness::chi_square(counts, &e.shares));
        let millionths = |x: u64| (x / (fairness::SHARE_ONE / PPM)) as u32;
        RuleReport {
            expected_ppm: self
                .expected
                .as_ref()
                .map(|e| e.shares.iter().map(|s| millionths(*s)).collect()),
            expected_empty_ppm: self.expected.as_ref().map(|e| millionths(e.empty)),
            expected_several_ppm: self.expected.as_ref().map(|e| millionths(e.several)),
            verdict_expected: chi_expected.as_ref().map(|c| Verdict::of(c, counted)),
            chi_expected,
            rule: self.lab.rule(),
            rounds: self.lab.rounds(),
            wins: self.lab.wins().to_vec(),
            votes: self.lab.weights().to_vec(),
            shares_ppm: shares_ppm(counts),
            verdict: Verdict::of(&chi_square, counted),
            chi_square,
            empty_rounds: self.empty,
            shared_rounds: self.shared,
            samples: self.samples.clone(),
        }
    }
}

/// A fairness run in progress: every rule's lab over the same stake table and seed.
pub struct FairnessRun {
    job: FairnessJob,
    runs: Vec<RuleRun>,
    /// The lots rule's rounds are drawn by other workers (see [`FairnessRun::split`]).
    lots_elsewhere: bool,
}

/// A round of the lots rule without a winner (nobody has stake), in [`lots_rounds`].
pub const NO_WINNER: u8 = u8::MAX;

/// The winners of `rounds` consecutive rounds of the lots rule over `stakes`, the first
/// drawn from `seed` (`pos_core::fairness::seed_after` gives any round's seed): one helper
/// worker's share of a split run. Each winner is a staker's index ([`MAX_STAKERS`] fits in
/// a byte), [`NO_WINNER`] when nobody has stake.
pub fn lots_rounds(stakes: &[u64], seed: Hash, rounds: u64) -> Result<Vec<u8>, FairnessError> {
    let mut lab = Lab::new(stakes.to_vec(), Rule::Lots, seed).map_err(FairnessError::Lab)?;
    Ok((0..rounds)
        .map(|_| {
            lab.next_round()
                .winners
                .first()
                .and_then(|w| u8::try_from(*w).ok())
                .unwrap_or(NO_WINNER)
        })
        .collect())
}

impl FairnessRun {
    /// A run of `job`, or why it cannot run.
    pub fn new(job: FairnessJob) -> Result<FairnessRun, FairnessError> {
        job.validate()?;
        let mut rules = job.rules.clone();
        rules.dedup();
        let runs = rules
            .iter()
            .map(|rule| {
                Ok(RuleRun {
                    lab: Lab::with_params(job.stakes.clone(), *rule, job.seed, job.params)?,
                    expected: fairness::expected(&job.stakes, *rule, job.params)?,
                    empty: 0,
                    shared: 0,
                    samples: Vec::new(),
                    next_sample: 1,
                })
            })
            .collect::<Result<Vec<RuleRun>, LabError>>()
            .map_err(FairnessError::Lab)?;
        Ok(FairnessRun {
            job,
            runs,
            lots_elsewhere: false,
        })
    }

    /// Whether every rule ran all its rounds.
    pub fn done(&self) -> bool {
        self.runs.iter().all(|r| r.lab.rounds() >= self.job.rounds)
    }

    /// Whether every rule this run draws itself ran all its rounds (all of them but the lots
    /// rule of a split run).
    pub fn own_rules_done(&self) -> bool {
        self.runs.iter().all(|r| {
            (self.lots_elsewhere && r.lab.rule() == Rule::Lots) || r.lab.rounds() >= self.job.rounds
        })
    }

    /// The job.
    pub fn job(&self) -> &FairnessJob {
        &self.job
    }

    /// Runs up to `rounds` more rounds of each rule that is not finished (but the lots rule
    /// of a split run, whose rounds arrive through [`FairnessRun::record_lots`]).
    pub fn step(&mut self, rounds: u64) {
        let target = self.job.rounds;
        for run in &mut self.runs {
            if self.lots_elsewhere && run.lab.rule() == Rule::Lots {
                continue;
            }
            for _ in 0..rounds {
                if run.lab.rounds() >= target {
                    break;
                }
                let round = run.lab.next_round();
                run.count(&round, target);
            }
        }
    }

    /// A run whose lots rule is drawn by other workers ([`lots_rounds`], each a block of
    /// consecutive rounds) and counted here in round order ([`FairnessRun::record_lots`]):
    /// the figures are the same as a run on one worker, whatever the number of workers.
    pub fn split(job: FairnessJob) -> Result<FairnessRun, FairnessError> {
        let mut run = FairnessRun::new(job)?;
        run.lots_elsewhere = run.runs.iter().any(|r| r.lab.rule() == Rule::Lots);
        Ok(run)
    }

    /// Rounds of the lots rule counted so far (0 without it).
    pub fn lots_rounds_done(&self) -> u64 {
        self.runs
            .iter()
            .find(|r| r.lab.rule() == Rule::Lots)
            .map_or(0, |r| r.lab.rounds())
    }

    /// Counts the winners of the lots rule's next rounds, as [`lots_rounds`] drew them from
    /// the seed of round [`FairnessRun::lots_rounds_done`].
    pub fn record_lots(&mut self, winners: &[u8]) {
        let target = self.job.rounds;
        let Some(run) = self.runs.iter_mut().find(|r| r.lab.rule() == Rule::Lots) else {
            return;
        };
        for w in winners {
            if run.lab.rounds() >= target {
                break;
            }
            let round = if *w == NO_WINNER {
                run.lab.record_round(Vec::new(), Vec::new())
            } else {
                run.lab.record_round(vec![usize::from(*w)], vec![1])
            };
            run.count(&round, target);
        }
    }

    /// Runs everything, reporting between steps: `progress` gets the report so far and
    /// returns whether to go on. Returns the last report.
    pub fn run_all(
        mut self,
        step: u64,
        mut progress: impl FnMut(&FairnessReport) -> bool,
    ) -> FairnessReport {
        while !self.done() {
            self.step(step.max(1));
            if !self.done() && !progress(&self.report()) {
                break;
            }
        }
        self.report()
    }

    /// The results so far.
    pub fn report(&self) -> FairnessReport {
        let total: u64 = self.job.stakes.iter().sum();
        FairnessReport {
            stakes: self.job.stakes.clone(),
            stake_shares_ppm: self.job.stakes.iter().map(|s| ppm(*s, total)).collect(),
            rounds_target: self.job.rounds,
            rules: self.runs.iter().map(RuleRun::report).collect(),
            done: self.done(),
        }
    }
}

/// How many rounds of each rule the worker runs between two looks at the clock: about a
/// million hashes for the lots rule, more for the one-hash rules.
pub fn step_rounds(job: &FairnessJob) -> u64 {
    let lots: u64 = job.stakes.iter().sum();
    let step = if job.rules.contains(&Rule::Lots) {
        (1_000_000 / lots.max(1)).clamp(1, 10_000)
    } else {
        10_000
    };
    // An Ethereum round is the spec's 90-round shuffle (about 180 hashes) and a walk that
    // refuses a small validator thousands of times: report every few hundred rounds.
    if job.rules.contains(&Rule::Ethereum) {
        step.min(ETHEREUM_STEP_ROUNDS)
    } else {
        step
    }
}

/// Most rounds of each rule between two reports when Ethereum's rule runs.
const ETHEREUM_STEP_ROUNDS: u64 = 250;

/// A p-value in millionths as the page prints it: "0.42", "4.2 %", "1 in 12,000", "< 1 in a
/// million".
pub fn p_words(p_ppm: u32) -> String {
    match p_ppm {
        0 => "less than 1 in a million".to_string(),
        1..=999 => format!("1 in {}", group(u64::from(PPM as u32 / p_ppm))),
        1_000..=99_999 => format!("{} %", fixed(f64::from(p_ppm) / 10_000.0, 1)),
        _ => format!("{} %", fixed(f64::from(p_ppm) / 10_000.0, 0)),
    }
}

/// Rounds whose forgers the grinding report lists, for the strips on the page.
pub const STRIP_ROUNDS: usize = 120;

/// Honest play and grinding over the same setup, side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GrindReport {
    /// Everyone publishes the honest block.
    pub honest: grinding::Report,
    /// The coalition grinds.
    pub grinding: grinding::Report,
    /// Forgers of the first [`STRIP_ROUNDS`] blocks, honest play.
    pub honest_strip: Vec<usize>,
    /// Forgers of the first [`STRIP_ROUNDS`] blocks, grinding; `true` marks a ground block.
    pub grinding_strip: Vec<(usize, bool)>,
    /// Whether both ran all their rounds.
    pub done: bool,
}

/// A grinding demonstration in progress: the honest run and the grinding run in step.
pub struct GrindRun {
    honest: Grinder,
    grinding: Grinder,
    honest_strip: Vec<usize>,
    grinding_strip: Vec<(usize, bool)>,
}

impl GrindRun {
    /// Both runs of `setup`, or why it cannot run.
    pub fn new(setup: &grinding::Setup) -> Result<GrindRun, grinding::SetupError> {
        Ok(GrindRun {
            honest: Grinder::new(setup, false)?,
            grinding: Grinder::new(setup, true)?,
            honest_strip: Vec::new(),
            grinding_strip: Vec::new(),
        })
    }

    /// Whether both runs are over.
    pub fn done(&self) -> bool {
        self.honest.is_done() && self.grinding.is_done()
    }

    /// Up to `rounds` more rounds of each run.
    pub fn step(&mut self, rounds: u64) {
        for _ in 0..rounds {
            if let Some(o) = self.honest.step() {
                if self.honest_strip.len() < STRIP_ROUNDS {
                    self.honest_strip.push(o.forger);
                }
            }
            if let Some(o) = self.grinding.step() {
                if self.grinding_strip.len() < STRIP_ROUNDS {
                    self.grinding_strip.push((o.forger, o.changed));
                }
            }
        }
    }

    /// The results so far.
    pub fn report(&self) -> GrindReport {
        GrindReport {
            honest: self.honest.report(),
            grinding: self.grinding.report(),
            honest_strip: self.honest_strip.clone(),
            grinding_strip: self.grinding_strip.clone(),
            done: self.done(),
        }
    }
}

/// Rounds of each grinding run between two looks at the clock: a grinding round may hash
/// every variant.
pub fn grind_step_rounds(setup: &grinding::Setup) -> u64 {
    let work = setup
        .total_stake()
        .saturating_mul(grinding::variants(setup.pool))
        .max(1);
    (2_000_000 / work).clamp(1, 1_000)
}

/// A staker of the lab's table: name, colour and stake (the page hands them to the lab's own
/// module as JSON: `edge::lab`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabStaker {
    /// Its name ("Node 2", or "Staker 5" for rows the teacher added).
    pub name: String,
    /// Its colour.
    pub colour: String,
    /// Its stake.
    pub stake: u64,
}

/// Node `i`'s stake table at its tip, as the lab's rows (each staker named by `name`, the
/// page's words for a [`Say`]), and its tip hash (a seed).
pub fn network_stakers(
    m: &Playground,
    i: usize,
    name: &dyn Fn(&Say) -> String,
) -> Option<(Vec<LabStaker>, Hash)> {
    let chain = m.node(i)?.chain();
    let rows = chain
        .accounts()
        .stakers()
        .iter()
        .map(|(a, s)| LabStaker {
            name: name(&m.who(a)),
            colour: m.colour_of(a).to_string(),
            stake: *s,
        })
        .collect();
    Some((rows, chain.tip_hash()))
}

/// What `playground.fairness({stakes, rounds, rule})` resolves to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsoleAnswer {
    /// The rule.
    pub rule: Rule,
    /// Rounds run.
    pub rounds: u64,
    /// Wins per staker (Algorand: rounds on the committee).
    pub wins: Vec<u64>,
    /// The tested counts' shares (Algorand: of the votes), as fractions.
    pub shares: Vec<f64>,
    /// Each staker's stake share, as a fraction.
    pub stake_shares: Vec<f64>,
    /// The chi-square statistic.
    pub chi_square: f64,
    /// Its degrees of freedom.
    pub degrees: u32,
    /// Its p-value.
    pub p_value: f64,
    /// The verdict in words.
    pub verdict: String,
    /// What the rule is expected to give each staker, as fractions (where known).
    pub expected_shares: Option<Vec<f64>>,
    /// The chi-square statistic against those.
    pub chi_square_expected: Option<f64>,
    /// Its p-value.
    pub p_value_expected: Option<f64>,
    /// Its verdict in words.
    pub verdict_expected: Option<String>,
    /// The worker's time for the job, in ms.
    pub ms: f64,
}

impl ConsoleAnswer {
    /// The answer for one rule of a report that took `ms`.
    pub fn of(report: &FairnessReport, rule: &RuleReport, ms: f64) -> ConsoleAnswer {
        let frac =
            |v: &[u32]| -> Vec<f64> { v.iter().map(|x| f64::from(*x) / PPM as f64).collect() };
        ConsoleAnswer {
            rule: rule.rule,
            rounds: rule.rounds,
            wins: rule.wins.clone(),
            shares: frac(&rule.shares_ppm),
            stake_shares: frac(&report.stake_shares_ppm),
            chi_square: rule.chi_square.statistic_milli as f64 / 1000.0,
            degrees: rule.chi_square.degrees,
            p_value: f64::from(rule.chi_square.p_value_ppm) / PPM as f64,
            verdict: verdict_words(
                rule.verdict,
                &p_words(rule.chi_square.p_value_ppm),
                Against::Stake,
            ),
            expected_shares: rule.expected_ppm.as_deref().map(frac),
            chi_square_expected: rule.chi_expected.map(|c| c.statistic_milli as f64 / 1000.0),
            p_value_expected: rule
                .chi_expected
                .map(|c| f64::from(c.p_value_ppm) / PPM as f64),
            verdict_expected: rule
                .verdict_expected
                .zip(rule.chi_expected)
                .map(|(v, c)| verdict_words(v, &p_words(c.p_value_ppm), Against::Design)),
            ms,
        }
    }
}

/// Reads the console's `{stakes, rounds, rule, seed?}` (rounds default 1,000, rule `lots`);
/// `network` is the stake table used when `stakes` is missing.
pub fn console_job(
    v: &serde_json::Value,
    network: Vec<u64>,
    fallback_seed: Hash,
) -> Result<FairnessJob, String> {
    let stakes = match v.get("stakes") {
        None | Some(serde_json::Value::Null) => network,
        Some(s) => serde_json::from_value::<Vec<u64>>(s.clone())
            .map_err(|_| "stakes: give an array of whole numbers, e.g. [10, 30, 60]".to_string())?,
    };
    let rounds = match v.get("rounds") {
        None | Some(serde_json::Value::Null) => 1_000,
        Some(r) => r
            .as_u64()
            .ok_or_else(|| "rounds: give a whole number, e.g. 10000".to_string())?,
    };
    let rule = match v.get("rule") {
        None | Some(serde_json::Value::Null) => Rule::Lots,
        Some(r) => r
            .as_str()
            .ok_or_else(|| "rule: give a name".to_string())?
            .parse::<Rule>()
            .map_err(|e| {
                format!("{e}: one of lots, weighted, cometbft, ethereum, algorand, praos")
            })?,
    };
    let seed = match v.get("seed").and_then(serde_json::Value::as_str) {
        Some(s) => Hash::from_hex(s).map_err(|e| format!("seed: {e}"))?,
        None => fallback_seed,
    };
    let job = FairnessJob {
        stakes,
        rules: vec![rule],
        rounds,
        seed,
        params: Params::default(),
    };
    job.validate().map_err(|e| e.to_string())?;
    Ok(job)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(stakes: Vec<u64>, rules: Vec<Rule>, rounds: u64) -> FairnessJob {
        FairnessJob {
            stakes,
            rules,
            rounds,
            seed: Hash::of(b"fairness view"),
            params: Params::default(),
        }
    }

    #[test]
    fn a_run_counts_every_round_of_every_rule_and_matches_the_core_lab() {
        let j = job(vec![10, 30, 60], Rule::ALL.to_vec(), 500);
        let report = FairnessRun::new(j.clone())
            .expect("valid")
            .run_all(37, |_| true);
        assert!(report.done);
        assert_eq!(report.rounds_done(), 6 * 500);
        assert_eq!(report.stake_shares_ppm, vec![100_000, 300_000, 600_000]);
        for (rule, r) in Rule::ALL.iter().zip(&report.rules) {
            let mut lab = Lab::new(j.stakes.clone(), *rule, j.seed).expect("valid lab");
            lab.run(500);
            assert_eq!(r.wins, lab.wins(), "{rule}");
            assert_eq!(r.rounds, 500);
            let last = r.samples.last().expect("samples");
            assert_eq!(last.rounds, 500);
            assert_eq!(last.shares_ppm, r.shares_ppm);
            assert!(r.samples.windows(2).all(|w| w[0].rounds < w[1].rounds));
            // ~5% apart, so a few dozen samples, not one per round.
            assert!(r.samples.len() < 120, "{rule}: {}", r.samples.len());
        }
        let comet = &report.rules[2];
        assert_eq!(comet.verdict, Verdict::Exact, "{comet:?}");
        let lots = &report.rules[0];
        assert_eq!(lots.empty_rounds + lots.shared_rounds, 0);
    }

    #[test]
    fn a_run_split_over_workers_gives_the_same_figures_whatever_their_number() {
        let mut j = job(vec![10, 30, 0, 60], Rule::ALL.to_vec(), 700);
        j.seed = Hash::of(b"split");
        let whole = FairnessRun::new(j.clone())
            .expect("runs")
            .run_all(64, |_| true);
        for chunk in [1u64, 7, 100, 700] {
            let mut split = FairnessRun::split(j.clone()).expect("runs");
            while !split.own_rules_done() {
                split.step(64);
            }
            // Helpers draw blocks of consecutive rounds from each block's own seed.
            let mut first = 0;
            while first < j.rounds {
                let n = chunk.min(j.rounds - first);
                assert_eq!(split.lots_rounds_done(), first);
                let seed = fairness::seed_after(j.seed, first);
                split.record_lots(&lots_rounds(&j.stakes, seed, n).expect("lots"));
                first += n;
            }
            assert!(split.done());
            assert_eq!(split.report(), whole, "blocks of {chunk}");
        }
    }

    #[test]
    fn stopping_keeps_what_ran() {
        let j = job(vec![1, 1], vec![Rule::Weighted], 1_000);
        let mut calls = 0;
        let report = FairnessRun::new(j).expect("valid").run_all(100, |r| {
            calls += 1;
            r.rounds_done() < 300
        });
        assert!(!report.done);
        assert_eq!(report.rules[0].rounds, 300);
        assert_eq!(calls, 3);
    }

    #[test]
    fn bad_jobs_say_why() {
        let cases: Vec<(FairnessJob, FairnessError)> = vec![
            (job(vec![], vec![Rule::Lots], 10), FairnessError::NoStakers),
            (
                job(vec![0, 0], vec![Rule::Lots], 10),
                FairnessError::NoStake,
            ),
            (
                job(vec![1; 25], vec![Rule::Lots], 10),
                FairnessError::TooManyStakers(25),
            ),
            (
                job(vec![600_000, 500_000], vec![Rule::Lots], 10),
                FairnessError::TooMuchStake(1_100_000),
            ),
            (job(vec![1], vec![Rule::Lots], 0), FairnessError::Rounds(0)),
            (
                job(vec![1], vec![Rule::Lots], 100_001),
                FairnessError::Rounds(100_001),
            ),
            (job(vec![1], vec![], 10), FairnessError::NoRule),
        ];
        for (j, want) in cases {
            assert_eq!(j.validate(), Err(want.clone()));
            assert!(FairnessRun::new(j).is_err());
            assert!(!want.to_string().is_empty());
        }
        let mut j = job(vec![1], vec![Rule::Algorand], 10);
        j.params.committee = 65;
        assert_eq!(
            j.validate(),
            Err(FairnessError::Lab(LabError::Committee(65)))
        );
        j.params = Params {
            committee: 20,
            active_slots: (1, 1),
        };
        assert_eq!(
            j.validate(),
            Err(FairnessError::Lab(LabError::ActiveSlots(1, 1)))
        );
    }

    #[test]
    fn grinding_runs_honest_and_ground_play_side_by_side() {
        let setup = grinding::Setup {
            stakes: vec![10, 30, 60],
            grinder: 0,
            friend: None,
            pool: 3,
            rounds: 300,
            seed: Hash::of(b"grind view"),
        };
        let mut run = GrindRun::new(&setup).expect("valid");
        while !run.done() {
            run.step(grind_step_rounds(&setup).min(70));
        }
        let r = run.report();
        assert!(r.done);
        assert_eq!(r.honest, grinding::run(&setup, false).expect("valid"));
        assert_eq!(r.grinding, grinding::run(&setup, true).expect("valid"));
        assert_eq!(r.honest_strip.len(), STRIP_ROUNDS);
        assert_eq!(r.grinding_strip.len(), STRIP_ROUNDS);
        assert!(r.grinding.coalition_block_ppm > 3 * r.honest.coalition_block_ppm);
        assert!(r.grinding_strip.iter().any(|(_, changed)| *changed));
        let bad = grinding::Setup {
            grinder: 3,
            ..setup
        };
        assert!(GrindRun::new(&bad).is_err());
    }

    #[test]
    fn verdicts_and_p_values_in_words() {
        let chi = |p_value_ppm| ChiSquare {
            statistic_milli: 1000,
            degrees: 2,
            p_value_ppm,
        };
        assert_eq!(Verdict::of(&chi(999_500), 100), Verdict::Exact);
        assert_eq!(Verdict::of(&chi(500_000), 100), Verdict::Fits);
        assert_eq!(Verdict::of(&chi(50_000), 100), Verdict::Fits);
        assert_eq!(Verdict::of(&chi(49_999), 100), Verdict::Borderline);
        assert_eq!(Verdict::of(&chi(999), 100), Verdict::Deviates);
        assert_eq!(Verdict::of(&chi(500_000), 4), Verdict::TooFew);
        assert_eq!(p_words(0), "less than 1 in a million");
        assert_eq!(p_words(80), "1 in 12,500");
        assert_eq!(p_words(42_000), "4.2 %");
        assert_eq!(p_words(420_000), "42 %");
        assert!(verdict_words(Verdict::Fits, "42 %", Against::Stake).contains("42 %"));
        assert!(verdict_words(Verdict::Deviates, "1 %", Against::Design).contains("designed"));
        assert_eq!(group(1_234_567), "1,234,567");
        assert_eq!(group(12), "12");
    }

    #[test]
    fn the_console_reads_its_arguments_and_refuses_bad_ones() {
        let seed = Hash::of(b"s");
        let j = console_job(&serde_json::json!({}), vec![5, 5], seed).expect("defaults");
        assert_eq!(
            (j.stakes.clone(), j.rounds, j.rules.clone()),
            (vec![5, 5], 1000, vec![Rule::Lots])
        );
        let j = console_job(
            &serde_json::json!({"stakes": [1, 3], "rounds": 40, "rule": "cometbft"}),
            vec![],
            seed,
        )
        .expect("given");
        assert_eq!(
            (j.stakes.clone(), j.rounds, j.rules.clone()),
            (vec![1, 3], 40, vec![Rule::CometBft])
        );
        for bad in [
            serde_json::json!({"stakes": "lots"}),
            serde_json::json!({"stakes": [1], "rounds": -1}),
            serde_json::json!({"stakes": [1], "rule": "pow"}),
            serde_json::json!({"stakes": [], "rounds": 10}),
            serde_json::json!({"stakes": [1], "seed": "zz"}),
        ] {
            assert!(console_job(&bad, vec![1], seed).is_err(), "{bad}");
        }
        let report = FairnessRun::new(
            console_job(
                &serde_json::json!({"stakes": [1, 3], "rounds": 4, "rule": "cometbft"}),
                vec![],
                seed,
            )
            .expect("valid"),
        )
        .expect("runs")
        .run_all(10, |_| true);
        let a = ConsoleAnswer::of(&report, &report.rules[0], 12.5);
        // CometBFT with powers 1 and 3: p2, p1, p2, p2.
        assert_eq!(a.wins, vec![1, 3]);
        assert_eq!(a.shares, vec![0.25, 0.75]);
        assert_eq!(a.stake_shares, vec![0.25, 0.75]);
    }
}
