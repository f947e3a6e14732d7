import Foundation
import XCTest

@testable import XiezuoCore

/// Differential test of the money grammar against JioNLP's `parse_money` (jionlp on PyPI, the
/// reference Chinese money parser), on real wordings from cooperation news.
///
/// Every string of Fixtures/jionlp-disagreements.json goes through `FigureScanner` and, in one
/// python process, through scripts/jionlp_parse_money.py. Both answers are reduced to one line
/// (`exact 472000`, `over 36000`, `range 30000000..50000000`, `none`). Where they differ, the
/// fixture must list the string with both answers and why xiezuo is right (`disagreements`) or
/// why it is not (`xiezuo_wrong`, for the grammar's owner to fix). The test fails on a new
/// disagreement, on an entry whose answers changed or no longer differ, and, with a message that
/// says how to fix it, when python cannot import jionlp: it is never skipped.
final class JioNLPDifferentialTests: XCTestCase {
    private struct Fixture: Decodable {
        var jionlpVersion: String
        var strings: [String]
        var disagreements: [Entry]
        var xiezuoWrong: [Entry]

        enum CodingKeys: String, CodingKey {
            case jionlpVersion = "jionlp_version"
            case strings, disagreements
            case xiezuoWrong = "xiezuo_wrong"
        }
    }

    private struct Entry: Decodable {
        var input: String
        var xiezuo: String
        var jionlp: String
        var category: String
        var reason: String
    }

    private static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    private static let fixtureURL = here.appendingPathComponent("Fixtures/jionlp-disagreements.json")
    private static let scriptURL = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/jionlp_parse_money.py")

    func testXiezuoAgreesWithJioNLPExceptWhereTheFixtureSaysWhy() throws {
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: Self.fixtureURL))
        XCTAssertGreaterThanOrEqual(fixture.strings.count, 100, "the differential needs at least 100 money strings")
        XCTAssertEqual(Set(fixture.strings).count, fixture.strings.count, "duplicate strings in the fixture")

        let reference = try Self.runJioNLP(on: fixture.strings)
        XCTAssertEqual(
            reference.version, fixture.jionlpVersion,
            "the fixture was written against jionlp \(fixture.jionlpVersion); review it against \(reference.version)")

        var listed: [String: Entry] = [:]
        for entry in fixture.disagreements + fixture.xiezuoWrong {
            XCTAssertNil(listed[entry.input], "\(entry.input) is listed twice")
            XCTAssertFalse(entry.reason.isEmpty, "\(entry.input): a listed disagreement needs its reason")
            XCTAssertTrue(fixture.strings.contains(entry.input), "\(entry.input) is listed but not among the strings")
            listed[entry.input] = entry
        }

        let scanner = FigureScanner()
        var disagreementCount = 0
        for (input, jionlp) in zip(fixture.strings, reference.answers) {
            let xiezuo = Self.answer(of: scanner, on: input)
            let entry = listed[input]
            if xiezuo == jionlp {
                if entry != nil { XCTFail("\(input): xiezuo and jionlp now agree (\(xiezuo)); remove it from the fixture") }
                continue
            }
            disagreementCount += 1
            guard let entry else {
                XCTFail(
                    """
                    new disagreement, not in Fixtures/jionlp-disagreements.json: \(input)
                      {"input": "\(input)", "xiezuo": "\(xiezuo)", "jionlp": "\(jionlp)", "category": "", "reason": ""}
                    """)
                continue
            }
            XCTAssertEqual(entry.xiezuo, xiezuo, "\(input): xiezuo's answer changed since the fixture was written")
            XCTAssertEqual(entry.jionlp, jionlp, "\(input): jionlp's answer changed since the fixture was written")
        }
        XCTAssertEqual(disagreementCount, listed.count, "every listed disagreement must still occur")
    }

    /// xiezuo's reading of a money string: its yuan figures, or `none`.
    private static func answer(of scanner: FigureScanner, on input: String) -> String {
        let figures = scanner.figures(in: Array(input.unicodeScalars)).filter { $0.unit == .yuan }
        guard !figures.isEmpty else { return "none" }
        return figures.map { figure in
            let value = number(figure.value.description)
            switch figure.qualifier {
            case .exact: return "exact \(value)"
            case .over: return "over \(value)"
            case .under: return "under \(value)"
            case .approx: return "approx \(value)"
            case .range: return "range \(value)..\(number(figure.high?.description ?? "?"))"
            }
        }.joined(separator: "; ")
    }

    /// jionlp's reading, in the same words: `definition` accurate → exact, blur+ → over,
    /// blur- → under, blur → approx, and a pair of numbers → range; another currency is named.
    private static func answer(ofJioNLP record: [String: Any]) -> String {
        guard let result = record["result"] as? [String: Any] else { return "none" }
        let currency = result["case"] as? String ?? "?"
        let prefix = currency == "元" ? "" : "\(currency) "
        if let bounds = result["num"] as? [String], bounds.count == 2 {
            return "\(prefix)range \(number(bounds[0]))..\(number(bounds[1]))"
        }
        guard let value = result["num"] as? String else { return "unreadable \(result)" }
        switch result["definition"] as? String {
        case "accurate": return "\(prefix)exact \(number(value))"
        case "blur+": return "\(prefix)over \(number(value))"
        case "blur-": return "\(prefix)under \(number(value))"
        case "blur": return "\(prefix)approx \(number(value))"
        default: return "\(prefix)\(result["definition"] ?? "?") \(number(value))"
        }
    }

    /// A decimal written the same way whatever its source: 10000000000.00 and 10000000000 are equal.
    private static func number(_ text: String) -> String {
        guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return text }
        return "\(decimal)"
    }

    /// Runs scripts/jionlp_parse_money.py once on all strings.
    private static func runJioNLP(on strings: [String]) throws -> (version: String, answers: [String]) {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("jionlp-input-\(UUID().uuidString).txt")
        try Data((strings.joined(separator: "\n") + "\n").utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }

        let process = Process()
        // scripts/install-deps.sh installs jionlp into the repository's .venv.
        let venv = scriptURL.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".venv/bin/python3")
        if FileManager.default.isExecutableFile(atPath: venv.path) {
            process.executableURL = venv
            process.arguments = [scriptURL.path]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", scriptURL.path]
        }
        process.standardInput = try FileHandle(forReadingFrom: input)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw Unavailable(message: "jionlp is not installed: run scripts/install-deps.sh (python3 could not be started: \(error))")
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: errData, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Unavailable(message: "jionlp is not installed: run scripts/install-deps.sh (\(stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }

        var lines = String(decoding: outData, as: UTF8.self).split(separator: "\n").map(String.init)
        guard !lines.isEmpty,
            let header = try JSONSerialization.jsonObject(with: Data(lines.removeFirst().utf8)) as? [String: Any],
            let version = header["jionlp_version"] as? String
        else { throw Unavailable(message: "scripts/jionlp_parse_money.py printed no version line: \(stderr)") }
        guard lines.count == strings.count else {
            throw Unavailable(message: "scripts/jionlp_parse_money.py answered \(lines.count) of \(strings.count) strings: \(stderr)")
        }
        var answers: [String] = []
        for (line, string) in zip(lines, strings) {
            guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                record["input"] as? String == string
            else { throw Unavailable(message: "scripts/jionlp_parse_money.py answered out of order at \(string): \(line)") }
            answers.append(answer(ofJioNLP: record))
        }
        return (version, answers)
    }

    /// Why the reference could not be run; thrown so the test fails with the fix in its message.
    private struct Unavailable: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
