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
/// - a publication time from `<meta name="publishdate|pubdate|publish_time" content=…>` or
///   `<meta property="article:published_time" …>` is written under the headline as a
///   `发布时间:…` line, which `MetadataReader` reads like the one text pages print.
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
            LibXML2HTML.parse(utf8: page, into: store, readAttributes: HTMLNode.readAttributes)
        }
        guard parsed else {
            throw UnusableText(reason: "HTML page that libxml2 could not parse (\(characters) characters)")
        }
        let nodes = HTMLNodes(store: store)
        let selection = HTMLContentSelector.select(nodes)
        let text = render(nodes, selection)
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
            write(nodes, selection, headline..<nodes[headline].end, into: &writer, dateAfterHeadline: nil)
            writeDate(selection.published, into: &writer)
        } else if selection.headline == nil {
            if let title = selection.title {
                writer.append(title, preformatted: false)
                writer.blockBreak()
            }
            writeDate(selection.published, into: &writer)
        }
        write(
            nodes, selection, selection.content, into: &writer,
            dateAfterHeadline: headlineInContent ? selection.published : nil)
        return PageText(scalars: writer.scalars, lineOrigins: writer.lineOrigins)
    }

    private static func writeDate(_ published: String?, into writer: inout HTMLTextWriter) {
        guard let published else { return }
        writer.blockBreak()
        writer.append("发布时间:" + published, preformatted: false)
        writer.blockBreak()
    }

    /// Writes the visible nodes of `range`, and `dateAfterHeadline` when the headline element
    /// closes. Open elements sit on an explicit stack, so nesting depth costs no call depth.
    private static func write(
        _ nodes: HTMLNodes, _ selection: HTMLSelection, _ range: Range<Int>, into writer: inout HTMLTextWriter,
        dateAfterHeadline: String?
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
            if element.index == selection.headline { writeDate(dateAfterHeadline, into: &writer) }
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
