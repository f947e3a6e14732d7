import Foundation
import XCTest
import XiezuoCore

/// What analysts rely on across nights: one rule for sources that turn unusable, no run that
/// reads its own outputs, one unique document key, lineage, and the command line's basics.
final class OutputContractTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("contract")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")

    private func seedNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()
    }

    private func copySeed(_ name: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: seeds.appendingPathComponent(name), to: url)
    }

    private func run(_ arguments: [String]) throws -> XiezuoProcess.Result {
        let result = try XiezuoProcess.run(["run"] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    private func rows(_ output: URL, _ tables: [String] = ["documents", "investments", "jobs", "projects"]) throws -> [[String: String]] {
        try tables.flatMap { try OutputTables(directory: output).rows($0) }
    }

    // MARK: 4. One rule for a source that changed into something unusable

    /// Night 2 empties one source (clean), grows one past fetch.max_bytes (fetch) and turns one
    /// into binary (clean): each is a reject, and each keeps the articles and facts of its last
    /// usable content, whichever stage rejected it. Night 3 restores one: the same rows again.
    func testASourceThatTurnsUnusableKeepsItsHistoryWhicheverStageRejectsIt() throws {
        let names = try seedNames()
        let input = scratch.appendingPathComponent("in")
        for (index, name) in names.prefix(3).enumerated() { try copySeed(name, to: input.appendingPathComponent("s\(index).txt")) }
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"fetch": {"max_bytes": 40000}}"#.utf8).write(to: config)
        let output = scratch.appendingPathComponent("out")
        let arguments = ["--config", config.path, "--input", input.path, "--output", output.path]
        _ = try run(arguments)
        let first = try rows(output)
        XCTAssertGreaterThan(first.count, 20)

        try Data().write(to: input.appendingPathComponent("s0.txt"))
        let grown = try Data(contentsOf: seeds.appendingPathComponent(names[1])) + Data(repeating: 0x20, count: 40000)
        try grown.write(to: input.appendingPathComponent("s1.txt"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]).write(to: input.appendingPathComponent("s2.txt"))
        _ = try run(arguments)
        let rejects = try OutputTables(directory: output).rows("rejects")
        XCTAssertEqual(rejects.map { [$0["source"] ?? "", $0["stage"] ?? ""] }, [["s0.txt", "clean"], ["s1.txt", "fetch"], ["s2.txt", "clean"]])
        XCTAssertEqual(try rows(output), first, "every source rejected tonight keeps its earlier rows")

        try copySeed(names[0], to: input.appendingPathComponent("s0.txt"))
        _ = try run(arguments)
        XCTAssertEqual(try rows(output), first, "restored content gives the same rows, first seen on night 1")
        XCTAssertEqual(try OutputTables(directory: output).rows("rejects").map { $0["source"] ?? "" }, ["s1.txt", "s2.txt"])
    }

    /// An output directory equal to or inside an input, or a store inside one, would make each
    /// night read its own tables: the run is refused with both paths named, and nothing is written.
    func testOutputOrStoreInsideAnInputIsRefusedNamingBothPaths() throws {
        let input = scratch.appendingPathComponent("crawl")
        try copySeed(try seedNames()[0], to: input.appendingPathComponent("page.txt"))
        let inside = input.appendingPathComponent("out")
        for output in [inside, input] {
            let result = try XiezuoProcess.run(["run", "--input", input.path, "--output", output.path])
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(
                result.stderr.contains("the output directory \(output.path) is inside the input \(input.path)"), result.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: input.path), ["page.txt"])
        // The same directory spelled through `..` and a symbolic link.
        let link = scratch.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        let spelled = try XiezuoProcess.run(["run", "--input", link.path + "/../crawl", "--output", link.appendingPathComponent("x").path])
        XCTAssertEqual(spelled.status, 2, spelled.stderr)
        let config = scratch.appendingPathComponent("pipeline.json")
        try Data(#"{"dedupe": {"store": "\#(input.path)/store.sqlite"}}"#.utf8).write(to: config)
        let store = try XiezuoProcess.run(
            ["run", "--config", config.path, "--input", input.path, "--output", scratch.appendingPathComponent("o").path])
        XCTAssertEqual(store.status, 2, store.stderr)
        XCTAssertTrue(store.stderr.contains("the store \(input.path)/store.sqlite is inside the input \(input.path)"), store.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: input.path), ["page.txt"])
        // Three nights in a row give the same tables when the output is beside the input.
        let beside = scratch.appendingPathComponent("beside")
        var counts: [Int] = []
        for _ in 0..<3 {
            _ = try run(["--input", input.path, "--output", beside.path])
            counts.append(try OutputTables(directory: beside).rows("investments").count)
        }
        XCTAssertEqual(Set(counts).count, 1, "\(counts)")
    }

    // MARK: 6. One unique document key

    func testDocIDIsUniquePerRowAndEveryReferenceUsesIt() throws {
        let input = scratch.appendingPathComponent("in")
        let name = try seedNames()[3]
        try copySeed(name, to: input.appendingPathComponent("a/page.txt"))
        try copySeed(name, to: input.appendingPathComponent("b/page.txt"))
        try copySeed(try seedNames()[0], to: input.appendingPathComponent("c.txt"))
        let output = scratch.appendingPathComponent("out")
        _ = try run(["--input", input.path, "--output", output.path])
        let tables = OutputTables(directory: output)
        let documents = try tables.rows("documents")
        let ids = documents.map { $0["doc_id"] ?? "" }
        XCTAssertEqual(Set(ids).count, ids.count, "doc_id is unique: \(ids)")
        let copies = documents.filter { ($0["source"] ?? "").hasSuffix("page.txt") }
        XCTAssertEqual(Set(copies.map { $0["text_id"] ?? "" }).count, 1, "identical copies share text_id")
        for document in documents where !(document["duplicate_of"] ?? "").isEmpty {
            XCTAssertEqual(ids.filter { $0 == document["duplicate_of"] }.count, 1)
        }
        // Every fact and paragraph joins exactly one document.
        for table in ["investments", "jobs", "projects", "paragraphs"] {
            for row in try tables.rows(table) {
                XCTAssertEqual(ids.filter { $0 == row["doc_id"] }.count, 1, "\(table): \(row["doc_id"] ?? "")")
            }
        }
        let package = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: tables.dataPackage)) as? [String: Any])
        for resource in package["resources"] as? [[String: Any]] ?? [] {
            let schema = resource["schema"] as? [String: Any] ?? [:]
            if resource["name"] as? String == "documents" { XCTAssertEqual(schema["primaryKey"] as? [String], ["doc_id"]) }
            for key in schema["foreignKeys"] as? [[String: Any]] ?? [] {
                let reference = key["reference"] as? [String: Any] ?? [:]
                XCTAssertEqual(reference["fields"] as? [String], ["doc_id"], "\(resource["name"] ?? "")")
                XCTAssertTrue(["documents", ""].contains(reference["resource"] as? String ?? "?"), "\(resource["name"] ?? "")")
            }
        }
    }

    // MARK: 9. Lineage

    func testRowsCarryTheRunThatFirstStoredThemAndRunJSONSaysWhichRunThisIs() throws {
        let names = try seedNames()
        let input = scratch.appendingPathComponent("in")
        for name in names.prefix(3) { try copySeed(name, to: input.appendingPathComponent(name)) }
        let output = scratch.appendingPathComponent("out")
        _ = try run(["--input", input.path, "--output", output.path])
        let tables = OutputTables(directory: output)
        let first = try tables.report()
        XCTAssertEqual(first["run_id"] as? Int, 1)
        XCTAssertEqual(first["previous_run_id"] as? Int, 0)
        XCTAssertEqual(first["xiezuo_version"] as? String, XiezuoVersion.current)
        for key in ["started", "finished"] {
            let stamp = first[key] as? String ?? ""
            XCTAssertNotNil(stamp.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression), "\(key) \(stamp)")
        }
        XCTAssertLessThanOrEqual(first["started"] as? String ?? "", first["finished"] as? String ?? "")
        let nightOne = try tables.rows("documents")

        // Night 2: two new sources, and a first one changed by a byline that cleaning removes,
        // so its articles keep their text, their doc_id and their first run.
        for name in names.dropFirst(3) { try copySeed(name, to: input.appendingPathComponent(name)) }
        let changed = input.appendingPathComponent(names[0])
        try (try Data(contentsOf: changed) + Data("\n\n责任编辑：王某\n".utf8)).write(to: changed)
        _ = try run(["--input", input.path, "--output", output.path])
        let second = try tables.report()
        XCTAssertEqual(second["run_id"] as? Int, 2)
        XCTAssertEqual(second["previous_run_id"] as? Int, 1)
        XCTAssertEqual(second["unchanged"] as? Int, 2, "the changed source was processed again")
        let documents = try tables.rows("documents")
        for document in nightOne {
            XCTAssertEqual(documents.first { $0["doc_id"] == document["doc_id"] }?["first_seen_run"], "1", "\(document["source"] ?? "")")
        }
        let added = documents.filter { $0["first_seen_run"] == "2" }
        XCTAssertEqual(Set(added.map { $0["source"] ?? "" }), Set(names.dropFirst(3)))
        XCTAssertEqual(added.count, documents.count - nightOne.count)
        for table in ["investments", "jobs", "projects"] {
            for fact in try tables.rows(table) {
                XCTAssertEqual(fact["first_seen_run"], documents.first { $0["doc_id"] == fact["doc_id"] }?["first_seen_run"], table)
            }
        }
    }

    // MARK: 10. Command line basics

    func testVersionIsPrintedAndRecordedAndCompletionScriptsCoverTheOptions() throws {
        let version = try XiezuoProcess.run(["--version"])
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertEqual(version.stdout, "\(XiezuoVersion.current)\n")
        for shell in ["bash", "zsh", "fish"] {
            let script = try XiezuoProcess.run(["--generate-completion-script", shell])
            XCTAssertEqual(script.status, 0, script.stderr)
            XCTAssertTrue(script.stdout.contains("full-refresh"), shell)
        }
    }

    /// `--full-refresh` rebuilds the history into a new store beside the old one and replaces
    /// it only at the end: the tables are those of a first run, run numbers go on, and a
    /// refresh killed at any rename leaves the old store byte for byte, or the complete new one.
    func testFullRefreshRebuildsBesideTheOldStoreAndReplacesItAtTheEnd() throws {
        let output = scratch.appendingPathComponent("out")
        _ = try run(["--input", "seeds", "--output", output.path])
        let store = output.appendingPathComponent("store.sqlite")
        let oldStore = try Data(contentsOf: store)
        let fresh = scratch.appendingPathComponent("fresh")
        _ = try run(["--input", "seeds", "--output", fresh.path])

        let base = scratch.appendingPathComponent("base")
        try FileManager.default.copyItem(at: output, to: base)
        _ = try run(["--input", "seeds", "--output", output.path, "--full-refresh"])
        let report = try OutputTables(directory: output).report()
        XCTAssertEqual(report["run_id"] as? Int, 2)
        XCTAssertEqual(report["full_refresh"] as? Bool, true)
        XCTAssertEqual(report["unchanged"] as? Int, 0, "every source processed again")
        XCTAssertNotEqual(try Data(contentsOf: store), oldStore)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path + ".refresh"))
        let refreshed = try rows(output)
        XCTAssertTrue(refreshed.allSatisfy { $0["first_seen_run"] == "2" })
        XCTAssertEqual(
            refreshed.map { $0.filter { $0.key != "first_seen_run" } }, try rows(fresh).map { $0.filter { $0.key != "first_seen_run" } })
        // The next night goes on from the rebuilt store.
        let next = try run(["--input", "seeds", "--output", output.path])
        XCTAssertTrue(next.stderr.contains("5 sources (5 unchanged)"), next.stderr)
        XCTAssertEqual(try OutputTables(directory: output).report()["run_id"] as? Int, 3)

        let strace = try AtomicOutputTests.requireStrace()
        let firstSet = try OutputTables(directory: base).bytes(OutputLayout.csv("documents"))
        let trial = scratch.appendingPathComponent("trial")
        var count = 1
        while count < 40 {
            try? FileManager.default.removeItem(at: trial)
            try FileManager.default.copyItem(at: base, to: trial)
            let killed = try AtomicOutputTests.runKilled(
                at: count, of: "rename", strace: strace, ["run", "--input", "seeds", "--output", trial.path, "--full-refresh"])
            let trialStore = try Data(contentsOf: trial.appendingPathComponent("store.sqlite"))
            let documents = try OutputTables(directory: trial).bytes(OutputLayout.csv("documents"))
            if trialStore == oldStore {
                XCTAssertEqual(documents, firstSet, "rename #\(count): tables ahead of the store")
            } else {
                // The store was replaced: it is the complete rebuilt one.
                let check = try PythonReaders.run([
                    "-c", "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT max(id), count(finished) FROM run').fetchone())",
                    trial.appendingPathComponent("store.sqlite").path,
                ])
                XCTAssertEqual(check.stdout, "(2, 1)\n", "rename #\(count): \(check.stderr)")
            }
            guard killed else { break }
            count += 1
        }
        XCTAssertGreaterThan(count, 3)
    }
}
