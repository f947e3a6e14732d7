import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The article links of an RSS 2.0 or Atom feed, in feed order: RSS `<item><link>` (or a
/// `<guid isPermaLink="true">` when the item has no link) and Atom `<entry><link href>`
/// (`rel="alternate"` or no `rel`). Relative links are resolved against the feed's URL.
enum FeedParser {
    static func links(in bytes: [UInt8], feedURL: URL) throws(HTTPFailure) -> [String] {
        let parser = XMLParser(data: Data(bytes))
        let collector = FeedLinkCollector()
        parser.delegate = collector
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            let detail = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
            throw HTTPFailure(
                reason: "not a readable RSS or Atom feed: XML error at line \(parser.lineNumber) (\(detail))")
        }
        guard collector.sawFeed else {
            throw HTTPFailure(reason: "not an RSS or Atom feed: no <rss>, <rdf:RDF> or <feed> root element")
        }
        // FoundationXML accepts a document that simply stops; a feed cut off mid-way is not read.
        guard collector.closedFeed else {
            throw HTTPFailure(reason: "not a readable RSS or Atom feed: it ends before its root element closes")
        }
        return collector.links.compactMap { link in
            URL(string: link, relativeTo: feedURL)?.absoluteURL.absoluteString
        }
    }
}

/// XMLParser's delegate for `FeedParser`; used on one thread, during one `parse()`.
private final class FeedLinkCollector: NSObject, XMLParserDelegate {
    private(set) var links: [String] = []
    private(set) var sawFeed = false
    private(set) var closedFeed = false
    private var inItem = false
    private var itemLink: String?
    private var itemGUID: String?
    private var guidIsPermalink = false
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let name = elementName.lowercased()
        text = ""
        switch name {
        case "rss", "rdf", "feed": sawFeed = true
        case "item", "entry":
            inItem = true
            itemLink = nil
            itemGUID = nil
        case "link" where inItem:
            // Atom: the href attribute; RSS: the element's text (read at its end).
            if let href = attributes["href"], itemLink == nil {
                let rel = attributes["rel"] ?? "alternate"
                if rel == "alternate" { itemLink = href }
            }
        case "guid" where inItem:
            guidIsPermalink = (attributes["isPermaLink"] ?? "true").lowercased() == "true"
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = elementName.lowercased()
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch name {
        case "link" where inItem && itemLink == nil && !value.isEmpty: itemLink = value
        case "guid" where inItem && guidIsPermalink && !value.isEmpty: itemGUID = value
        case "rss", "rdf", "feed": closedFeed = true
        case "item", "entry":
            if let link = itemLink ?? itemGUID { links.append(link) }
            inItem = false
        default: break
        }
        text = ""
    }
}
