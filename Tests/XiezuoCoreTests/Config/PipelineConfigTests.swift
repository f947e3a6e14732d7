import Foundation
import XCTest

@testable import XiezuoCore

final class PipelineConfigTests: XCTestCase {
    private func problems(_ json: String) -> [String] {
        do {
            _ = try PipelineConfig.decode(Data(json.utf8), file: "pipeline.json")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    func testEmptyObjectTakesEveryDefault() throws {
        let config = try PipelineConfig.decode(Data("{}".utf8), file: "pipeline.json")
        XCTAssertEqual(config, PipelineConfig())
        XCTAssertEqual(config.fetch.sources, ["seeds"])
        XCTAssertEqual(config.output.directory, "output")
    }

    func testUnknownTopLevelKeyIsNamed() {
        XCTAssertEqual(
            problems(#"{"fetsh": {}}"#),
            ["fetsh: unknown key; expected one of: fetch, clean, dedupe, extract, aggregate, output"]
        )
    }

    func testUnknownNestedKeyIsNamedWithItsPath() {
        XCTAssertEqual(problems(#"{"dedupe": {"enable": true}}"#), ["dedupe.enable: unknown key; expected one of: enabled, scope, store, shingle_size, permutations, bands, threshold"])
    }

    func testWrongTypeNamesPathAndExpectation() {
        XCTAssertEqual(problems(#"{"fetch": {"max_bytes": "big"}}"#), ["fetch.max_bytes: expected a whole number"])
        XCTAssertEqual(problems(#"{"dedupe": {"enabled": 1}}"#), ["dedupe.enabled: expected true or false"])
        XCTAssertEqual(problems(#"{"fetch": {"sources": "seeds"}}"#), ["fetch.sources: expected a list"])
    }

    func testChoiceOutsideItsSetListsTheAllowedValues() {
        XCTAssertEqual(
            problems(#"{"extract": {"tables": ["investments", "money"]}}"#),
            [#"extract.tables[1]: "money" is not allowed; expected one of: "investments", "jobs", "projects""#]
        )
        XCTAssertEqual(
            problems(#"{"aggregate": {"group_by": ["province"]}}"#),
            [#"aggregate.group_by[0]: "province" is not allowed; expected one of: "category", "year", "region""#]
        )
    }

    func testEveryValueProblemIsReportedAtOnce() {
        XCTAssertEqual(
            problems(#"{"fetch": {"sources": [], "max_bytes": 0}, "output": {"directory": ""}}"#),
            [
                "fetch.sources: list at least one file, directory, URL or feed", "fetch.max_bytes: must be at least 1",
                "output.directory: an empty path; name a directory",
            ]
        )
    }

    func testInvalidJSONIsReportedAsSuch() {
        XCTAssertEqual(problems("{").first?.hasPrefix("not valid JSON"), true)
    }

    func testMissingFileSaysWhatToDo() {
        XCTAssertThrowsError(try PipelineConfig.load(path: "/nonexistent/pipeline.json")) { error in
            XCTAssertEqual(
                "\(error)",
                "invalid configuration /nonexistent/pipeline.json:\n  the file does not exist; pass --config with the path of pipeline.json"
            )
        }
    }

    func testRelativePathsResolveAgainstTheConfigFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pipeline.json")
        try Data(#"{"fetch": {"sources": ["in", "/abs"]}, "output": {"directory": "out"}}"#.utf8).write(to: file)
        let config = try PipelineConfig.load(path: file.path)
        XCTAssertEqual(config.fetch.sources, [.path(directory.appendingPathComponent("in").path), "/abs"])
        XCTAssertEqual(config.output.directory, directory.appendingPathComponent("out").path)
    }

    func testTheShippedPipelineJSONIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        XCTAssertNoThrow(try PipelineConfig.load(path: root.appendingPathComponent("pipeline.json").path))
    }

    func testSourcesTakeURLsListsAndFeedsBesidePaths() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pipeline.json")
        let json = #"""
            {"fetch": {"sources": ["in", "https://news.example/a.html", {"urls": ["http://news.example/b"]},
              {"url_file": "urls.txt"}, {"feed": "https://news.example/rss.xml"}],
              "http": {"user_agent": "cron", "retries": 0, "max_connections_per_host": 1}}}
            """#
        try Data(json.utf8).write(to: file)
        let config = try PipelineConfig.load(path: file.path)
        XCTAssertEqual(
            config.fetch.sources,
            [
                .path(directory.appendingPathComponent("in").path), .url("https://news.example/a.html"),
                .urls(["http://news.example/b"]), .urlFile(directory.appendingPathComponent("urls.txt").path),
                .feed("https://news.example/rss.xml"),
            ]
        )
        XCTAssertEqual(config.fetch.http.userAgent, "cron")
        XCTAssertEqual(config.fetch.http.retries, 0)
        XCTAssertEqual(config.fetch.http.maxConnectionsPerHost, 1)
        XCTAssertEqual(config.fetch.http.maxConnections, HTTPConfig().maxConnections)
    }

    func testBadSourcesAndHTTPSettingsAreNamedWithTheirPaths() {
        XCTAssertEqual(
            problems(#"{"fetch": {"sources": [{"feed": "ftp://x/rss"}, {"urls": []}, {"urls": ["http://"]}]}}"#),
            [
                #"fetch.sources[0].feed: "ftp://x/rss" is not an http:// or https:// URL with a host"#,
                "fetch.sources[1].urls: list at least one URL",
                #"fetch.sources[2].urls[0]: "http://" is not an http:// or https:// URL with a host"#,
            ]
        )
        XCTAssertEqual(
            problems(#"{"fetch": {"sources": [{"feed": "http://a/rss", "urls": ["http://a/b"]}]}}"#),
            ["fetch.sources[0]: expected a path, a URL, or an object with exactly one of: urls, url_file, feed"]
        )
        XCTAssertEqual(
            problems(#"{"fetch": {"http": {"timeout_seconds": 0, "retries": -1, "max_connections": 0, "user_agent": ""}}}"#),
            [
                "fetch.http.timeout_seconds: must be more than 0", "fetch.http.retries: must be at least 0",
                "fetch.http.max_connections: must be at least 1", "fetch.http.user_agent: must be one non-empty line",
            ]
        )
        XCTAssertEqual(
            problems(#"{"fetch": {"http": {"retry": 2}}}"#),
            [
                "fetch.http.retry: unknown key; expected one of: user_agent, timeout_seconds, idle_timeout_seconds, retries, "
                    + "backoff_seconds, max_backoff_seconds, max_retry_after_seconds, max_connections, max_connections_per_host, "
                    + "max_redirects, allow_private_redirects"
            ]
        )
    }
}
