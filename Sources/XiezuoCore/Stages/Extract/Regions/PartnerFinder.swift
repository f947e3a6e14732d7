/// The helping or paired side of a figure (the `partner_region` column): the helper the text
/// names closest to the figure, as specifically as it names it (上海市及黄浦区对口支援万州区 →
/// 黄浦区). Helpers are the places `PlaceRoles` found in a helper's role (在X帮扶下, X对口支援Y,
/// X携手…) and the article's helpers everywhere (`PlaceNode.isDonorSide`).
///
/// In order: the helpers of the figure's sentence (the most specific, then the nearest before the
/// figure, then the first after it); the nearest helper earlier in its paragraph; the article's
/// strongest helper. None when the article names no helper (a 百千万工程 report of one province).
struct PartnerFinder {
    let places: ArticlePlaces

    func partner(of position: Int, sentence: Range<Int>, paragraph: Range<Int>) -> Int? {
        let graph = places.graph
        var inSentence: [ArticleMention] = []
        var beforeInParagraph: ArticleMention?
        for mention in places.mentions where isHelper(mention) {
            if sentence.contains(mention.range.lowerBound) {
                inSentence.append(mention)
            } else if mention.range.lowerBound >= paragraph.lowerBound, mention.range.upperBound <= sentence.lowerBound {
                beforeInParagraph = mention
            }
        }
        if !inSentence.isEmpty {
            // 上海市及黄浦区: the helper inside another helper of the sentence is the one named.
            let specific = inSentence.filter { mention in
                !inSentence.contains { other in other.node != mention.node && graph.isInside(other.node, mention.node) }
            }
            let before = specific.last { $0.range.upperBound <= position }
            return (before ?? specific.first)?.node
        }
        if let beforeInParagraph { return beforeInParagraph.node }
        return strongestHelper()
    }

    private func isHelper(_ mention: ArticleMention) -> Bool {
        guard !mention.isChainPrefix, !mention.isOrganisation else { return false }
        return mention.isDonorRole || places.graph.nodes[mention.node].isDonorSide
    }

    /// The article's helper with the most helper cues, the first named on a tie.
    private func strongestHelper() -> Int? {
        var best: (node: Int, score: Int)?
        for mention in places.mentions where isHelper(mention) {
            let score = places.graph.nodes[mention.node].donorScore
            if let current = best, current.score >= score { continue }
            best = (mention.node, score)
        }
        return best?.node
    }
}
