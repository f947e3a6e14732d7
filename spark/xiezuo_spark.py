#!/usr/bin/env python3
"""xiezuo on Apache Spark: the tables of `xiezuo run`, computed on a cluster.

    spark-submit --archives dist/xiezuo-bundle.tar.gz#xiezuo-bundle \\
        spark/xiezuo_spark.py --config pipeline.json --input 'hdfs:///crawl/2026-*' --output hdfs:///xiezuo

Per source, the work is xiezuo's own: each partition of input files is piped through
`xiezuo map` (ArticleProcessor: clean, extract, fingerprints). Dedupe is global, as in `run`:
exact copies by key; near-duplicate candidates from LSH band keys and figure values used as
shuffle keys, with `run`'s bucket rules; connected components of the candidate pairs
(large-star / small-star); each component's decision by `xiezuo dedupe`, the same Swift code
as `run` (admission, the per-article cap, the exact check, the kept-copy order). Aggregate and
the writers are Spark's, typed from xiezuo's own table schemas (`xiezuo map --describe`).
README, "Spark", and docs/spark.md say what is decided and why.
"""

import argparse
import base64
import collections
import datetime
import json
import os
import subprocess
import sys
import threading
import time

# Dedupe's bucket rules, as in Sources/XiezuoCore/Stages/Dedupe/CandidatePairs.swift and
# DedupeStage.swift (`DedupeSparkRulesTests` reads them from there, so a change fails the tests).
FULL_RUN = 32
CROWD_PARTNERS = 8
PASS_BYTES = 16 << 20
ENTRY_BYTES = 16

ORIGIN_BAND = "band"
ORIGIN_VALUE = "value"


# --------------------------------------------------------------------------------------------
# Running xiezuo


class XiezuoFailed(RuntimeError):
    """A xiezuo subprocess ended with an error: the task fails with its words."""


def resolve_binary(path):
    """The xiezuo binary on this machine: as given (absolute, or relative to the working
    directory, where YARN and standalone executors unpack `--archives`), else below Spark's
    files directory (local mode unpacks archives there)."""
    if os.path.isabs(path) and os.access(path, os.X_OK):
        return path
    if os.access(path, os.X_OK):
        return os.path.abspath(path)
    try:
        from pyspark import SparkFiles

        candidate = os.path.join(SparkFiles.getRootDirectory(), path)
        if os.access(candidate, os.X_OK):
            return candidate
    except Exception:  # noqa: BLE001 - outside a Spark task there is no SparkFiles root
        pass
    raise XiezuoFailed(
        f"the xiezuo binary {path} is not on this machine: ship the bundle with "
        f"--archives dist/xiezuo-bundle.tar.gz#xiezuo-bundle (README, \"Spark\") or pass --xiezuo an absolute path"
    )


def config_file(name):
    """The configuration as shipped to this machine (`SparkContext.addFile`)."""
    from pyspark import SparkFiles

    return SparkFiles.get(name)


def pipe_lines(command, lines, env=None):
    """Feeds `lines` (str without newline) to `command`'s stdin from a thread, yields its
    stdout lines; a non-zero exit raises with its stderr. Memory: one line each way."""
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, bufsize=1 << 16
    )
    failure = []
    stderr_chunks = []

    def feed():
        try:
            for line in lines:
                process.stdin.write(line.encode("utf-8"))
                process.stdin.write(b"\n")
        except BrokenPipeError:
            pass
        except BaseException as error:  # noqa: BLE001 - handed to the reading side
            failure.append(error)
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    def drain():
        for chunk in iter(lambda: process.stderr.read(1 << 16), b""):
            stderr_chunks.append(chunk)
            if sum(len(c) for c in stderr_chunks) > (1 << 20):
                stderr_chunks.pop(0)

    writer = threading.Thread(target=feed, daemon=True)
    reader = threading.Thread(target=drain, daemon=True)
    writer.start()
    reader.start()
    for raw in process.stdout:
        yield raw.decode("utf-8").rstrip("\n")
    status = process.wait()
    writer.join()
    reader.join()
    if failure:
        raise failure[0]
    if status != 0:
        message = b"".join(stderr_chunks).decode("utf-8", "replace").strip()
        raise XiezuoFailed(f"{' '.join(command)} exited with {status}: {message}")


# --------------------------------------------------------------------------------------------
# Source names (README, "Source names")


def source_name(path, config_directory):
    """`run`'s name for a file Spark listed: a local file (`file:`) by its path relative to
    the directory of pipeline.json, or absolute outside it; any other file system's file by
    its full URI (`hdfs://nn/crawl/a.html`, `s3a://bucket/a.html`), as `run` names a URL."""
    if path.startswith("file:"):
        local = path[len("file:"):]
        if local.startswith("///"):
            local = local[2:]
        local = os.path.normpath(local)
        local = local.replace("\\", "\\\\")
        prefix = config_directory.rstrip("/") + "/"
        if local.startswith(prefix):
            return local[len(prefix):]
        return local
    return path


