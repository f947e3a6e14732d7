import CLibXML2

#if canImport(Glibc)
    import Glibc
#endif

/// The only door to libxml2's HTML parser: parses a page with its forgiving HTML parser and
/// hands the page to an `HTMLParseSink` as it goes, so that no libxml2 pointer outlives this
/// file and the page's tree is never held whole. A final class owns the parser context (and,
/// while it parses, the document) and frees both in `deinit`.
///
/// libxml2 builds its tree through SAX callbacks; this class wraps the start and end of each
/// element. What it keeps of libxml2's tree at any moment is the path of open elements and
/// the last child of each: when an element starts, the text before it is handed on and its
/// earlier siblings are freed; when it ends, its text is handed on and its children are
/// freed. The parser still sees what it looks at while parsing (the open element and its last
/// child, which decide whether white space is kept), so the nodes handed on are exactly those
/// of the whole tree in document order, and memory for the tree is bounded by the depth of
/// the page instead of its size (a flat page of a million paragraphs held ~75 bytes per byte).
///
/// The parser gets the page already decoded to UTF-8 and is told so, with
/// `HTML_PARSE_IGNORE_ENC` so that a `<meta charset=gbk>` in the page cannot make it decode
/// the UTF-8 again. Other options: `RECOVER` (real pages are rarely well-formed), `NOERROR`
/// and `NOWARNING` (a malformed page is normal input, not a message for the log), `NONET`
/// (never fetch a DTD), `COMPACT`, and `XML_PARSE_HUGE`: without it libxml2 stops the whole
/// parse at the 256th open element and the page loses everything after that point, and old
/// pages full of unclosed `<font>` and `<div>` tags get there. (The parser keeps its open
/// elements in an array, not on the call stack: a page nested 100,000 deep parses in well
/// under a second.) Not `NOBLANKS`: a blank text node between two inline elements is the
/// only space between two Latin words.
///
/// An instance parses one page on one thread; the parser itself is reentrant once
/// `xmlInitParser` has run, which `initialized` ensures exactly once.
final class LibXML2HTML {
    private let context: htmlParserCtxtPtr
    private let sink: HTMLParseSink
    /// Whether an attribute (its name, then its element's) is handed on.
    private let reads: (String, String) -> Bool
    /// The elements open in libxml2's tree, innermost last, as the sink has been told.
    private var open: [xmlNodePtr] = []
    /// Elements opened beyond `maxDepth` and not yet closed: libxml2 makes no node for them,
    /// so their text joins the deepest element that has one.
    private var tooDeep = 0
    /// Open elements cost about 180 bytes each (libxml2's node and stacks, and the sink's
    /// entry), so depth is capped: past 200,000 open elements (a page of `<b>` tags that are
    /// never closed; real pages stay below a few hundred), tags no longer nest, and a page of
    /// them costs what libxml2's name stack takes, 8 to 16 bytes per tag.
    static let maxDepth = 200_000
    /// Lowercase tag names by libxml2's interned name pointer: one String per distinct tag.
    private var names: [UnsafePointer<xmlChar>: String] = [:]

