#!/usr/bin/env python3
"""The fairness lab against its references: the Ethereum specification's own code, and exact
arithmetic for what each rule is expected to give.

Runs the `pos` command (built by `cargo build -p pos-cli`) and compares:

1. Ethereum: every round of `pos fairness --rule ethereum --trace` over 1,000 random stake tables
   (1 to 100 validators; small stakes, stakes near and above 2,048) with consensus-specs'
   `compute_proposer_index` from the `eth-consensus-specs` package (Electra, and Fulu where the
   package has it), the stake table mapped to validators as the lab states: whole tokens = ETH,
   a staker's validators in staker order, each 2,048 except the last which holds the rest,
   effective balance = tokens x 10^9 Gwei, the round's seed as the spec's seed.
2. Ethereum's expected shares with two validators against the closed form
   b(2 - a) / 2(a + b - ab) in exact fractions, and Electra's acceptance chances per balance.
3. Praos and Algorand: the expected chance of an empty, single- or multi-leader slot against
   mpmath at 50 digits, including f = 1 - 10^-8 (the lab's phi must also return at once there).

It installs its oracles in a virtual environment of its own (target/oracle-venv) from PyPI on
first use. Prints "N passed, N failed" and exits 1 on any failure.
"""

import json
import os
import random
import subprocess
import sys
import venv
from fractions import Fraction

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.environ.get("POS_ORACLE_VENV", os.path.join(REPO, "target", "oracle-venv"))
PACKAGES = ["eth-consensus-specs==1.7.0a13", "ckzg==2.1.8", "mpmath==1.3.0"]
POS = os.environ.get("POS_BIN", os.path.join(REPO, "target", "debug", "pos"))
TABLES = int(os.environ.get("POS_ORACLE_TABLES", "1000"))
ROUNDS_PER_TABLE = 3


def ensure_venv():
    """Re-runs this script inside the oracle venv, creating it first if needed."""
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    stamp = os.path.join(VENV, "installed.txt")
    if not os.path.exists(stamp) or open(stamp).read() != "\n".join(PACKAGES):
        print(f"[oracle] creating {VENV} with {' '.join(PACKAGES)}", flush=True)
        venv.create(VENV, with_pip=True, clear=True)
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "--pre", *PACKAGES], check=True
        )
        with open(stamp, "w") as f:
            f.write("\n".join(PACKAGES))
    os.execv(python, [python, *sys.argv])