# --------------------------------------------------------------------------------------------
# Values


def utf8_key(text):
    return (text or "").encode("utf-8", "surrogatepass")


# --------------------------------------------------------------------------------------------
# Map output → typed rows


def spark_type(kind):
    from pyspark.sql import types as T

    return {
        "text": T.StringType(),
        "year": T.IntegerType(),
        "integer": T.LongType(),
        "date": T.DateType(),
        "money": T.DecimalType(18, 2),
    }[kind]


def spark_schema(table, extra=()):
    from pyspark.sql import types as T

    fields = [T.StructField(c["name"], spark_type(c["type"]), True) for c in table["columns"]]
    fields += [T.StructField(name, kind, True) for name, kind in extra]
    return T.StructType(fields)


def json_type(kind):
    """How `xiezuo map` writes a column in JSON: money and dates as text, integers as numbers."""
    from pyspark.sql import types as T

    return {"text": T.StringType(), "year": T.LongType(), "integer": T.LongType(), "date": T.StringType(), "money": T.StringType()}[kind]


def row_struct(columns):
    from pyspark.sql import types as T

    return T.StructType([T.StructField(c["name"], json_type(c["type"]), True) for c in columns])


def map_line_schema(tables):
    """The schema of one `xiezuo map` line (README, "The map stream"), from the tables'."""
    from pyspark.sql import types as T

    fact_columns = {}
    for name in ("investments", "jobs", "projects"):
        for column in tables[name]["columns"]:
            fact_columns.setdefault(column["name"], column)
    fingerprint = T.StructType(
        [
            T.StructField("exact_key", T.StringType()),
            T.StructField("band_keys", T.ArrayType(T.StringType())),
            T.StructField("shingles", T.StringType()),
            T.StructField("shingle_count", T.LongType()),
            T.StructField("figures", T.ArrayType(T.StringType())),
            T.StructField("value_keys", T.ArrayType(T.LongType())),
            T.StructField("figures_hash", T.LongType()),
        ]
    )
    article = T.StructType(
        [
            T.StructField("document", row_struct(tables["documents"]["columns"])),
            T.StructField(
                "facts",
                T.ArrayType(
                    T.StructType(
                        [T.StructField("table", T.StringType()), T.StructField("row", row_struct(fact_columns.values()))]
                    )
                ),
            ),
            T.StructField("paragraphs", T.ArrayType(row_struct(tables["paragraphs"]["columns"]))),
            T.StructField("fingerprint", fingerprint),
        ]
    )
    return T.StructType(
        [
            T.StructField("line", T.LongType()),
            T.StructField("source", T.StringType()),
            T.StructField("reject", T.StructType([T.StructField("stage", T.StringType()), T.StructField("reason", T.StringType())])),
            T.StructField("articles", T.ArrayType(article)),
        ]
    )


def typed_columns(df, table, skip=(), keep=()):
    """`df`'s columns as the table's types (money exact: decimal text to DECIMAL(18,2))."""
    from pyspark.sql import functions as F

    columns = [F.col(k) for k in keep]
    for column in table["columns"]:
        name = column["name"]
        if name in skip:
            continue
        kind = column["type"]
        value = F.col(name)
        if kind == "date":
            value = F.to_date(value, "yyyy-MM-dd")
        else:
            value = value.cast(spark_type(kind))
        columns.append(value.alias(name))
    return df.select(*columns)


# --------------------------------------------------------------------------------------------
# Candidate pairs: run's bucket rules (CandidatePairs.addRuns / addCrowded)


def value_run_pairs(value, ranks, passes):
    """Pairs of one value run (ranks ascending): every pair up to FULL_RUN, none above.
    Each pair carries its place in run's order of adding: (phase, pass, key, i, j)."""
    if len(ranks) > FULL_RUN:
        return []
    key = "%016x" % value
    order_pass = value % passes
    pairs = []
    for later in range(len(ranks)):
        for earlier in range(later):
            a, b = ranks[earlier], ranks[later]
            if a == b:
                continue
            pairs.append((min(a, b), max(a, b), ORIGIN_VALUE, (0, order_pass, key, later, earlier)))
    return pairs


