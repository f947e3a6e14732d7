/// Picks the place an ambiguous name means in one article, from the other places it names.
///
/// 南口镇 is a township of a dozen counties, 朝阳 a district of Beijing and a city of Liaoning, 中和镇
/// is in 三都 and in many other counties. An article that also names 梅县区, or 三都县, settles it:
/// each reading scores one point per other name of the article that lies above or below it in
/// the gazetteer's hierarchy, and the best score wins; on a tie, the gazetteer's own order (full
/// names first, then the most senior level) decides, as it does for the scanner.
enum ReadingChooser {
    /// The chosen reading for each distinct name (keyed by its surface form), given each name's
    /// readings. Linear in the number of readings: each name is indexed under its readings and
    /// under every division enclosing them, so a candidate's score is a few dictionary look-ups.
    static func choose(_ readings: [Int32: [Int32]], gazetteer: Gazetteer) -> [Int32: Int32] {
        var chosen: [Int32: Int32] = [:]
        guard readings.values.contains(where: { $0.count > 1 }) else {
            for (name, candidates) in readings { chosen[name] = candidates.first }
            return chosen
        }
        let names = readings.keys.sorted()
        var namesReading: [Int32: [Int]] = [:]
        var namesBelow: [Int32: [Int]] = [:]
        for (index, name) in names.enumerated() {
            for reading in readings[name] ?? [] {
                namesReading[reading, default: []].append(index)
                for enclosing in gazetteer.ancestors(ofPlace: reading) { namesBelow[enclosing, default: []].append(index) }
            }
        }
        for (index, name) in names.enumerated() {
            guard let candidates = readings[name], let first = candidates.first else { continue }
            guard candidates.count > 1 else {
                chosen[name] = first
                continue
            }
            var best = first
            var bestScore = -1
            for candidate in candidates {
                var related = Set(namesBelow[candidate] ?? [])
                for enclosing in gazetteer.ancestors(ofPlace: candidate) { related.formUnion(namesReading[enclosing] ?? []) }
                related.remove(index)
                if related.count > bestScore {
                    best = candidate
                    bestScore = related.count
                }
            }
            chosen[name] = best
        }
        return chosen
    }
}
