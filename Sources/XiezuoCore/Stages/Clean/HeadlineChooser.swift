/// Chooses the headline of a page's first article among the heading-shaped lines above its
/// first prose paragraph, where site chrome that `PageChrome` does not know by shape (a site's
/// name, a column label, a topic page's heading, a banner) stands beside the headline.
///
/// The signals, in the order they decide:
/// 1. **Its own info line.** The line right above the article's date/source line (a
///    `.metadata` or `.timestamp` line, chrome between them skipped) is the headline; when the
///    lines right above it are heading-shaped too (引题 / 主题 / 副题 stacked over the info line),
///    the one the page declares (`<title>`, `og:title`, `<h1>`) is taken, else the topmost one
///    that shares words with the body. On a page of several articles each with its own info
///    line, the first article's headline is the line right above its info line, like the
///    others' (the lines above it are the page's: a topic page's heading).
/// 2. **Declared.** A line that agrees with a title the page declares.
/// 3. **Shares words with the body.** The topmost line whose character pairs occur in the
///    article's first paragraphs (a headline summarises its lead; chrome shares nothing with
///    it); a headline stands above its decks.
/// 4. Otherwise the first line, as before any of this.
///
/// A line "shares words" when at least `minShare` of its character pairs (pairs of adjacent
/// letters or digits) occur in the lead, read without its dateline (某某网江城10月12日电 would
/// otherwise make a site name 某某网江城频道 look related).
struct HeadlineChooser: Sendable {
    var rules: CleanRules

    static let minShare = 0.3
    /// How much of the body the comparison reads: the lead, where a headline's words are.
    private static let leadChars = 600

    /// What the chooser knows about one head.
    struct Head {
        var candidates: [Int]
        /// The same lines, for membership tests: a page of nothing but short lines has many.
        var members: Set<Int>
        /// The lead's character pairs, sorted and unique (`pairs(of:)`).
        var lead: [UInt64]
        /// The candidate right above the head's first info line (date or source line).
        var anchor: Int?
    }

    func head(candidates: [Int], lines: SourceLines, kinds: [LineKind], firstProse: Int) -> Head {
        let members = Set(candidates)
        // With one line there is nothing to weigh: the lead is only read to tell lines apart.
        let lead = candidates.count > 1 ? lead(lines: lines, kinds: kinds, from: firstProse) : []
        return Head(
            candidates: candidates, members: members, lead: lead,
            anchor: anchoredCandidate(candidates, members: members, kinds: kinds, firstProse: firstProse))
    }

    /// The headline among `head.candidates`; `severalArticles` when the page is known to hold
    /// several articles (see the type's comment).
    func choose(
        _ head: Head, lines: SourceLines, declared: [[Unicode.Scalar]], severalArticles: Bool
    ) -> Int? {
        guard let first = head.candidates.first else { return nil }
        let related = Set(head.candidates.filter { shares(lines[$0].scalars, with: head.lead) })
        if let anchored = head.anchor {
            var top = anchored
            while head.members.contains(top - 1) { top -= 1 }
            let run = Array(top...anchored)
            let chosen: Int
            if severalArticles || run.count == 1 {
                chosen = anchored
            } else if let declaredLine = run.first(where: { DeclaredTitle.agrees(lines[$0].scalars, with: declared) }) {
                chosen = declaredLine
            } else {
                chosen = run.first(where: related.contains) ?? anchored
            }
            if related.contains(chosen) || related.isEmpty || DeclaredTitle.agrees(lines[chosen].scalars, with: declared) {
                return chosen
            }
        }
        if let declaredLine = head.candidates.first(where: { DeclaredTitle.agrees(lines[$0].scalars, with: declared) }) {
            return declaredLine
        }
        return head.candidates.first(where: related.contains) ?? first
    }

    /// Whether a deck (a heading line below the headline) belongs to the article: it shares
    /// words with the lead or the headline. Chrome below a headline shares neither.
    func isDeck(_ line: some ScalarLine, head: Head, title: some ScalarLine) -> Bool {
        shares(line, with: head.lead) || shares(line, with: Self.pairs(of: title))
    }

    /// The candidate right above the head's first info line, if there is one.
    private func anchoredCandidate(_ candidates: [Int], members: Set<Int>, kinds: [LineKind], firstProse: Int) -> Int? {
        guard let top = candidates.first else { return nil }
        // One pass: the last candidate with nothing but skippable lines after it.
        var pending: Int?
        for index in top..<min(firstProse, kinds.count) {
            if members.contains(index) {
                pending = index
            } else if kinds[index] == .metadata || kinds[index] == .timestamp, let pending {
                return pending
            } else if !isSkippable(kinds[index]) {
                pending = nil
            }
        }
        return nil
    }

    private func isSkippable(_ kind: LineKind) -> Bool {
        switch kind {
        case .boilerplate, .navigation, .aside, .caption, .byline, .metadata, .timestamp: return true
        default: return false
        }
    }

    /// Character pairs of the lead: the prose lines from `start`, datelines cut off.
    private func lead(lines: SourceLines, kinds: [LineKind], from start: Int) -> [UInt64] {
        var text: [Unicode.Scalar] = []
        var index = start
        while index < lines.count, text.count < Self.leadChars {
            if kinds[index] == .text {
                var line = lines[index].scalars[...]
                if let dateline = DatelineReader.read(lines[index].scalars) { line = line.dropFirst(dateline.length) }
                text.append(" ")
                text += line
            }
            index += 1
        }
        return Self.pairs(of: text)
    }

    private func shares(_ line: some ScalarLine, with pairs: [UInt64]) -> Bool {
        let own = Self.pairs(of: line)
        guard !own.isEmpty else { return false }
        let shared = own.reduce(0) { Self.contains(pairs, $1) ? $0 + 1 : $0 }
        return Double(shared) >= Self.minShare * Double(own.count)
    }

    /// Adjacent letters or digits, each pair packed in 64 bits; sorted and unique, so that a
    /// lookup is a binary search (cheaper than hashing for the few hundred pairs of a lead).
    static func pairs(of text: some ScalarLine) -> [UInt64] {
        var pairs: [UInt64] = []
        pairs.reserveCapacity(text.count)
        for index in text.indices.dropFirst() {
            let first = text[index - 1]
            let second = text[index]
            guard ScalarText.isWordScalar(first), ScalarText.isWordScalar(second) else { continue }
            pairs.append(UInt64(first.value) << 32 | UInt64(second.value))
        }
        pairs.sort()
        var unique = 0
        for index in pairs.indices where unique == 0 || pairs[index] != pairs[unique - 1] {
            pairs[unique] = pairs[index]
            unique += 1
        }
        pairs.removeLast(pairs.count - unique)
        return pairs
    }

    private static func contains(_ sorted: [UInt64], _ value: UInt64) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }
}
