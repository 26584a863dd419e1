"""Benchmarks at national scale on PostgreSQL; results to docs/benchmarks.md.

    make bench            # or: bash bench/run.sh [COUNT]

needs DATABASE_URL naming an empty PostgreSQL database (bench/run.sh starts one). It
generates COUNT synthetic nominals (bench.generate), then measures, each beside a
baseline taken in the same run on the same machine:

1. import: `mappa import nominals` wall time and peak memory; baseline: reading and
   json-parsing the same file (the floor any importer pays);
2. name search: `mappa.people.queries.search` for names with typing errors, swapped
   order and sound-alike spellings, as a co-ordinator who sees half the register;
   baseline: the same queries with PostgreSQL's index scans switched off;
3. person page: p95 under 20 concurrent clients (locust) against `mappa serve`
   (gunicorn, production settings); baseline: the search page with no query, the
   lightest signed-in page, under the same load.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.results import RESULTS, write_section

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def mappa(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV / "mappa"), *args], check=True, env=env, capture_output=True, text=True
    )


def generate(count: int, path: Path) -> None:
    subprocess.run(
        [
            str(VENV / "python"),
            "-m",
            "bench.generate",
            "--count",
            str(count),
            "--seed",
            "1",
            "--areas",
            "DEMO,OTHER",
            "--out",
            str(path),
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )


def bench_import(path: Path, count: int, env: dict) -> dict:
    started, cpu = time.perf_counter(), time.process_time()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            json.loads(line)
    baseline, baseline_cpu = time.perf_counter() - started, time.process_time() - cpu
    # The console script imports mappa from this checkout, not wherever the venv was made.
    env = env | {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))}
    load_before = os.getloadavg()[0]
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    mappa("import", "nominals", str(path), env=env)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mib = after.ru_maxrss / 1024
    return {
        "seconds": elapsed,
        "rate": count / elapsed,
        "peak_mib": peak_mib,
        "baseline_seconds": baseline,
        # CPU time of the import's own process (PostgreSQL's work is not in it), and of the parse
        "cpu_seconds": after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime,
        "baseline_cpu_seconds": baseline_cpu,
        "load": (load_before, os.getloadavg()[0]),
    }


def _queries(path: Path, how_many: int) -> list[str]:
    """Names as people type them: swapped, misspelt, sound-alike, or just the surname."""
    rng = random.Random(7)
    names = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % 97 == 0:
                name = json.loads(line)["name"]
                names.append(
                    ((name.get("forenames") or "").split() or [""])[0] + " " + name["surname"]
                )
    queries = []
    for name in rng.sample(names, min(how_many, len(names))):
        forename, surname = name.split(" ", 1)
        kind = len(queries) % 4
        if kind == 0:
            queries.append(f"{surname} {forename}")
        elif kind == 1 and len(surname) > 3:
            i = rng.randrange(1, len(surname) - 2)
            queries.append(
                f"{forename} {surname[:i]}{surname[i + 1]}{surname[i]}{surname[i + 2 :]}"
            )
        elif kind == 2:
            queries.append(f"{forename} {surname.replace('ph', 'f').replace('y', 'i')}")
        else:
            queries.append(surname)
    return queries


def bench_search(path: Path) -> dict:
    import django

    django.setup()
    from django.db import connection

    from mappa.agencies.models import User
    from mappa.people import queries

    user = User.objects.get(username="coordinator")
    names = _queries(path, 200)

    def run() -> list[float]:
        timings = []
        for name in names:
            started = time.perf_counter()
            queries.search(user, queries.Criteria(name=name))
            timings.append((time.perf_counter() - started) * 1000)
        return timings

    run()  # warm the cache
    indexed = run()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_indexscan = off; SET enable_bitmapscan = off")
    unindexed = run()
    with connection.cursor() as cursor:
        cursor.execute("RESET enable_indexscan; RESET enable_bitmapscan")
    return {
        "queries": len(names),
        "p50": percentile(indexed, 0.5),
        "p95": percentile(indexed, 0.95),
        "baseline_p95": percentile(unindexed, 0.95),
    }


def _locust(
    port: int, target: str, ids: Path, users: int, seconds: int, out: Path, think: str
) -> dict:
    env = os.environ | {
        "MAPPA_BENCH_IDS": str(ids),
        "MAPPA_BENCH_PATH": target,
        "MAPPA_BENCH_THINK": think,
    }
    prefix = out / f"{target}-{think}"
    subprocess.run(
        [
            # The bench group's locust (bench/run.sh syncs it), or another one named here.
            os.environ.get("MAPPA_BENCH_LOCUST", str(VENV / "locust")),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "-u",
            str(users),
            "-r",
            str(users),
            "-t",
            f"{seconds}s",
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            str(prefix),
            "--only-summary",
            # Failures are counted in the results table, not a reason to lose the run.
            "--exit-code-on-error",
            "0",
        ],
        check=True,
        env=env,
        capture_output=True,
        cwd=ROOT,
    )
    name = "person page" if target == "person" else "search page"
    import csv

    with open(f"{prefix}_stats.csv") as stats:
        row = next((r for r in csv.DictReader(stats) if r["Name"] == name), None)
    if row is None:
        # No request of that name was made (e.g. every client's sign-in failed): say so, by name.
        raise RuntimeError(
            f"locust made no {name!r} request in {seconds} s: see {prefix}_stats.csv"
        )
    return {
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "p50": float(row["50%"]),
        "p95": float(row["95%"]),
        "rps": float(row["Requests/s"]),
    }


def _wait_for_server(port: int, seconds: float = 120) -> None:
    """Until the server answers (any HTTP status): on a busy machine it starts slowly."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except OSError as refused:
            if time.monotonic() > deadline:
                message = f"mappa serve did not answer on port {port} in {seconds:.0f} s"
                raise RuntimeError(message) from refused
            time.sleep(0.5)


