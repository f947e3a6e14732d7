/// Chooses what of a parsed HTML page is the article: leaves out page furniture
/// (`HTMLBoilerplate`), finds the main content block and the headline, and reads what the page
/// declares about itself (`PageFacts`: titles, publication date, address).
///
/// The main block is the largest `<article>` element, or else the element with the most text
/// in its own `<p>` children (at least `minParagraphs` of them): text density, as readability
/// tools measure it. Either is only taken when it holds at least half of the page's visible
/// text; otherwise the page's text is spread over several blocks and the whole body is kept
/// (the clean stage's noise filter then does the rest). When blocks of its kind stand beside
/// it with paragraphs of their own (the articles of a topic page), their parent is the main
/// block. A class or id that names furniture
/// drops its element only when that element holds less than half of the page's paragraph
/// text, so a layout wrapper called `main-menu-content` cannot take the article with it.
///
/// The headline is the first visible heading the `<title>` names (`<h1>` first, then
/// `<h2>`–`<h4>`), else the first visible `<h1>`.
///
/// Every pass is a loop over the flat node array, so the depth of the page costs nothing.
enum HTMLContentSelector {
    static let minParagraphs = 3

    /// `meta` names and properties that carry a publication time.
    private static let dateNames: Set<String> = [
        "publishdate", "pubdate", "publish_time", "publishtime", "pubtime", "publish-date", "article:published_time",
        "og:published_time", "datepublished", "og:release_date", "release_date", "dc.date.issued",
    ]
    /// `meta` names and properties that carry the article's title.
    private static let titleNames: Set<String> = [
        "og:title", "twitter:title", "articletitle", "title", "headline", "dc.title",
    ]

    static func select(_ nodes: HTMLNodes) -> HTMLSelection {
        var dropped = [Bool](repeating: false, count: nodes.count)
        markDroppedTags(nodes, &dropped)
        let body = nodes.firstIndex { $0.name == "body" }
        let page = body.map { $0..<nodes[$0].end } ?? 0..<nodes.count
        let own = nodes.map { Int32($0.text.map(weight) ?? 0) }
        // In a scope of its own, so that its four arrays are freed before the second set is made.
        do {
            let before = weights(nodes, own, dropped)
            let pageParagraphs = sum(before.paragraphs, over: page, nodes)
            let pageText = sum(before.text, over: page, nodes)
            forEachVisible(nodes, dropped, in: page) { index in
                guard nodes[index].isElement, HTMLBoilerplate.dropsByName(nodes[index]) else { return true }
                let share = pageParagraphs > 0 ? (Int(before.paragraphs[index]), pageParagraphs) : (Int(before.text[index]), pageText)
                guard share.0 * 2 < share.1 else { return true }
                dropped[index] = true
                return false
            }
        }
        let after = weights(nodes, own, dropped)
        let visibleText = sum(after.text, over: page, nodes)
        var content = page
        if let main = mainBlocks(nodes, dropped, after, in: page).first(where: { Int(after.text[$0]) * 2 >= visibleText }) {
            content = main..<nodes[main].end
            if let parent = nodes[main].parent, hasArticleSiblings(main, nodes, dropped, after.paragraphs) {
                content = parent..<nodes[parent].end
            }
        }
        let fullTitle = titleText(nodes)
        let title = fullTitle.flatMap(withoutSiteName)
        let headline = headlineElement(nodes, dropped, after.text, in: page, title: title)
        return HTMLSelection(
            dropped: dropped, content: content, headline: headline, title: title,
            facts: facts(nodes, headline: headline, titles: [fullTitle, title].compactMap { $0 }))
    }

    /// The first visible heading that the `<title>` names, `<h1>` before `<h2>`–`<h4>` (a
    /// site's logo in an `<h1>` is not named by it); else the first visible `<h1>`.
    private static func headlineElement(
        _ nodes: HTMLNodes, _ dropped: [Bool], _ text: [Int32], in page: Range<Int>, title: String?
    ) -> Int? {
        let declared = title.map { [LineNormalizer.normalize(ScalarText.scalars($0))] } ?? []
        let levels = ["h1", "h2", "h3", "h4"]
        var firstH1: Int?
        var named: [Int?] = [nil, nil, nil, nil]
        forEachVisible(nodes, dropped, in: page) { index in
            guard let level = levels.firstIndex(of: nodes[index].name), text[index] > 0 else { return true }
            if level == 0, firstH1 == nil { firstH1 = index }
            if named[level] == nil, !declared.isEmpty {
                let heading = nodes[(index + 1)..<nodes[index].end].compactMap(\.text).joined()
                if DeclaredTitle.agrees(LineNormalizer.normalize(ScalarText.scalars(heading)), with: declared) {
                    named[level] = index
                }
            }
            return false
        }
        return named.compactMap { $0 }.first ?? firstH1
    }

