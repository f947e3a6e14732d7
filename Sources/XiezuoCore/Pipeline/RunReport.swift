import Foundation

/// What a run did: written as `run.json` and summarised on stderr.
public struct RunReport: Sendable, Equatable, Encodable {
    /// Per stage, `records_in = records_out + rejected + duplicates` holds exactly. A record
    /// is: for fetch, a listed source; for clean, a source read and not unchanged (fetch's
    /// `records_out` less `unchanged`); for extract, an article (`articles`); for dedupe, a
    /// document of the store (`documents`, the whole history); for aggregate, a fact of a kept
    /// article (the sum of `facts`). README.md, "Counts in run.json", spells out the chain.
    public struct StageReport: Sendable, Equatable, Encodable {
        /// Records the stage received, passed on and rejected.
        public var recordsIn = 0
        public var recordsOut = 0
        public var rejected = 0
        /// Articles dropped as duplicates (dedupe only).
        public var duplicates = 0
        /// Wall seconds for global stages; summed worker seconds for per-source stages.
        public var seconds = 0.0

        enum CodingKeys: String, CodingKey {
            case recordsIn = "records_in", recordsOut = "records_out", rejected, duplicates, seconds
        }
    }

    /// xiezuo's version (`XiezuoVersion.current`).
    public var version = XiezuoVersion.current
    /// This run's number: one more than the last run of the store and of the tables it
    /// replaces. Rows whose `first_seen_run` equals it were added by this run.
    public var runID = 0
    /// The `run_id` of the tables this run replaced; 0 when there were none. Rows with
    /// `first_seen_run` above it are new since those tables, including rows stored by a run
    /// that was killed before it could switch the tables.
    public var previousRunID = 0
    /// UTC, ISO 8601 with milliseconds.
    public var started = ""
    public var finished = ""
    /// The history was rebuilt from scratch (`--full-refresh`).
    public var fullRefresh = false
    public var configHash = ""
    /// The identity of the `ArticleProcessor` that processed tonight's sources: what made
    /// them (xiezuo's rules version, the per-article settings, the rule tables).
    public var processor = ""
    public var workers = 0
    public var sources = 0
    /// Sources whose bytes were already processed by an earlier run (scope "history").
    public var unchanged = 0
    /// Articles in the store after the run: the rows of `documents`.
    public var documents = 0
    public var bytes = 0
    public var articles = 0
    public var duplicates = 0
    public var facts: [String: Int] = Dictionary(uniqueKeysWithValues: FactTable.allCases.map { ($0.rawValue, 0) })
    public var rejects = 0
    /// Rows of `summary`: the groups aggregate folded the facts into.
    public var summaryRows = 0
    public var stages: [String: StageReport] = Dictionary(
        uniqueKeysWithValues: StageName.allCases.map { ($0.rawValue, StageReport()) }
    )
    public var seconds = 0.0
    /// Wall seconds of the run's steps, where stage seconds cannot say it (per-source stages
    /// sum their workers' time): `plan` (listing the sources), `setup` (opening the store), `workers` (the parallel read, clean and extract),
    /// `store` (recording tonight's articles, within `workers`), `dedupe`, `aggregate` and
    /// `tables` (documents, paragraphs, facts, summary and rejects written).
    public var phases: [String: Double] = [:]

    enum CodingKeys: String, CodingKey {
        case version = "xiezuo_version", runID = "run_id", previousRunID = "previous_run_id", started, finished
        case fullRefresh = "full_refresh"
        case configHash = "config_hash", processor, workers, sources, unchanged, documents, bytes, articles, duplicates, facts
        case rejects
        case summaryRows = "summary_rows", stages, seconds, phases
    }

    mutating func update(_ stage: StageName, _ change: (inout StageReport) -> Void) {
        change(&stages[stage.rawValue, default: StageReport()])
    }

    /// What the tables say about this run (the workbook's first sheet, the PostgreSQL load).
    var stamp: RunStamp {
        RunStamp(runID: runID, previousRunID: previousRunID, started: started, finished: finished, version: version)
    }

    /// Now, as `started` and `finished` write it.
    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// The `run_id` of the `run.json` at `path`; 0 when there is none.
    static func runID(inReportAt path: String) -> Int {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return 0 }
        return object["run_id"] as? Int ?? 0
    }

    /// `run.json` bytes: sorted keys, so that equal runs differ only in their timings,
    /// timestamps and run numbers.
    func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()).map { $0 } + [10]
    }

    /// The closing summary for stderr.
    public var summaryLine: String {
        let factCounts = FactTable.allCases.map { "\($0.rawValue) \(facts[$0.rawValue] ?? 0)" }.joined(separator: ", ")
        return "xiezuo: \(sources) sources (\(unchanged) unchanged), \(articles) new articles, \(documents) documents, "
            + "\(duplicates) duplicates, facts: \(factCounts), "
            + "\(rejects) rejects, \(String(format: "%.2f", seconds)) s"
    }
}
