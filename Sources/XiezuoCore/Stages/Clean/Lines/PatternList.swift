/// A list of literal patterns (noise prefixes, noise substrings) matched against lines.
///
/// Substring search runs over every line of every page, so a 1024-bit map of the patterns'
/// first scalars (by value modulo 1024) lets the scan skip almost every position with one
/// lookup, instead of comparing each pattern at each position.
struct PatternList: Sendable, Equatable {
    let patterns: [[Unicode.Scalar]]
    private let firstScalars: [UInt64]

    init(_ patterns: [[Unicode.Scalar]]) {
        self.patterns = patterns.filter { !$0.isEmpty }
        var map = [UInt64](repeating: 0, count: 16)
        for pattern in self.patterns {
            let value = Int(pattern[0].value & 1023)
            map[value >> 6] |= 1 << UInt64(value & 63)
        }
        firstScalars = map
    }

    func matchesPrefix(of line: some ScalarLine) -> Bool {
        guard let first = line.first, mayStart(first) else { return false }
        return patterns.contains { ScalarText.hasPrefix(line, $0) }
    }

    func occurs(in line: some ScalarLine) -> Bool {
        guard !patterns.isEmpty else { return false }
        // The map is read through a buffer pointer: this test runs once per scalar of every line.
        return firstScalars.withUnsafeBufferPointer { map in
            for index in line.indices {
                let value = Int(line[index].value & 1023)
                guard map[value >> 6] & (1 << UInt64(value & 63)) != 0 else { continue }
                for pattern in patterns where line[index] == pattern[0] && ScalarText.hasPrefix(line[index...], pattern) {
                    return true
                }
            }
            return false
        }
    }

    private func mayStart(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value & 1023)
        return firstScalars[value >> 6] & (1 << UInt64(value & 63)) != 0
    }

    /// The whole line is one of the patterns.
    func contains(exactly line: some Collection<Unicode.Scalar>) -> Bool {
        let count = line.count
        return patterns.contains { $0.count == count && $0.elementsEqual(line) }
    }
}
