import Foundation
import XCTest

/// What a run says when the store cannot be used, tried for real: a damaged page, a full disk,
/// a read-only store, a file that is no database. Each failure exits 1, leaves store and tables
/// as they were, and gives the advice that fits: only a damaged store is to be restored or
/// rebuilt, never a healthy one on a full or read-only disk.
final class StoreDamageTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("store")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private var seeds: String { XiezuoProcess.repositoryRoot.appendingPathComponent("seeds").path }

    private func failure(_ result: XiezuoProcess.Result, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        XCTAssertEqual(result.status, 1, result.stderr, file: file, line: line)
        let errors = LogLines.events(result.stderr).filter { $0["level"] as? String == "error" }
        XCTAssertEqual(errors.count, 1, result.stderr, file: file, line: line)
        XCTAssertEqual(errors.first?["exit.code"] as? Int, 1, file: file, line: line)
        return try XCTUnwrap(errors.first?["error.reason"] as? String, file: file, line: line)
    }

    /// The root page of the `run` table, damaged the way a failing disk or a stray write
    /// does: its cell pointers overwritten. Reads of the other tables never touch it, so the
    /// run went on with exit 0, night after night, while `pragma integrity_check` reported it.
    func testADamagedPageFailsTheRunAndSaysHowToRecover() throws {
        let output = scratch.appendingPathComponent("out")
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", seeds, "--output", output.path]).status, 0)
        let store = output.appendingPathComponent("store.sqlite")
        let located = try PythonReaders.run([
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                + "print(c.execute('pragma page_size').fetchone()[0], c.execute(\"select rootpage from sqlite_master where name = 'run'\").fetchone()[0])",
            store.path,
        ])
        XCTAssertEqual(located.status, 0, located.stderr)
        let numbers = located.stdout.split(whereSeparator: \.isWhitespace).compactMap { UInt64($0) }
        let (pageSize, page) = (try XCTUnwrap(numbers.first), try XCTUnwrap(numbers.last))
        let handle = try FileHandle(forWritingTo: store)
        try handle.seek(toOffset: (page - 1) * pageSize + 8)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 24))
        try handle.close()
        let damaged = try Data(contentsOf: store)
        let tables = try Data(contentsOf: OutputTables(directory: output).csv("documents"))

        for _ in 0..<2 {
            let result = try XiezuoProcess.run(["run", "--input", seeds, "--output", output.path, "--log-format", "json"])
            let reason = try failure(result)
            XCTAssertTrue(reason.hasPrefix("article store \(store.path): is damaged (SQLite quick_check: "), reason)
            XCTAssertTrue(
                reason.contains(
                    "; the store is damaged: restore it from a backup, or rebuild it from the sources with "
                        + "xiezuo run --full-refresh (see README, \"The store: backups and damage\")"), reason)
            XCTAssertTrue(reason.contains("(SQLite quick_check: On tree page \(page) cell 0: "), reason)
            XCTAssertEqual(try Data(contentsOf: store), damaged, "the damaged store is left for the operator")
            XCTAssertEqual(try Data(contentsOf: OutputTables(directory: output).csv("documents")), tables)
        }
        // The advice works: a full refresh rebuilds the history into a sound store.
        let rebuilt = try XiezuoProcess.run(["run", "--input", seeds, "--output", output.path, "--full-refresh"])
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        let checked = try PythonReaders.run(
            ["-c", "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('pragma quick_check').fetchone()[0])", store.path])
        XCTAssertEqual(checked.stdout, "ok\n", checked.stderr)
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", seeds, "--output", output.path]).status, 0)
    }

    func testAFileThatIsNoDatabaseSaysToCheckThePath() throws {
        let output = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 8192).write(to: output.appendingPathComponent("store.sqlite"))
        let reason = try failure(try XiezuoProcess.run(["run", "--input", seeds, "--output", output.path, "--log-format", "json"]))
        XCTAssertTrue(reason.contains("file is not a database"), reason)
        XCTAssertTrue(reason.contains("; this is not an SQLite database: check that dedupe.store names the store;"), reason)
    }

    /// A real full disk: a 2 MiB tmpfs in a private mount namespace, filled up after a first
    /// run. The store is healthy, so the advice must not be to delete it.
    func testAFullDiskKeepsTheStoreAndDoesNotAdviseDeletingIt() throws {
        let mount = scratch.appendingPathComponent("disk")
        let results = scratch.appendingPathComponent("results")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        let more = scratch.appendingPathComponent("more")
        try FileManager.default.createDirectory(at: more, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds) {
            let text = try Data(contentsOf: URL(fileURLWithPath: seeds).appendingPathComponent(name))
            try text.write(to: more.appendingPathComponent(name))
            try text.write(to: more.appendingPathComponent("copy-" + name))
        }
        let script = """
            set -u
            mount -t tmpfs -o size=2m tmpfs "$M" || exit 90
            "$X" run --input "$SEEDS" --output "$M/out" 2>"$R/first.err"; echo $? >"$R/first.rc"
            cp "$M/out/store.sqlite" "$R/before.sqlite"
            head -c 10000000 /dev/zero >"$M/filler" 2>/dev/null
            "$X" run --input "$MORE" --output "$M/out" --log-format json 2>"$R/full.err"; echo $? >"$R/full.rc"
            cp "$M/out/store.sqlite" "$R/after.sqlite"; ls -a "$M/out" >"$R/after.ls"
            rm "$M/filler"
            "$X" run --input "$MORE" --output "$M/out" 2>"$R/freed.err"; echo $? >"$R/freed.rc"
            """
        let unshare = try Self.privateMountNamespace()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = unshare + ["/bin/sh", "-c", script]
        process.environment = [
            "PATH": "/usr/bin:/bin", "X": XiezuoProcess.binary.path, "M": mount.path, "R": results.path, "SEEDS": seeds,
            "MORE": more.path,
        ]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        func read(_ name: String) throws -> String { try String(contentsOf: results.appendingPathComponent(name), encoding: .utf8) }

        let (firstStatus, firstErrors) = (try read("first.rc"), try read("first.err"))
        XCTAssertEqual(firstStatus, "0\n", firstErrors)
        let fullStatus = Int32(try read("full.rc").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        let full = XiezuoProcess.Result(status: fullStatus, stdout: "", stderr: try read("full.err"))
        let reason = try failure(full)
        XCTAssertTrue(reason.contains("database or disk is full"), reason)
        XCTAssertTrue(reason.contains("the disk is full: free space and run again; the store is intact, do not delete it"), reason)
        XCTAssertFalse(reason.contains("delete the file"), reason)
        XCTAssertEqual(
            try Data(contentsOf: results.appendingPathComponent("after.sqlite")),
            try Data(contentsOf: results.appendingPathComponent("before.sqlite")))
        let listing = try read("after.ls")
        XCTAssertFalse(listing.contains(".xiezuo-staging-"), listing)
        let (freedStatus, freedErrors) = (try read("freed.rc"), try read("freed.err"))
        XCTAssertEqual(freedStatus, "0\n", freedErrors)
    }

    /// A store the user that runs xiezuo may read but not write (mode 0444, as after a restore
    /// by another account). Root writes anyway, so as root the run is made as `nobody`.
    func testAReadOnlyStoreSaysToMakeItWritable() throws {
        let directory = scratch.appendingPathComponent("ro")
        let output = directory.appendingPathComponent("out")
        XCTAssertEqual(try XiezuoProcess.run(["run", "--input", seeds, "--output", output.path]).status, 0)
        let more = directory.appendingPathComponent("more")
        try FileManager.default.createDirectory(at: more, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds) {
            try Data(contentsOf: URL(fileURLWithPath: seeds).appendingPathComponent(name)).write(to: more.appendingPathComponent("copy-" + name))
        }
        let store = output.appendingPathComponent("store.sqlite")
        let before = try Data(contentsOf: store)
        var command = [XiezuoProcess.binary.path]
        if getuid() == 0 {
            let nobody: UInt32 = 65534
            for path in [try XCTUnwrap(scratch), directory, output, more] { XCTAssertEqual(chown(path.path, nobody, nobody), 0) }
            for name in try FileManager.default.contentsOfDirectory(atPath: output.path) {
                XCTAssertEqual(chown(output.appendingPathComponent(name).path, nobody, nobody), 0)
            }
            command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        }
        XCTAssertEqual(chmod(store.path, 0o444), 0)
        let result = try XiezuoProcess.run(
            URL(fileURLWithPath: command[0]),
            Array(command.dropFirst()) + ["run", "--input", more.path, "--output", output.path, "--log-format", "json"])
        let reason = try failure(result)
        XCTAssertTrue(reason.contains("attempt to write a readonly database"), reason)
        XCTAssertTrue(reason.contains("the store or its directory is read-only: make both writable for the user that runs xiezuo"), reason)
        XCTAssertFalse(reason.contains("delete"), reason)
        XCTAssertEqual(try Data(contentsOf: store), before)
    }

    /// `unshare` arguments for a mount namespace of our own, or a skip when this machine
    /// does not allow one (a container without the capability); under `CI=true` a failure.
    static func privateMountNamespace() throws -> [String] {
        let candidates: [[String]] = getuid() == 0 ? [["-m"], ["-r", "-m"]] : [["-r", "-m"]]
        for arguments in candidates {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
            probe.arguments = arguments + ["/bin/sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"]
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { continue }
            probe.waitUntilExit()
            if probe.terminationStatus == 0 { return arguments }
        }
        let reason = "this machine allows no private mount namespace (unshare -m), so no small disk can be filled"
        // CI runs as root on a machine of its own: there the full-disk case must run, not skip.
        if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(reason) }
        throw XCTSkip(reason)
    }
}