def pos(*args):
    out = subprocess.run([POS, *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"pos {' '.join(args)}: {out.stderr.strip()}")
    return out.stdout


def validators_of(stakes):
    """The lab's mapping: (owner, ETH) per validator, in staker order."""
    vals = []
    for owner, stake in enumerate(stakes):
        rest = stake
        while rest > 0:
            b = min(rest, 2048)
            vals.append((owner, b))
            rest -= b
    return vals


def random_table(rng):
    """Stakes from one of several kinds, with 1 to 100 validators in all."""
    while True:
        n = rng.randint(1, 12)
        kind = rng.choice(["small", "mixed", "large", "near-cap"])
        if kind == "small":
            stakes = [rng.randint(1, 64) for _ in range(n)]
        elif kind == "mixed":
            stakes = [rng.choice([rng.randint(1, 32), rng.randint(32, 2048), rng.randint(2049, 9000)]) for _ in range(n)]
        elif kind == "large":
            stakes = [rng.randint(2049, 30000) for _ in range(n)]
        else:
            stakes = [rng.randint(1900, 2200) for _ in range(n)]
        if rng.random() < 0.1:
            stakes[rng.randrange(n)] = 0
        count = len(validators_of(stakes))
        if 1 <= count <= 100:
            return stakes


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL: {what}", flush=True)


def check_ethereum_against_the_spec(results):
    from eth_consensus_specs.electra import mainnet as electra

    specs = [("electra", electra)]
    try:
        from eth_consensus_specs.fulu import mainnet as fulu

        specs.append(("fulu", fulu))
    except ImportError:
        pass
    rng = random.Random(2025)
    agree = {name: 0 for name, _ in specs}
    rounds = 0
    for t in range(TABLES):
        stakes = random_table(rng)
        seed = bytes(rng.getrandbits(8) for _ in range(32)).hex()
        trace = pos(
            "fairness", "--rule", "ethereum", "--stakes", ",".join(map(str, stakes)),
            "--seed", seed, "--rounds", str(ROUNDS_PER_TABLE), "--trace",
        )
        vals = validators_of(stakes)
        for name, spec in specs:
            state = spec.BeaconState(
                validators=[spec.Validator(effective_balance=spec.Gwei(eth * 10**9)) for _, eth in vals]
            )
            indices = [spec.ValidatorIndex(i) for i in range(len(vals))]
            for line in trace.splitlines():
                r = json.loads(line)
                chosen = spec.compute_proposer_index(state, indices, spec.Bytes32(bytes.fromhex(r["seed"])))
                ok = r["winners"] == [vals[int(chosen)][0]]
                agree[name] += ok
                if name == "electra":
                    rounds += 1
                results.check(ok, f"{name}: stakes {stakes} seed {r['seed']}: spec picks validator "
                                  f"{int(chosen)} of staker {vals[int(chosen)][0]}, the lab {r['winners']}")
    for name, _ in specs:
        print(f"[oracle] ethereum vs {name} compute_proposer_index: {agree[name]} of {rounds} rounds "
              f"agree over {TABLES} tables", flush=True)


def check_ethereum_expected(results):
    def accept(eth):
        return Fraction(eth * 65535 // 2048 + 1, 65536)

    for eth, want in [(32, Fraction(1, 64)), (64, Fraction(1, 32)), (2048, Fraction(1))]:
        results.check(accept(eth) == want, f"Electra acceptance of {eth} ETH: {accept(eth)}")
    for stakes in [[1000, 1], [2048, 1024], [32, 16], [1, 1], [2048, 1]]:
        a, b = accept(stakes[0]), accept(stakes[1])
        small = b * (2 - a) / (2 * (a + b - a * b))
        out = json.loads(pos("fairness", "--rule", "ethereum", "--stakes", ",".join(map(str, stakes)),
                             "--seed", "00" * 32, "--rounds", "1"))
        got = out["expected"]["shares"][1]
        results.check(abs(got - float(small)) < 2e-6,
                      f"ethereum expected share of {stakes[1]} against {stakes[0]}: lab {got}, exact {float(small)}")
        print(f"[oracle] ethereum {stakes}: small staker expected {got} (exact {float(small):.7f})", flush=True)


def check_praos_and_algorand(results):
    import mpmath

    mpmath.mp.dps = 50
    cases = [
        ([10] * 10, (1, 20)),
        ([10, 30, 60], (1, 20)),
        ([1, 1000], (1, 2)),
        ([3, 5, 8, 13], (999999, 1000000)),
        ([3, 5, 8, 13], (99999999, 100000000)),
    ]
    for stakes, (n, d) in cases:
        out = json.loads(pos("fairness", "--rule", "praos", "--stakes", ",".join(map(str, stakes)),
                             "--seed", "11" * 32, "--rounds", "1", "--active-slots", f"{n}/{d}"))
        f = mpmath.mpf(n) / d
        total = sum(stakes)
        phis = [1 - (1 - f) ** (mpmath.mpf(s) / total) for s in stakes]
        empty = mpmath.fprod([1 - p for p in phis])
        single = mpmath.fsum(p * empty / (1 - p) for p in phis)
        e = out["expected"]
        for key, want in [("empty", empty), ("single", single), ("several", 1 - empty - single)]:
            results.check(abs(e[key] - float(want)) < 2e-9,
                          f"praos {stakes} f={n}/{d} {key}: lab {e[key]}, mpmath {float(want)}")
        print(f"[oracle] praos {stakes} f={n}/{d}: empty {e['empty']}, one {e['single']}, several {e['several']}",
              flush=True)
    for stakes, tau in [([10, 30, 60], 20), ([1, 2, 3, 500], 64)]:
        out = json.loads(pos("fairness", "--rule", "algorand", "--stakes", ",".join(map(str, stakes)),
                             "--seed", "22" * 32, "--rounds", "1", "--committee", str(tau)))
        total = sum(stakes)
        p = mpmath.mpf(tau) / total
        zero = [(1 - p) ** s for s in stakes]
        empty = mpmath.fprod(zero)
        single = mpmath.fsum((1 - z) * empty / z for z in zero)
        e = out["expected"]
        results.check(abs(e["empty"] - float(empty)) < 2e-9, f"algorand {stakes} empty: {e['empty']} vs {float(empty)}")
        results.check(abs(e["single"] - float(single)) < 2e-9, f"algorand {stakes} single: {e['single']} vs {float(single)}")
        for got, s in zip(e["shares"], stakes):
            results.check(abs(got - s / total) < 2e-6, f"algorand {stakes} vote share {got} vs {s / total}")


def main():
    ensure_venv()
    if not os.path.exists(POS):
        print(f"[oracle] {POS} is missing: run cargo build -p pos-cli first", file=sys.stderr)
        sys.exit(2)
    results = Results()
    check_ethereum_expected(results)
    check_praos_and_algorand(results)
    check_ethereum_against_the_spec(results)
    print(f"{results.passed} passed, {results.failed} failed")
    sys.exit(1 if results.failed else 0)


if __name__ == "__main__":
    main()
