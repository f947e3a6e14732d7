import ArgumentParser
import Foundation
import XiezuoCore

/// `xiezuo map`: the per-source work as a stream filter, for Spark and other runners (README,
/// "Spark"). No store, no lock, no output directory: frames in on stdin, one line per frame
/// out on stdout, in input order.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Reads sources as JSON lines on stdin and writes each one's articles (documents, facts, paragraphs, fingerprints) or its reject as JSON lines on stdout.",
        discussion: """
            Each input line is {"source": NAME, "bytes": BASE64, "charset": HINT?, "url": URL?}; each output line \
            is {"line": N, "source": NAME, "articles": [...]} or {"line": N, "source": NAME, "reject": {"stage", "reason"}}. \
            A frame that is not such an object is a reject naming its line, and the stream goes on. See README, "Spark".
            """
    )

    @OptionGroup var options: ConfigOption

    @Flag(name: .long, help: "Print the tables' schemas, the run-wide settings and datapackage.json as one JSON object, and exit.")
    var describe = false

    func run() throws {
        let config = try options.load()
        if describe {
            FileHandle.standardOutput.write(Data(MapDescription.json(config: config)))
            return
        }
        let processor: ArticleProcessor
        do {
            processor = try ArticleProcessor(config: config)
        } catch {
            Diagnostics.print(error.description)
            throw ExitCode(2)
        }
        let maxBytes = config.fetch.maxBytes
        // Base64 of fetch.max_bytes, and room for the name and hints.
        var lines = InputLines(limit: (maxBytes + 2) / 3 * 4 + (1 << 20))
        var number = 0
        let output = FileHandle.standardOutput
        while let line = try lines.next() {
            number += 1
            switch line {
            case .tooLong(let bytes):
                output.write(
                    Data(
                        MapRecord.malformedFrame(
                            line: number, source: nil,
                            reason: "\(bytes) bytes, longer than a source of fetch.max_bytes (\(maxBytes)) in base64; the source is too large to read")))
            case .bytes(let bytes):
                output.write(Data(Self.process(bytes, line: number, maxBytes: maxBytes, processor: processor)))
            }
        }
    }

    private static func process(_ line: [UInt8], line number: Int, maxBytes: Int, processor: ArticleProcessor) -> [UInt8] {
        let frame: MapFrame
        switch MapFrame.decode(line) {
        case .failure(let problem):
            return MapRecord.malformedFrame(line: number, source: problem.source, reason: problem.reason)
        case .success(let decoded):
            frame = decoded
        }
        guard frame.document.bytes.count <= maxBytes else {
            let reason = "too large: \(frame.document.bytes.count) bytes, more than fetch.max_bytes (\(maxBytes)); raise the limit to read it"
            return MapRecord.json(
                line: number, source: frame.document.name,
                processed: .rejected(Reject(source: frame.document.name, stage: .fetch, reason: reason)))
        }
        return MapRecord.json(line: number, source: frame.document.name, processed: processor.process(frame.document))
    }
}
