import Foundation

@testable import XiezuoCore

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
        var partnerRegion: String? = nil
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
        /// Matched facts whose gold is required, and how many of them have the right year,
        /// region and partner (partner only where the gold file has the field).
        var matchedRequired = 0
        var requiredYearRight = 0
        var requiredRegionRight = 0
        var requiredPartnerScored = 0
        var requiredPartnerRight = 0
        /// Matched facts with a filled year that differs from the gold's.
        var wrongYears = 0
        var mistakes: [String] = []

        var precision: Double { predictions == 0 ? 1 : Double(predictions - falsePositives.count) / Double(predictions) }
        var recall: Double { required == 0 ? 1 : Double(requiredFound) / Double(required) }
        func share(_ count: Int) -> Double { matched == 0 ? 1 : Double(count) / Double(matched) }
        func requiredShare(_ count: Int) -> Double { matchedRequired == 0 ? 1 : Double(count) / Double(matchedRequired) }
        var partnerShare: Double {
            requiredPartnerScored == 0 ? 1 : Double(requiredPartnerRight) / Double(requiredPartnerScored)
        }
        var wrongYearShare: Double { matched == 0 ? 0 : Double(wrongYears) / Double(matched) }
        /// The harmonic mean of precision and required recall.
        var valueF1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        var attribution: String {
            String(
                format: "%@: value F1 %.3f; matched required %d: year %.3f, region %.3f, partner %.3f; wrong years %.3f (%d of %d matched)",
                table, valueF1, matchedRequired, requiredShare(requiredYearRight), requiredShare(requiredRegionRight), partnerShare,
                wrongYearShare, wrongYears, matched
            )
        }

        var description: String {
            String(
                format: "%@: precision %.3f (%d/%d), required recall %.3f (%d/%d), category %.3f, qualifier %.3f, year %.3f, region %.3f",
                table, precision, predictions - falsePositives.count, predictions, recall, requiredFound, required,
                share(categoryRight), share(qualifierRight), share(yearRight), share(regionRight)
            )
        }
    }

    let gold: [GoldFact]
    var gazetteer: Gazetteer? = try? TestResources.gazetteer()

    init(gold: [GoldFact]) {
        self.gold = gold
    }

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
            let yearRight = fact.year == prediction.year
            let regionRight = sameRegion(fact.region, prediction.region)
            if yearRight { scores[prediction.table]?.yearRight += 1 }
            if regionRight { scores[prediction.table]?.regionRight += 1 }
            if prediction.year != nil, !yearRight { scores[prediction.table]?.wrongYears += 1 }
            let label = "\(prediction.source) \(prediction.text)"
            if !yearRight {
                scores[prediction.table]?.mistakes.append("year \(label): gold \(fact.year.map(String.init) ?? "-"), got \(prediction.year.map(String.init) ?? "-")")
            }
            if !regionRight {
                scores[prediction.table]?.mistakes.append("region \(label): gold \(fact.region ?? "-"), got \(prediction.region ?? "-")")
            }
            guard fact.required else { continue }
            scores[prediction.table]?.matchedRequired += 1
            if yearRight { scores[prediction.table]?.requiredYearRight += 1 }
            if regionRight { scores[prediction.table]?.requiredRegionRight += 1 }
            if fact.scoresPartner {
                scores[prediction.table]?.requiredPartnerScored += 1
                if sameRegion(fact.partnerRegion, prediction.partnerRegion) {
                    scores[prediction.table]?.requiredPartnerRight += 1
                } else {
                    scores[prediction.table]?.mistakes.append(
                        "partner \(label): gold \(fact.partnerRegion ?? "-"), got \(prediction.partnerRegion ?? "-")")
                }
            }
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

    /// Regions agree when they name the same division: equal, one is the other with an
    /// administrative suffix (广州 ~ 广州市, 富川 ~ 富川瑶族自治县), or the gazetteer reads both as
    /// one place (三都县 ~ 三都水族自治县): the seeds' gold writes places as the article does.
    func sameRegion(_ gold: String?, _ predicted: String?) -> Bool {
        guard let gold, let predicted else { return gold == nil && predicted == nil }
        if gold == predicted || predicted.hasPrefix(gold) || gold.hasPrefix(predicted) { return true }
        guard let gazetteer else { return false }
        let goldPlaces = Set(gazetteer.places(named: Array(gold.unicodeScalars)[...]))
        return !goldPlaces.isDisjoint(with: gazetteer.places(named: Array(predicted.unicodeScalars)[...]))
    }
}
