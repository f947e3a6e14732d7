import Foundation

/// How near duplicates are found: shingle size, sketch size, LSH banding and the Jaccard
/// threshold of the exact re-check.
///
/// The defaults — 5-character shingles, 128 min-hash values in 32 bands of 4 rows, threshold
/// 0.5 — were tuned on the generated data of `NearDuplicateAccuracyTests` (real seed articles
/// with swapped boilerplate, a dropped sentence, reordered paragraphs and changed characters
/// as positives; other articles and recombined stock phrases of the programmes as negatives):
/// TUNING
public struct NearDuplicateParameters: Sendable, Equatable {
    /// Characters per shingle, counted over the normalised text (no whitespace, punctuation
    /// or symbols).
    public var shingleSize: Int
    /// Min-hash values per article (`MinHashSignature`); must be a multiple of `bands`.
    public var permutations: Int
    /// LSH bands; each hashes `rows = permutations / bands` values into one bucket key.
    public var bands: Int
    /// Exact Jaccard similarity of the shingle sets at or above which two articles are the
    /// same story.
    public var threshold: Double

    public init(shingleSize: Int = 5, permutations: Int = 128, bands: Int = 32, threshold: Double = 0.5) {
        self.shingleSize = shingleSize
        self.permutations = permutations
        self.bands = bands
        self.threshold = threshold
    }

    /// Values per band.
    public var rows: Int { bands > 0 ? permutations / bands : 0 }

    /// The probability that two articles of Jaccard similarity `similarity` share a bucket in
    /// at least one band: 1 − (1 − s^rows)^bands.
    public func candidateProbability(similarity: Double) -> Double {
        let rows = Double(self.rows)
        return 1 - pow(1 - pow(similarity, rows), Double(bands))
    }

    /// Where the S-curve is steepest, (1/bands)^(1/rows): the usual estimate of the similarity
    /// above which pairs become candidates.
    public var curveThreshold: Double {
        pow(1 / Double(bands), 1 / Double(rows))
    }

    /// Upper bounds that keep a run's cost sane; nothing in the algorithm needs more.
    static let maxShingleSize = 64
    static let maxPermutations = 1024

    /// Every problem with these values, located under `path` (e.g. `dedupe.near_duplicates`).
    public func problems(at path: String) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        func report(_ key: String, _ message: String) {
            problems.append(ConfigProblem(path: path.isEmpty ? key : "\(path).\(key)", message: message))
        }
        if !(1...Self.maxShingleSize).contains(shingleSize) {
            report("shingle_size", "must be between 1 and \(Self.maxShingleSize) characters, e.g. 5")
        }
        let permutationsValid = (1...Self.maxPermutations).contains(permutations)
        if !permutationsValid {
            report("permutations", "must be between 1 and \(Self.maxPermutations), e.g. 128")
        }
        if bands < 1 {
            report("bands", "must be at least 1, e.g. 32")
        } else if permutationsValid && (bands > permutations || permutations % bands != 0) {
            let divisors = (1...permutations).filter { permutations % $0 == 0 }
            let near = divisors.min { abs($0 - bands) < abs($1 - bands) } ?? 1
            report(
                "bands",
                "must divide permutations (\(permutations)) evenly; \(bands) does not, e.g. \(near)"
            )
        }
        if !(threshold.isFinite && threshold > 0 && threshold <= 1) {
            report("threshold", "must be a Jaccard similarity above 0 and at most 1, e.g. 0.5")
        }
        return problems
    }
}
