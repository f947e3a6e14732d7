/// A list decoded element by element while problems are collected, so that two bad entries
/// of one list (`fetch.sources[0]` and `fetch.sources[3]`) are both reported, not the first.
protocol ElementwiseDecodable {
    /// Every element of `container`; each failing one is recorded in the current collector,
    /// after which `ConfigProblemCollector.Recorded` is thrown.
    static func decodeEachElement(from container: any UnkeyedDecodingContainer) throws -> Self
}

extension Array: ElementwiseDecodable where Element: Decodable {
    static func decodeEachElement(from container: any UnkeyedDecodingContainer) throws -> [Element] {
        var container = container
        var elements: [Element] = []
        var failed = false
        while !container.isAtEnd {
            let index = container.currentIndex
            do {
                elements.append(try container.decode(Element.self))
            } catch {
                try ConfigProblemCollector.recordOrThrow(error)
                failed = true
                // A container that did not move past the bad element cannot go on.
                if container.currentIndex == index { break }
            }
        }
        if failed { throw ConfigProblemCollector.Recorded() }
        return elements
    }
}
