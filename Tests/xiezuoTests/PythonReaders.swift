import Foundation
import XCTest

/// Runs the test suite's Python checkers with the interpreter of `.venv` (made by
/// scripts/install-deps.sh), where pyarrow, DuckDB, frictionless and JioNLP are installed.
enum PythonReaders {
    static var interpreter: URL {
        XiezuoProcess.repositoryRoot.appendingPathComponent(".venv/bin/python3")
    }

    static func script(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/\(name)").path
    }

    /// Runs `python3 arguments…`; fails the test with a clear instruction when the readers are missing.
    static func run(_ arguments: [String]) throws -> XiezuoProcess.Result {
        guard FileManager.default.isExecutableFile(atPath: interpreter.path) else {
            XCTFail("the Python readers are not installed: run scripts/install-deps.sh")
            throw CocoaError(.fileNoSuchFile)
        }
        return try XiezuoProcess.run(interpreter, arguments)
    }
}
