import Foundation
import XCTest

@testable import XiezuoCore

/// Makes the encoded copies the decoding and HTML tests feed to clean. The legacy encodings
/// come from the system's `/usr/bin/iconv` (a different program from the library call under
/// test, and the tool people use to make such files), UTF-16 from Swift's own encoder.
enum DecodingTestsSupport {
    /// `text` converted by `/usr/bin/iconv -f UTF-8 -t <encoding>`; `dropUnencodable` adds
    /// `-c` (Big5 lacks some characters Hong Kong and Guangdong names use, such as 埗).
    static func iconv(
        _ text: String, to encoding: String, dropUnencodable: Bool = false, file: StaticString = #filePath,
        line: UInt = #line
    ) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = (dropUnencodable ? ["-c"] : []) + ["-f", "UTF-8", "-t", encoding]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Write from another thread: a large text would fill the pipe while iconv waits to
        // have its output read.
        let data = Data(text.utf8)
        let writer = input.fileHandleForWriting
        let feeding = Thread {
            writer.write(data)
            try? writer.close()
        }
        feeding.start()
        let converted = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(
            process.terminationStatus, dropUnencodable ? process.terminationStatus : 0,
            "iconv -t \(encoding): \(String(decoding: message, as: UTF8.self))", file: file, line: line)
        return [UInt8](converted)
    }

    static func seedText(_ prefix: String) throws -> (name: String, text: String) {
        let seed = try CleanTestSupport.seed(prefix)
        return (seed.name, String(decoding: seed.bytes, as: UTF8.self))
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> DecodedText {
        try TextDecoding(maxControlShare: CleanConfig().maxControlShare).decode(bytes)
    }

    /// The text `HTMLText` makes of an HTML page given as a UTF-8 string.
    static func htmlText(_ page: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let decoded = try decode(Array(page.utf8))
        XCTAssertTrue(decoded.isHTML, "not detected as HTML", file: file, line: line)
        return String(String.UnicodeScalarView(try HTMLText.scalars(of: decoded)))
    }

    /// An HTML page holding a text seed: each blank-line-separated block of the seed becomes a
    /// `<p>` (its lines joined by `<br>`), except the block equal to `headline`, which becomes
    /// the `<h1>`; all inside an `<article>`, between a `<nav>`, a `<footer>` and a script.
    static func page(
        from text: String, headline: String, charset: String, head: String = "", bodyAttributes: String = ""
    ) -> String {
        let blocks = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        var body = ""
        for block in blocks {
            let escaped = block.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            if block == headline {
                body += "<h1>\(escaped)</h1>\n"
            } else {
                body += "<p>" + escaped.components(separatedBy: "\n").joined(separator: "<br>\n") + "</p>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="\(charset)"><title>\(headline)_新快报_金羊网</title>\(head)</head>
            <body\(bodyAttributes)><nav>首页 新闻 广州 协作</nav>
            <article>
            \(body)</article>
            <footer>版权所有 新快报社</footer><script>var x=1; document.write("<p>广告</p>")</script></body></html>
            """
    }
}
