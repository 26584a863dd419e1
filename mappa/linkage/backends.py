"""Where Splink runs: DuckDB in this process (the default) or Spark (issue 19, item 4).

This is the one place that differs between the engines. Reading and checking the files,
normalising them (`prepare`, DuckDB SQL), the small counts for training, the other-person
rule and ranking (`engine`) run on this machine in DuckDB either way; a backend makes the
Splink `Linker` for two prepared tables (blocking, comparisons, u sampling, expectation
maximisation, prediction: the work that grows with the data) and hands its predictions
back as a DuckDB table, which is small (pairs at or above the threshold).

On Spark the prepared tables go to the session as Arrow, the model's comparison SQL is
translated from DuckDB's dialect to Spark's (`spark_sql`: Splink's similarity functions
come from the jar Splink ships), and the session is local (`local[*]`) unless
`SparkConfig.master` points at a cluster (docs/mash.md, "Running the model on Spark").
"""

from __future__ import annotations

import copy
import os
import re
import shutil
from dataclasses import dataclass

import sqlglot
from splink import DuckDBAPI, Linker
from sqlglot import exp

DUCKDB, SPARK = "duckdb", "spark"
ENGINES = (DUCKDB, SPARK)
JAVA_MISSING = (
    "the Spark engine needs a Java runtime (Java 17 or later) and none was found: install "
    "Debian's openjdk-17-jre-headless (as root: apt-get install openjdk-17-jre-headless) "
    "or set JAVA_HOME to a Java installation"
)


class EngineUnavailable(RuntimeError):
    """The chosen engine cannot start here (for Spark: no Java runtime)."""


@dataclass(frozen=True)
class SparkConfig:
    """How to reach Spark: the master URL and the few settings the run sets itself."""

    master: str = "local[*]"  # "" leaves it to spark-submit / spark-defaults.conf
    # Shuffle partitions: a handful for a local run; a cluster wants about 2-4 per core.
    partitions: int = 4
    # Set on a cluster: intermediate tables are written there as Parquet (every executor
    # must see it, e.g. hdfs:// or s3a://); unset, they are cached by the executors.
    checkpoint_dir: str = ""
    # The driver's heap: it holds the prepared tables while sending them (Spark's own
    # default, 1g, runs out at 100,000 records). Only takes effect when this process
    # starts the JVM (not under spark-submit, which sets --driver-memory itself).
    driver_memory: str = "4g"
    app_name: str = "mappa-mash-check"


class DuckDBBackend:
    """Splink on the DuckDB connection that holds the prepared tables (today's engine)."""

    name = DUCKDB

    def __init__(self, con):
        self.con = con

    def linker(self, left: str, right: str, settings: dict) -> Linker:
        db_api = DuckDBAPI(connection=self.con)
        tables = [
            db_api.register(left, dataset_display_name="a_cases"),
            db_api.register(right, dataset_display_name="b_extract"),
        ]
        return Linker(tables, settings, log_level=None)

    def predictions(self, frame, columns: list[str]) -> str:
        return frame.physical_name

    def close(self) -> None:
        return None


class SparkBackend:
    """Splink on a Spark session; the prepared tables are copied to it from DuckDB."""

    name = SPARK

    def __init__(self, con, config: SparkConfig | None = None):
        self.con = con
        self.config = config or SparkConfig()
        self.spark = session(self.config)
        self._sent: set[str] = set()
        self._received: list[str] = []

    def _send(self, table: str) -> str:
        view = f"mappa_{table}"
        if table not in self._sent:
            arrow = self.con.table(table).to_arrow_table()
            self.spark.createDataFrame(arrow).createOrReplaceTempView(view)
            self._sent.add(table)
        return view

    def linker(self, left: str, right: str, settings: dict) -> Linker:
        from splink.backends.spark import SparkAPI

        db_api = SparkAPI(
            spark_session=self.spark,
            break_lineage_method="parquet" if self.config.checkpoint_dir else "persist",
            num_partitions_on_repartition=self.config.partitions,
        )
        tables = [
            db_api.register(self._send(left), dataset_display_name="a_cases"),
            db_api.register(self._send(right), dataset_display_name="b_extract"),
        ]
        return Linker(tables, spark_settings(settings), log_level=None)

    def predictions(self, frame, columns: list[str]) -> str:
        """The predictions, only `columns`, as a DuckDB table on this machine."""
        arrow = frame.as_spark_dataframe().select(*columns).toArrow()
        name = f"spark_{frame.physical_name}"
        self.con.register(name, arrow)
        self._received.append(name)
        return name

    def close(self) -> None:
        for name in self._received:
            self.con.unregister(name)
        for table in self._sent:
            self.spark.catalog.dropTempView(f"mappa_{table}")
        self.spark.catalog.clearCache()


