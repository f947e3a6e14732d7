import XCTest
import Foundation
@testable import XiezuoCore

final class GazetteerProbeTests: XCTestCase {
    func testProbeSeeds() throws {
        let g = try Gazetteer.bundled()
        var all: [Unicode.Scalar] = []
        var bytes = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: "/work/main/seeds").sorted() {
            let text = try String(contentsOfFile: "/work/main/seeds/" + name, encoding: .utf8)
            bytes += text.utf8.count
            let scalars = Array(text.unicodeScalars)
            all += scalars
            let found = g.mentions(in: scalars)
            print("SEED", name, found.map { "\($0.name)/\($0.level)" }.joined(separator: " "))
        }
        var big: [Unicode.Scalar] = []
        for _ in 0..<400 { big += all }
        let start = Date()
        var n = 0
        n += g.mentions(in: big).count
        let seconds = Date().timeIntervalSince(start)
        print("THROUGHPUT", Double(bytes * 400) / seconds / 1e6, "MB/s", n)
    }
}
