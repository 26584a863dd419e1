"""The Spark row of the MASH check benchmark (issue 19, item 4), run by `bench.mash_check`.

`mappa mash-check --engine spark` in local mode (`local[*]`, MAPPA_SPARK_PARTITIONS
shuffle partitions) on the labelled synthetic set (seed 11, 100 x 2,000 by default), and
`--engine duckdb` on the same files in the same run as the baseline; wall time of each
command from start (including starting Spark's JVM) to the written file, the ratio, and
whether the two files hold the same pairs of the same kinds. Its own section of
docs/benchmarks.md (`mash-check-spark`).

    .venv/bin/python -m bench.mash_check --part spark [--spark-cases 100] [--spark-records 2000]
"""

from __future__ import annotations

import csv
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.mash_check import run_command
from bench.results import write_section
from mappa.linkage import evaluation, synthetic


def _rows(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return {
            (r["case_id"], r["record_id"]): (r["match_kind"], float(r["match_probability"]))
            for r in csv.DictReader(handle)
        }


def _agreement(duckdb: dict, spark: dict) -> str:
    only = len(duckdb.keys() ^ spark.keys())
    kinds = sum(duckdb[k][0] != spark[k][0] for k in duckdb.keys() & spark.keys())
    if only or kinds:
        return f"**different**: {only} pairs in one file only, {kinds} of another kind"
    largest = max((abs(duckdb[k][1] - spark[k][1]) for k in duckdb), default=0.0)
    return (
        f"the same {len(duckdb):,} pairs and kinds; probabilities differ by at most {largest:.4f}"
    )


def measure(args) -> None:
    with tempfile.TemporaryDirectory(prefix="mappa-mash-spark-bench-") as folder:
        data = synthetic.generate(args.spark_cases, args.spark_records, seed=11)
        case_list, extract = data.write(Path(folder))
        load_before = os.getloadavg()[0]
        base, _ = run_command(case_list, extract, Path(folder) / "duckdb.csv")
        spark_env = {"MAPPA_SPARK_MASTER": os.environ.get("MAPPA_SPARK_MASTER", "local[*]")}
        started = time.perf_counter()
        try:
            seconds, _ = run_command(
                case_list, extract, Path(folder) / "spark.csv", "--engine", "spark", env=spark_env
            )
        except subprocess.CalledProcessError as error:
            # Recorded, not raised: the rest of bench/run.sh still runs.
            seconds = time.perf_counter() - started
            failed = f"**failed** (exit status {error.returncode}) after {seconds:.0f} s"
            print(f"mash-check --engine spark {failed}", file=sys.stderr)
            write_failure(args, base, failed, spark_env, load_before)
            return
        load_after = os.getloadavg()[0]
        duckdb, spark = _rows(Path(folder) / "duckdb.csv"), _rows(Path(folder) / "spark.csv")
    found = {pair: kind for pair, (kind, _p) in spark.items()}
    person = evaluation.score(found, data.truth, "person")
    cpu = platform.processor() or platform.machine()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    section = "\n".join(
        [
            "## MASH check on Spark (`mappa mash-check --engine spark`, local mode)",
            "",
            f"Measured {date.today().isoformat()} on {os.cpu_count()} cores ({cpu}), "
            f"{memory:.0f} GiB, {platform.platform()}, Python {platform.python_version()}, "
            f"Spark in local mode ({spark_env['MAPPA_SPARK_MASTER']}). Reproduce with "
            "`.venv/bin/python -m bench.mash_check --part spark` (part of `bash bench/run.sh`). "
            f"Load average before: {load_before:.1f}, after: {load_after:.1f}.",
            "",
            f"Data: `mappa.linkage.synthetic` (seed 11): {args.spark_cases:,} cases, "
            f"{args.spark_records:,} records. Each figure is the command's wall time, reading "
            "to writing, in a child process; the Spark one includes starting the JVM.",
            "",
            "| engine | wall time | ratio to DuckDB in the same run |",
            "|---|---|---|",
            f"| DuckDB (baseline, `--engine duckdb`) | {base:.1f} s | 1.0 |",
            f"| Spark, local mode (`--engine spark`) | {seconds:.1f} s | {seconds / base:.1f}x |",
            "",
            f"Matches: {_agreement(duckdb, spark)}. Person precision {person.precision:.3f}, "
            f"recall {person.recall:.3f} on Spark.",
            "",
            "Spark on one machine is slower than DuckDB: every Splink step is a Spark job "
            "(planning, shuffles, caching), and the training's expectation maximisation runs "
            "one job per iteration. Its use is an extract too large for one machine, on a "
            "cluster (docs/mash.md); this row shows the same matches from the same model and "
            "what the local overhead costs.",
        ]
    )
    print(section)
    if not args.no_write:
        write_section("mash-check-spark", section)


def write_failure(args, base: float, failed: str, spark_env: dict, load: float) -> None:
    section = "\n".join(
        [
            "## MASH check on Spark (`mappa mash-check --engine spark`, local mode)",
            "",
            f"Measured {date.today().isoformat()} on {os.cpu_count()} cores, Spark in local mode "
            f"({spark_env['MAPPA_SPARK_MASTER']}), load average {load:.1f}: "
            f"{args.spark_cases:,} cases against {args.spark_records:,} records. DuckDB "
            f"(baseline, same run): {base:.1f} s. Spark: {failed}; see the command's standard "
            "error (an exhausted driver heap exits the JVM: raise MAPPA_SPARK_DRIVER_MEMORY).",
        ]
    )
    print(section)
    if not args.no_write:
        write_section("mash-check-spark", section)
