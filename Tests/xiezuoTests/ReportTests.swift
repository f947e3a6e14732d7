import Foundation
import XCTest

/// `xiezuo report` in a real browser: headless Chromium renders the page without a console
/// message, takes a screenshot, and the numbers of its DOM (`--dump-dom`, marked with data
/// attributes) equal the summary and Parquet tables (`Scripts/check_report.py`). Two nights,
/// so that the page has a previous run to compare with, a rejected input and a duplicate.
/// Skipped where Chromium is absent, except under CI.
final class ReportTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("report")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private static var chromium: URL? {
        HeavyComponent.find(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"])
    }

    private var output: URL { scratch.appendingPathComponent("out") }

    /// Night 1: two seeds. Night 2: every seed, a copy of one (a duplicate) and an empty file
    /// (a reject).
    private func twoNights() throws {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()
        for name in names.prefix(2) { try FileManager.default.copyItem(at: seeds.appendingPathComponent(name), to: input.appendingPathComponent(name)) }
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", input.path, "--output", output.path]).status, 0)
        for name in names.dropFirst(2) { try FileManager.default.copyItem(at: seeds.appendingPathComponent(name), to: input.appendingPathComponent(name)) }
        try FileManager.default.copyItem(at: seeds.appendingPathComponent(names[0]), to: input.appendingPathComponent("zz-copy.txt"))
        try Data().write(to: input.appendingPathComponent("zz-empty.txt"))
        let night = try XiezuoProcess.run(["run", "--input", input.path, "--output", output.path])
        XCTAssertEqual(night.status, 0, night.stderr)
    }

    func testReportRendersInChromiumAndItsNumbersEqualTheTables() throws {
        let chromium = try HeavyComponent.require(Self.chromium, "Chromium")
        try twoNights()
        let report = try XiezuoProcess.run(["report", "--output", output.path])
        XCTAssertEqual(report.status, 0, report.stderr)
        let page = output.appendingPathComponent("report.html")
        XCTAssertEqual(report.stdout, page.path + "\n")
        let html = try String(contentsOf: page, encoding: .utf8)
        // Self-contained: nothing to fetch (links to sources are only navigation).
        for fetched in ["src=", "<link", "<script", "url(", "@import"] { XCTAssertFalse(html.contains(fetched), fetched) }

        let profile = scratch.appendingPathComponent("chromium-profile").path
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)", "--enable-logging=stderr",
            "--v=0", "--window-size=1280,4000", "--hide-scrollbars",
        ]
        let screenshot = scratch.appendingPathComponent("report.png")
        let shot = try XiezuoProcess.run(chromium, common + ["--screenshot=\(screenshot.path)", page.absoluteString], in: scratch)
        XCTAssertEqual(shot.status, 0, shot.stderr)
        let png = try Data(contentsOf: screenshot)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertGreaterThan(png.count, 20_000)
        let dump = try XiezuoProcess.run(chromium, common + ["--dump-dom", page.absoluteString], in: scratch)
        XCTAssertEqual(dump.status, 0, dump.stderr)
        // Chromium logs every console message of the page as `CONSOLE(line)`.
        for log in [shot.stderr, dump.stderr] {
            XCTAssertFalse(log.contains(":CONSOLE("), log)
            XCTAssertFalse(log.contains("Uncaught"), log)
        }
        XCTAssertTrue(dump.stdout.contains("data-fact-table=\"investments\""), dump.stdout)
        let dom = scratch.appendingPathComponent("dom.html")
        try Data(dump.stdout.utf8).write(to: dom)
        let check = try PythonReaders.run([PythonReaders.script("check_report.py"), output.path, dom.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("counts: "), check.stdout)
        // The copied seed holds three articles: three duplicates.
        XCTAssertTrue(check.stdout.contains("'duplicates': '3'"), check.stdout)
        XCTAssertTrue(check.stdout.contains("'rejects': '1'"), check.stdout)
        // What changed: the previous run's totals are shown beside tonight's.
        XCTAssertTrue(html.contains("Compared with run 1:"), html)
        XCTAssertFalse(html.contains("no previous tables"), html)
    }

    func testReportWithoutTablesSaysWhatToDo() throws {
        let result = try XiezuoProcess.run(["report", "--output", output.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "xiezuo: cannot make the report from \(output.path): it holds no tables yet; run `xiezuo run` first\n")
    }
}
