import Foundation

/// Scores predicted facts against gold with the rule of EXTRACTION.md: a prediction matches
/// a gold fact of the same source and table whose value is within 0.5%; each gold fact is
/// matched once; unmatched predictions are false positives unless they match an optional
/// gold fact. Category, qualifier, year and region are scored on the matched pairs.
struct GoldScorer {
    struct Prediction {
        var source: String
        var table: String
        var category: String
        var value: Double
        var qualifier: String
        var year: Int?
        var region: String?
        var text: String
    }

    struct TableScore: CustomStringConvertible {
        var table: String
        var predictions = 0
        var falsePositives: [String] = []
        var required = 0
        var requiredFound = 0
        var missed: [String] = []
        var matched = 0
        var categoryRight = 0
        var qualifierRight = 0
        var yearRight = 0
        var regionRight = 0

        var precision: Double { predictions == 0 ? 1 : Double(predictions - falsePositives.count) / Double(predictions) }
        var recall: Double { required == 0 ? 1 : Double(requiredFound) / Double(required) }
        func share(_ count: Int) -> Double { matched == 0 ? 1 : Double(count) / Double(matched) }

        var description: String {
            String(
                format: "%@: precision %.3f (%d/%d), required recall %.3f (%d/%d), category %.3f, qualifier %.3f, year %.3f, region %.3f",
                table, precision, predictions - falsePositives.count, predictions, recall, requiredFound, required,
                share(categoryRight), share(qualifierRight), share(yearRight), share(regionRight)
            )
        }
    }

    let gold: [GoldFact]

    func score(_ predictions: [Prediction]) -> [String: TableScore] {
        var scores: [String: TableScore] = [:]
        for table in ["investments", "jobs", "projects"] { scores[table] = TableScore(table: table) }
        var used = Set<Int>()
        for prediction in predictions {
            scores[prediction.table, default: TableScore(table: prediction.table)].predictions += 1
            // Prefer a required gold fact of the same category, then any candidate.
            let candidates = gold.indices.filter { index in
                let fact = gold[index]
                return !used.contains(index) && fact.source == prediction.source && fact.table == prediction.table
                    && abs(prediction.value - fact.value) <= 0.005 * abs(fact.value)
            }
            let ranked = candidates.sorted { left, right in
                let l = (gold[left].category == prediction.category ? 0 : 1, gold[left].required ? 0 : 1, left)
                let r = (gold[right].category == prediction.category ? 0 : 1, gold[right].required ? 0 : 1, right)
                return l < r
            }
            guard let index = ranked.first else {
                scores[prediction.table]?.falsePositives.append("\(prediction.source) \(prediction.category) \(prediction.text)")
                continue
            }
            used.insert(index)
            let fact = gold[index]
            scores[prediction.table]?.matched += 1
            if fact.category == prediction.category { scores[prediction.table]?.categoryRight += 1 }
            if fact.qualifier == prediction.qualifier { scores[prediction.table]?.qualifierRight += 1 }
            if fact.year == prediction.year { scores[prediction.table]?.yearRight += 1 }
            if Self.sameRegion(fact.region, prediction.region) { scores[prediction.table]?.regionRight += 1 }
        }
        for (index, fact) in gold.enumerated() where fact.required {
            scores[fact.table, default: TableScore(table: fact.table)].required += 1
            if used.contains(index) {
                scores[fact.table]?.requiredFound += 1
            } else {
                scores[fact.table]?.missed.append("\(fact.source) \(fact.category) \(fact.text)")
            }
        }
        return scores
    }

    /// Regions agree when equal, or when one is the other with an administrative suffix
    /// (广州 ~ 广州市, 富川 ~ 富川瑶族自治县): the gold writes places as the article does.
    static func sameRegion(_ gold: String?, _ predicted: String?) -> Bool {
        guard let gold, let predicted else { return gold == nil && predicted == nil }
        return gold == predicted || predicted.hasPrefix(gold) || gold.hasPrefix(predicted)
    }
}
