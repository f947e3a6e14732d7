import XCTest

@testable import XiezuoCore

/// The tables' ids are hashed piece by piece, without building the string they are defined by;
/// they must stay what they were (every earlier night's tables and every analyst's joins hold
/// them): FNV-1a of `"\(source)\0\(part)\0\(textHash)"` and `"\(documentID):\(offset)"`, as
/// 16 lowercase hex digits after their prefix.
final class TableIDTests: XCTestCase {
    private func fnv(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    func testTheIDsAreThoseOfTheirDefinition() {
        let sources = ["", "a.txt", "seeds/000_f214322e6fea6c14.txt", "https://news.example.cn/2024-03/15/c_1.htm", "新闻/广州市黄埔区.html", "😀\u{0}x"]
        let parts = [0, 1, 9, 10, 12_345, -1, -70, Int.max, Int.min]
        for source in sources {
            for part in parts {
                let id = TableID.document(source: source, part: part, textHash: "534159366623d197")
                XCTAssertEqual(id, "doc-" + fnv("\(source)\u{0}\(part)\u{0}534159366623d197"), "\(source) \(part)")
                for offset in [0, 7, 1_000_000, -3] {
                    XCTAssertEqual(TableID.fact(documentID: id, offset: offset), "fact-" + fnv("\(id):\(offset)"))
                }
            }
        }
        for value: UInt64 in [0, 1, 0xF, 0x10, 0xDEAD_BEEF, .max] {
            let digits = String(value, radix: 16)
            XCTAssertEqual(StableHash.hex(value), String(repeating: "0", count: 16 - digits.count) + digits)
        }
        XCTAssertEqual(StableHash.hex(of: "广州"), fnv("广州"))
    }

    /// One document of the seeds as the tables have always called it.
    func testASeedsDocumentKeepsItsID() {
        let id = TableID.document(source: "seeds/000_f214322e6fea6c14.txt", part: 0, textHash: "534159366623d197")
        XCTAssertEqual(id, "doc-c5efbf8f1749d4d4")
    }
}
