import XCTest

@testable import XiezuoCore

/// The run report is the sum of its steps' own reports, recorded in the order the steps run,
/// and every stage keeps `records_in = records_out + rejected + duplicates`.
final class RunReportStepsTests: XCTestCase {
    func testEachStepsReportLandsInItsStageAndTheChainHolds() {
        var report = RunReport()
        report.record(PlanStepReport(sources: 7, rejected: 1, seconds: 0.5))

        var read = ReadStepReport(bytes: 4_000, articles: 9, unchanged: 2, rejects: 3)
        // Of the six planned sources: 2 unchanged, 1 rejected at fetch, 3 read; of those, 1
        // rejected at clean and 2 giving nine articles.
        read.update(.fetch) {
            $0.recordsOut = 5
            $0.rejected = 1
            $0.seconds = 0.25
        }
        read.update(.clean) {
            $0.recordsIn = 3
            $0.recordsOut = 2
            $0.rejected = 1
        }
        read.update(.extract) {
            $0.recordsIn = 9
            $0.recordsOut = 9
        }
        read.workersSeconds = 2
        read.storeSeconds = 0.5
        report.record(read)
        report.record(DedupeStepReport(documents: 12, duplicates: 4, seconds: 0.125))
        var aggregated = AggregateStepReport()
        aggregated.facts[FactTable.investments.rawValue] = 5
        aggregated.facts[FactTable.jobs.rawValue] = 2
        aggregated.summaryRows = 3
        report.record(aggregated)

        XCTAssertEqual(report.sources, 7)
        XCTAssertEqual(report.unchanged, 2)
        XCTAssertEqual(report.articles, 9)
        XCTAssertEqual(report.rejects, 3)
        XCTAssertEqual(report.documents, 12)
        XCTAssertEqual(report.duplicates, 4)
        XCTAssertEqual(report.facts, ["investments": 5, "jobs": 2, "projects": 0])
        XCTAssertEqual(report.summaryRows, 3)
        XCTAssertEqual(report.stages["fetch"]?.recordsIn, 7)
        XCTAssertEqual(report.stages["fetch"]?.rejected, 2)
        XCTAssertEqual(report.stages["fetch"]?.seconds, 0.75)
        XCTAssertEqual(report.stages["aggregate"]?.recordsIn, 7)
        XCTAssertEqual(report.stages["dedupe"]?.recordsOut, 8)
        XCTAssertEqual(report.phases, ["plan": 0.5, "workers": 2, "store": 0.5, "dedupe": 0.125, "aggregate": 0])
        for stage in StageName.allCases {
            let counts = report.stages[stage.rawValue] ?? RunReport.StageReport()
            XCTAssertEqual(counts.recordsIn, counts.recordsOut + counts.rejected + counts.duplicates, stage.rawValue)
        }
        // README, "Counts in run.json": how one stage hands on to the next.
        let stages = report.stages
        XCTAssertEqual((stages["fetch"]?.recordsOut ?? 0) - report.unchanged, stages["clean"]?.recordsIn)
        XCTAssertEqual((stages["fetch"]?.rejected ?? 0) + (stages["clean"]?.rejected ?? 0), report.rejects)
        XCTAssertEqual(stages["extract"]?.recordsIn, report.articles)
    }
}
