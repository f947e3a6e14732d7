import Foundation
import XCTest

/// A real PostgreSQL server for one test: a new cluster (`initdb`) in a temporary directory,
/// started with `pg_ctl`, listening only on a Unix socket in that directory (no TCP port, so
/// parallel tests and other servers cannot clash). PostgreSQL refuses to run as root, so when
/// the tests run as root the cluster belongs to the `postgres` user (Debian's `postgresql`
/// package makes it) and its programs are run through `runuser`.
final class PostgresServer {
    let directory: URL
    let database = "analytics"
    private let bin: URL
    private let owner: String?

    var data: URL { directory.appendingPathComponent("data") }
    /// The socket directory: `host=` of a connection string.
    var socket: String { directory.path }

    /// Connection string of `user` to the test database.
    func connection(user: String = "postgres") -> String { "host=\(socket) dbname=\(database) user=\(user)" }

    /// The directory of initdb and pg_ctl: Debian keeps them out of PATH, under
    /// /usr/lib/postgresql/<version>/bin.
    static var binaries: URL? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        for version in versions.reversed() {
            let bin = URL(fileURLWithPath: "\(root)/\(version)/bin")
            if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) { return bin }
        }
        return HeavyComponent.find(["/usr/local/bin/initdb", "/usr/bin/initdb"])?.deletingLastPathComponent()
    }

    static var psql: URL? { HeavyComponent.find(["/usr/bin/psql", "/usr/local/bin/psql"]) }

    init(in scratch: URL) throws {
        bin = try HeavyComponent.require(Self.binaries, "PostgreSQL (initdb, pg_ctl)")
        _ = try HeavyComponent.require(Self.psql, "psql")
        directory = scratch.appendingPathComponent("pg")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        owner = getuid() == 0 ? "postgres" : nil
        if let owner {
            let chown = try XiezuoProcess.run(URL(fileURLWithPath: "/bin/chown"), [owner, directory.path])
            XCTAssertEqual(chown.status, 0, chown.stderr)
        }
        let initdb = try asOwner("initdb", ["-D", data.path, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"])
        guard initdb.status == 0 else { throw PostgresServerError(message: "initdb: " + initdb.stderr) }
        try start()
        try psql("CREATE DATABASE \(database)", database: "postgres")
    }

    deinit {
        _ = try? asOwner("pg_ctl", ["-D", data.path, "-m", "immediate", "-w", "stop"])
    }

    /// Starts the server and waits until it accepts connections. Spawned and reaped with
    /// posix_spawn and waitpid, its output in a file: Foundation's Process waits for the
    /// descriptors it hands the child to close, and the server that pg_ctl leaves running
    /// would hold them open for good.
    func start() throws {
        let options = "-c listen_addresses='' -c unix_socket_directories='\(socket)' -c fsync=off"
        let log = directory.appendingPathComponent("pg_ctl.out").path
        let pgctl = bin.appendingPathComponent("pg_ctl").path
        let arguments = ["-D", data.path, "-o", options, "-l", directory.appendingPathComponent("log").path, "-w", "start"]
        let argv = owner.map { ["/sbin/runuser", "-u", $0, "--", pgctl] } ?? [pgctl]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let strings = (argv + arguments).map { strdup($0) }
        defer { for string in strings { free(string) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, strings + [nil], environ)
        guard spawned == 0 else { throw PostgresServerError(message: "pg_ctl start: posix_spawn: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            throw PostgresServerError(message: "pg_ctl start: " + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
        }
    }

    /// Stops the server: `fast` ends every session (their transactions are rolled back).
    func stop(mode: String = "fast") throws {
        let stopped = try asOwner("pg_ctl", ["-D", data.path, "-m", mode, "-w", "stop"])
        guard stopped.status == 0 else { throw PostgresServerError(message: "pg_ctl stop: " + stopped.stderr) }
    }

    /// Adds a line in front of pg_hba.conf (the first matching line decides) and reloads.
    func requireAuthentication(_ line: String) throws {
        let hba = data.appendingPathComponent("pg_hba.conf")
        let existing = try String(contentsOf: hba, encoding: .utf8)
        try Data((line + "\n" + existing).utf8).write(to: hba)
        let reloaded = try asOwner("pg_ctl", ["-D", data.path, "reload"])
        guard reloaded.status == 0 else { throw PostgresServerError(message: "pg_ctl reload: " + reloaded.stderr) }
        Thread.sleep(forTimeInterval: 0.5)
    }

    /// Runs SQL as the superuser; the rows come back unaligned, `|` between values.
    @discardableResult
    func psql(_ sql: String, database: String? = nil) throws -> [String] {
        let result = try XiezuoProcess.run(
            Self.psql ?? URL(fileURLWithPath: "/usr/bin/psql"),
            ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-h", socket, "-U", "postgres", "-d", database ?? self.database, "-c", sql])
        guard result.status == 0 else { throw PostgresServerError(message: "psql \(sql): " + result.stderr) }
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// A single value of a query.
    func value(_ sql: String) throws -> String {
        try psql(sql).first ?? ""
    }

    private func asOwner(_ program: String, _ arguments: [String]) throws -> XiezuoProcess.Result {
        let path = bin.appendingPathComponent(program).path
        if let owner {
            return try XiezuoProcess.run(URL(fileURLWithPath: "/sbin/runuser"), ["-u", owner, "--", path] + arguments, in: directory)
        }
        return try XiezuoProcess.run(URL(fileURLWithPath: path), arguments, in: directory)
    }
}

struct PostgresServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
