import Foundation
import XCTest

@testable import XiezuoCore

/// `xiezuo map`'s lines are written by `CompactJSON`, not by Foundation; each must be exactly
/// what `JSONSerialization` (`.sortedKeys`, `.withoutEscapingSlashes`) writes for the value it
/// holds, so the Spark job and `jq` read the same values as before, byte for byte.
final class MapRecordTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `line` read back by Foundation and written again by it.
    private func foundationBytes(_ line: [UInt8]) throws -> [UInt8] {
        XCTAssertEqual(line.last, 10, "a line ends with a new line")
        let object = try JSONSerialization.jsonObject(with: Data(line.dropLast()))
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return [UInt8](data) + [10]
    }

    func testEveryLineOfTheSeedsAndTheDevelopmentSetIsWhatFoundationWrites() throws {
        let processor = try ArticleProcessor(config: PipelineConfig(), resources: TestResources.resources())
        var lines = 0
        var facts = 0
        for folder in ["seeds", "Tests/xiezuoTests/Fixtures/dev/inputs"] {
            let directory = Self.root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where !name.hasPrefix(".") {
                let bytes = try XCTUnwrap(FileManager.default.contents(atPath: directory.appendingPathComponent(name).path))
                let processed = processor.process(SourceDocument(name: "\(folder)/\(name)", bytes: [UInt8](bytes)))
                facts += processed.articles.reduce(0) { $0 + $1.record.facts.count }
                let line = MapRecord.json(line: lines + 1, source: "\(folder)/\(name)", processed: processed)
                XCTAssertEqual(line, try foundationBytes(line), name)
                lines += 1
            }
        }
        XCTAssertEqual(lines, 29)
        XCTAssertGreaterThan(facts, 100, "the lines hold facts, paragraphs and fingerprints, not only documents")
    }

    /// Every kind of character a name or a reason can hold: quotes, back slashes, slashes,
    /// control characters (short escapes and `\u00xx`), DEL, non-ASCII and astral scalars.
    func testEscapesAsFoundationDoes() throws {
        var awkward = "a\"b\\c/d\u{08}\u{0C}\n\r\t"
        for value in 0..<0x20 { awkward.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        awkward += "\u{7F}协作\u{2028}\u{1F600}"
        let reject = ProcessedSource.rejected(Reject(source: awkward, stage: .clean, reason: awkward))
        let line = MapRecord.json(line: 7, source: awkward, processed: reject)
        XCTAssertEqual(line, try foundationBytes(line))
        let malformed = MapRecord.malformedFrame(line: 8, source: nil, reason: awkward)
        XCTAssertEqual(malformed, try foundationBytes(malformed))
        XCTAssertTrue(String(decoding: malformed, as: UTF8.self).contains(#""source":"stdin:8""#))
    }
}