    /// The titles, date and address the page declares (`PageFacts`).
    /// `titles`: the `<title>` as written and without its site name.
    private static func facts(_ nodes: HTMLNodes, headline: Int?, titles: [String]) -> PageFacts {
        var titles = titles
        var published: CivilDate?
        var url: String?
        for node in nodes where node.name == "meta" || node.name == "link" {
            let key = (node.attribute("name") ?? node.attribute("property") ?? node.attribute("itemprop") ?? "")
                .lowercased()
            if node.name == "link" {
                if url == nil, node.attribute("rel")?.lowercased() == "canonical", let href = node.attribute("href") {
                    url = trimmed(Substring(href))
                }
                continue
            }
            guard let content = node.attribute("content") else { continue }
            if titleNames.contains(key) {
                titles.append(content)
            } else if key == "og:url", url == nil {
                url = trimmed(Substring(content))
            } else if published == nil, dateNames.contains(key) {
                published = DateTextReader.date(in: LineNormalizer.normalize(ScalarText.scalars(content)), at: 0)?.date
            }
        }
        if published == nil {
            for node in nodes where node.text != nil {
                guard let parent = node.parent, nodes[parent].name == "script", let text = node.text else { continue }
                if let date = ScriptDateScanner.date(in: text) {
                    published = date
                    break
                }
            }
        }
        if let headline {
            titles.append(nodes[(headline + 1)..<nodes[headline].end].compactMap(\.text).joined())
        }
        let declared = titles.map { LineNormalizer.normalize(ScalarText.scalars($0)) }.filter { $0.count >= 4 }
        return PageFacts(titles: declared, published: published, url: url.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Drops by tag, in document order, knowing whether an `<article>` is open.
    private static func markDroppedTags(_ nodes: HTMLNodes, _ dropped: inout [Bool]) {
        var articleEnds: [Int] = []
        var index = 0
        while index < nodes.count {
            while let last = articleEnds.last, last <= index { articleEnds.removeLast() }
            let node = nodes[index]
            if node.isElement, HTMLBoilerplate.dropsTag(node.name, insideArticle: !articleEnds.isEmpty) {
                dropped[index] = true
                index = node.end
                continue
            }
            if node.name == "article" { articleEnds.append(node.end) }
            index += 1
        }
    }

    /// A topic page sets its articles side by side in blocks of one kind (`<div class="topic-item">`
    /// × 3): when the main block has a visible sibling of its tag and class that holds paragraphs
    /// of its own (at least a quarter of the main block's), the articles are all of them.
    private static func hasArticleSiblings(
        _ main: Int, _ nodes: HTMLNodes, _ dropped: [Bool], _ paragraphs: [Int32]
    ) -> Bool {
        guard let parent = nodes[main].parent, paragraphs[main] > 0 else { return false }
        let kind = (nodes[main].name, nodes[main].attribute("class"))
        var index = parent + 1
        while index < nodes[parent].end {
            if index != main, !dropped[index], nodes[index].isElement, nodes[index].name == kind.0,
                nodes[index].attribute("class") == kind.1, Int(paragraphs[index]) * 4 >= Int(paragraphs[main])
            {
                return true
            }
            index = max(nodes[index].end, index + 1)
        }
        return false
    }

    /// Visits the nodes of `range` in document order, skipping dropped subtrees; `visit`
    /// returns false to skip the subtree of the node it was given.
    private static func forEachVisible(
        _ nodes: HTMLNodes, _ dropped: [Bool], in range: Range<Int>, _ visit: (Int) -> Bool
    ) {
        var index = range.lowerBound
        while index < range.upperBound {
            if dropped[index] || !visit(index) {
                index = max(nodes[index].end, index + 1)
            } else {
                index += 1
            }
        }
    }

    /// Per node, the visible text (non-space scalars) of its subtree, of the `<p>` elements in
    /// its subtree, and of its own `<p>` children (with their count). One backward pass: a
    /// node's children come after it, so they are complete when it is reached. 32 bits are
    /// enough (libxml2 reads pages under 2 GB) and keep a page of many small nodes cheap.
    private static func weights(
        _ nodes: HTMLNodes, _ own: [Int32], _ dropped: [Bool]
    ) -> (text: [Int32], paragraphs: [Int32], ownParagraphs: [Int32], ownParagraphCount: [Int32]) {
        let count = nodes.count
        var text = [Int32](repeating: 0, count: count)
        var paragraphs = [Int32](repeating: 0, count: count)
        var ownParagraphs = [Int32](repeating: 0, count: count)
        var ownParagraphCount = [Int32](repeating: 0, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            guard !dropped[index] else {
                text[index] = 0
                paragraphs[index] = 0
                continue
            }
            let node = nodes[index]
            text[index] += own[index]
            if node.name == "p" { paragraphs[index] = text[index] }
            guard let parent = node.parent else { continue }
            text[parent] += text[index]
            paragraphs[parent] += paragraphs[index]
            if node.name == "p" {
                ownParagraphs[parent] += text[index]
                ownParagraphCount[parent] += 1
            }
        }
        return (text, paragraphs, ownParagraphs, ownParagraphCount)
    }

    /// The candidates for the main block, best first: the largest visible `<article>`, and the
    /// element with the most text in its own paragraphs.
    private static func mainBlocks(
        _ nodes: HTMLNodes, _ dropped: [Bool],
        _ weights: (text: [Int32], paragraphs: [Int32], ownParagraphs: [Int32], ownParagraphCount: [Int32]),
        in range: Range<Int>
    ) -> [Int] {
        var article: Int?
        var dense: Int?
        forEachVisible(nodes, dropped, in: range) { index in
            guard nodes[index].isElement else { return true }
            if nodes[index].name == "article", weights.text[index] > article.map({ weights.text[$0] }) ?? 0 {
                article = index
            }
            if weights.ownParagraphCount[index] >= Int32(minParagraphs),
                weights.ownParagraphs[index] > dense.map({ weights.ownParagraphs[$0] }) ?? 0
            {
                dense = index
            }
            return true
        }
        return [article, dense].compactMap { $0 }
    }

    /// Visible characters of a text node, counted on its UTF-8 bytes (a byte that starts a
    /// scalar and is not an ASCII space or control): several times faster than walking the
    /// scalars, and exact but for the rare no-break and ideographic spaces, which only weigh
    /// one character in a comparison of text amounts.
    private static func weight(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte > 0x20 && byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    private static func sum(_ values: [Int32], over range: Range<Int>, _ nodes: HTMLNodes) -> Int {
        guard !range.isEmpty else { return 0 }
        if range == range.lowerBound..<nodes[range.lowerBound].end { return Int(values[range.lowerBound]) }
        var total = 0
        var index = range.lowerBound
        while index < range.upperBound {
            total += Int(values[index])
            index = max(nodes[index].end, index + 1)
        }
        return total
    }

    /// The text of the page's `<title>`.
    private static func titleText(_ nodes: HTMLNodes) -> String? {
        guard let element = nodes.firstIndex(where: { $0.name == "title" }) else { return nil }
        return nodes[(element + 1)..<nodes[element].end].compactMap(\.text).joined()
    }

    /// A `<title>` without the site name pages append to it ("标题_新闻_某某网", "标题 - 某某网",
    /// "某某网 | 标题"): the longest of the parts between separators.
    private static func withoutSiteName(_ text: String) -> String? {
        let longest = titleParts(text).map(trimmed).max { $0.unicodeScalars.count < $1.unicodeScalars.count }
        guard let longest, !longest.isEmpty else { return nil }
        return longest
    }

    /// The parts of a `<title>` between the separators pages put before a site or column name.
    private static func titleParts(_ text: String) -> [Substring] {
        var parts = [Substring(text)]
        for separator in ["_", "|", "｜", " - ", " – ", " — ", "- ", " -", "--"] {
            parts = parts.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false) }
        }
        return parts
    }

    private static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        let start = scalars.firstIndex { !LineNormalizer.isInvisible($0) } ?? scalars.endIndex
        let end = scalars.lastIndex { !LineNormalizer.isInvisible($0) }.map { scalars.index(after: $0) } ?? start
        return start < end ? String(scalars[start..<end]) : ""
    }
}
