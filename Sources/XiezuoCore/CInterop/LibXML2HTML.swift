import CLibXML2

/// The only door to libxml2: parses an HTML page with its forgiving HTML parser and copies
/// the tree out as `HTMLNode`s, so that no libxml2 pointer outlives this file. A final class
/// owns the `htmlDocPtr` and frees it in `deinit`.
///
/// The parser gets the page already decoded to UTF-8 and is told so, with
/// `HTML_PARSE_IGNORE_ENC` so that a `<meta charset=gbk>` in the page cannot make it decode
/// the UTF-8 again. Other options: `RECOVER` (real pages are rarely well-formed), `NOERROR`
/// and `NOWARNING` (a malformed page is normal input, not a message for the log), `NONET`
/// (never fetch a DTD), `COMPACT`, and `XML_PARSE_HUGE`: without it libxml2 stops the whole
/// parse at the 256th open element and the page loses everything after that point, and old
/// pages full of unclosed `<font>` and `<div>` tags get there. (The parser keeps its open
/// elements in an array, not on the call stack, and frees the tree without recursing: a page
/// nested 100,000 deep parses and frees in well under a second.) Not `NOBLANKS`: a blank
/// text node between two inline elements is the only space between two Latin words.
///
/// An instance is used by one thread, inside one call of `HTMLText`; the parser itself is
/// reentrant once `xmlInitParser` has run, which `initialized` ensures exactly once.
final class LibXML2HTML {
    private let document: htmlDocPtr

    private static let initialized: Void = xmlInitParser()
    private static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | XML_PARSE_HUGE.rawValue)

    /// Nil when libxml2 returns no document: a page larger than 2 GB (its length is an
    /// `int`), or memory exhausted. With `RECOVER` set, malformed markup is not a failure.
    init?(utf8 page: ArraySlice<UInt8>) {
        _ = Self.initialized
        let parsed: htmlDocPtr? = page.withUnsafeBufferPointer { bytes in
            guard bytes.count <= Int(Int32.max), let base = bytes.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                htmlReadMemory(characters, Int32(bytes.count), nil, "UTF-8", Self.options)
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The element and text nodes of the page in document order (comments, processing
    /// instructions and the doctype are skipped). The walk follows the `children`, `next` and
    /// `parent` pointers with a stack of open element indices, never recursing, so a page
    /// nested ten thousand deep costs what a flat one of the same size does.
    func nodes() -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        var open: [Int] = []
        var current = document.pointee.children
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                nodes.append(
                    HTMLNode(
                        name: Self.lowercased(node.pointee.name), text: nil, attributes: Self.attributes(of: node),
                        parent: open.last, end: nodes.count + 1))
                if node.pointee.children != nil {
                    open.append(nodes.count - 1)
                    descend = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    nodes.append(
                        HTMLNode(
                            name: "", text: String(cString: content), attributes: [], parent: open.last,
                            end: nodes.count + 1, line: Self.line(of: node)))
                }
            default:
                break
            }
            if descend {
                current = node.pointee.children
                continue
            }
            // Next sibling, or climb out of finished elements until one has a next sibling.
            var climbing = node
            current = nil
            while true {
                if let next = climbing.pointee.next {
                    current = next
                    break
                }
                guard let parent = climbing.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE,
                    let finished = open.popLast()
                else { break }
                nodes[finished].end = nodes.count
                climbing = parent
            }
        }
        while let finished = open.popLast() { nodes[finished].end = nodes.count }
        return nodes
    }

    /// The attributes of `element` that `HTMLNode.reads` names. An attribute's value
    /// is the text of its child nodes, read in place (no `xmlGetProp` copy to free).
    private static func attributes(of element: xmlNodePtr) -> [(name: String, value: String)] {
        var found: [(name: String, value: String)] = []
        var attribute = element.pointee.properties
        guard attribute != nil else { return found }
        let elementName = lowercased(element.pointee.name)
        while let current = attribute {
            attribute = current.pointee.next
            let name = lowercased(current.pointee.name)
            guard HTMLNode.reads(name, on: elementName) else { continue }
            var value = ""
            var child = current.pointee.children
            while let part = child {
                if let content = part.pointee.content { value += String(cString: content) }
                child = part.pointee.next
            }
            found.append((name, value))
        }
        return found
    }

    /// The 1-based line on which a text node ends, as libxml2 counts lines (at LF); nil when
    /// unknown. libxml2 2.9's HTML parser stores lines in 16 bits and saturates at 65,535.
    private static func line(of node: xmlNodePtr) -> Int? {
        let line = Int(node.pointee.line)
        return line > 0 && line < 65_535 ? line : nil
    }

    private static func lowercased(_ name: UnsafePointer<xmlChar>?) -> String {
        guard let name else { return "" }
        return String(cString: name).lowercased()
    }
}
