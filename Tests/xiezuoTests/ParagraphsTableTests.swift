import Foundation
import XCTest

/// `paragraphs` traces every fact back to its source file: the fact's offset falls in one
/// paragraph of its article, and that paragraph's byte range of the file holds the figure.
final class ParagraphsTableTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("paragraphs")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    func testEveryFactOfTheSeedsLeadsBackToTheBytesOfItsSourceFile() throws {
        let result = try XiezuoProcess.run(["run", "--input", "seeds", "--output", scratch.path, "--workers", "2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let tables = OutputTables(directory: scratch)
        let documents = try tables.rows("documents")
        let paragraphs = try tables.rows("paragraphs")
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")

        // The paragraphs of each article tile its cleaned text, one `\n` between them.
        for document in documents {
            let own = paragraphs.filter { $0["doc_id"] == document["doc_id"] }
            XCTAssertFalse(own.isEmpty, "no paragraphs for \(document["source"] ?? "") part \(document["part"] ?? "")")
            var next = 0
            for (index, paragraph) in own.enumerated() {
                XCTAssertEqual(paragraph["paragraph"], String(index))
                XCTAssertEqual(Int(paragraph["char_offset"] ?? ""), next)
                next += (Int(paragraph["chars"] ?? "") ?? 0) + 1
                for column in ["line_first", "line_last", "byte_start", "byte_end"] {
                    XCTAssertNotNil(Int(paragraph[column] ?? ""), "\(column) of \(paragraph)")
                }
            }
            XCTAssertEqual(next - 1, Int(document["chars"] ?? ""))
        }

        var traced = 0
        for table in ["investments", "jobs", "projects"] {
            for fact in try tables.rows(table) {
                let document = try XCTUnwrap(
                    documents.first { $0["doc_id"] == fact["doc_id"] && $0["duplicate_of"] == "" })
                let offset = try XCTUnwrap(Int(fact["char_offset"] ?? ""))
                let paragraph = try XCTUnwrap(
                    paragraphs.first { row in
                        guard row["doc_id"] == document["doc_id"],
                            let start = Int(row["char_offset"] ?? ""), let chars = Int(row["chars"] ?? "")
                        else { return false }
                        return (start..<start + chars).contains(offset)
                    }, "no paragraph holds offset \(offset) of \(fact)")
                let bytes = try Data(contentsOf: seeds.appendingPathComponent(document["source"] ?? ""))
                let start = try XCTUnwrap(Int(paragraph["byte_start"] ?? ""))
                let end = try XCTUnwrap(Int(paragraph["byte_end"] ?? ""))
                let source = Self.folded(String(decoding: bytes[start..<end], as: UTF8.self))
                let text = fact["text"] ?? ""
                if document["script"] == "hans" {
                    XCTAssertTrue(source.contains(text), "\(text) not in bytes \(start)..<\(end): \(source)")
                } else {
                    // A Traditional page writes 萬 where the cleaned text has 万: its digits stand as written.
                    let digits = text.filter(\.isASCII)
                    XCTAssertTrue(source.contains(digits), "\(digits) not in bytes \(start)..<\(end): \(source)")
                }
                traced += 1
            }
        }
        XCTAssertGreaterThanOrEqual(traced, 40)
    }

    /// Full-width digits as clean reads them.
    private static func folded(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    (0xFF10...0xFF19).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
                }))
    }
}
