// The Parquet writer lives in this module; see ParquetWriter.swift.
