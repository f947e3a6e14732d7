import Foundation
import XCTest

/// The layers of XiezuoCore point one way (README, "Architecture"): `scripts/layer_scan.py`
/// finds no cycle among its folders, and every edge points down the declared order.
final class LayerScanTests: XCTestCase {
    /// The order README's architecture section gives, lowest first.
    static let layers = "Support,CInterop,Model,Stages/*,Store,Writers,Pipeline"

    private static var script: String {
        XiezuoProcess.repositoryRoot.appendingPathComponent("scripts/layer_scan.py").path
    }

    private func scan(_ arguments: [String]) throws -> XiezuoProcess.Result {
        try XiezuoProcess.run(URL(fileURLWithPath: "/usr/bin/python3"), [Self.script] + arguments)
    }

    func testXiezuoCoresFoldersFormNoCycleAndPointDown() throws {
        let root = XiezuoProcess.repositoryRoot.appendingPathComponent("Sources/XiezuoCore").path
        let result = try scan([root, "--layers", Self.layers])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("no cycle"), result.stdout)
    }

    /// README's architecture section shows the graph the code has.
    func testTheReadmeShowsTheFolderGraph() throws {
        let result = try scan(["--graph"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let graph = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("layer_scan:") }.joined(separator: "\n")
        let readme = try String(contentsOf: XiezuoProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(
            readme.contains("```\n" + graph + "```\n"),
            "README's architecture section is out of date: paste the output of python3 scripts/layer_scan.py --graph\n" + graph)
    }

    /// The scan can fail: two folders that name each other's types are a cycle, and a stage
    /// that names another stage's type breaks the layers; a nested `CodingKeys` is no edge.
    func testTheScanFindsACycleAndASiblingStage() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-layers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "Model/Row.swift": "struct Row { enum CodingKeys { case a }\n let cell: Cell }\n",
            "Model/Key.swift": "struct Key { enum CodingKeys { case b } }\n",
            "Stages/Clean/Cleaner.swift": "struct Cleaner { let row: Row; let keys: Extractor.CodingKeys? }\n",
            "Stages/Extract/Extractor.swift": "struct Extractor { enum CodingKeys { case c }\n let row: Row }\n",
            "Writers/Cell.swift": "struct Cell { let row: Row }\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let result = try scan([root.path, "--layers", "Model,Stages/*,Writers", "--graph"])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        let output = result.stdout + result.stderr
        XCTAssertTrue(output.contains("Model -> Writers"), output)
        XCTAssertTrue(output.contains("Writers -> Model"), output)
        XCTAssertTrue(output.contains("Stages/Clean -> Model, Stages/Extract"), output)
        XCTAssertFalse(output.contains("Stages/Extract -> Model, "), output)
        XCTAssertFalse(output.contains("Key"), output)
    }
}