def band_run_pairs(band, key, entries):
    """Pairs of one band run; `entries` are (figures_hash, rank) sorted as run sorts them."""
    pairs = []
    n = len(entries)
    if n <= FULL_RUN:
        for later in range(n):
            for earlier in range(later):
                a, b = entries[earlier][1], entries[later][1]
                if a == b:
                    continue
                pairs.append((min(a, b), max(a, b), ORIGIN_BAND, (1, band, key, later, earlier)))
        return pairs
    leaders = sorted(rank for _, rank in entries)[:CROWD_PARTNERS]
    emitted = 0
    index = 0
    while index < n:
        end = index + 1
        while end < n and entries[end][0] == entries[index][0]:
            end += 1
        same = [rank for _, rank in entries[index:min(end, index + CROWD_PARTNERS)]]
        for _, rank in entries[index:end]:
            for leader in leaders:
                if leader < rank:
                    pairs.append((leader, rank, ORIGIN_BAND, (1, band, key, emitted, 0)))
                    emitted += 1
            for partner in same:
                if partner < rank:
                    pairs.append((partner, rank, ORIGIN_BAND, (1, band, key, emitted, 0)))
                    emitted += 1
        index = end
    return pairs


# --------------------------------------------------------------------------------------------
# Connected components: large-star / small-star (Kiveris et al., "Connected Components in
# MapReduce and Beyond"), on an RDD of (node, node) edges; no driver-side collect of edges.


def connected_components(edges, checkpoint_every=4):
    """(node, component) for every node of `edges` (pairs of ints); a component is named by
    its least node. Alternates large-star and small-star until the edges stop changing, when
    every component is a star around its least node. Work per round: two shuffles of the
    edges; rounds: O(log n) (in practice a handful)."""
    from pyspark import StorageLevel

    def oriented(edge):
        return (max(edge), min(edge))

    def large_star(item):
        node, neighbours = item
        neighbours = set(neighbours)
        least = min(neighbours | {node})
        return [(v, least) for v in neighbours if v > node]

    def small_star(item):
        node, neighbours = item
        smaller = set(neighbours)
        least = min(smaller | {node})
        out = [(v, least) for v in smaller if v != least]
        if least != node:
            out.append((node, least))
        return out

    edges = edges.map(oriented).filter(lambda e: e[0] != e[1]).distinct().persist(StorageLevel.MEMORY_AND_DISK)
    rounds = 0
    while True:
        rounds += 1
        large = edges.flatMap(lambda e: [e, (e[1], e[0])]).groupByKey().flatMap(large_star).map(oriented)
        small = large.filter(lambda e: e[0] != e[1]).distinct().groupByKey().flatMap(small_star).map(oriented)
        small = small.filter(lambda e: e[0] != e[1]).distinct().persist(StorageLevel.MEMORY_AND_DISK)
        if rounds % checkpoint_every == 0:
            small.localCheckpoint()
        changed = small.subtract(edges).isEmpty() is False or edges.subtract(small).isEmpty() is False
        edges.unpersist()
        edges = small
        if not changed:
            break
    return edges.union(edges.map(lambda e: (e[1], e[1]))).reduceByKey(min)


# --------------------------------------------------------------------------------------------
# Writing


class Output:
    """Files through Hadoop's FileSystem, so that `--output` may be local, HDFS or S3."""

    def __init__(self, spark, root):
        self.spark = spark
        self.jvm = spark.sparkContext._jvm
        self.conf = spark.sparkContext._jsc.hadoopConfiguration()
        self.root = root.rstrip("/")
        self.fs = self.path(self.root).getFileSystem(self.conf)

    def path(self, text):
        return self.jvm.org.apache.hadoop.fs.Path(text)

    def local_root(self):
        """The output directory as a local path, or None on another file system."""
        uri = self.fs.makeQualified(self.path(self.root)).toUri()
        if uri.getScheme() == "file":
            return uri.getPath()
        return None

    def write_bytes(self, path, data):
        stream = self.fs.create(self.path(path), False)
        try:
            stream.write(bytearray(data))
        finally:
            stream.close()

    def read_text(self, path):
        p = self.path(path)
        if not self.fs.exists(p):
            return None
        stream = self.fs.open(p)
        try:
            reader = self.jvm.java.io.BufferedReader(self.jvm.java.io.InputStreamReader(stream, "UTF-8"))
            lines = []
            line = reader.readLine()
            while line is not None:
                lines.append(line)
                line = reader.readLine()
            return "\n".join(lines)
        finally:
            stream.close()

    def rename(self, source, target):
        if not self.fs.rename(self.path(source), self.path(target)):
            raise RuntimeError(f"cannot move {source} to {target}")

    def mkdirs(self, path):
        self.fs.mkdirs(self.path(path))

    def delete(self, path):
        self.fs.delete(self.path(path), True)

    def single_part(self, directory):
        parts = [s.getPath().toString() for s in self.fs.listStatus(self.path(directory)) if s.getPath().getName().startswith("part-")]
        if len(parts) != 1:
            raise RuntimeError(f"{directory}: expected one part file, found {len(parts)}")
        return parts[0]

    def list_names(self, directory):
        p = self.path(directory)
        if not self.fs.exists(p):
            return []
        return [s.getPath().getName() for s in self.fs.listStatus(p)]


