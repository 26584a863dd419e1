"""Benchmark: `mappa mash-check`, a 500-row case list against a 1,000,000-row extract.

Generates the labelled synthetic set (mappa.linkage.synthetic, seed 11), runs the real
command in a child process (wall time and peak memory of that process), runs an
exact-match baseline on the same files in the same run, scores both against the labels,
and writes its own section of docs/benchmarks.md.

Then the Spark row (issue 19, item 4; its own section, `mash-check-spark`): the command
with `--engine spark` in local mode on a smaller set (100 x 2,000 by default: at 500 x 100,000 local mode on two cores did not finish), with
`--engine duckdb` on the same files in the same run as the baseline, and whether the two
wrote the same matches.

    .venv/bin/python -m bench.mash_check [--cases 500] [--records 1000000]
        [--spark-cases 100] [--spark-records 2000] [--part all|duckdb|spark]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.results import write_section
from mappa.linkage import evaluation, synthetic

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS, TARGET_BYTES = 120, 4 * 1024**3
EXPLANATION = (
    "The exact-match baseline is a search as by hand: the same forenames, surname and date of "
    "birth (ignoring case) for a person, the same first address line and postcode for an "
    "address. Its recall is what exact searching finds; the difference is what the fuzzy "
    "matching adds (typing errors, swapped names, nicknames, aliases, transposed dates, "
    "reformatted addresses). The wall time includes starting the command, reading and "
    "checking both files, and writing the output. Misses are mostly records with no date of "
    "birth: among a million records a name alone is weak evidence unless it is rare."
)


def run_command(
    case_list: Path, extract: Path, out: Path, *extra: str, env: dict | None = None
) -> tuple[float, int]:
    """Wall seconds and peak resident bytes of `mappa mash-check` in a child process."""
    # This checkout's code first, whichever checkout the venv's `mappa` was installed from.
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mappa.settings",
        "PYTHONPATH": str(ROOT),
        **(env or {}),
    }
    env.setdefault("MAPPA_ENV", "development")
    started = time.perf_counter()
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "mappa"),
            "mash-check",
            "--case-list",
            str(case_list),
            "--extract",
            str(extract),
            "--out",
            str(out),
            *extra,
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024


def _key(*parts: str | None) -> str:
    return "|".join((part or "").strip().lower() for part in parts)


def exact_baseline(case_list: Path, extract: Path) -> tuple[float, dict]:
    """Exact, case-insensitive matching, as a hand search would: name and date of birth for a
    person; address line and postcode for an address."""
    started = time.perf_counter()
    with case_list.open(encoding="utf-8") as handle:
        cases = list(csv.DictReader(handle))
    people = {_key(c["forenames"], c["surname"], c["date_of_birth"]): c["case_id"] for c in cases}
    places = {_key(c["address_line_1"], c["postcode"]): c["case_id"] for c in cases}
    found = {}
    with extract.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            person = people.get(_key(row["forenames"], row["surname"], row["date_of_birth"]))
            if person:
                found[(person, row["record_id"])] = "person"
                continue
            place = places.get(_key(row["address_line_1"], row["postcode"]))
            if place:
                found[(place, row["record_id"])] = "address"
    return time.perf_counter() - started, found


def read_matches(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return {(r["case_id"], r["record_id"]): r["match_kind"] for r in csv.DictReader(handle)}


def _scores(found: dict, truth: dict) -> dict:
    return {kind: evaluation.score(found, truth, kind) for kind in ("person", "address")}


def _pct(value: float) -> str:
    return f"{value:.3f}"


def _f1(score) -> float:
    p, r = score.precision, score.recall
    return 2 * p * r / (p + r) if p + r else 0.0


def report(args, seconds, peak, base_seconds, splink, exact, misses) -> str:
    cpu = platform.processor() or platform.machine()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    met = "met" if seconds < TARGET_SECONDS and peak < TARGET_BYTES else "**not met**"
    lines = [
        "## MASH check (`mappa mash-check`, Splink on DuckDB)",
        "",
        f"Measured {date.today().isoformat()} on {os.cpu_count()} cores ({cpu}), "
        f"{memory:.0f} GiB, {platform.platform()}, Python {platform.python_version()}. "
        "Reproduce with `.venv/bin/python -m bench.mash_check` (part of `bash bench/run.sh`). "
        f"Load average when the command started: {args.load_before:.1f}, when it ended: "
        f"{args.load_after:.1f} (other work on the same 2 cores slows it).",
        "",
        f"Data: `mappa.linkage.synthetic` (seed 11): {args.cases:,} people on the case list, "
        f"{args.records:,} social-care records with the labelled true pairs.",
        "",
        "| measure | target | result | |",
        "|---|---|---|---|",
        f"| `mappa mash-check` wall time, reading to writing | < 120 s | {seconds:.1f} s | {met} |",
        f"| peak memory of that process | < 4 GiB | {peak / 1024**3:.2f} GiB | |",
        f"| exact-match baseline in the same run | | {base_seconds:.1f} s | |",
        "",
        "| matcher | person precision | person recall | person F1 | address precision | "
        "address recall |",
        "|---|---|---|---|---|---|",
    ]
    for name, scores in (("Splink (default threshold 0.5)", splink), ("exact match", exact)):
        p, a = scores["person"], scores["address"]
        lines.append(
            f"| {name} | {_pct(p.precision)} | {_pct(p.recall)} | {_pct(_f1(p))} | "
            f"{_pct(a.precision)} | {_pct(a.recall)} |"
        )
    lines += [
        "",
        f"Model: {args.model}.",
        "",
        EXPLANATION,
        "",
        "Person pairs Splink missed, by the error the generator gave them: "
        + ("; ".join(f"{kind}: {count}" for kind, count in sorted(misses.items())) or "none")
        + ".",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--spark-cases", type=int, default=100)
    parser.add_argument("--spark-records", type=int, default=2_000)
    parser.add_argument("--part", choices=("all", "duckdb", "spark"), default="all")
    parser.add_argument("--no-write", action="store_true", help="print, do not write the docs")
    args = parser.parse_args()
    if args.part in ("all", "duckdb"):
        duckdb_million(args)
    if args.part in ("all", "spark"):
        from bench import mash_check_spark

        mash_check_spark.measure(args)


def duckdb_million(args) -> None:
    with tempfile.TemporaryDirectory(prefix="mappa-mash-bench-") as folder:
        data = synthetic.generate(args.cases, args.records, seed=11)
        case_list, extract = data.write(Path(folder))
        args.load_before = os.getloadavg()[0]
        seconds, peak = run_command(case_list, extract, Path(folder) / "matches.csv")
        args.load_after = os.getloadavg()[0]
        found = read_matches(Path(folder) / "matches.csv")
        record = json.loads((Path(folder) / "matches.model.json").read_text(encoding="utf-8"))
        args.model = f"{record['model']} ({record['reason']})"
        base_seconds, exact = exact_baseline(case_list, extract)
    misses: dict[str, int] = {}
    for pair, kind in data.truth.items():
        if kind == "person" and found.get(pair) != "person":
            misses[data.errors[pair]] = misses.get(data.errors[pair], 0) + 1
    section = report(
        args,
        seconds,
        peak,
        base_seconds,
        _scores(found, data.truth),
        _scores(exact, data.truth),
        misses,
    )
    print(section)
    if not args.no_write:
        write_section("mash-check", section)


if __name__ == "__main__":
    sys.exit(main())
