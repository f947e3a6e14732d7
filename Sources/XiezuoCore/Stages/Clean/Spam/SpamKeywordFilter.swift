/// Removes advertising keywords that content farms glue into sentences (特德系车零件点,
/// 百千万工油气分离器改良版程, 居平易汽车机油芯近).
///
/// A keyword is a small phrase grammar rather than a fixed list, because the farms combine the
/// parts freely: any run of `spam_keyword_heads` (brands such as BMW, 奥迪, 宾士, 蓝宝坚尼; 汽车,
/// 德系车, 台北) followed by one of `spam_keyword_items` (零件, 材料, 配件), or one of
/// `spam_keyword_solo` on its own (机油芯, 水箱精, 油气分离器), then any of `spam_keyword_tails`
/// (进口商, 贸易商, 报价, 改良版). An item needs a head: 材料 and 零件 alone are ordinary words.
///
/// Removal is page-level: keywords are removed only from an article holding at least
/// `spam_keyword_min_distinct` (3) *different* keywords. A real article about a car-parts
/// workshop may say 汽车零件 several times, but never 宝马零件, 汽车材料报价 and 水箱精 together.
struct SpamKeywordFilter: Sendable {
    private let heads: ScalarTrie
    private let items: ScalarTrie
    private let solos: ScalarTrie
    private let tails: ScalarTrie
    private let minDistinct: Int

    init(
        heads: [[Unicode.Scalar]], items: [[Unicode.Scalar]], solos: [[Unicode.Scalar]], tails: [[Unicode.Scalar]],
        minDistinct: Int
    ) {
        self.heads = ScalarTrie(heads)
        self.items = ScalarTrie(items)
        self.solos = ScalarTrie(solos)
        self.tails = ScalarTrie(tails)
        self.minDistinct = minDistinct
    }

    /// The keywords of `text`, in order and not overlapping.
    func keywords(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        let count = text.count
        while index < count {
            // Only positions where a head or a solo item can start; a Latin brand must start a word.
            index = heads.nextCandidate(in: text, from: index, or: solos)
            guard index < count else { break }
            let scalar = text[index]
            guard !(index > 0 && ScalarText.isASCIILetter(scalar) && ScalarText.isASCIILetter(text[index - 1])) else {
                index += 1
                continue
            }
            var end = index
            var headCount = 0
            while let head = heads.longestMatch(in: text, at: end) {
                end += head.length
                headCount += 1
            }
            if let solo = solos.longestMatch(in: text, at: end) {
                end += solo.length
            } else if headCount > 0, let item = items.longestMatch(in: text, at: end) {
                end += item.length
            } else {
                index += 1
                continue
            }
            while let tail = tails.longestMatch(in: text, at: end) { end += tail.length }
            found.append(index..<end)
            index = end
        }
        return found
    }

    /// Whether `keywords` (found in `text`) are enough different keywords to make it a spam page.
    func isSpamPage(_ keywords: [Range<Int>], in text: [Unicode.Scalar]) -> Bool {
        guard minDistinct > 0 else { return true }
        guard keywords.count >= minDistinct else { return false }
        var distinct = Set<ArraySlice<Unicode.Scalar>>()
        for range in keywords {
            distinct.insert(text[range])
            if distinct.count >= minDistinct { return true }
        }
        return false
    }

    /// `text` without the `keywords` ranges.
    static func removing(_ keywords: [Range<Int>], from text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.count)
        var copied = 0
        for range in keywords {
            output += text[copied..<range.lowerBound]
            copied = range.upperBound
        }
        output += text[copied...]
        return output
    }
}
