/// The writers of one run, every table in every configured format, inside the staging directory.
///
/// With `concurrent`, each CSV and Parquet file is written on a lane of its own (`TableLane`)
/// while the caller reads on; the workbook's sheets share one lane, since they share one
/// libxlsxwriter workbook. Every file gets its rows in the caller's order either way.
final class TableSet {
    /// Per table name: the lane and the sink within it, for each of its files.
    private var routes: [String: [(lane: TableLane, sink: Int)]] = [:]
    private var lanes: [TableLane] = []
    /// The workbook holding every table's sheet (format xlsx), closed after them.
    private var workbook: XlsxTableWorkbook?
    private var closed = false

    init(staging: OutputStaging, output: OutputConfig, run: RunStamp, concurrent: Bool = false) throws(OutputError) {
        if output.formats.contains(.xlsx) {
            workbook = try XlsxTableWorkbook(
                path: staging.path(for: OutputLayout.workbook), temporaryDirectory: staging.staging, run: run,
                dataRowsPerSheet: output.xlsxRowsPerSheet)
        }
        var sheets: [any TableSink] = []
        var sheetRoutes: [(table: String, sink: Int)] = []
        for schema in TableSchema.all {
            for format in output.formats {
                let sink: any TableSink
                switch format {
                case .csv:
                    sink = try CSVTableWriter(
                        schema: schema, path: staging.path(for: OutputLayout.csv(schema.name)), excel: output.excel)
                case .parquet:
                    sink = try ParquetTableWriter(
                        schema: schema, path: staging.path(for: OutputLayout.parquet(schema.name)),
                        rowGroupRows: output.rowGroupRows)
                case .xlsx:
                    guard let workbook else { continue }
                    sheetRoutes.append((schema.name, sheets.count))
                    sheets.append(try workbook.sheet(for: schema))
                    continue
                }
                let lane = TableLane(sinks: [sink], label: "\(schema.name).\(format.rawValue)", concurrent: concurrent)
                lanes.append(lane)
                routes[schema.name, default: []].append((lane, 0))
            }
        }
        if !sheets.isEmpty {
            let lane = TableLane(sinks: sheets, label: "xlsx", concurrent: concurrent)
            lanes.append(lane)
            for (table, sink) in sheetRoutes { routes[table, default: []].append((lane, sink)) }
        }
    }

    deinit {
        // Not closed: the run failed; what the lanes still hold is dropped, and their queues
        // are done before the staging directory goes.
        if !closed { for lane in lanes { lane.cancel() } }
    }

    func write(_ row: [TableValue], to schema: TableSchema) throws(OutputError) {
        for (lane, sink) in routes[schema.name] ?? [] { try lane.write(row, toSink: sink) }
    }

    func close() throws(OutputError) {
        for lane in lanes { try lane.startClosing() }
        for lane in lanes { try lane.finishClosing() }
        closed = true
        try workbook?.close()
    }
}