def bench_person_page(port: int, users: int, seconds: int) -> dict:
    from mappa.people.models import Nominal

    ids = [
        str(i)
        for i in Nominal.objects.filter(area__code="DEMO").values_list("id", flat=True)[:5000]
    ]
    # Production posture needs the audit key in a file (docs/operations.md); the bench's own.
    audit_key = Path(tempfile.mkdtemp()) / "audit.key"
    audit_key.write_text("bench-audit-key-" + "x" * 48)
    env = os.environ | {
        "MAPPA_ENV": "production",
        "SECRET_KEY": "bench-" + "x" * 50,
        "MAPPA_AUDIT_KEY_FILE": str(audit_key),
        "ALLOWED_HOSTS": "127.0.0.1",
        "MAPPA_HTTPS": "false",
        "MAPPA_DEMO": "true",
    }
    mappa("collectstatic", "--no-input", env=env)
    server = subprocess.Popen(
        # One thread per worker: the page is CPU-bound Python (docs/benchmarks.md)
        [str(VENV / "mappa"), "serve", "--port", str(port), "--workers", "4", "--threads", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        _wait_for_server(port)
        with tempfile.TemporaryDirectory() as scratch:
            id_file = Path(scratch) / "ids.txt"
            id_file.write_text("\n".join(ids))
            runs = {
                (target, think): _locust(
                    port, target, id_file, users, seconds, Path(scratch), think
                )
                for think in ("0.5-1.5", "0")
                for target in ("search", "person")
            }
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"runs": runs, "users": users, "seconds": seconds}


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in open("/proc/cpuinfo")
            if line.startswith("model name")
        ),
        "?",
    )
    memory = (
        next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
        / 1024**2
    )
    postgres = subprocess.run(
        ["/usr/lib/postgresql/15/bin/postgres", "--version"], capture_output=True, text=True
    ).stdout.strip()
    return f"{os.cpu_count()} cores ({model}), {memory:.0f} GiB, {platform.platform()}, Python {platform.python_version()}, {postgres}"


