/// Picks the place an ambiguous name means in one article, from the other places it names.
///
/// 南口镇 is a township of a dozen counties, 朝阳 a district of Beijing and a city of Liaoning, 中和镇
/// is in 三都 and in many other counties. An article that also names 梅县区, or 三都县, settles it:
/// each reading scores one point per other name of the article that lies above or below it in
/// the gazetteer's hierarchy, and the best score wins; on a tie, the gazetteer's own order (full
/// names first, then the most senior level) decides, as it does for the scanner.
enum ReadingChooser {
    /// The chosen reading for each distinct name (keyed by its surface form), given each name's
    /// readings. Linear in the number of readings and their ancestors: only the readings of
    /// ambiguous names are scored, so only the places they ask about are indexed (marked in a bit
    /// set of the gazetteer's rows, not hashed), and a name is counted once per score by a stamp
    /// instead of a `Set` per candidate.
    static func choose(_ readings: [Int32: [Int32]], gazetteer: Gazetteer) -> [Int32: Int32] {
        var chosen: [Int32: Int32] = [:]
        chosen.reserveCapacity(readings.count)
        guard readings.values.contains(where: { $0.count > 1 }) else {
            for (name, candidates) in readings { chosen[name] = candidates.first }
            return chosen
        }
        let names = readings.keys.sorted()
        let readingsOfName = names.map { readings[$0] ?? [] }
        // What the scores ask: the names below each candidate, and the names reading a place that
        // encloses one.
        var scored = RowSet(count: gazetteer.rowCount)
        var enclosingScored = RowSet(count: gazetteer.rowCount)
        for options in readingsOfName where options.count > 1 {
            for candidate in options {
                scored.insert(candidate)
                for enclosing in gazetteer.ancestors(ofPlace: candidate) { enclosingScored.insert(enclosing) }
            }
        }
        var namesReading: [Int32: [Int]] = [:]
        var namesBelow: [Int32: [Int]] = [:]
        for (index, options) in readingsOfName.enumerated() {
            for reading in options {
                if enclosingScored.contains(reading) { namesReading[reading, default: []].append(index) }
                for enclosing in gazetteer.ancestors(ofPlace: reading) where scored.contains(enclosing) {
                    namesBelow[enclosing, default: []].append(index)
                }
            }
        }
        // `stamps[name]` is the score being counted when that name was last counted.
        var stamps = [Int](repeating: -1, count: names.count)
        var stamp = 0
        for (index, name) in names.enumerated() {
            let options = readingsOfName[index]
            guard let first = options.first else { continue }
            guard options.count > 1 else {
                chosen[name] = first
                continue
            }
            var best = first
            var bestScore = -1
            for candidate in options {
                stamps[index] = stamp
                var score = 0
                func count(_ related: [Int]?) {
                    for other in related ?? [] where stamps[other] != stamp {
                        stamps[other] = stamp
                        score += 1
                    }
                }
                count(namesBelow[candidate])
                for enclosing in gazetteer.ancestors(ofPlace: candidate) { count(namesReading[enclosing]) }
                stamp += 1
                if score > bestScore {
                    best = candidate
                    bestScore = score
                }
            }
            chosen[name] = best
        }
        return chosen
    }

    /// A set of gazetteer rows as bits.
    private struct RowSet {
        private var words: [UInt64]

        init(count: Int) {
            words = [UInt64](repeating: 0, count: (count + 63) / 64)
        }

        mutating func insert(_ row: Int32) {
            words[Int(row) >> 6] |= 1 << UInt64(row & 63)
        }

        func contains(_ row: Int32) -> Bool {
            words[Int(row) >> 6] & (1 << UInt64(row & 63)) != 0
        }
    }
}
