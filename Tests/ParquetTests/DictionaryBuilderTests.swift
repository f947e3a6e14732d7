import XCTest

@testable import Parquet

final class DictionaryBuilderTests: XCTestCase {
    private func bytes(_ text: String) -> ArraySlice<UInt8> {
        Array(text.utf8)[...]
    }

    func testIndicesInFirstSeenOrder() {
        var builder = DictionaryBuilder()
        let indices = ["广东", "贵州", "广东", "", "贵州", "广西"].map { builder.index(of: bytes($0)) }
        XCTAssertEqual(indices, [0, 1, 0, 2, 1, 3])
        XCTAssertEqual(builder.entries.map { String(decoding: $0, as: UTF8.self) }, ["广东", "贵州", "", "广西"])
        XCTAssertEqual(builder.plainByteCount, 4 * 4 + 6 + 6 + 0 + 6)
    }

    /// "é" precomposed and "e" + combining acute are equal as Swift Strings but are
    /// different bytes, so they must be different entries.
    func testCanonicallyEquivalentStringsStayDistinct() {
        var builder = DictionaryBuilder()
        XCTAssertEqual(builder.index(of: bytes("\u{E9}")), 0)
        XCTAssertEqual(builder.index(of: bytes("e\u{301}")), 1)
        XCTAssertEqual(builder.entries.count, 2)
    }

    func testSlicesOfOneBufferCompareByContent() {
        let buffer = Array("abab".utf8)
        var builder = DictionaryBuilder()
        XCTAssertEqual(builder.index(of: buffer[0..<2]), 0)
        XCTAssertEqual(builder.index(of: buffer[2..<4]), 0)
    }

    func testPlainEncodedDictionaryPage() {
        var builder = DictionaryBuilder()
        _ = builder.index(of: bytes("b"))
        _ = builder.index(of: bytes("协"))
        _ = builder.index(of: bytes(""))
        XCTAssertEqual(builder.plainEncoded(), [1, 0, 0, 0, 0x62, 3, 0, 0, 0, 0xE5, 0x8D, 0x8F, 0, 0, 0, 0])
    }

    func testEntryLimit() {
        var builder = DictionaryBuilder(maximumEntries: 2, maximumPlainBytes: 1 << 20)
        XCTAssertEqual(builder.index(of: bytes("a")), 0)
        XCTAssertEqual(builder.index(of: bytes("b")), 1)
        XCTAssertNil(builder.index(of: bytes("c")))
        XCTAssertEqual(builder.index(of: bytes("a")), 0, "known entries are still found at the limit")
    }

    func testByteLimit() {
        var builder = DictionaryBuilder(maximumEntries: 100, maximumPlainBytes: 10)
        XCTAssertEqual(builder.index(of: bytes("abcdef")), 0)  // 10 bytes: exactly at the limit
        XCTAssertNil(builder.index(of: bytes("")))  // 4 more bytes would exceed it
    }

    func testIndexBitWidth() {
        for (entries, width) in [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (256, 8), (257, 9), (65_536, 16)] {
            var builder = DictionaryBuilder(maximumEntries: 65_536, maximumPlainBytes: 1 << 30)
            for index in 0..<entries { _ = builder.index(of: bytes(String(index))) }
            XCTAssertEqual(builder.indexBitWidth, width, "\(entries) entries")
        }
    }
}
