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
            ["fetsh: unknown key; expected one of: fetch, clean, dedupe, extract, aggregate, output, resources"]
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

    func testFollowSymlinksIsAStrictlyDecodedBoolean() throws {
        XCTAssertFalse(try PipelineConfig.decode(Data("{}".utf8), file: "pipeline.json").fetch.followSymlinks)
        XCTAssertTrue(try PipelineConfig.decode(Data(#"{"fetch": {"follow_symlinks": true}}"#.utf8), file: "pipeline.json").fetch.followSymlinks)
        XCTAssertEqual(problems(#"{"fetch": {"follow_symlinks": "yes"}}"#), ["fetch.follow_symlinks: expected true or false"])
        XCTAssertEqual(problems(#"{"fetch": {"follow_symlink": true}}"#), ["fetch.follow_symlink: unknown key; expected one of: sources, max_bytes, http, follow_symlinks"])
    }

    func testChoiceOutsideItsSetListsTheAllowedValues() {
        XCTAssertEqual(
            problems(#"{"extract": {"tables": ["investments", "money"]}}"#),
            [#"extract.tables[1]: "money" is not allowed; expected one of: "investments", "jobs", "projects""#]
        )
        XCTAssertEqual(
            problems(#"{"aggregate": {"group_by": ["country"]}}"#),
            [
                #"aggregate.group_by[0]: "country" is not allowed; expected one of: "category", "year", "province", "city", "county", "region", "partner_region", "programme""#
            ]
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

    /// Every numeric key has an upper bound below where the code's arithmetic could overflow.
    func testNumbersBeyondTheirRangeAreNamed() {
        let most = Int.max
        XCTAssertEqual(
            problems(
                #"{"fetch": {"max_bytes": \#(most), "http": {"timeout_seconds": 1e300, "idle_timeout_seconds": 86401, "retries": \#(most), "#
                    + #""backoff_seconds": 1e300, "max_backoff_seconds": 1e301, "max_retry_after_seconds": 1e300, "#
                    + #""max_connections": \#(most), "max_connections_per_host": 1025, "max_redirects": 101}}, "#
                    + #""clean": {"max_article_chars": \#(most), "max_heading_chars": 10001, "max_caption_chars": \#(most), "max_tag_chars": \#(most)}, "#
                    + #""output": {"row_group_rows": 2147483648}}"#),
            [
                "fetch.max_bytes: must be at most 4294967296 (4 GiB)",
                "fetch.http.timeout_seconds: must be at most 86400 (a day)",
                "fetch.http.idle_timeout_seconds: must be at most 86400 (a day)",
                "fetch.http.backoff_seconds: must be at most 86400 (a day)",
                "fetch.http.max_backoff_seconds: must be at most 86400 (a day)",
                "fetch.http.max_retry_after_seconds: must be at most 86400 (a day)",
                "fetch.http.retries: must be at most 100",
                "fetch.http.max_connections: must be at most 1024",
                "fetch.http.max_connections_per_host: must be at most 1024",
                "fetch.http.max_redirects: must be at most 100",
                "clean.max_article_chars: must be at most 1000000000",
                "clean.max_heading_chars: must be at most 10000",
                "clean.max_caption_chars: must be at most 10000",
                "clean.max_tag_chars: must be at most 10000",
                "output.row_group_rows: must be at most 2147483647",
            ]
        )
    }

    /// Valid JSON numbers that do not fit their key were all "not valid JSON".
    func testNumbersThatDoNotFitSayWhy() {
        XCTAssertEqual(problems(#"{"fetch": {"max_bytes": 10.5}}"#), ["fetch.max_bytes: 10.5 is not a whole number"])
        XCTAssertEqual(
            problems(#"{"fetch": {"max_bytes": 99999999999999999999999}}"#),
            ["fetch.max_bytes: 99999999999999999999999 is out of range: at most 9223372036854775807"])
        XCTAssertEqual(
            problems(#"{"fetch": {"max_bytes": 1e400}}"#), ["fetch.max_bytes: 1e400 is out of range: at most 9223372036854775807"])
        XCTAssertEqual(problems(#"{"dedupe": {"threshold": 1e400}}"#), ["dedupe.threshold: 1e400 is out of range for a number"])
        XCTAssertEqual(
            problems(#"{"clean": {"min_article_chars": -99999999999999999999}}"#),
            ["clean.min_article_chars: -99999999999999999999 is out of range: at least -9223372036854775808"])
        // Whole numbers written another way are whole numbers.
        XCTAssertEqual(try PipelineConfig.decode(Data(#"{"fetch": {"max_bytes": 1e3}}"#.utf8), file: "p").fetch.maxBytes, 1000)
        XCTAssertEqual(try PipelineConfig.decode(Data(#"{"fetch": {"max_bytes": 20.0}}"#.utf8), file: "p").fetch.maxBytes, 20)
    }

    /// A trailing comma was accepted, and a key written twice silently kept its first value.
    func testNonJSONAndKeysWrittenTwiceAreRefusedWithLineAndColumn() {
        XCTAssertEqual(
            problems("{\n  \"fetch\": {\"max_bytes\": 5,}\n}"),
            ["not valid JSON at line 2, column 28: a comma before } is not JSON (no trailing commas); remove the comma"])
        XCTAssertEqual(
            problems("{\n  \"dedupe\": {\"enabled\": false},\n  \"dedupe\": {\"enabled\": true}\n}"),
            ["dedupe: written twice, at line 2, column 3 and at line 3, column 3; readers disagree on which one counts: keep one"])
    }

    /// `validate` promises every problem; it reported the first only.
    func testEveryProblemOfTheFileIsListedAtOnce() {
        let json = #"""
            {"fetch": {"max_bytes": 10.5, "sources": [5, {"feed": 1}], "http": {"retries": "3"}},
             "fetsh": {}, "clean": {"min_article_chars": -1, "byline_words": ["记者", 7]},
             "dedupe": {"enabled": "yes", "permutations": 2000},
             "output": {"formats": ["csv", "ods"], "directory": ""}}
            """#
        XCTAssertEqual(
            problems(json),
            [
                "fetsh: unknown key; expected one of: fetch, clean, dedupe, extract, aggregate, output, resources",
                "fetch.sources[0]: expected a path, a URL, or an object with exactly one of: urls, url_file, feed",
                "fetch.sources[1].feed: expected a string",
                "fetch.max_bytes: 10.5 is not a whole number",
                "fetch.http.retries: expected a whole number",
                "clean.byline_words[1]: expected a string",
                "dedupe.enabled: expected true or false",
                #"output.formats[1]: "ods" is not allowed; expected one of: "csv", "parquet", "xlsx""#,
                "clean.min_article_chars: must be 0 or more",
                "dedupe.permutations: must be between 1 and 1024, e.g. 128",
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

    /// `dedupe.store` was left relative, so it named a file under whatever directory cron started in.
    func testARelativeStoreResolvesAgainstTheConfigFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pipeline.json")
        try Data(#"{"dedupe": {"store": "history/store.sqlite"}}"#.utf8).write(to: file)
        XCTAssertEqual(
            try PipelineConfig.load(path: file.path).dedupe.store, directory.appendingPathComponent("history/store.sqlite").path)
        try Data(#"{"dedupe": {"store": "/srv/xiezuo/store.sqlite"}}"#.utf8).write(to: file)
        XCTAssertEqual(try PipelineConfig.load(path: file.path).dedupe.store, "/srv/xiezuo/store.sqlite")
        try Data("{}".utf8).write(to: file)
        XCTAssertEqual(try PipelineConfig.load(path: file.path).dedupe.store, "")
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
