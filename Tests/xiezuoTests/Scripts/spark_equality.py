#!/usr/bin/env python3
"""Runs `xiezuo run --workers 2` and the Spark job on the same inputs and checks that their
tables hold the same rows (README, "Spark"; SparkEqualityTests).

    spark_equality.py --xiezuo BIN --input DIR [--input DIR …] --workdir DIR
                      [--master local[2] | --cluster] [--bundle TAR.GZ]

Writes `WORKDIR/pipeline.json` (dedupe.scope "run", the inputs as fetch.sources), runs both
into WORKDIR/run and WORKDIR/spark, compares, prints one JSON line and exits 1 on a difference.
With --cluster it starts a standalone Spark master and two workers on 127.0.0.1 (each with
its own work directory), submits with the bundle through --archives, and stops them however
the comparison ends.
"""

import argparse
import glob
import json
import os
import signal
import socket
import subprocess
import sys
import time

import pyarrow.parquet as pq

TABLES = ["documents", "investments", "jobs", "projects", "summary", "rejects", "paragraphs"]
REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
JOB = os.path.join(REPOSITORY, "spark", "xiezuo_spark.py")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spark_home():
    import pyspark

    return os.path.dirname(pyspark.__file__)


class Cluster:
    """A standalone master and two workers on loopback, stopped by `stop` (process groups)."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.processes = []
        self.port = free_port()
        self.master = f"spark://127.0.0.1:{self.port}"

    def _start(self, name, arguments):
        log = open(os.path.join(self.workdir, f"{name}.log"), "wb")
        env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", SPARK_HOME=spark_home(), SPARK_LOG_DIR=self.workdir)
        process = subprocess.Popen(
            [os.path.join(spark_home(), "bin", "spark-class")] + arguments,
            stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )
        self.processes.append((name, process, log))

    def start(self, workers=2):
        self._start("master", [
            "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", str(self.port),
            "--webui-port", str(free_port()),
        ])
        for index in range(workers):
            work = os.path.join(self.workdir, f"worker-{index}")
            os.makedirs(work, exist_ok=True)
            self._start(f"worker-{index}", [
                "org.apache.spark.deploy.worker.Worker", self.master, "--host", "127.0.0.1", "--cores", "1",
                "--memory", "1g", "--work-dir", work, "--webui-port", str(free_port()),
            ])
        deadline = time.time() + 120
        while time.time() < deadline:
            registered = open(os.path.join(self.workdir, "master.log"), "rb").read().count(b"Registering worker")
            if registered >= workers:
                return
            for name, process, _ in self.processes:
                if process.poll() is not None:
                    raise RuntimeError(f"spark {name} exited with {process.returncode}; see {self.workdir}/{name}.log")
            time.sleep(0.5)
        raise RuntimeError(f"the workers did not register with the master within 120 s; see {self.workdir}/master.log")

    def stop(self):
        for _, process, _ in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for _, process, log in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            log.close()


def read_parquet(directory):
    files = sorted(glob.glob(os.path.join(directory, "*.parquet")))
    if not files:
        raise AssertionError(f"no Parquet files in {directory}")
    tables = [pq.read_table(f) for f in files]
    schema = tables[0].schema
    rows = []
    for table in tables:
        rows += [tuple(row[name] for name in schema.names) for row in table.to_pylist()]
    return schema, rows


def compare(run_tables, spark_tables):
    problems = []
    details = {}
    for name in TABLES:
        run_csv = open(os.path.join(run_tables, "csv", f"{name}.csv"), "rb").read()
        spark_csv = open(os.path.join(spark_tables, "csv", f"{name}.csv"), "rb").read()
        lines = run_csv.count(b"\n") - 1
        details[name] = lines
        if run_csv != spark_csv:
            run_lines, spark_lines = run_csv.split(b"\n"), spark_csv.split(b"\n")
            first = next((i for i, (a, b) in enumerate(zip(run_lines, spark_lines)) if a != b), min(len(run_lines), len(spark_lines)))
            problems.append(
                f"{name}.csv differs: run {len(run_lines)} lines, spark {len(spark_lines)}; first difference at line {first + 1}: "
                f"run {run_lines[first][:300] if first < len(run_lines) else b'<end>'!r} spark {spark_lines[first][:300] if first < len(spark_lines) else b'<end>'!r}"
            )
        run_schema, run_rows = read_parquet(os.path.join(run_tables, "parquet", name))
        spark_schema, spark_rows = read_parquet(os.path.join(spark_tables, "parquet", name))
        run_types = [(f.name, str(f.type)) for f in run_schema]
        spark_types = [(f.name, str(f.type)) for f in spark_schema]
        if run_types != spark_types:
            problems.append(f"{name} Parquet types differ: run {run_types} spark {spark_types}")
        key = lambda row: tuple((v is None, str(v)) for v in row)  # noqa: E731
        if sorted(run_rows, key=key) != sorted(spark_rows, key=key):
            missing = set(run_rows) - set(spark_rows)
            extra = set(spark_rows) - set(run_rows)
            problems.append(f"{name} Parquet rows differ: {len(run_rows)} vs {len(spark_rows)}; only in run {list(missing)[:2]}, only in spark {list(extra)[:2]}")
    run_report = json.load(open(os.path.join(run_tables, "run.json")))
    spark_report = json.load(open(os.path.join(spark_tables, "run.json")))
    for key in ["articles", "documents", "duplicates", "facts", "rejects", "sources", "summary_rows", "run_id", "xiezuo_version"]:
        if run_report[key] != spark_report[key]:
            problems.append(f"run.json {key}: run {run_report[key]} spark {spark_report[key]}")
    for stage, counts in run_report["stages"].items():
        for field in ["records_in", "records_out", "rejected", "duplicates"]:
            if counts[field] != spark_report["stages"][stage][field]:
                problems.append(f"run.json stages.{stage}.{field}: run {counts[field]} spark {spark_report['stages'][stage][field]}")
    if open(os.path.join(run_tables, "datapackage.json"), "rb").read() != open(os.path.join(spark_tables, "datapackage.json"), "rb").read():
        problems.append("datapackage.json differs")
    return problems, details, run_report


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--xiezuo", required=True)
    parser.add_argument("--input", action="append", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--cluster", action="store_true")
    parser.add_argument("--bundle", help="the bundle tarball (default: built from --xiezuo into WORKDIR)")
    args = parser.parse_args()

    workdir = os.path.abspath(args.workdir)
    os.makedirs(workdir, exist_ok=True)
    inputs = [os.path.abspath(p) for p in args.input]
    config = os.path.join(workdir, "pipeline.json")
    with open(config, "w") as f:
        json.dump({"fetch": {"sources": inputs}, "dedupe": {"scope": "run"}, "output": {"directory": "run"}}, f)

    timings = {}
    t = time.time()
    run = subprocess.run([args.xiezuo, "run", "--config", config, "--workers", "2"], capture_output=True)
    timings["run_seconds"] = round(time.time() - t, 2)
    if run.returncode != 0:
        print(json.dumps({"ok": False, "problems": [f"xiezuo run exited {run.returncode}: {run.stderr.decode()[-2000:]}"]}))
        return 1

    python = sys.executable
    submit = [os.path.join(spark_home(), "bin", "spark-submit")]
    env = dict(os.environ, PYSPARK_PYTHON=python, PYSPARK_DRIVER_PYTHON=python, SPARK_LOCAL_IP="127.0.0.1", SPARK_HOME=spark_home())
    conf = [
        "--conf", f"spark.pyspark.python={python}", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.sql.shuffle.partitions=4",
    ]
    input_options = [option for path in inputs for option in ("--input", path)]
    cluster = None
    try:
        if args.cluster:
            bundle = args.bundle
            if bundle is None:
                built = subprocess.run(
                    [os.path.join(REPOSITORY, "spark", "build_bundle.sh"), "--binary", args.xiezuo, "--out", os.path.join(workdir, "dist")],
                    capture_output=True,
                )
                if built.returncode != 0:
                    print(json.dumps({"ok": False, "problems": [f"build_bundle.sh failed: {built.stderr.decode()}"]}))
                    return 1
                bundle = os.path.join(workdir, "dist", "xiezuo-bundle.tar.gz")
            cluster = Cluster(workdir)
            t = time.time()
            cluster.start()
            timings["cluster_start_seconds"] = round(time.time() - t, 2)
            command = submit + ["--master", cluster.master, "--deploy-mode", "client", "--archives", f"{bundle}#xiezuo-bundle",
                                "--executor-memory", "900m"] + conf + [
                JOB, "--config", config, *input_options, "--output", os.path.join(workdir, "spark"),
                "--driver-xiezuo", args.xiezuo, "--xiezuo", "xiezuo-bundle/xiezuo",
            ]
        else:
            command = submit + ["--master", args.master] + conf + [
                JOB, "--config", config, *input_options, "--output", os.path.join(workdir, "spark"), "--xiezuo", args.xiezuo,
            ]
        t = time.time()
        spark = subprocess.run(command, capture_output=True, env=env)
        timings["spark_seconds"] = round(time.time() - t, 2)
        if spark.returncode != 0:
            err = spark.stderr.decode("utf-8", "replace")
            at = err.find("Traceback")
            print(json.dumps({"ok": False, "problems": [f"spark-submit exited {spark.returncode}: {err[at:at + 6000] if at >= 0 else err[-6000:]}"]}))
            return 1
    finally:
        if cluster is not None:
            cluster.stop()

    problems, rows, report = compare(os.path.join(workdir, "run", "current"), os.path.join(workdir, "spark", "current"))
    print(json.dumps({"ok": not problems, "problems": problems, "rows": rows, "duplicates": report["duplicates"], **timings}, ensure_ascii=False))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