def csv_column(name, kind, excel):
    """A column as run's CSV writer (libcsv) writes it, as a Spark expression: text and dates
    quoted with quotes doubled (with `excel`, a leading ' before what a spreadsheet would run),
    integers plain, money as ExactDecimal's text (no trailing fractional zeros), unknown
    values empty."""
    from pyspark.sql import functions as F

    column = F.col(name)
    if kind in ("text", "date"):
        text = F.date_format(column, "yyyy-MM-dd") if kind == "date" else column
        if excel:
            text = F.when(text.rlike("^[=+\\-@\t\r]"), F.concat(F.lit("'"), text)).otherwise(text)
        value = F.concat(F.lit('"'), F.regexp_replace(text, '"', '""'), F.lit('"'))
    elif kind == "money":
        plain = column.cast("string")
        value = F.when(plain.contains("."), F.regexp_replace(F.regexp_replace(plain, "0+$", ""), "\\.$", "")).otherwise(plain)
    else:
        value = column.cast("string")
    return F.coalesce(value, F.lit(""))


def write_csv(output, df, table, path, sort_columns, excel):
    """One file per table through one partition, in run's row order, with run's quoting.
    Spark compares strings by their UTF-8 bytes: run's table order."""
    from pyspark.sql import functions as F

    names = [c["name"] for c in table["columns"]]
    header = ",".join('"' + n + '"' for n in names)
    if excel:
        header = "\ufeff" + header
    line = F.concat_ws(",", *[csv_column(c["name"], c["type"], excel) for c in table["columns"]])
    keys = [F.col(c).alias(f"_k{i}") if isinstance(c, str) else c.alias(f"_k{i}") for i, c in enumerate(sort_columns)]
    body = df.select(F.lit(1).alias("_g"), *keys, line.alias("line"))
    head = body.limit(0).unionByName(
        output.spark.createDataFrame([(0, header)], "_g int, line string"), allowMissingColumns=True
    )
    ordered = head.unionByName(body).repartition(1).sortWithinPartitions("_g", *[f"_k{i}" for i in range(len(keys))])
    parts = path + ".parts"
    ordered.select("line").write.option("lineSep", "\r\n" if excel else "\n").text(parts)
    output.rename(output.single_part(parts), path)
    output.delete(parts)


# --------------------------------------------------------------------------------------------
# The job


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="xiezuo_spark.py", description="xiezuo's tables on Apache Spark (README, \"Spark\")."
    )
    parser.add_argument("--config", required=True, help="pipeline.json, as for xiezuo run (a local file on the driver)")
    parser.add_argument(
        "--input", required=True, action="append",
        help="files, directories or globs Spark can read (local, hdfs://, s3a://); repeatable",
    )
    parser.add_argument("--output", required=True, help="the output directory (local, hdfs://, s3a://)")
    parser.add_argument(
        "--xiezuo", default="xiezuo-bundle/xiezuo",
        help="the xiezuo binary on the executors (default: xiezuo-bundle/xiezuo, from --archives …#xiezuo-bundle)",
    )
    parser.add_argument(
        "--driver-xiezuo", default=None,
        help="the xiezuo binary on the driver, for the table schemas (default: --xiezuo, else dist/xiezuo-bundle/xiezuo)",
    )
    parser.add_argument("--partitions", type=int, default=0, help="input partitions (default: as Spark lists the files)")
    return parser.parse_args(argv)


