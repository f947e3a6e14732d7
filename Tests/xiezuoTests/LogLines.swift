import Foundation
import XCTest

/// Reads a `--log-format json` stderr: one JSON object per line.
enum LogLines {
    /// Every line parsed; a line that is not a JSON object fails the test.
    static func events(_ stderr: String, file: StaticString = #filePath, line: UInt = #line) -> [[String: Any]] {
        stderr.split(separator: "\n").compactMap { text in
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            if object == nil { XCTFail("not a JSON object: \(text)", file: file, line: line) }
            return object
        }
    }
}
