"""Where xiezuo's tables lie in an output directory: the Python twin of OutputLayout.swift,
so the test scripts know the layout in one place (README, "Tables")."""
import os


def table_set(output):
    """The set of tables `current` points at, resolved once so every file comes from one set."""
    return os.path.realpath(os.path.join(output, "current"))


def csv(output, table):
    return os.path.join(table_set(output), "csv", f"{table}.csv")


def parquet_directory(output, table):
    return os.path.join(table_set(output), "parquet", table)


def parquet(output, table):
    return os.path.join(parquet_directory(output, table), f"{table}.parquet")


def data_package(output):
    return os.path.join(table_set(output), "datapackage.json")
