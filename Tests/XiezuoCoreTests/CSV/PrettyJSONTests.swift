import Foundation
import XCTest

@testable import XiezuoCore

/// `PrettyJSON` writes what `JSONSerialization` with `.prettyPrinted` and `.sortedKeys` writes,
/// byte for byte: `datapackage.json` was written by `JSONSerialization` and must not change.
final class PrettyJSONTests: XCTestCase {
    private func foundationObject(_ value: PrettyJSON) -> Any {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag
        case .array(let elements): return elements.map(foundationObject)
        case .object(let members): return members.mapValues(foundationObject)
        }
    }

    private func serialized(_ value: PrettyJSON) throws -> [UInt8] {
        [UInt8](try JSONSerialization.data(withJSONObject: foundationObject(value), options: [.prettyPrinted, .sortedKeys]))
    }

    func testDataPackageIsWhatJSONSerializationWrites() throws {
        for formats: [OutputFormat] in [[.csv], [.csv, .parquet], [.parquet], [.csv, .parquet, .xlsx]] {
            let document = DataPackage.document(formats: formats)
            XCTAssertEqual(DataPackage.json(formats: formats), try serialized(document) + [10], "\(formats)")
        }
    }

    func testEscapesNestingAndEmptyContainers() throws {
        let awkward = "引号\"反斜杠\\斜杠/换行\n回车\r制表\t退格\u{8}换页\u{c}控制\u{1}\u{1f}删除\u{7f}表情😀"
        let values: [PrettyJSON] = [
            .object([
                "b": .array([.string(awkward), .bool(false), .array([]), .object([:])]),
                "a": .object(["z": .bool(true), "中": .string(""), "A": .array([.array([.string("x")])])]),
                "a/b": .string("/"),
            ]),
            .array([]),
            .object([:]),
            .array([.object(["k": .array([.bool(true)])])]),
        ]
        for value in values {
            XCTAssertEqual(String(decoding: value.bytes, as: UTF8.self), String(decoding: try serialized(value), as: UTF8.self))
        }
    }
}
