import ArgumentParser
import Foundation
import XiezuoCore

/// `xiezuo dedupe`: decides groups of candidate pairs as `run`'s dedupe does, for runners that
/// find the pairs and their connected components themselves (the Spark job; README, "Spark").
struct DedupeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Reads groups of fingerprints with their candidate pairs as JSON lines on stdin and writes each group's verdicts.",
        discussion: """
            Each input line is {"group": ID, "articles": [{"rank": R, "shingles": BASE64, "figures": [HEX16, ...]}], \
            "pairs": [[EARLIER, LATER, "band" | "value"], ...]} with the pairs in the order run adds them; each output line \
            is {"group": ID, "verdicts": [[RANK, KEPT_RANK], ...], "candidate_pairs": N, "confirmed_pairs": N}.
            With --admit each input line is one pair, [ORIGIN, EARLIER_SHINGLES, [EARLIER_FIGURES], LATER_SHINGLES, \
            [LATER_FIGURES]], and each output line 1 when run would keep it as a candidate, else 0.
            """
    )

    @OptionGroup var options: ConfigOption

    @Flag(name: .long, help: "Decide single candidate pairs from sizes and figures (1 kept, 0 dropped) instead of groups.")
    var admit = false

    func run() throws {
        let config = try options.load()
        let group = DedupeGroup(threshold: config.dedupe.nearDuplicates.threshold)
        var lines = InputLines(limit: Int.max / 2)
        var number = 0
        if admit {
            try admitPairs(&lines, group: group)
            return
        }
        while let line = try lines.next() {
            number += 1
            guard case .bytes(let bytes) = line else { continue }
            do {
                let (id, members, pairs) = try Self.decode(bytes)
                let verdicts = try group.resolve(members: members, pairs: pairs)
                let object: [String: Any] = [
                    "group": id, "verdicts": verdicts.duplicates.map { [$0.rank, $0.keptRank] },
                    "candidate_pairs": verdicts.candidatePairs, "confirmed_pairs": verdicts.confirmedPairs,
                ]
                var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                data.append(10)
                FileHandle.standardOutput.write(data)
            } catch {
                Diagnostics.print("dedupe group at line \(number): \(error)")
                throw ExitCode(1)
            }
        }
    }

    private func admitPairs(_ lines: inout InputLines, group: DedupeGroup) throws {
        var number = 0
        var answers: [UInt8] = []
        while let line = try lines.next() {
            number += 1
            guard case .bytes(let bytes) = line,
                let pair = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [Any], pair.count == 5,
                let origin = pair[0] as? String, origin == "band" || origin == "value",
                let earlierShingles = pair[1] as? Int, let earlierFigures = try? Self.figures(pair[2]),
                let laterShingles = pair[3] as? Int, let laterFigures = try? Self.figures(pair[4])
            else {
                Diagnostics.print("dedupe pair at line \(number): not [\"band\" or \"value\", shingles, [figures], shingles, [figures]]")
                throw ExitCode(1)
            }
            let admitted = group.admits(
                earlier: (earlierShingles, earlierFigures), later: (laterShingles, laterFigures), alikeInWording: origin == "band")
            answers.append(contentsOf: admitted ? [49, 10] : [48, 10])
            if answers.count >= 1 << 16 {
                FileHandle.standardOutput.write(Data(answers))
                answers.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data(answers))
    }

    private static func figures(_ value: Any) throws -> FigureSignature {
        guard let hexes = value as? [String] else { throw BadGroup(description: "figures are a list of 16-hex-digit entries") }
        let entries = try hexes.map { hex in
            guard let entry = UInt64(hex, radix: 16) else { throw BadGroup(description: "figure entry \(hex) is not hexadecimal") }
            return entry
        }
        return FigureSignature(entries: entries.sorted())
    }

    struct BadGroup: Error, CustomStringConvertible {
        var description: String
    }

    private static func decode(_ line: [UInt8]) throws -> (Any, [DedupeGroup.Member], [DedupeGroup.Pair]) {
        guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let id = object["group"], let articles = object["articles"] as? [[String: Any]],
            let pairs = object["pairs"] as? [[Any]]
        else { throw BadGroup(description: "not an object with group, articles and pairs") }
        let members = try articles.map { article in
            guard let rank = article["rank"] as? Int, let encoded = article["shingles"] as? String,
                let data = Data(base64Encoded: encoded), data.count % 4 == 0, let figures = article["figures"] as? [String]
            else { throw BadGroup(description: "an article needs rank, shingles (base64 of 32-bit little-endian hashes) and figures") }
            var hashes: [UInt32] = []
            hashes.reserveCapacity(data.count / 4)
            data.withUnsafeBytes { raw in
                for offset in stride(from: 0, to: raw.count, by: 4) {
                    hashes.append(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                }
            }
            return DedupeGroup.Member(rank: rank, shingles: ShingleSet(hashes: hashes), figures: try Self.figures(figures))
        }
        let decoded = try pairs.map { pair in
            guard pair.count == 3, let earlier = pair[0] as? Int, let later = pair[1] as? Int, let origin = pair[2] as? String,
                origin == "band" || origin == "value"
            else { throw BadGroup(description: "a pair is [earlier rank, later rank, \"band\" or \"value\"]") }
            return DedupeGroup.Pair(earlier: earlier, later: later, alikeInWording: origin == "band")
        }
        return (id, members, decoded)
    }
}
