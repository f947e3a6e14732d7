import XCTest
import Foundation
@testable import XiezuoCore
final class TmpFigureDumpTests: XCTestCase {
    func testThroughput() throws {
        let scanner = FigureScanner()
        let dir = "/work/main/seeds"
        var all = ""
        for file in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
            all += try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
        }
        _ = all
        let unit = Array("超100亿元，近千个，3000—5000万元，一二三四五六七八九十百千万亿，2024年2月10日，1,600万元。一批一对一千家万户123456789".unicodeScalars)
        var text: [Unicode.Scalar] = []
        while text.count < 20_000_000 { text += unit }
        let bytes = String(String.UnicodeScalarView(text)).utf8.count
        let t0 = Date()
        let figures = scanner.figures(in: text)
        let dt = Date().timeIntervalSince(t0)
        let out = "scalars \(text.count) bytes \(bytes) figures \(figures.count) time \(dt) MB/s \(Double(bytes) / dt / 1e6)\n"
        try out.write(toFile: "/tmp/perf.txt", atomically: true, encoding: .utf8)
    }
}
