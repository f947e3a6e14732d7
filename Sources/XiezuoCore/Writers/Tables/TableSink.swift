/// Where the rows of one table go: a CSV file, a Parquet file.
protocol TableSink: AnyObject {
    func write(_ row: [TableValue]) throws(OutputError)
    func close() throws(OutputError)
}
