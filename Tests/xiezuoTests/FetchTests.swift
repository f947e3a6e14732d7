import Foundation
import XCTest
import XiezuoCore

/// Fetching over HTTP against a real server on 127.0.0.1 that injects faults: retries,
/// Retry-After, timeouts, truncated and oversized bodies, redirects, 304 on the next night,
/// a GBK page, feeds. Fetched runs must give the tables of local runs over the same seeds.
final class FetchTests: XCTestCase {
    private var scratch: URL!
    private var server: FaultServer!
    private let seedsDirectory = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("fetch")
        server = try FaultServer(seeds: seedsDirectory, scratch: scratch)
    }

    override func tearDownWithError() throws {
        server?.stop()
        try? FileManager.default.removeItem(at: scratch)
    }

    private func seeds() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: seedsDirectory.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Short backoff so that every fault costs at most a few seconds. The timeout is generous
    /// (a loaded CI machine must not turn a good answer into a retry) except where a test
    /// times out the slow path on purpose.
    private func config(sources: [Any], http: [String: Any] = [:], dedupe: [String: Any] = [:]) throws -> URL {
        var settings: [String: Any] = ["timeout_seconds": 10, "retries": 2, "backoff_seconds": 0.05, "max_backoff_seconds": 0.2]
        settings.merge(http) { $1 }
        let json: [String: Any] = [
            "fetch": ["sources": sources, "max_bytes": 1_000_000, "http": settings], "dedupe": dedupe,
        ]
        let url = scratch.appendingPathComponent("pipeline-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: url)
        return url
    }

    private func run(_ config: URL, output: URL, workers: Int = 2) throws -> XiezuoProcess.Result {
        let result = try XiezuoProcess.run(["run", "--config", config.path, "--output", output.path, "--workers", "\(workers)"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    private func report(_ output: URL) throws -> [String: Any] {
        try OutputTables(directory: output).report()
    }

    private func csv(_ output: URL, _ table: String) throws -> String {
        String(decoding: try OutputTables(directory: output).bytes(OutputLayout.csv(table)), as: UTF8.self)
    }

    /// The rows of `table` with each document named by its text and part instead of its
    /// `doc_id` (which also covers the source's name, a URL here and a file name there), each
    /// fact by that and its offset, and sources less `prefix`.
    private func byText(_ output: URL, _ table: String, removing prefix: String = "") throws -> [[String: String]] {
        let tables = OutputTables(directory: output)
        var names: [String: String] = [:]
        for document in try tables.rows("documents") {
            names[document["doc_id"] ?? ""] = "\(document["text_id"] ?? "")#\(document["part"] ?? "")"
        }
        return try tables.rows(table).map { row in
            var row = row
            for key in ["doc_id", "duplicate_of"] where !(row[key] ?? "").isEmpty { row[key] = names[row[key] ?? ""] ?? "?" }
            if row["fact_id"] != nil { row["fact_id"] = "\(row["doc_id"] ?? ""):\(row["char_offset"] ?? "")" }
            if let source = row["source"], !prefix.isEmpty { row["source"] = source.replacingOccurrences(of: prefix, with: "") }
            return row
        }
    }

    func testFetchedRunGivesTheTablesOfALocalRunAndANotModifiedNightChangesNothing() throws {
        let names = try seeds()
        let list = scratch.appendingPathComponent("urls.txt")
        let lines = ["# tonight's pages", ""] + names.map { server.url("/seeds/\($0)") }
        try Data(lines.joined(separator: "\n").utf8).write(to: list)
        let fetched = scratch.appendingPathComponent("fetched")
        let config = try config(sources: [["url_file": list.path]])
        _ = try run(config, output: fetched)

        let local = scratch.appendingPathComponent("local")
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds", "--output", local.path]).status, 0)
        for table in ["summary", "rejects"] {
            XCTAssertEqual(try csv(fetched, table), try csv(local, table), "\(table).csv")
        }
        // documents.source is the URL for a fetched page and the file name for a local one, and
        // so are the ids made from it.
        for table in ["documents", "investments", "jobs", "projects", "paragraphs"] {
            XCTAssertEqual(
                try byText(fetched, table, removing: server.url("/seeds/")), try byText(local, table), table)
        }
        XCTAssertEqual(try server.requests().map(\.status), Array(repeating: 200, count: names.count))

        // The next night every page answers 304 to its remembered ETag: nothing is downloaded
        // or processed again, and the tables stay as they were.
        let before = try ["documents", "investments", "jobs", "projects", "summary"].map { try csv(fetched, $0) }
        let second = try run(config, output: fetched, workers: 1)
        let conditional = try server.requests().dropFirst(names.count)
        XCTAssertEqual(conditional.map(\.status), Array(repeating: 304, count: names.count))
        XCTAssertTrue(conditional.allSatisfy { $0.ifNoneMatch != nil })
        XCTAssertEqual(try report(fetched)["unchanged"] as? Int, names.count)
        XCTAssertTrue(second.stderr.contains("\(names.count) sources (\(names.count) unchanged)"), second.stderr)
        XCTAssertEqual(try ["documents", "investments", "jobs", "projects", "summary"].map { try csv(fetched, $0) }, before)
    }

    func testFaultsAreRetriedWithBackoffOrRejectedWithAReason() throws {
        let seed = try seeds()[0]
        let sources = [
            "/flaky/\(seed)", "/limited/\(seed)", "/limited-date/\(seed)", "/redirect/\(seed)", "/always500/x", "/notfound/x",
            "/slow/\(seed)", "/truncated/\(seed)", "/big", "/big-declared", "/redirect-loop", "/limited-long/x",
        ].map(server.url)
        let output = scratch.appendingPathComponent("out")
        let started = Date()
        _ = try run(try config(sources: sources, http: ["max_redirects": 2, "timeout_seconds": 2, "user_agent": "xiezuo-test/1 (faults)"]), output: output)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "short timeouts keep the faults cheap")

        XCTAssertEqual(Set(try server.requests().map(\.userAgent)), ["xiezuo-test/1 (faults)"], "fetch.http.user_agent, redirects included")
        XCTAssertEqual(try server.statuses(of: "/flaky/\(seed)"), [500, 200])
        XCTAssertEqual(try server.statuses(of: "/limited/\(seed)"), [429, 200])
        XCTAssertEqual(try server.statuses(of: "/limited-date/\(seed)"), [429, 200])
        for path in ["/limited/\(seed)", "/limited-date/\(seed)"] {
            let times = try server.requests().filter { $0.path == path }.map(\.time)
            XCTAssertGreaterThanOrEqual(times[1] - times[0], 0.9, "\(path): Retry-After is honoured")
        }
        XCTAssertEqual(try server.statuses(of: "/redirect/\(seed)"), [302])
        XCTAssertEqual(try server.statuses(of: "/seeds/\(seed)"), [200], "the redirect is followed")
        XCTAssertEqual(try server.statuses(of: "/always500/x"), [500, 500, 500], "1 attempt + fetch.http.retries (2)")
        XCTAssertEqual(try server.statuses(of: "/notfound/x"), [404], "a 404 is final")
        XCTAssertEqual(try server.statuses(of: "/truncated/\(seed)").count, 3)
        XCTAssertEqual(try server.statuses(of: "/big"), [200], "too large is final")
        XCTAssertEqual(try server.statuses(of: "/redirect-loop").count, 3, "the first request and 2 redirects")
        XCTAssertEqual(try server.statuses(of: "/limited-long/x"), [429], "a Retry-After over the cap is not waited for")

        let rejects = try OutputTables(directory: output).rows("rejects").map { row in
            [row["source"] ?? "", row["stage"] ?? "", row["reason"] ?? ""]
        }
        let base = server.url("")
        XCTAssertEqual(
            rejects,
            [
                ["\(base)/always500/x", "fetch", "HTTP 500 (Internal Server Error) after 3 attempts; it is tried again at the next run"],
                ["\(base)/big", "fetch", "response larger than fetch.max_bytes (1000000 bytes); raise the limit to read it"],
                ["\(base)/big-declared", "fetch", "response larger than fetch.max_bytes (1000000 bytes); raise the limit to read it"],
                [
                    "\(base)/limited-long/x", "fetch",
                    "HTTP 429 (Too Many Requests); the server asked to wait 3600 s (Retry-After), more than "
                        + "fetch.http.max_retry_after_seconds (120), after 1 attempt",
                ],
                ["\(base)/notfound/x", "fetch", "HTTP 404 (Not Found); check the URL"],
                ["\(base)/redirect-loop", "fetch", "more than fetch.http.max_redirects (2) redirects"],
                [
                    "\(base)/slow/\(seed)", "fetch",
                    "timed out after 2 s (fetch.http.timeout_seconds) after 3 attempts; it is tried again at the next run",
                ],
                [
                    "\(base)/truncated/\(seed)", "fetch",
                    "the connection closed before the whole response arrived (transfer closed with "
                        + "\(try truncatedRemainder(seed)) bytes remaining to read) after 3 attempts; it is tried again at the next run",
                ],
            ]
        )
        // The pages that came through in the end are read like the local file.
        let local = scratch.appendingPathComponent("local")
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", "seeds/\(seed)", "--output", local.path]).status, 0)
        let localIDs = try OutputTables(directory: local).rows("documents").map { $0["text_id"] ?? "" }
        let documents = try OutputTables(directory: output).rows("documents")
        for path in ["/flaky/\(seed)", "/limited/\(seed)", "/limited-date/\(seed)", "/redirect/\(seed)"] {
            XCTAssertEqual(documents.filter { $0["source"] == server.url(path) }.map { $0["text_id"] ?? "" }, localIDs, path)
        }
    }

    /// An endless chunked response and a gzip bomb (2 MB on the wire, 2 GiB inflated) are cut
    /// at fetch.max_bytes of decoded body, at once and not retried, and the run stays within
    /// the README's memory bound for its configuration (held to it by `RLIMIT_AS`): the body is
    /// counted as it arrives, never buffered beyond the limit.
    func testAnEndlessResponseAndAGzipBombAreCutAtMaxBytesWithinTheMemoryBound() throws {
        let maxBytes = 8 << 20
        let settings: [String: Any] = ["timeout_seconds": 60, "retries": 2, "backoff_seconds": 0.05, "max_backoff_seconds": 0.2]
        let json: [String: Any] = ["fetch": ["sources": [server.url("/endless"), server.url("/gzip-bomb")], "max_bytes": maxBytes, "http": settings]]
        let config = scratch.appendingPathComponent("pipeline.json")
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: config)
        let output = scratch.appendingPathComponent("out")
        let bound = MemoryBound.bytes(maxBytes: maxBytes, workers: 2, downloads: 8)  // fetch.http.max_connections: its default
        let result = try MeasuredProcess.run(
            ["run", "--config", config.path, "--output", output.path, "--workers", "2"], deadline: 120, addressSpace: bound)
        print("endless and gzip bomb: \(String(format: "%.1f", result.seconds)) s, peak \(result.maxResidentBytes >> 20) MB of a bound of \(bound >> 20) MB")
        XCTAssertFalse(result.timedOut)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertLessThanOrEqual(result.maxResidentBytes, bound)
        XCTAssertLessThan(result.seconds, 60, "cut at the limit, not at the timeout")
        XCTAssertEqual(try server.statuses(of: "/endless"), [200])
        XCTAssertEqual(try server.statuses(of: "/gzip-bomb"), [200])
        let tooLarge = "response larger than fetch.max_bytes (\(maxBytes) bytes); raise the limit to read it"
        XCTAssertEqual(
            try OutputTables(directory: output).rows("rejects").map { [$0["source"] ?? "", $0["reason"] ?? ""] },
            [[server.url("/endless"), tooLarge], [server.url("/gzip-bomb"), tooLarge]])
    }

    /// A redirect is followed only to http:// or https://, and only to a public address or one
    /// of the class the request went to (here loopback): a redirect to another scheme, to the
    /// link-local address where clouds serve their credentials or to a private network is a
    /// reject at once, with a reason that says so, never retried and never connected to; so is
    /// a feed's item on such an address.
    func testRedirectsToOtherSchemesOrPrivateAddressesAreRefusedAtOnce() throws {
        let seed = try seeds()[0]
        let redirects = ["/redirect-file", "/redirect-ftp", "/redirect-link-local", "/redirect-private"]
        let sources: [Any] = redirects.map(server.url) + [["feed": server.url("/feed-private.rss")]]
        let output = scratch.appendingPathComponent("out")
        let started = Date()
        _ = try run(try config(sources: sources), output: output)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        for path in redirects { XCTAssertEqual(try server.statuses(of: path), [302], "\(path): refused, not retried") }
        XCTAssertEqual(
            try OutputTables(directory: output).rows("rejects").map { [$0["source"] ?? "", $0["stage"] ?? "", $0["reason"] ?? ""] },
            [
                [
                    server.url("/redirect-file"), "fetch",
                    "redirect to a URL of another scheme (file://) refused: only http:// and https:// redirects are followed",
                ],
                [
                    server.url("/redirect-ftp"), "fetch",
                    "redirect to a URL of another scheme (ftp://) refused: only http:// and https:// redirects are followed",
                ],
                [
                    server.url("/redirect-link-local"), "fetch",
                    "redirect from a loopback address to a link-local address (169.254.169.254) refused; "
                        + "set fetch.http.allow_private_redirects to follow it",
                ],
                [
                    server.url("/redirect-private"), "fetch",
                    "redirect from a loopback address to a private address (10.255.255.1) refused; "
                        + "set fetch.http.allow_private_redirects to follow it",
                ],
                [
                    "http://169.254.169.254/item", "fetch",
                    "feed item on a link-local address (169.254.169.254) refused: the feed is on a loopback address; "
                        + "set fetch.http.allow_private_redirects to read it",
                ],
            ]
        )
        // The feed's item on the feed's own (loopback) address is read.
        XCTAssertEqual(Set(try OutputTables(directory: output).rows("documents").map { $0["source"] ?? "" }), [server.url("/seeds/\(seed)")])
        XCTAssertEqual(try server.statuses(of: "/seeds/\(seed)"), [200])
    }

    /// `fetch.http.allow_private_redirects` lifts the address rule (not the scheme rule): the
    /// redirect to a private address and the feed's link-local item are then tried, and fail
    /// as any unreachable address does.
    func testAllowPrivateRedirectsTriesThePrivateAddresses() throws {
        let sources: [Any] = [server.url("/redirect-private"), server.url("/redirect-ftp"), ["feed": server.url("/feed-private.rss")]]
        let output = scratch.appendingPathComponent("out")
        let settings: [String: Any] = ["allow_private_redirects": true, "retries": 0, "idle_timeout_seconds": 1, "timeout_seconds": 3]
        _ = try run(try config(sources: sources, http: settings), output: output)
        let reasons = Dictionary(
            uniqueKeysWithValues: try OutputTables(directory: output).rows("rejects").map { ($0["source"] ?? "", $0["reason"] ?? "") })
        XCTAssertEqual(Set(reasons.keys), [server.url("/redirect-private"), server.url("/redirect-ftp"), "http://169.254.169.254/item"])
        XCTAssertFalse(reasons[server.url("/redirect-private")]?.contains("refused") ?? true, "\(reasons)")
        XCTAssertFalse(reasons["http://169.254.169.254/item"]?.contains("refused") ?? true, "\(reasons)")
        XCTAssertEqual(
            reasons[server.url("/redirect-ftp")],
            "redirect to a URL of another scheme (ftp://) refused: only http:// and https:// redirects are followed")
    }

    /// Bytes the truncating path leaves unsent: the second half of the seed.
    private func truncatedRemainder(_ seed: String) throws -> Int {
        let count = try Data(contentsOf: seedsDirectory.appendingPathComponent(seed)).count
        return count - count / 2
    }

    func testAGBKPageDecodesByItsHTTPCharsetEvenAgainstAWrongMeta() throws {
        let seed = try seeds()[4]
        let output = scratch.appendingPathComponent("out")
        let paths = ["/html/\(seed)", "/gbk/\(seed)", "/gbk-big5-meta/\(seed)"]
        _ = try run(try config(sources: paths.map(server.url)), output: output)
        XCTAssertEqual(try OutputTables(directory: output).rows("rejects").count, 0)
        let documents = try OutputTables(directory: output).rows("documents")
        func articles(_ path: String) -> [[String]] {
            documents.filter { $0["source"] == server.url(path) }.map { [$0["text_id"] ?? "", $0["title"] ?? "", $0["chars"] ?? ""] }
        }
        XCTAssertFalse(articles(paths[0]).isEmpty)
        XCTAssertEqual(articles(paths[1]), articles(paths[0]), "GBK served with charset=gbk, no <meta>")
        XCTAssertEqual(articles(paths[2]), articles(paths[0]), "GBK served with charset=gbk under <meta charset=big5>")
    }

    func testFeedsListTheirArticlesAndAFailingFeedIsARejectNotAFailedRun() throws {
        let output = scratch.appendingPathComponent("out")
        let sources: [Any] = [["feed": server.url("/feed.rss")], ["feed": server.url("/feed.atom")], ["feed": server.url("/notfound/feed")]]
        _ = try run(try config(sources: sources), output: output)
        let names = try seeds()
        let documentSources = Set(try OutputTables(directory: output).rows("documents").map { $0["source"] ?? "" })
        XCTAssertEqual(documentSources, Set(names.map { server.url("/seeds/\($0)") }))
        // A URL in both feeds is fetched once; the feed that fails is a source too, rejected at
        // fetch, so `sources` is fetch's `records_in`.
        let report = try report(output)
        XCTAssertEqual(report["sources"] as? Int, names.count + 1)
        let fetch = (report["stages"] as? [String: [String: Any]])?["fetch"]
        XCTAssertEqual(fetch?["records_in"] as? Int, names.count + 1)
        XCTAssertEqual(fetch?["rejected"] as? Int, 1)
        for name in names { XCTAssertEqual(try server.statuses(of: "/seeds/\(name)"), [200]) }
        XCTAssertEqual(
            try OutputTables(directory: output).rows("rejects").map { [$0["source"] ?? "", $0["reason"] ?? ""] },
            [[server.url("/notfound/feed"), "feed: HTTP 404 (Not Found); check the URL"]]
        )
    }

    func testRunScopeSendsNoConditionalRequests() throws {
        let seed = try seeds()[0]
        let config = try config(sources: [server.url("/seeds/\(seed)")], dedupe: ["scope": "run"])
        let output = scratch.appendingPathComponent("out")
        _ = try run(config, output: output)
        _ = try run(config, output: output)
        XCTAssertEqual(try server.requests().map(\.status), [200, 200])
        XCTAssertTrue(try server.requests().allSatisfy { $0.ifNoneMatch == nil })
    }
}
