/// A parsed HTML page, flattened and compact: the nodes in document order (a parent before
/// its children; a node's subtree is the range `index..<end`), kept as parallel arrays of
/// 32-bit numbers with all text in one UTF-8 buffer. A node costs 18 bytes plus its text,
/// about a sixth of a node of libxml2's tree, so that the page's structure, not only its
/// size, stays cheap: a flat page of a million `<p>x</p>` holds 37 bytes per 8 of markup.
///
/// Filled by `LibXML2HTML` through `HTMLParseSink`, then only read, through `HTMLNodes`.
final class HTMLNodeStore: HTMLParseSink {
    /// Per node: 0 for a text node, else the index of its tag in `names`.
    private var nameIDs: [UInt32] = []
    /// Per node: the index of its parent element, -1 at the top of the document.
    private var parents: [Int32] = []
    /// Per node: one past the last node of its subtree.
    private var ends: [Int32] = []
    /// Per node: where its text ends in `textBytes` (it starts where the previous node's ends).
    private var textEnds: [Int32] = []
    /// Per node: the 1-based page line on which a text node ends; 0 when unknown.
    private var lines: [UInt16] = []
    private var textBytes: [UInt8] = []
    private var names: [String] = [""]
    private var nameIDsByName: [String: UInt32] = ["": 0]
    /// The attributes handed on (`HTMLNode.reads`), grouped by node in node order; their
    /// names are interned in `names` like the tags'.
    private var attributeOwners: [Int32] = []
    private var attributeNames: [UInt32] = []
    private var attributeEnds: [Int32] = []
    private var attributeBytes: [UInt8] = []
    /// Elements open while the store is filled, innermost last.
    private var open: [Int32] = []

    var count: Int { nameIDs.count }

    // MARK: Filling

    func openElement(_ name: String, attributes: [(name: String, value: String)]) {
        let index = Int32(nameIDs.count)
        append(nameID: intern(name), line: 0)
        for attribute in attributes {
            attributeOwners.append(index)
            attributeNames.append(intern(attribute.name))
            attributeBytes.append(contentsOf: attribute.value.utf8)
            attributeEnds.append(Int32(attributeBytes.count))
        }
        open.append(index)
    }

    func text(_ utf8: UnsafeBufferPointer<UInt8>, line: Int?) {
        textBytes.append(contentsOf: utf8)
        append(nameID: 0, line: UInt16(clamping: line ?? 0))
    }

    func closeElement() {
        guard let element = open.popLast() else { return }
        ends[Int(element)] = Int32(nameIDs.count)
    }

    private func intern(_ name: String) -> UInt32 {
        if let known = nameIDsByName[name] { return known }
        let id = UInt32(names.count)
        names.append(name)
        nameIDsByName[name] = id
        return id
    }

    private func append(nameID: UInt32, line: UInt16) {
        let index = Int32(nameIDs.count)
        nameIDs.append(nameID)
        parents.append(open.last ?? -1)
        ends.append(index + 1)
        textEnds.append(Int32(textBytes.count))
        lines.append(line)
    }

    // MARK: Reading

    func name(of index: Int) -> String { names[Int(nameIDs[index])] }

    func isElement(_ index: Int) -> Bool { nameIDs[index] != 0 }

    func parent(of index: Int) -> Int? { parents[index] < 0 ? nil : Int(parents[index]) }

    func end(of index: Int) -> Int { Int(ends[index]) }

    func line(of index: Int) -> Int? { lines[index] == 0 ? nil : Int(lines[index]) }

    func text(of index: Int) -> String? {
        guard nameIDs[index] == 0 else { return nil }
        let start = index == 0 ? 0 : Int(textEnds[index - 1])
        return String(decoding: textBytes[start..<Int(textEnds[index])], as: UTF8.self)
    }

    func attributes(of index: Int) -> [(name: String, value: String)] {
        guard nameIDs[index] != 0 else { return [] }
        // Owners ascend: the first attribute of `index` by binary search, then its run.
        var low = 0
        var high = attributeOwners.count
        while low < high {
            let middle = (low + high) / 2
            if attributeOwners[middle] < index { low = middle + 1 } else { high = middle }
        }
        var found: [(name: String, value: String)] = []
        var position = low
        while position < attributeOwners.count, attributeOwners[position] == index {
            let start = position == 0 ? 0 : Int(attributeEnds[position - 1])
            let value = String(decoding: attributeBytes[start..<Int(attributeEnds[position])], as: UTF8.self)
            found.append((names[Int(attributeNames[position])], value))
            position += 1
        }
        return found
    }
}
