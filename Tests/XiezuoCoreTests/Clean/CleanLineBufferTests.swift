import XCTest

@testable import XiezuoCore

/// Clean holds a source's normalised lines once, as ranges of one buffer, and writes each
/// article's text once: the views, the weights counted on the way and the text writer must
/// give what the per-line arrays gave.
final class CleanLineBufferTests: XCTestCase {
    func testLinesAreRangesOfOneBufferWithTheirWeights() {
        let text = "  第一行\u{3000}有　空格 \r\n\n\tＡＢＣ  ｄｅｆ\u{2028}第三\u{200B}行 x\u{202E}y \n  \n"
        let normalized = LineNormalizer.lines(of: Array(text.unicodeScalars))
        let lines = normalized.withLines { lines in
            lines.map { (String(String.UnicodeScalarView($0.scalars)), $0.weight, $0.block, $0.droppedControls) }
        }
        XCTAssertEqual(lines.map { $0.0 }, ["第一行 有 空格", "ABC def", "第三行 xy"])
        XCTAssertEqual(lines.map { $0.1 }, [6, 6, 5])
        XCTAssertEqual(lines.map { $0.2 }, [0, 1, 1])
        XCTAssertEqual(lines.map { $0.3 }, [0, 0, 1])
        // The lines lie back to back in the buffer, with nothing between them.
        XCTAssertEqual(normalized.lines.map(\.range), [0..<8, 8..<15, 15..<21])
        XCTAssertEqual(normalized.scalars.count, 21)
    }

    func testLineWeightIsTheWeightOfItsScalars() {
        var generator = SplitMix64(seed: 7)
        let alphabet = Array(" \t\u{3000}\u{A0}\n\r东西ab１．2.\u{200B}\u{202A}■".unicodeScalars)
        for _ in 0..<300 {
            let scalars = (0..<Int.random(in: 0...60, using: &generator)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }
            LineNormalizer.lines(of: scalars).withLines { lines in
                for line in lines { XCTAssertEqual(line.weight, TextShape.weight(line.scalars)) }
            }
        }
    }

    func testMarkSetHoldsItsMarksOnly() {
        let marks = MarkSet(Array("■▲●".unicodeScalars))
        for mark in "■▲●".unicodeScalars { XCTAssertTrue(marks.contains(mark)) }
        // U+25A0 + 1024 shares its bit in the map with ■ and is still no mark.
        let sharing = Unicode.Scalar(0x25A0 + 1024)!
        for scalar in ["□", "a", " ", "东", sharing] as [Unicode.Scalar] { XCTAssertFalse(marks.contains(scalar)) }
    }

    func testWriterSeparatesParagraphsAndExtendsTheLast() {
        let source = Array("标题第一段ab第二段".unicodeScalars)
        let (text, paragraphs) = source.withUnsafeBufferPointer { source in
            func part(_ range: Range<Int>) -> UnsafeBufferPointer<Unicode.Scalar> {
                UnsafeBufferPointer(rebasing: source[range])
            }
            var paragraphs: [(range: Range<Int>, origin: ClosedRange<Int>?)] = []
            let text = [Unicode.Scalar](unsafeUninitializedCapacity: source.count + 4) { buffer, count in
                var writer = ArticleTextWriter(buffer: buffer)
                writer.append(part(0..<0), origin: 0...0)  // an empty first paragraph: no `\n` after it
                writer.append(part(0..<2), origin: 1...1)
                writer.append(part(2..<7), origin: 2...2)
                writer.extendLast(with: part(7..<10), spaced: true, origin: 2...3)
                XCTAssertEqual(Array(writer.paragraph(2)), Array("第一段ab 第二段".unicodeScalars))
                count = writer.count
                paragraphs = writer.paragraphs
            }
            return (text, paragraphs)
        }
        XCTAssertEqual(String(String.UnicodeScalarView(text)), "标题\n第一段ab 第二段")
        XCTAssertEqual(paragraphs.map { $0.range }, [0..<0, 0..<2, 3..<12])
        XCTAssertEqual(paragraphs.map { $0.origin }, [0...0, 1...1, 2...3])
    }
}