    private static let initialized: Void = xmlInitParser()
    private static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | XML_PARSE_HUGE.rawValue)

    /// Nil when libxml2 cannot make a parser for the page: a page larger than 2 GB (its length
    /// is an `int`), or memory exhausted.
    private init?(utf8 page: UnsafeBufferPointer<UInt8>, sink: HTMLParseSink, reads: @escaping (String, String) -> Bool) {
        _ = Self.initialized
        guard page.count <= Int(Int32.max), let base = page.baseAddress else { return nil }
        let made = base.withMemoryRebound(to: CChar.self, capacity: page.count) {
            // libxml2 copies the bytes into its own input buffer.
            xmlCreateMemoryParserCtxt($0, Int32(page.count))
        }
        guard let made else { return nil }
        context = made
        self.sink = sink
        self.reads = reads
    }

    deinit {
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        xmlFreeParserCtxt(context)
    }

    /// Parses `page` into `sink`. False when no parser could be made for it; with `RECOVER`
    /// set, malformed markup is not a failure.
    static func parse(
        utf8 page: UnsafeBufferPointer<UInt8>, into sink: HTMLParseSink, reads: @escaping (_ attribute: String, _ element: String) -> Bool
    ) -> Bool {
        guard let parser = LibXML2HTML(utf8: page, sink: sink, reads: reads) else { return false }
        parser.run()
        return true
    }

    /// What `htmlReadMemory` does, with the two element callbacks wrapped.
    private func run() {
        guard let sax = context.pointee.sax else { return }
        xmlSAX2InitHtmlDefaultSAXHandler(sax)
        sax.pointee.startElement = { context, name, attributes in
            guard let parser = LibXML2HTML.parser(of: context) else { return }
            guard parser.open.count < LibXML2HTML.maxDepth else {
                parser.tooDeep += 1
                return
            }
            parser.willOpen()
            xmlSAX2StartElement(context, name, attributes)
            parser.didOpen(name)
        }
        sax.pointee.endElement = { context, name in
            guard let parser = LibXML2HTML.parser(of: context) else { return }
            // Elements beyond the depth limit were never made; their ends are the first to come.
            guard parser.tooDeep == 0 else {
                parser.tooDeep -= 1
                return
            }
            let closing = parser.willClose()
            xmlSAX2EndElement(context, name)
            parser.didClose(closing)
        }
        htmlCtxtUseOptions(context, Self.options)
        context.pointee.html = 1
        if let utf8 = xmlFindCharEncodingHandler("UTF-8") { _ = xmlSwitchToEncoding(context, utf8) }
        withExtendedLifetime(self) {
            context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
            _ = htmlParseDocument(context)
            context.pointee._private = nil
        }
        // Elements the parser left open (it closes them all at the end of the page, unless
        // it stopped early) are closed here, innermost first.
        while let last = open.last {
            handOnChildren(of: last)
            open.removeLast()
            sink.closeElement()
        }
    }

    private static func parser(of context: UnsafeMutableRawPointer?) -> LibXML2HTML? {
        guard let context, let parser = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return Unmanaged<LibXML2HTML>.fromOpaque(parser).takeUnretainedValue()
    }

    /// Before libxml2 adds an element to the open one: everything in the open one so far is
    /// complete. Its text goes to the sink, and its children are freed (the new element will
    /// be the last child the parser looks at).
    private func willOpen() {
        guard let parent = context.pointee.node, parent == open.last else { return }
        handOnChildren(of: parent)
    }

    /// `tag` is the parser's name for the element: interned for the whole parse, unlike the
    /// node's own copy, so it can key the cache of names.
    private func didOpen(_ tag: UnsafePointer<xmlChar>?) {
        guard let element = context.pointee.node, element != open.last, element.pointee.type == XML_ELEMENT_NODE else { return }
        open.append(element)
        let name = name(tag)
        sink.openElement(name, attributes: attributes(of: element, named: name))
    }

    private func willClose() -> xmlNodePtr? {
        guard let closing = context.pointee.node, closing == open.last else { return nil }
        handOnChildren(of: closing)
        return closing
    }

    private func didClose(_ closed: xmlNodePtr?) {
        guard let closed, closed == open.last else { return }
        open.removeLast()
        sink.closeElement()
    }

    /// Hands the text children of `element` to the sink, in order, and frees every child:
    /// element children have been handed on when they opened and are closed by now.
    private func handOnChildren(of element: xmlNodePtr) {
        var child = element.pointee.children
        guard child != nil else { return }
        while let node = child {
            if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE,
                let content = node.pointee.content
            {
                let line = Int(node.pointee.line)
                // libxml2 2.9 stores lines in 16 bits and saturates at 65,535: unknown beyond.
                sink.text(UnsafeBufferPointer(start: content, count: strlen(content)), line: line > 0 && line < 65_535 ? line : nil)
            }
            child = node.pointee.next
        }
        let children = element.pointee.children
        element.pointee.children = nil
        element.pointee.last = nil
        xmlFreeNodeList(children)
    }

    /// The attributes of `element` (its tag `elementName`) that `reads` accepts. An attribute's
    /// value is the text of its child nodes, read in place (no `xmlGetProp` copy to free).
    private func attributes(of element: xmlNodePtr, named elementName: String) -> [(name: String, value: String)] {
        var found: [(name: String, value: String)] = []
        var attribute = element.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let name = Self.lowercased(current.pointee.name)
            guard reads(name, elementName) else { continue }
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

    private func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        if let known = names[pointer] { return known }
        let made = Self.lowercased(pointer)
        names[pointer] = made
        return made
    }

    private static func lowercased(_ name: UnsafePointer<xmlChar>?) -> String {
        guard let name else { return "" }
        return String(cString: name).lowercased()
    }
}
