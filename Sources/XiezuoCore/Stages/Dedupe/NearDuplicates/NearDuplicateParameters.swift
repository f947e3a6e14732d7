import Foundation

/// How near duplicates are found: shingle size, sketch size, LSH banding and the Jaccard
/// threshold of the exact re-check.
///
/// The defaults — 5-character shingles, 192 min-hash values in 48 bands of 4 rows, threshold
/// 0.5 — were tuned on the generated data of `DedupeNearDuplicateAccuracyTests`: 633
/// documents, namely the 9 real seed articles and 60 stock-phrase stories each published 7
/// times (as first published, under other site boilerplate, with a sentence dropped,
/// paragraphs reordered, 1–6 characters changed, another layout, all of these at once) and
/// 150 stories published once; 1,449 pairs of copies, 198,579 pairs of different stories.
/// The numbers come from `DedupeNearDuplicateBenchmarkTests`:
///
/// - Shingle size 5. Copies keep most of their 5-grams; different stories share few: the
///   real seed articles at most 0.8 % (Jaccard 0.008), stock-phrase stories 2 % (median) and
///   at most 0.23 for sibling stories written from the same sentence pattern with other
///   places and figures. The lowest 1 % of copy pairs stay above 0.46. Shorter shingles raise
///   the negatives more than the positives (4: closest negative 0.25, 3: 0.28); longer ones
///   lower both and cost `shingleSize` shingles per changed character. Five characters also
///   cover a whole stock phrase (东西部协作), so a shared phrase counts once rather than as
///   several overlapping shingles.
/// - Threshold 0.5. Copies start around 0.4 (the shortest stories under the heaviest
///   generated boilerplate, which clean mostly strips; the median copy pair is at 0.77), other
///   stories end at 0.23. Between 0.3 and 0.6 precision is 1.0 on this data; recall of
///   confirmed pairs falls from 0.997 (0.4) over 0.972 (0.5) to 0.893 (0.6), and in clusters,
///   where a copy also joins its story through the other copies, from 1.0 over 0.996 to
///   0.957. 0.5 keeps twice the closest negative's similarity as margin for series of reports
///   more alike than the generated siblings; a lower threshold buys little recall for that.
/// - 192 permutations, 48 bands, rows 4. A pair becomes a candidate with probability
///   1 − (1 − s⁴)⁴⁸ (`candidateProbability`): 0.955 at the threshold 0.5, 0.998 at 0.6, 0.71
///   at 0.4; the S-curve is steepest at (1/48)^(1/4) ≈ 0.38 (`curveThreshold`), below the
///   threshold, so that LSH rarely loses a pair the exact check would confirm. Unrelated
///   articles (s ≈ 0.01–0.05) become candidates with probability 5·10⁻⁷–3·10⁻⁴, so candidate
///   pairs grow with the number of copies, not with the square of the corpus. With 128 values
///   in 32 bands the threshold would sit on the steep part of the curve (0.87 at 0.5); three
///   rows (40 bands of 120 values) let 8 times more pairs at s = 0.1 through (0.039 against
///   0.0048); five rows need about 100 bands to reach 0.95 at 0.5. The sketch costs a few
///   hashes per shingle whatever its size (`MinHashSignature`), so 192 values cost little more
///   than 128; each band adds about 19 bytes per article to the index.
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

    public init(shingleSize: Int = 5, permutations: Int = 192, bands: Int = 48, threshold: Double = 0.5) {
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

    /// Whether `problems(at:)` finds nothing; cheap enough to check per article.
    var isValid: Bool {
        (1...Self.maxShingleSize).contains(shingleSize) && (1...Self.maxPermutations).contains(permutations)
            && bands >= 1 && bands <= permutations && permutations % bands == 0 && threshold.isFinite
            && threshold > 0 && threshold <= 1
    }

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
