import Logging

extension RunReport {
    /// One `stage finished` event with the stage's counts and seconds (numbers in JSON logs).
    func logStage(_ stage: StageName, to logger: Logger) {
        let record = stages[stage.rawValue] ?? StageReport()
        logger.info(
            "stage finished",
            metadata: [
                "stage.name": "\(stage.rawValue)",
                "stage.records_in": .stringConvertible(record.recordsIn),
                "stage.records_out": .stringConvertible(record.recordsOut),
                "stage.rejected": .stringConvertible(record.rejected),
                "stage.duplicates": .stringConvertible(record.duplicates),
                "stage.seconds": .stringConvertible(Self.rounded(record.seconds)),
            ]
        )
    }

    /// The totals of `run.json`, for the `run finished` event.
    var finishedMetadata: Logger.Metadata {
        var metadata: Logger.Metadata = [
            "run.sources": .stringConvertible(sources),
            "run.unchanged": .stringConvertible(unchanged),
            "run.bytes": .stringConvertible(bytes),
            "run.articles": .stringConvertible(articles),
            "run.documents": .stringConvertible(documents),
            "run.duplicates": .stringConvertible(duplicates),
            "run.rejects": .stringConvertible(rejects),
            "run.seconds": .stringConvertible(Self.rounded(seconds)),
        ]
        for (table, count) in facts { metadata["run.facts.\(table)"] = .stringConvertible(count) }
        return metadata
    }

    /// Milliseconds are plenty in a log line.
    private static func rounded(_ seconds: Double) -> Double {
        (seconds * 1000).rounded() / 1000
    }
}
