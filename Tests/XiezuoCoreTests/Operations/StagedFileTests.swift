import Foundation
import XCTest

@testable import XiezuoCore

/// Every file of a run is created new in its staging directory (`O_CREAT | O_EXCL`) and never
/// through a link: were the staging directory swapped for one holding links, no table would
/// be written over a link's target.
final class StagedFileTests: XCTestCase {
    private var scratch: URL!
    private var victim: URL!
    private let victimText = Data("do not overwrite\n".utf8)

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-staged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        victim = scratch.appendingPathComponent("victim")
        try victimText.write(to: victim)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func plantLink(_ name: String) throws -> String {
        let link = scratch.appendingPathComponent(name)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        return link.path
    }

    func testACSVTableIsNotWrittenThroughALink() throws {
        let path = try plantLink("documents.csv")
        XCTAssertThrowsError(try CSVTableWriter(schema: .documents, path: path, excel: false)) { error in
            XCTAssertEqual(
                "\(error)",
                "cannot write \(path): the file cannot be created: it is a symbolic link; xiezuo never writes through a link "
                    + "(one planted there could make it overwrite another file): remove the link")
        }
        XCTAssertEqual(try Data(contentsOf: victim), victimText)
    }

    func testAParquetTableIsNotWrittenThroughALink() throws {
        let path = try plantLink("documents.parquet")
        XCTAssertThrowsError(try ParquetTableWriter(schema: .documents, path: path, rowGroupRows: 10))
        XCTAssertEqual(try Data(contentsOf: victim), victimText)
    }

    func testRunJSONIsNotWrittenThroughALinkNorOverAFile() throws {
        let path = try plantLink("run.json")
        XCTAssertThrowsError(try PipelineRunner.writeFile(Array("{}".utf8), to: path))
        XCTAssertEqual(try Data(contentsOf: victim), victimText)
        XCTAssertThrowsError(try PipelineRunner.writeFile(Array("{}".utf8), to: victim.path)) { error in
            XCTAssertEqual("\(error)", "cannot write \(victim.path): the file cannot be created: it already exists")
        }
        XCTAssertEqual(try Data(contentsOf: victim), victimText)
    }
}
