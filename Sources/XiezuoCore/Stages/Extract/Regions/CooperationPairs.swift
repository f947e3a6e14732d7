/// What the cooperation programmes themselves say about who helps whom, as data: the provinces'
/// one-character abbreviations (粤 广东省, 桂 广西壮族自治区: pairing names such as 粤桂协作 are made
/// of them) and the official helper → recipient pairings of the programmes (广东省 → 广西壮族自治区
/// in 东西部协作, 广东省 → 黑龙江省 in 对口合作, 浙江省 → 新疆 in 对口支援).
///
/// Resources/province-abbreviations.csv (`province,abbreviation,source`) is derived from jionlp by
/// scripts/derive_place_abbreviations.py; Resources/pairings.csv (`helper,recipient,programme,source`)
/// is written from the programmes' official pairing lists. docs/data-sources.md cites both.
struct CooperationPairs: Sendable {
    static let abbreviationHeader = ["province", "abbreviation", "source"]
    static let pairingHeader = ["helper", "recipient", "programme", "source"]

    /// Abbreviation scalar → the gazetteer row of its province.
    private let provinceByAbbreviation: [UInt32: Int32]
    /// The abbreviation scalars, so that a scan asks the dictionary only where one stands.
    private let abbreviationScalars: ScalarBitmap
    /// Official (helper, recipient) pairs of province rows.
    private let pairs: Set<Pair>
    /// Provinces that are the helper of at least one pairing.
    private let helpers: Set<Int32>

    private struct Pair: Hashable {
        var helper: Int32
        var recipient: Int32
    }

    /// No abbreviations and no pairings: pairing names and the programmes' structure are not read.
    static let empty = CooperationPairs(provinceByAbbreviation: [:], pairs: [], helpers: [])

    private init(provinceByAbbreviation: [UInt32: Int32], pairs: Set<Pair>, helpers: Set<Int32>) {
        self.provinceByAbbreviation = provinceByAbbreviation
        abbreviationScalars = ScalarBitmap(provinceByAbbreviation.keys)
        self.pairs = pairs
        self.helpers = helpers
    }

    /// Builds the tables from the two files' records (header first; an empty list for a file not
    /// given). `province` gives the gazetteer row of a province's full name.
    init(abbreviations: [[String?]], pairings: [[String?]], province: (String) -> Int32?) throws(GazetteerError) {
        var byAbbreviation: [UInt32: Int32] = [:]
        for (number, fields) in try Self.rows(abbreviations, header: Self.abbreviationHeader, file: "province-abbreviations.csv") {
            guard let name = fields[0], let id = province(name) else {
                throw GazetteerError(message: "province-abbreviations.csv: record \(number): \(fields[0] ?? "") is not a province of regions.csv")
            }
            guard let abbreviation = fields[1], abbreviation.unicodeScalars.count == 1, let scalar = abbreviation.unicodeScalars.first else {
                throw GazetteerError(message: "province-abbreviations.csv: record \(number): an abbreviation is one character")
            }
            if let other = byAbbreviation[scalar.value], other != id {
                throw GazetteerError(message: "province-abbreviations.csv: record \(number): \(abbreviation) already names another province")
            }
            byAbbreviation[scalar.value] = id
        }
        var pairs = Set<Pair>()
        var helpers = Set<Int32>()
        for (number, fields) in try Self.rows(pairings, header: Self.pairingHeader, file: "pairings.csv") {
            guard let helperName = fields[0], let helper = province(helperName), let recipientName = fields[1],
                let recipient = province(recipientName), helper != recipient
            else {
                throw GazetteerError(message: "pairings.csv: record \(number): helper and recipient must be two provinces of regions.csv")
            }
            pairs.insert(Pair(helper: helper, recipient: recipient))
            helpers.insert(helper)
        }
        self.init(provinceByAbbreviation: byAbbreviation, pairs: pairs, helpers: helpers)
    }

    /// The records after the header, numbered from 2 as in an editor, each with the header's width.
    private static func rows(_ records: [[String?]], header: [String], file: String) throws(GazetteerError) -> [(Int, [String?])] {
        guard let first = records.first else { return [] }
        guard first.map({ $0 ?? "" }) == header else {
            throw GazetteerError(message: "\(file): expected the header \(header.joined(separator: ","))")
        }
        var rows: [(Int, [String?])] = []
        for (offset, record) in records.enumerated().dropFirst() {
            guard record.count == header.count else {
                throw GazetteerError(message: "\(file): record \(offset + 1): expected \(header.count) fields, found \(record.count)")
            }
            rows.append((offset + 1, record))
        }
        return rows
    }

    /// The province `scalar` abbreviates (粤 → 广东省), if any.
    @inline(__always)
    func province(abbreviatedAs scalar: Unicode.Scalar) -> Int32? {
        abbreviationScalars.contains(scalar.value) ? provinceByAbbreviation[scalar.value] : nil
    }

    /// The abbreviation scalars, in ascending order.
    var abbreviationValues: [UInt32] {
        provinceByAbbreviation.keys.sorted()
    }

    /// Whether `scalar` abbreviates a province (one bit test, no look-up).
    @inline(__always)
    func isAbbreviation(_ scalar: Unicode.Scalar) -> Bool {
        abbreviationScalars.contains(scalar.value)
    }

    /// Whether a programme pairs `helper` (helping) with `recipient` (helped), both province rows.
    func isPair(helper: Int32, recipient: Int32) -> Bool {
        pairs.contains(Pair(helper: helper, recipient: recipient))
    }

    /// Whether `province` helps in at least one pairing (its enterprises, 粤企 and 鲁商, are helpers).
    func isHelper(_ province: Int32) -> Bool {
        helpers.contains(province)
    }

    /// The tables as sorted lists, for a compiled image: (abbreviation scalar, province row)
    /// and (helper, recipient) rows.
    var sortedTables: (abbreviations: [(UInt32, Int32)], pairs: [(Int32, Int32)]) {
        (
            provinceByAbbreviation.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            pairs.map { ($0.helper, $0.recipient) }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        )
    }

    /// The tables from the lists `sortedTables` gives.
    init(abbreviations: [(UInt32, Int32)], pairs: [(Int32, Int32)]) {
        self.init(
            provinceByAbbreviation: Dictionary(abbreviations, uniquingKeysWith: { first, _ in first }),
            pairs: Set(pairs.map { Pair(helper: $0.0, recipient: $0.1) }), helpers: Set(pairs.map(\.0)))
    }

    /// Whether any abbreviation is known (an empty table reads no pairing name).
    var isEmpty: Bool { provinceByAbbreviation.isEmpty }
}
