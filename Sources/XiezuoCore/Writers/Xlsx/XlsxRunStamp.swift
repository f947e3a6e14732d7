/// What the workbook's first sheet says about the run that wrote it.
struct XlsxRunStamp: Sendable, Equatable {
    var runID: Int
    /// UTC, ISO 8601 (`run.json`'s `started`).
    var started: String
    var version: String
}
