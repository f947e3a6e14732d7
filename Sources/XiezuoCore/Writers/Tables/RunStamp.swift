/// What the tables say about the run that wrote them (`run.json`'s fields of the same names):
/// the workbook's first sheet and the PostgreSQL load's run table.
struct RunStamp: Sendable, Equatable {
    var runID: Int
    var previousRunID: Int = 0
    /// UTC, ISO 8601.
    var started: String
    /// Empty until the run has finished writing (the workbook is written before).
    var finished: String = ""
    var version: String
}
