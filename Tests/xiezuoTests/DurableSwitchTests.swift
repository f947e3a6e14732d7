import Foundation
import XCTest
import XiezuoCore

/// What a published night rests on after a power loss: every file and directory of the new set
/// forced to disk once before `current` points at it, and each directory whose entries the
/// switch changes forced after the change. Read from the run's own system calls (strace).
final class DurableSwitchTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("durable")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// One traced call: `fsync`/`fdatasync` with the path of its descriptor, or `rename`/`symlink`
    /// with its two paths.
    private struct Call: Equatable {
        var name: String
        var paths: [String]
    }

    private static let forcing: Set<String> = ["fsync", "fdatasync"]

    private func tracedRun(output: URL) throws -> [Call] {
        let strace = try AtomicOutputTests.requireStrace()
        let trace = scratch.appendingPathComponent("trace")
        let result = try XiezuoProcess.run(
            strace,
            ["-f", "-qq", "-y", "-s", "4096", "-o", trace.path, "-e", "trace=fsync,fdatasync,rename,symlink",
             XiezuoProcess.binary.path, "run", "--input", "seeds", "--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        var calls: [Call] = []
        for line in try String(contentsOf: trace, encoding: .utf8).split(separator: "\n") {
            guard line.hasSuffix("= 0") else { continue }
            // `fsync(8</path>)`: the path between `<` and `>`; `rename("a", "b")`: the quoted paths.
            for name in ["fdatasync", "fsync", "rename", "symlink"] {
                guard let call = line.range(of: " \(name)(") else { continue }
                let arguments = line[call.upperBound...]
                let paths: [String]
                if Self.forcing.contains(name) {
                    guard let open = arguments.firstIndex(of: "<"), let close = arguments.firstIndex(of: ">") else { break }
                    paths = [String(arguments[arguments.index(after: open)..<close])]
                } else {
                    paths = arguments.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
                }
                calls.append(Call(name: name, paths: paths))
                break
            }
        }
        return calls
    }

    func testEachFileOfTheNewSetIsForcedOnceAndEveryChangedDirectoryBeforeOrAfterTheSwitch() throws {
        let output = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let directory = output.resolvingSymlinksInPath().path
        let calls = try tracedRun(output: output)

        // The move of the staged set under runs/, then the switch of `current`.
        guard
            let move = calls.firstIndex(where: { $0.name == "rename" && $0.paths.count == 2 && $0.paths[1].hasPrefix("\(directory)/\(OutputLayout.runs)/") }),
            let switchCall = calls.firstIndex(where: { $0.name == "rename" && $0.paths.last == "\(directory)/\(OutputLayout.current)" })
        else {
            return XCTFail("no move under runs/ or no switch of current among the \(calls.count) calls traced")
        }
        let staging = calls[move].paths[0]
        XCTAssertLessThan(move, switchCall)

        // Every file and directory of the set, each forced exactly once, all before the move.
        let set = OutputTables(directory: output).tableSet.resolvingSymlinksInPath().path
        var expected: [String] = [staging]
        for case let relative as String in FileManager.default.enumerator(atPath: set)?.allObjects ?? [] {
            expected.append("\(staging)/\(relative)")
        }
        let forced = calls.enumerated().filter { Self.forcing.contains($0.element.name) }
        for path in expected {
            let times = forced.filter { $0.element.paths == [path] }
            XCTAssertEqual(times.count, 1, "\(path) forced \(times.count) times")
            if let first = times.first { XCTAssertLessThan(first.offset, move, "\(path) forced after the move") }
        }

        // runs/ gains the set's entry: forced after the move and before `current` points there.
        let runs = "\(directory)/\(OutputLayout.runs)"
        XCTAssertTrue(
            forced.contains { $0.element.paths == [runs] && $0.offset > move && $0.offset < switchCall },
            "runs/ is not forced between the move of the set and the switch")
        // The output directory loses the staging entry and gains the new `current`: forced after the switch.
        XCTAssertTrue(forced.contains { $0.element.paths == [directory] && $0.offset > switchCall }, "the output directory is not forced after the switch")
    }
}
