/// An endless, seeded stream of synthetic articles for the scale test, and with probability
/// `copyShare` a copy of one of the last `window` stories under other boilerplate with one
/// edit, as a night's feed repeats stories.
///
/// Why not the stock-phrase articles of the accuracy test: they are built to be hard
/// negatives, from a few dozen phrases, and two of them share 2–8 % of their shingles (real
/// articles of the seeds share 0.1–0.8 %). At 100,000 articles that overlap alone would make
/// millions of candidate pairs that real news does not. Here a sentence is mostly words of a
/// 20,000-word lexicon drawn with Zipf frequencies (common one-character words, a long tail
/// of longer ones),
/// with a stock lead-in or purpose now and then, so that unrelated articles overlap about as
/// much as real ones.
struct NearDuplicateArticleStream {
    private var random: NearDuplicateRandom
    private let copyShare: Double
    private var recent: [[String]] = []
    private let window = 500
    private var titles: [String] = []
    private let lexicon: [String]
    /// Cumulative Zipf weights of `lexicon`.
    private let cumulative: [Double]
    /// Articles that were copies.
    private(set) var copies = 0

    init(seed: UInt64, copyShare: Double = 0.1) {
        random = NearDuplicateRandom(seed: seed)
        self.copyShare = copyShare
        var words: [String] = []
        var lexiconRandom = NearDuplicateRandom(seed: seed ^ 0x1E41_C0)
        let characters = NearDuplicateStockText.commonCharacters
        for rank in 0..<20_000 {
            // As in Chinese, the most frequent words are single characters, the long tail longer.
            let length = rank < 100 ? 1 : rank < 3000 ? 2 : lexiconRandom.within(2...4)
            words.append(String((0..<length).map { _ in lexiconRandom.pick(characters) }))
        }
        lexicon = words
        var total = 0.0
        cumulative = words.indices.map { rank in
            total += 1 / Double(rank + 1)
            return total
        }
    }

    mutating func next() -> String {
        if !recent.isEmpty && random.chance(copyShare) {
            copies += 1
            let story = random.pick(recent)
            let edit = random.pick(Array(NearDuplicateCorpus.Edit.allCases.dropFirst()))
            let body = NearDuplicateCorpus.apply(edit, to: story, &random)
            return NearDuplicateCorpus.boilerplate(around: body, titles: titles, &random)
        }
        var story = [sentence().replacingOccurrences(of: "。", with: "")]
        for _ in 0..<random.within(4...10) {
            story.append((0..<random.within(2...5)).map { _ in sentence() }.joined())
        }
        if recent.count < window {
            recent.append(story)
        } else {
            recent[random.below(window)] = story
        }
        if titles.count < 200 { titles.append(story[0]) }
        return NearDuplicateCorpus.boilerplate(around: story, titles: titles, &random)
    }

    private mutating func sentence() -> String {
        var text = random.chance(0.3) ? random.pick(NearDuplicateStockText.leads) : ""
        for index in 0..<random.within(8...20) {
            text += word()
            if index % 5 == 4 { text += "," }
        }
        if random.chance(0.15) { text += "," + random.pick(NearDuplicateStockText.purposes) }
        if random.chance(0.3) { text += "\(random.within(2...999))" + random.pick(["亿元", "万元", "人", "个", "家", "亩"]) }
        return text + "。"
    }

    private mutating func word() -> String {
        let target = Double(random.next() >> 11) / Double(1 << 53) * (cumulative.last ?? 1)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return lexicon[low]
    }
}
