/// Step 1b of clean, between `TextDecoding` and `LineNormalizer`: an HTML page becomes the
/// plain text lines a text page would have had. Text pages pass through untouched.
///
/// libxml2 parses the page (`LibXML2HTML`; markup is never matched with patterns here),
/// `HTMLContentSelector` chooses the main content block and leaves out page furniture, and
/// the text is written with a blank line between blocks (`HTMLElementKind`,
/// `HTMLTextWriter`), like the paragraphs of the text pages, so the later steps (noise lines,
/// headlines, article splitting, metadata) work on it unchanged:
/// - the headline (`<h1>`, or the `<title>` without its site name when there is no `<h1>`)
///   is the first line, alone in its block, when the main block does not already hold it;
/// - the article's info lines between that headline and the main block (the date, the 来源,
///   the author: what `MetadataReader` reads as metadata; a line the page declares as its
///   title) are written under it, as a text page prints them; the rest of what lies between
///   (menus, share bars) is left out;
/// - what the page declares about itself in its markup (titles, the publication date of its
///   `<meta>` tags or scripts, its canonical address) is handed on as `PageFacts`.
///
/// `removedChars` counts from this text: markup and the furniture left out here (menus,
/// scripts, footers) were never article text and are not counted as removed.
enum HTMLText {
    /// The text of `decoded`: its own scalars for a text page, the extracted text for HTML.
    static func scalars(of decoded: DecodedText) throws(UnusableText) -> [Unicode.Scalar] {
        var decoded = decoded
        return try page(of: &decoded).scalars
    }

    /// The text of `decoded` with, for HTML, the page lines each of its lines came from. For
    /// HTML, `decoded.scalars` are emptied once the page's UTF-8 is at hand: the parser reads
    /// the UTF-8, and the scalars (4 bytes a character) would only sit beside its tree.
    static func page(of decoded: inout DecodedText) throws(UnusableText) -> PageText {
        guard decoded.isHTML else { return PageText(scalars: decoded.scalars, lineOrigins: nil) }
        let characters = decoded.scalars.count
        let utf8 = decoded.utf8 ?? ScalarText.utf8(decoded.scalars)[...]
        decoded.scalars = []
        let store = HTMLNodeStore()
        let parsed = utf8.withUnsafeBufferPointer { page in
            LibXML2HTML.parse(utf8: page, into: store, reads: HTMLNode.reads)
        }
        guard parsed else {
            throw UnusableText(reason: "HTML page that libxml2 could not parse (\(characters) characters)")
        }
        let nodes = HTMLNodes(store: store)
        let selection = HTMLContentSelector.select(nodes)
        var text = render(nodes, selection)
        text.facts = selection.facts
        guard text.scalars.contains(where: { !LineNormalizer.isInvisible($0) }) else {
            throw UnusableText(
                reason:
                    "HTML page without text: nothing is left outside scripts, styles, navigation and other page furniture"
            )
        }
        return text
    }

    private static func render(_ nodes: HTMLNodes, _ selection: HTMLSelection) -> PageText {
        var writer = HTMLTextWriter()
        let headlineInContent = selection.headline.map { selection.content.contains($0) } ?? false
        if let headline = selection.headline, !headlineInContent {
            write(nodes, selection, headline..<nodes[headline].end, into: &writer)
            if nodes[headline].end < selection.content.lowerBound {
                writeInfoLines(nodes, selection, nodes[headline].end..<selection.content.lowerBound, into: &writer)
            }
        } else if selection.headline == nil, let title = selection.title {
            writer.append(title, preformatted: false)
            writer.blockBreak()
        }
        write(nodes, selection, selection.content, into: &writer)
        return PageText(scalars: writer.scalars, lineOrigins: writer.lineOrigins)
    }

    /// Writes the metadata lines of `range` (the date and source lines between a headline and
    /// the main block) and a line the page declares as its title (a headline set in a `<div>`
    /// below a logo's `<h1>`), each in its own block; nothing else of it.
    private static func writeInfoLines(
        _ nodes: HTMLNodes, _ selection: HTMLSelection, _ range: Range<Int>, into writer: inout HTMLTextWriter
    ) {
        var between = HTMLTextWriter()
        write(nodes, selection, range, into: &between)
        var start = 0
        var line = 0
        let scalars = between.scalars
        while start < scalars.count {
            let end = scalars[start...].firstIndex(of: "\n") ?? scalars.count
            let text = Array(scalars[start..<end])
            let normalized = LineNormalizer.normalize(text)
            if MetadataReader.isMetadataLine(normalized) || DateTextReader.isTimestampLine(normalized)
                || DeclaredTitle.agrees(normalized, with: selection.facts.titles)
            {
                writer.appendBlock(text, origin: line < between.lineOrigins.count ? between.lineOrigins[line] : nil)
            }
            start = end + 1
            line += 1
        }
    }

    /// Writes the visible nodes of `range`. Open elements sit on an explicit stack, so nesting
    /// depth costs no call depth.
    private static func write(
        _ nodes: HTMLNodes, _ selection: HTMLSelection, _ range: Range<Int>, into writer: inout HTMLTextWriter
    ) {
        var open: [(index: Int, kind: HTMLElementKind)] = []
        var preformatted = 0
        func close(_ element: (index: Int, kind: HTMLElementKind)) {
            switch element.kind {
            case .block: writer.blockBreak()
            case .line: writer.lineBreak()
            case .cell: writer.space()
            case .inline: break
            }
            if nodes[element.index].name == "pre" || nodes[element.index].name == "textarea" { preformatted -= 1 }
        }
        var index = range.lowerBound
        while index < range.upperBound {
            while let last = open.last, nodes[last.index].end <= index { close(open.removeLast()) }
            let node = nodes[index]
            if selection.dropped[index] {
                index = max(node.end, index + 1)
                continue
            }
            if let text = node.text {
                writer.append(text, preformatted: preformatted > 0, endLine: node.line)
                index += 1
                continue
            }
            let element = (index: index, kind: HTMLElementKind(name: node.name))
            switch element.kind {
            case .block: writer.blockBreak()
            case .line: writer.lineBreak()
            case .cell: writer.space()
            case .inline: break
            }
            if node.name == "pre" || node.name == "textarea" { preformatted += 1 }
            if node.end > index + 1 {
                open.append(element)
            } else {
                close(element)
            }
            index += 1
        }
        while let last = open.popLast() { close(last) }
    }
}