def main(argv=None):
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark import StorageLevel

    args = parse_arguments(argv if argv is not None else sys.argv[1:])
    started_clock = time.time()
    started = datetime.datetime.now(datetime.timezone.utc)
    phases = {}
    config_path = os.path.abspath(args.config)
    if not os.path.isfile(config_path):
        print(f"xiezuo_spark: {args.config} does not exist; pass --config the pipeline.json to run", file=sys.stderr)
        return 2
    config_directory = os.path.dirname(config_path)

    driver_binary = args.driver_xiezuo
    if driver_binary is None:
        driver_binary = args.xiezuo if os.access(args.xiezuo, os.X_OK) else os.path.join("dist", "xiezuo-bundle", "xiezuo")
    described = subprocess.run(
        [driver_binary, "map", "--describe", "--config", config_path], capture_output=True, check=False
    )
    if described.returncode != 0:
        print(f"xiezuo_spark: {driver_binary} map --describe failed: {described.stderr.decode('utf-8', 'replace')}", file=sys.stderr)
        return 2
    describe = json.loads(described.stdout)
    tables = {t["name"]: t for t in describe["tables"]}
    settings = describe["config"]
    categories = describe["categories"]
    fact_tables = describe["fact_tables"]

    spark = SparkSession.builder.appName("xiezuo").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    spark.conf.set("spark.sql.parquet.compression.codec", "zstd")
    spark.sparkContext._jsc.hadoopConfiguration().set("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
    sc = spark.sparkContext
    if not sc.getConf().contains("spark.sql.shuffle.partitions"):
        # Spark's 200 suits big inputs on big clusters; unset, four per core keeps a small
        # job from spending its time on empty tasks (docs/spark.md, "Settings that matter").
        spark.conf.set("spark.sql.shuffle.partitions", str(max(8, 4 * sc.defaultParallelism)))
    config_name = os.path.basename(config_path)
    sc.addFile(config_path)
    executor_binary = args.xiezuo

    # ---- fetch: list, reject what is too large (run's words), read the rest
    t = time.time()
    listing = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(args.input)
    max_bytes = settings["max_bytes"]
    too_large = (
        listing.select("path", "length")
        .where(F.col("length") > max_bytes)
        .rdd.map(
            lambda r: (
                source_name(r["path"], config_directory),
                "fetch",
                f"too large: {r['length']} bytes, more than fetch.max_bytes ({max_bytes}); raise the limit to read it",
            )
        )
    )
    files = listing.where(F.col("length") <= max_bytes).select("path", "content").rdd
    if args.partitions > 0:
        files = files.repartition(args.partitions)

    def frames(rows):
        for row in rows:
            name = source_name(row["path"], config_directory)
            yield json.dumps({"source": name, "bytes": base64.b64encode(bytes(row["content"])).decode("ascii")})

    def mapped(rows):
        binary = resolve_binary(executor_binary)
        command = [binary, "map", "--config", config_file(config_name)]
        for line in pipe_lines(command, frames(rows)):
            yield line

    map_lines = files.mapPartitions(mapped)

    # ---- the map's lines, parsed by Spark (`from_json`, in the JVM) into one cached table of
    # sources; every table below is a projection of it, without another pass through Python.
    lines = spark.createDataFrame(map_lines.map(lambda line: (line,)), "line string")
    sources = (
        lines.select(F.from_json("line", map_line_schema(tables)).alias("m"))
        .select("m.*")
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    sources.count()
    phases["map"] = time.time() - t

    documents_table = tables["documents"]
    paragraphs_table = tables["paragraphs"]
    articles_df = sources.where(F.col("reject").isNull()).select(F.posexplode("articles").alias("_part", "a"))
    articles_df = articles_df.select("a.*").persist(StorageLevel.MEMORY_AND_DISK)

    # ---- dedupe
    t = time.time()
    from pyspark.sql import types as T

    fingerprints = articles_df.select(
        F.col("document.doc_id").alias("doc_id"),
        F.col("document.source").alias("source"),
        F.col("document.part").alias("part"),
        F.col("document.published").alias("published"),
        F.col("document.chars").alias("chars"),
        F.col("fingerprint.exact_key").alias("exact_key"),
        F.col("fingerprint.shingle_count").alias("shingle_count"),
        F.col("fingerprint.figures").alias("figures"),
        F.col("fingerprint.value_keys").alias("value_keys"),
        F.col("fingerprint.figures_hash").alias("figures_hash"),
        F.col("fingerprint.band_keys").alias("band_keys"),
        F.col("fingerprint.shingles").alias("shingles"),
    )
    # The kept-copy order: a stated date first, earliest; then most characters; then table
    # order (source by UTF-8 bytes, Spark's string order; then part).
    ordered = fingerprints.orderBy(
        F.col("published").isNull(), F.col("published"), F.col("chars").desc(), F.col("source"), F.col("part")
    )
    ranked = (
        ordered.rdd.zipWithIndex()
        .map(lambda t: tuple(t[0]) + (t[1],))
        .toDF(fingerprints.schema.add("rank", T.LongType()))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    document_count = ranked.count()
    verdicts = spark.createDataFrame([], "doc_id string, kept_doc_id string")
    candidate_pairs = confirmed_pairs = 0
    shuffle = {"band_entries": 0, "value_entries": 0, "raw_pairs": 0, "admitted_pairs": 0, "components": 0}
    if settings["dedupe_enabled"] and document_count > 1:
        firsts = ranked.groupBy("exact_key").agg(F.min("rank").alias("first"))
        ranked2 = ranked.join(firsts, "exact_key")
        participants = ranked2.where((F.col("rank") == F.col("first")) & (F.col("shingle_count") > 0))
        entries = participants.select(F.coalesce(F.sum(F.size("figures")), F.lit(0))).first()[0]
        passes = max(1, (entries * ENTRY_BYTES + PASS_BYTES - 1) // PASS_BYTES)

        value_pairs = (
            participants.select(F.explode("value_keys").alias("value"), "rank")
            .rdd.map(lambda r: (r["value"], r["rank"]))
            .groupByKey()
            .flatMap(lambda kv: value_run_pairs(kv[0], sorted(set(kv[1])), passes))
        )
        band_pairs = (
            participants.select(F.posexplode("band_keys").alias("band", "key"), "figures_hash", "rank")
            .rdd.map(lambda r: ((r["band"], r["key"]), (r["figures_hash"], r["rank"])))
            .groupByKey()
            .filter(lambda kv: len(kv[1]) > 1)
            .flatMap(lambda kv: band_run_pairs(kv[0][0], kv[0][1], sorted(kv[1])))
        )
        raw_pairs = value_pairs.union(band_pairs)
        # Drop the pairs run would not keep (sizes, figures: `xiezuo dedupe --admit`, a pure
        # function of the pair) before forming components, so that a crowd of bulletins whose
        # figures conflict does not become one component.
        sides = participants.select("rank", "shingle_count", "figures").rdd.map(
            lambda r: (r["rank"], (r["shingle_count"], r["figures"]))
        )
        with_earlier = raw_pairs.map(lambda p: (p[0], p)).join(sides).map(lambda kv: (kv[1][0][1], (kv[1][0], kv[1][1])))
        with_both = with_earlier.join(sides).map(lambda kv: (kv[1][0][0], kv[1][0][1], kv[1][1]))

        def admitted(items):
            binary = resolve_binary(executor_binary)
            held = collections.deque()

            def lines():
                for pair, earlier, later in items:
                    held.append(pair)
                    yield json.dumps([pair[2], earlier[0], earlier[1], later[0], later[1]])

            for answer in pipe_lines([binary, "dedupe", "--admit", "--config", config_file(config_name)], lines()):
                pair = held.popleft()
                if answer == "1":
                    yield pair

        pairs = with_both.mapPartitions(admitted).persist(StorageLevel.MEMORY_AND_DISK)
        shuffle["raw_pairs"] = raw_pairs.count()
        shuffle["admitted_pairs"] = pairs.count()
        shuffle["band_entries"] = participants.select(F.coalesce(F.sum(F.size("band_keys")), F.lit(0))).first()[0]
        shuffle["value_entries"] = participants.select(F.coalesce(F.sum(F.size("value_keys")), F.lit(0))).first()[0]
        components = connected_components(pairs.map(lambda p: (p[0], p[1]))).persist(StorageLevel.MEMORY_AND_DISK)
        shuffle["components"] = components.values().distinct().count()
        # Each component: its articles' fingerprints and its pairs in run's order of adding.
        component_of = components  # (rank, component)
        members = participants.select("rank", "doc_id", "shingles", "figures").rdd.map(
            lambda r: (r["rank"], (r["doc_id"], r["shingles"], r["figures"]))
        )
        member_groups = members.join(component_of).map(lambda kv: (kv[1][1], (kv[0],) + kv[1][0]))
        pair_groups = pairs.map(lambda p: (p[1], p)).join(component_of).map(lambda kv: (kv[1][1], kv[1][0]))

        def group_line(item):
            component, (articles, group_pairs) = item
            articles = sorted(articles)
            group_pairs = sorted(group_pairs, key=lambda p: p[3])
            return json.dumps(
                {
                    "group": component,
                    "articles": [{"rank": a[0], "shingles": a[2], "figures": a[3]} for a in articles],
                    "pairs": [[p[0], p[1], p[2]] for p in group_pairs],
                }
            )

        def resolved(lines):
            binary = resolve_binary(executor_binary)
            command = [binary, "dedupe", "--config", config_file(config_name)]
            for out in pipe_lines(command, lines):
                result = json.loads(out)
                yield ("stats", (result["candidate_pairs"], result["confirmed_pairs"]))
                for duplicate, kept in result["verdicts"]:
                    yield ("verdict", (duplicate, kept))

        groups = member_groups.cogroup(pair_groups).map(lambda kv: (kv[0], (list(kv[1][0]), list(kv[1][1]))))
        decided = groups.map(group_line).mapPartitions(resolved).persist(StorageLevel.MEMORY_AND_DISK)
        stats = decided.filter(lambda r: r[0] == "stats").map(lambda r: r[1]).fold((0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1]))
        candidate_pairs, confirmed_pairs = stats
        near = decided.filter(lambda r: r[0] == "verdict").map(lambda r: r[1]).toDF("rank long, kept long")
        # Twins take their first copy's verdict: its kept copy, or the first copy itself.
        by_rank = ranked2.select("rank", "first", "doc_id")
        resolved_first = by_rank.join(near.withColumnRenamed("rank", "first"), "first", "left")
        twin_or_near = resolved_first.select(
            "rank",
            F.when(F.col("rank") != F.col("first"), F.coalesce(F.col("kept"), F.col("first")))
            .otherwise(F.col("kept"))
            .alias("kept"),
        ).where(F.col("kept").isNotNull())
        ids = ranked.select(F.col("rank").alias("kept"), F.col("doc_id").alias("kept_doc_id"))
        verdicts = (
            twin_or_near.join(ids, "kept")
            .join(ranked.select("rank", "doc_id"), "rank")
            .select("doc_id", "kept_doc_id")
            .persist(StorageLevel.MEMORY_AND_DISK)
        )
        pairs.unpersist()
    duplicates = verdicts.count()
    phases["dedupe"] = time.time() - t

    # ---- run number, as run counts them: one more than the set `current` points at
    output = Output(spark, args.output)
    previous_run_id = 0
    previous = output.read_text(args.output.rstrip("/") + "/current/run.json")
    if previous:
        try:
            previous_run_id = int(json.loads(previous).get("run_id", 0))
        except ValueError:
            previous_run_id = 0
    run_id = previous_run_id + 1

    # ---- tables
    t = time.time()
    documents = typed_columns(articles_df.select("document.*"), documents_table, skip=("duplicate_of", "first_seen_run"))
    documents = (
        documents.join(verdicts.withColumnRenamed("kept_doc_id", "duplicate_of"), "doc_id", "left")
        .withColumn("first_seen_run", F.lit(run_id).cast("long"))
        .select(*[c["name"] for c in documents_table["columns"]])
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    kept = documents.where(F.col("duplicate_of").isNull()).select("doc_id", "programme", "source", "part")
    order_of_document = documents.select("doc_id", "source", "part")

    facts = {}
    all_facts = articles_df.select(F.posexplode("facts").alias("_index", "f")).select("_index", "f.table", "f.row")
    for name in fact_tables:
        table = tables[name]
        rows = all_facts.where(F.col("table") == name).select("_index", "row.*")
        df = typed_columns(rows, table, skip=("first_seen_run",), keep=("_index",))
        df = df.join(kept.select("doc_id", "source", "part"), "doc_id").withColumn(
            "first_seen_run", F.lit(run_id).cast("long")
        )
        facts[name] = df.persist(StorageLevel.MEMORY_AND_DISK)

    paragraphs = typed_columns(articles_df.select(F.explode("paragraphs").alias("p")).select("p.*"), paragraphs_table)
    paragraphs = paragraphs.join(order_of_document, "doc_id")

    map_rejects_df = sources.where(F.col("reject").isNotNull()).select(
        "source", F.col("reject.stage").alias("stage"), F.col("reject.reason").alias("reason")
    )
    rejects = map_rejects_df.unionByName(spark.createDataFrame(too_large, spark_schema(tables["rejects"]))).persist()
    phases["tables"] = time.time() - t

    # ---- aggregate: summary grouped as configured
    t = time.time()
    group_by = settings["group_by"]
    summary_table = tables["summary"]
    value_column = {"investments": "amount_cny", "jobs": "count", "projects": "count"}
    parts = []
    for name in fact_tables:
        df = facts[name].join(kept.select("doc_id", "programme"), "doc_id")
        keys = []
        for column in ("category", "year", "region", "province", "city", "county", "partner_region", "programme"):
            if column in group_by:
                keys.append(F.col(column).alias(column))
            else:
                keys.append(F.lit(None).cast("int" if column == "year" else "string").alias(column))
        value = F.col(value_column[name]).cast(T.DecimalType(38, 2))
        grouped = (
            df.select(*keys, F.col("doc_id"), value.alias("_v"))
            .groupBy("category", "year", "region", "province", "city", "county", "partner_region", "programme")
            .agg(
                F.count("*").alias("facts"),
                F.countDistinct("doc_id").alias("documents"),
                F.sum("_v").alias("total"),
                F.min("_v").alias("min"),
                F.max("_v").alias("max"),
            )
            .withColumn("fact_table", F.lit(name))
        )
        parts.append(grouped)
    summary_rows = []
    for part in parts:
        summary_rows += part.collect()  # one row per group: small whatever the corpus

    def summary_key(row):
        category = categories.index(row["category"]) if row["category"] is not None else -1
        year = row["year"] if row["year"] is not None else -(1 << 63)
        places = [utf8_key(row[c]) for c in ("province", "city", "county", "region", "partner_region", "programme")]
        return (fact_tables.index(row["fact_table"]), category, year, places)

    summary_rows.sort(key=summary_key)
    summary_names = [c["name"] for c in summary_table["columns"]]
    summary = spark.createDataFrame(
        [
            tuple(r[n] for n in summary_names) + (i,)
            for i, r in enumerate(summary_rows)
        ],
        spark_schema(summary_table, extra=[("_i", T.LongType())]),
    )
    phases["aggregate"] = time.time() - t

    # ---- write: a staging directory, then one move into runs/, then `current`
    t = time.time()
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    run_directory = f"run-{run_id}-{stamp}"
    staging = f"{output.root}/.xiezuo-staging-spark-{sc.applicationId}"
    output.delete(staging)
    output.mkdirs(staging)
    try:
        formats = settings["formats"]
        excel = settings["excel"]
        source_order = [F.col("source"), F.col("part")]
        plan = [
            ("documents", documents, source_order),
            *[(name, facts[name], source_order + [F.col("_index")]) for name in fact_tables],
            ("summary", summary, [F.col("_i")]),
            ("rejects", rejects, [F.col("source"), F.col("stage"), F.col("reason")]),
            ("paragraphs", paragraphs, source_order + [F.col("paragraph")]),
        ]
        counts = {}
        for name, df, order in plan:
            table = tables[name]
            names = [c["name"] for c in table["columns"]]
            # Spark's source order is its string order: UTF-8 bytes, as run's table order.
            if "parquet" in formats:
                df.orderBy(*order).select(*names).write.mode("errorifexists").parquet(f"{staging}/parquet/{name}")
            if "csv" in formats:
                output.mkdirs(f"{staging}/csv")
                write_csv(output, df, table, f"{staging}/csv/{name}.csv", order, excel)
            counts[name] = df.count()
        if "csv" in formats:
            output.write_bytes(f"{staging}/datapackage.json", base64.b64decode(describe["datapackage"]))
        phases["write"] = time.time() - t

        sources_read = sources.where(F.col("reject").isNull()).count()
        map_rejects = {r["stage"]: r["n"] for r in map_rejects_df.groupBy("stage").agg(F.count("*").alias("n")).collect()}
        fetch_rejected = too_large.count() + map_rejects.get("fetch", 0)
        clean_rejected = sum(v for k, v in map_rejects.items() if k != "fetch")
        articles = document_count
        fact_counts = {name: counts[name] for name in fact_tables}
        facts_kept = sum(fact_counts.values())
        finished = datetime.datetime.now(datetime.timezone.utc)
        total_bytes = listing.where(F.col("length") <= max_bytes).select(F.coalesce(F.sum("length"), F.lit(0))).first()[0]

        def stage(records_in, records_out, rejected=0, duplicates_=0, seconds=0.0):
            return {
                "duplicates": duplicates_, "records_in": records_in, "records_out": records_out,
                "rejected": rejected, "seconds": seconds,
            }

        sources_total = sources_read + sum(map_rejects.values()) + (fetch_rejected - map_rejects.get("fetch", 0))
        report = {
            "articles": articles,
            "bytes": total_bytes,
            "config_hash": describe["config_hash"],
            "documents": articles,
            "duplicates": duplicates,
            "engine": {"name": "spark", "version": spark.version, "master": sc.master, "application_id": sc.applicationId,
                       "candidate_pairs": candidate_pairs, "confirmed_pairs": confirmed_pairs, **shuffle},
            "facts": fact_counts,
            "finished": finished.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "full_refresh": False,
            "phases": phases,
            "previous_run_id": previous_run_id,
            "rejects": counts["rejects"],
            "run_id": run_id,
            "seconds": time.time() - started_clock,
            "sources": sources_total,
            "stages": {
                "fetch": stage(sources_total, sources_total - fetch_rejected, fetch_rejected),
                "clean": stage(sources_read + clean_rejected, sources_read, clean_rejected, seconds=phases["map"]),
                "extract": stage(articles, articles),
                "dedupe": stage(articles, articles - duplicates, duplicates_=duplicates, seconds=phases["dedupe"]),
                "aggregate": stage(facts_kept, facts_kept, seconds=phases["aggregate"]),
            },
            "started": started.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "summary_rows": counts["summary"],
            "unchanged": 0,
            "workers": sc.defaultParallelism,
            "xiezuo_version": describe["xiezuo_version"],
        }
        output.write_bytes(f"{staging}/run.json", (json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"))

        output.mkdirs(f"{output.root}/runs")
        output.rename(staging, f"{output.root}/runs/{run_directory}")
    except BaseException:
        # A failed job leaves no half-written set behind; `current` still shows the last one.
        output.delete(staging)
        raise
    switch_current(output, run_directory)
    print(
        f"xiezuo_spark: {report['sources']} sources, {articles} articles, {duplicates} duplicates, "
        f"facts: " + ", ".join(f"{k} {v}" for k, v in fact_counts.items()) + f", {report['rejects']} rejects, "
        f"{report['seconds']:.2f} s; tables in {output.root}/runs/{run_directory}",
        file=sys.stderr,
    )
    spark.stop()
    return 0


def switch_current(output, run_directory):
    """`current` → the new set in one step where the file system has links (local: a new
    link renamed over the old one, as run does); elsewhere `CURRENT` names the set."""
    local = output.local_root()
    if local is not None:
        link = os.path.join(local, f".current-{os.getpid()}")
        os.symlink(f"runs/{run_directory}", link)
        os.replace(link, os.path.join(local, "current"))
        return
    output.delete(f"{output.root}/CURRENT.tmp")
    output.write_bytes(f"{output.root}/CURRENT.tmp", f"runs/{run_directory}\n".encode("utf-8"))
    output.delete(f"{output.root}/CURRENT")
    output.rename(f"{output.root}/CURRENT.tmp", f"{output.root}/CURRENT")


if __name__ == "__main__":
    sys.exit(main())
