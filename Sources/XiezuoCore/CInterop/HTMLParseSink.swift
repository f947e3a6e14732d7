/// Receives a page from `LibXML2HTML` as it is parsed, in document order: an element opens,
/// text arrives inside it, the element closes. Nothing of libxml2 crosses this interface.
protocol HTMLParseSink: AnyObject {
    /// An element starts; `name` is lowercase, `attributes` holds those the parser was asked
    /// for, names lowercase, values with entities resolved.
    func openElement(_ name: String, attributes: [(name: String, value: String)])
    /// A text node of the innermost open element (or CDATA, as in `<script>`), UTF-8, whole:
    /// adjacent text arrives as one node. `line` is the 1-based line of the page on which the
    /// parser created it, nil when unknown.
    func text(_ utf8: UnsafeBufferPointer<UInt8>, line: Int?)
    /// The innermost open element ends.
    func closeElement()
}