def backend(name: str, con, spark: SparkConfig | None = None):
    """The backend for engine `name` over the DuckDB connection holding the prepared tables."""
    if name == DUCKDB:
        return DuckDBBackend(con)
    if name == SPARK:
        return SparkBackend(con, spark)
    raise ValueError(f"unknown engine {name!r}: one of {', '.join(ENGINES)}")


def java_available() -> bool:
    """Whether PySpark can start its JVM: `$JAVA_HOME/bin/java`, else `java` on the PATH."""
    home = os.environ.get("JAVA_HOME")
    if home:
        return os.access(os.path.join(home, "bin", "java"), os.X_OK)
    return shutil.which("java") is not None


def check(name: str) -> None:
    """Refuse, with what to do, an engine that cannot start here (before any work)."""
    if name not in ENGINES:
        raise EngineUnavailable(f"unknown engine {name!r}: one of {', '.join(ENGINES)}")
    if name == SPARK and not java_available():
        raise EngineUnavailable(JAVA_MISSING)


def session(config: SparkConfig):
    """A Spark session with Splink's similarity jar, for `config.master` (reused if open)."""
    check(SPARK)
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    builder = SparkSession.builder
    if config.master:  # empty: the master spark-submit or spark-defaults.conf gives
        builder = builder.master(config.master)
    builder = (
        builder.appName(config.app_name)
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", str(config.partitions))
        .config("spark.default.parallelism", str(config.partitions))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", config.driver_memory)
        # Out of memory, the JVM stops (and the run fails) rather than hanging.
        .config("spark.driver.extraJavaOptions", "-XX:+ExitOnOutOfMemoryError")
    )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    if config.checkpoint_dir:
        spark.sparkContext.setCheckpointDir(config.checkpoint_dir)
    return spark


# DuckDB's functions in model.py → Spark's (jaro_winkler and damerau_levenshtein are the
# Scala functions of Splink's jar, registered by SparkAPI).
RENAMED = {"list_intersect": "array_intersect"}


def _to_spark(node: exp.Expression) -> exp.Expression:
    if isinstance(node, exp.JarowinklerSimilarity):
        return exp.Anonymous(this="jaro_winkler", expressions=[node.this, node.expression])
    if isinstance(node, exp.ArrayOverlaps):
        return exp.Anonymous(this="arrays_overlap", expressions=[node.this, node.expression])
    if isinstance(node, exp.Anonymous) and node.name.lower() in RENAMED:
        return exp.Anonymous(this=RENAMED[node.name.lower()], expressions=node.expressions)
    if isinstance(node, exp.DateDiff):
        return exp.Anonymous(this="datediff", expressions=[node.this, node.expression])
    return node


def _element(node: exp.Expression) -> exp.Expression:
    # DuckDB's list[1] is NULL past the end; so is Spark's get(list, 0) (its list[0] fails).
    if isinstance(node, exp.Bracket) and len(node.expressions) == 1:
        return exp.Anonymous(this="get", expressions=[node.this, *node.expressions])
    return node


def spark_sql(condition: str) -> str:
    """One comparison level's SQL condition, DuckDB's dialect → Spark's."""
    # DuckDB's len() of a list is Spark's size(); model.py writes length() for strings.
    condition = re.sub(r"\blen\(", "array_length(", condition)
    tree = sqlglot.parse_one(condition, read="duckdb")
    return tree.transform(_element).transform(_to_spark).sql(dialect="spark")


def spark_settings(settings: dict) -> dict:
    """The same Splink settings with each comparison level's SQL in Spark's dialect.

    The blocking rules say their dialect (duckdb) and Splink translates them itself.
    """
    translated = copy.deepcopy(settings)
    for comparison in translated["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level["sql_condition"] != "ELSE":
                level["sql_condition"] = spark_sql(level["sql_condition"])
    return translated
