/// The place a figure is about (EXTRACTION.md `region`): the nearest place mentioned before
/// the figure in its sentence, else earlier in its paragraph, else the article's main place
/// (its most mentioned place, the earliest on a tie).
struct RegionResolver: Sendable {
    let mentions: [PlaceMention]
    let mainPlace: String?

    init(mentions: [PlaceMention]) {
        self.mentions = mentions
        var counts: [String: (count: Int, first: Int)] = [:]
        for mention in mentions {
            let current = counts[mention.name] ?? (0, mention.range.lowerBound)
            counts[mention.name] = (current.count + 1, current.first)
        }
        mainPlace = counts.max { left, right in
            left.value.count != right.value.count ? left.value.count < right.value.count : left.value.first > right.value.first
        }?.key
    }

    func region(for figure: Figure, sentence: Range<Int>, paragraph: Range<Int>) -> String? {
        let start = figure.range.lowerBound
        if let inSentence = mentions.last(where: { $0.range.lowerBound >= sentence.lowerBound && $0.range.upperBound <= start }) {
            return inSentence.name
        }
        if let inParagraph = mentions.last(where: { $0.range.lowerBound >= paragraph.lowerBound && $0.range.upperBound <= start }) {
            return inParagraph.name
        }
        return mainPlace
    }
}
