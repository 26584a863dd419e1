#!/usr/bin/env bash
# Run the national-scale benchmarks against a throwaway PostgreSQL; results to docs/benchmarks.md.
#   bash bench/run.sh [COUNT]      (COUNT defaults to 100000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v /usr/lib/postgresql/15/bin/initdb >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
# The MASH check's Spark row needs a Java runtime (Debian's, when missing).
if ! command -v java >/dev/null && [ -z "${JAVA_HOME:-}" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
UV_PROJECT_ENVIRONMENT=.venv .tools/bin/uv sync --frozen --quiet --group bench
PG_DIR=$(mktemp -d -t mappa-bench-pg.XXXXXX)
trap 'scripts/throwaway-postgres stop "$PG_DIR"' EXIT
DATABASE_URL=$(scripts/throwaway-postgres start "$PG_DIR" 55460)
export DATABASE_URL=${DATABASE_URL#DATABASE_URL=}
.venv/bin/python -m bench.national --count "${1:-100000}"
# The co-ordinator's dashboard on the same database: its own section.
.venv/bin/python -m bench.coordinator_dashboard
# The MASH check (Splink on DuckDB): 500 cases against 1,000,000 records; its own section;
# then on Spark in local mode beside DuckDB, 500 against 100,000 (section mash-check-spark).
.venv/bin/python -m bench.mash_check
# The load check: 50 staff at once on mixed pages for 2 minutes, on the same database; its own section.
.venv/bin/python -m bench.load_check
# The person page at saturation beside the empty search page (issue 19), on the same database; its own section.
.venv/bin/python -m bench.person_page
# Matching quality (issue 20): FEBRL 1-4 and the synthetic set, with and without an NHS number; its own section.
.venv/bin/python -m bench.matching
# The annual report (`mappa report annual`, JSON, CSV and PDF) on the same database: its own section.
.venv/bin/python -m bench.annual_report
