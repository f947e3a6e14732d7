/// The cooperation programmes an article can be about (`documents.programme`) and the words that
/// name them, from Resources/programmes.csv (`programme,word`, read with libcsv). The order of
/// first appearance in the file is the order programmes are listed in, so the column is the same
/// for every article that names the same programmes.
public struct ProgrammeVocabulary: Sendable {
    static let header = ["programme", "word"]

    /// Programmes, in the file's order.
    public let programmes: [String]
    /// Each word, with the index of its programme.
    private let words: [(scalars: [UInt32], programme: Int)]
    /// Per first scalar, the indices of the words starting with it, in `words`' order: the scan
    /// tries only those, not every word at every position (which cost a fifth of extract).
    private let wordsByFirst: [UInt32: [Int]]
    private let firstScalars: ScalarBitmap
    /// Whether a word starts outside the Basic Multilingual Plane, which `firstScalars` cannot hold.
    private let astralFirst: Bool

    /// No programmes: every article names none.
    public static let empty = ProgrammeVocabulary(programmes: [], words: [])

    private init(programmes: [String], words: [(scalars: [UInt32], programme: Int)]) {
        self.programmes = programmes
        self.words = words
        var byFirst: [UInt32: [Int]] = [:]
        for (index, word) in words.enumerated() {
            guard let first = word.scalars.first else { continue }
            byFirst[first, default: []].append(index)
        }
        wordsByFirst = byFirst
        firstScalars = ScalarBitmap(byFirst.keys)
        astralFirst = byFirst.keys.contains { $0 >= 0x10000 }
    }

    /// Builds the vocabulary from a CSV file's records, header first.
    public init(records: [[String?]]) throws(ProgrammeVocabularyError) {
        guard let header = records.first, header.map({ $0 ?? "" }) == Self.header else {
            throw ProgrammeVocabularyError(message: "programmes.csv: expected the header programme,word")
        }
        var programmes: [String] = []
        var words: [(scalars: [UInt32], programme: Int)] = []
        for (offset, record) in records.enumerated().dropFirst() {
            guard record.count == 2, let programme = record[0], !programme.isEmpty, let word = record[1], !word.isEmpty else {
                throw ProgrammeVocabularyError(
                    message: "programmes.csv: record \(offset + 1): expected a programme and a word, both non-empty")
            }
            if !programmes.contains(programme) { programmes.append(programme) }
            words.append((word.unicodeScalars.map(\.value), programmes.count - 1))
        }
        self.init(programmes: programmes, words: words.sorted { $0.scalars.count > $1.scalars.count })
    }

    /// The programmes `text` names, in the vocabulary's order (empty when it names none). The
    /// text is a cleaned article: navigation and related-article lists are already gone.
    public func programmes(in text: [Unicode.Scalar]) -> [String] {
        var found = [Bool](repeating: false, count: programmes.count)
        var position = 0
        while position < text.count {
            // Where no word starts (most of the text), a tight loop over the buffer passes on.
            position = text.withUnsafeBufferPointer { buffer in
                var next = position
                while next < buffer.count, !firstScalars.contains(buffer[next].value), !astralFirst || buffer[next].value < 0x10000 {
                    next += 1
                }
                return next
            }
            guard position < text.count else { break }
            var advanced = false
            let first = text[position].value
            if firstScalars.contains(first) || (astralFirst && first >= 0x10000), let candidates = wordsByFirst[first] {
                for index in candidates where ScalarWords.matches(text, at: position, words[index].scalars) {
                    found[words[index].programme] = true
                    position += words[index].scalars.count
                    advanced = true
                    break
                }
            }
            if !advanced { position += 1 }
        }
        return programmes.indices.filter { found[$0] }.map { programmes[$0] }
    }
}