def _page_rows(page: dict) -> str:
    rows = []
    for think, label in (
        ("0.5-1.5", "reading 0.5–1.5 s between pages"),
        ("0", "no pause (saturation)"),
    ):
        person, base = page["runs"][("person", think)], page["runs"][("search", think)]
        met = "met" if person["p95"] <= 150 and person["failures"] == 0 else "**not met**"
        rows.append(
            f"| person page p95, {page['users']} clients {label}, {page['seconds']} s | ≤ 150 ms "
            f"| {person['p95']:.0f} ms (p50 {person['p50']:.0f} ms, {person['rps']:.0f} req/s, "
            f"{person['failures']} failures of {person['requests']}) "
            f"| empty search page: p95 {base['p95']:.0f} ms, {base['rps']:.0f} req/s "
            f"| {person['p95'] / max(base['p95'], 1):.1f}× the search page | {met} |"
        )
    return "\n".join(rows)


def report(count: int, results: dict) -> str:
    imp, search = results["import"], results["search"]

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    return f"""## Register at national scale: import, name search, person page

Measured {datetime.date.today().isoformat()} on {machine()}.
PostgreSQL ran with its default durability settings. Reproduce with `make bench`
(or `bash bench/run.sh {count}`); the numbers below are from one run of it.

Data: {count:,} synthetic nominals from `bench.generate` (seed 1; areas DEMO and OTHER;
about 75% category 1, 25% category 2, under 1% category 3; aliases, address
histories, associated children).

| measure | target | result | baseline in the same run | ratio | |
|---|---|---|---|---|---|
| import (`mappa import nominals`; load average {imp["load"][0]:.1f} at its start, {imp["load"][1]:.1f} at its end) | ≥ 2,000 nominals/s, < 1 GiB | {imp["rate"]:,.0f} nominals/s ({imp["seconds"]:.0f} s; its process's CPU {imp["cpu_seconds"]:.0f} s), peak {imp["peak_mib"]:,.0f} MiB | reading and parsing the file: {imp["baseline_seconds"]:.1f} s (CPU {imp["baseline_cpu_seconds"]:.1f} s) | {imp["seconds"] / imp["baseline_seconds"]:.1f}× the parse floor (CPU {imp["cpu_seconds"] / imp["baseline_cpu_seconds"]:.1f}×) | {verdict(imp["rate"] >= 2000 and imp["peak_mib"] < 1024)} |
| name search p95 ({search["queries"]} queries, p50 {search["p50"]:.1f} ms) | ≤ 50 ms | {search["p95"]:.1f} ms | index scans off: {search["baseline_p95"]:.1f} ms | {search["baseline_p95"] / search["p95"]:.1f}× faster with the indexes | {verdict(search["p95"] <= 50)} |
{_page_rows(results["page"])}

Name queries are people's names as typed with errors: forename and surname swapped,
two letters transposed, sound-alike spellings, and surname alone. The co-ordinator
searching sees the DEMO area's half of the register.

The person page is a full page: scoped lookup, eligibility evaluated from the
record, and an audit entry appended to the hash chain in the same request. The
load generator (locust, FastHttpUser) runs on the same two cores as the server
(gunicorn, 4 workers of one thread each) and PostgreSQL. With no pause between
pages each of the 20 clients asks again the moment it is answered, so requests
queue behind each other: the mean time for a page is 20 divided by the pages
served per second (Little's law), and a p95 of 150 ms needs well over 133 pages
a second from the two shared cores. The baseline, the search page with no query,
does only what every signed-in page does (session, user, permissions, layout);
its saturated figures in the same run are the floor any page on this machine can
reach. The run with a pause between pages is the realistic one for 20 people
working at once.
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit(
            "bench: DATABASE_URL must name an empty PostgreSQL database (bench/run.sh starts one)"
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mappa.settings")
    os.environ.setdefault("MAPPA_ENV", "development")
    env = dict(os.environ)
    mappa("migrate", "--no-input", env=env)
    mappa("demo", env=env)
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "nominals.jsonl"
        print(f"bench: generating {args.count:,} nominals", file=sys.stderr)
        generate(args.count, data)
        print("bench: importing", file=sys.stderr)
        results = {"import": bench_import(data, args.count, env)}
        print(f"bench: import {results['import']}", file=sys.stderr)
        results["search"] = bench_search(data)
        print(f"bench: search {results['search']}", file=sys.stderr)
    results["page"] = bench_person_page(args.port, args.users, args.seconds)
    print(f"bench: person page {results['page']}", file=sys.stderr)
    write_section("national", report(args.count, results))
    print(f"bench: wrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
