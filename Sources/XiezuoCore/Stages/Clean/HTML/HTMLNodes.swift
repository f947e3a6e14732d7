/// The nodes of a parsed page in document order, as `HTMLNode` views of an `HTMLNodeStore`.
struct HTMLNodes: RandomAccessCollection {
    let store: HTMLNodeStore

    var startIndex: Int { 0 }
    var endIndex: Int { store.count }

    subscript(position: Int) -> HTMLNode { HTMLNode(store: store, index: position) }
}
