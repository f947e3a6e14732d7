import XCTest

@testable import XiezuoCore

final class NumeralParserTests: XCTestCase {
    func testParsesNumerals() {
        let cases: [(String, String)] = [
            ("1,600", "1600"), ("483.02", "483.02"), ("十三万四千一百一十三", "134113"), ("1.2万", "12000"),
            ("3千万", "30000000"), ("13万4千", "134000"), ("两百", "200"), ("壹仟贰佰", "1200"),
            ("一千零五", "1005"), ("千", "1000"), ("万", "10000"), ("亿", "100000000"), ("万亿", "1000000000000"),
            ("千亿", "100000000000"), ("百万", "1000000"), ("十", "10"), ("十一", "11"), ("一十一", "11"),
            ("二十", "20"), ("一百一十", "110"), ("一百一", "110"), ("一万二", "12000"), ("三千五", "3500"),
            ("两万五", "25000"), ("一亿五", "150000000"), ("1万2千", "12000"), ("2亿3000万", "230000000"),
            ("2.5亿", "250000000"), ("0", "0"), ("零", "0"), ("〇", "0"), ("0.5", "0.5"), ("1，600", "1600"),
            ("１２３", "123"), ("１２．５", "12.5"), ("1,234,567.89", "1234567.89"), ("12000万", "120000000"),
            ("一百零一", "101"), ("一千零一十", "1010"), ("一万零五百", "10500"), ("九千九百九十九", "9999"),
            ("肆佰伍拾陆", "456"), ("兩萬", "20000"), ("億", "100000000"), ("十万", "100000"),
            ("3.5万亿", "3500000000000"), ("1万亿2000亿", "1200000000000"), ("16.4亿", "1640000000"),
            ("0.0001", "0.0001"), ("9223372036854775807", "9223372036854775807"), ("一亿零五万", "100050000"),
            ("二十万三千", "203000"), ("1.5千", "1500"), ("十二亿", "1200000000"), ("玖", "9"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(NumeralParser.value(of: text)?.description, expected, text)
        }
    }

    func testRejectsWhatIsNotWhollyANumeral() {
        let cases = [
            "", " ", " 1", "1 ", "1，2", "1,2", "1,,000", "1.2.3", ".5", "5.", "01", "00", "万万", "亿万", "一二",
            "二〇二三", "百千万", "十四五", "1万2", "3千5", "一千零", "零五", "abc", "12a", "1e5", "-5", "5%",
            "一点五", "千万万", "1亿12000万", "万千", "十百", "12,34", "1,2345", "一2", "2一", "百分之八十", "数百",
            "99999999999999999999", "1 000", "1,000,00", "1,000.5,0", "0.0000000000000000001", "元", "1元",
            "一千零零五", "1万零", "万万亿", "亿亿",
        ]
        for text in cases {
            XCTAssertNil(NumeralParser.value(of: text), text)
        }
    }

    func testReadsSubstrings() {
        let text = "投资1.2万元"
        let start = text.index(text.startIndex, offsetBy: 2)
        let end = text.index(start, offsetBy: 4)
        XCTAssertEqual(NumeralParser.value(of: text[start..<end]), ExactDecimal(12000))
    }

    func testReadsYears() {
        let cases: [(String, Int)] = [
            ("二〇二三", 2023), ("2024", 2024), ("二〇二三年", 2023), ("二零二四", 2024), ("２０２４", 2024),
            ("二千零二十三", 2023), ("两千零二十四年", 2024), ("一九九八", 1998), ("2024年", 2024), ("一〇〇〇", 1000),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(NumeralParser.year(of: text), expected, text)
        }
    }

    func testRejectsWhatIsNotAYear() {
        let cases = [
            "", "年", "23", "二三", "二〇二", "20245", "二〇二三四", "2O24", "2〇24", "十四五", "2,024", "三千万",
            "0999", "壹玖玖捌", "两〇二三", "2024年年", "年2024", "二〇二三年度", "2024.0",
        ]
        for text in cases {
            XCTAssertNil(NumeralParser.year(of: text), text)
        }
    }

    /// The figure scan finds numeral runs with `NumeralScalar.runStarts`: it must be exactly
    /// `startsRun`, for every scalar.
    func testRunStartsIsStartsRun() {
        var wrong: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if NumeralScalar.runStarts.contains(value) != NumeralScalar.startsRun(scalar) {
                wrong.append("U+\(String(value, radix: 16, uppercase: true))")
            }
        }
        XCTAssertEqual(wrong, [])
    }

    /// A year needs four scalars that a numeral can hold before 年: what `YearMention` asks
    /// before it reads one (a scalar that starts no numeral run makes `year(of:)` nil).
    func testAYearHoldsOnlyNumeralScalars() {
        let scalars = Array("0123456789０１２３４５６７８９〇零一二两兩三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟.,，．今年多个月".unicodeScalars)
        for first in scalars {
            for second in scalars {
                let text = "2\(first)0\(second)"
                let allRun = text.unicodeScalars.allSatisfy(NumeralScalar.startsRun)
                if !allRun { XCTAssertNil(NumeralParser.year(of: text), text) }
            }
        }
    }
}
