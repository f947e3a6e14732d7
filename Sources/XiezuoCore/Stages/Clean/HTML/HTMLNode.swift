/// One node of a parsed HTML page: a view of its entry in the page's `HTMLNodeStore`. The
/// page is a sequence of nodes in document order (a parent before its children), and a
/// node's subtree is the range `index..<end`. A flat sequence needs no recursion to walk,
/// however deep the page nests, and lets the content heuristics sum over subtrees in one
/// backward pass.
struct HTMLNode {
    private let store: HTMLNodeStore
    private let index: Int

    init(store: HTMLNodeStore, index: Int) {
        self.store = store
        self.index = index
    }

    /// Lowercase tag name of an element; empty for a text node.
    var name: String { store.name(of: index) }
    /// The text of a text node (entities resolved, white space as in the source); nil for an
    /// element.
    var text: String? { store.text(of: index) }
    /// The attributes the heuristics read (`HTMLNode.readAttributes`), names lowercased.
    var attributes: [(name: String, value: String)] { store.attributes(of: index) }
    /// Index of the parent element, nil at the top of the document.
    var parent: Int? { store.parent(of: index) }
    /// One past the last node of this node's subtree.
    var end: Int { store.end(of: index) }
    /// For a text node, the 1-based line of the page on which its text ends (libxml2 records
    /// the line where the parser was when the text closed); nil when unknown.
    var line: Int? { store.line(of: index) }

    /// The only attributes copied out of libxml2: boilerplate is recognised by class and id,
    /// a publication date or declared title by the name, property or itemprop and content of a
    /// `<meta>`, and the page's own address by a `<link rel="canonical" href=…>`.
    static let readAttributes: Set<String> = ["class", "id", "name", "property", "itemprop", "content", "rel"]

    /// Whether the attribute `name` of an element `element` is copied: those of
    /// `readAttributes`, and `href` on `<link>` only (not on every `<a>` of the page).
    static func reads(_ name: String, on element: String) -> Bool {
        readAttributes.contains(name) || (name == "href" && element == "link")
    }

    var isElement: Bool { store.isElement(index) }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}
