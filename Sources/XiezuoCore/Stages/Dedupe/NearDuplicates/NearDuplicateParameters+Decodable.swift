/// `pipeline.json` keys of the near-duplicate parameters (under whatever key the dedupe config
/// gives them, e.g. `dedupe.near_duplicates`): `shingle_size`, `permutations`, `bands`,
/// `threshold`, each optional with the tuned default; unknown keys are errors. Values are
/// checked afterwards by `problems(at:)`, so that every bad value is reported at once.
extension NearDuplicateParameters: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case shingleSize = "shingle_size"
        case permutations
        case bands
        case threshold
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let defaults = NearDuplicateParameters()
        self.init(
            shingleSize: try container.value(.shingleSize, default: defaults.shingleSize),
            permutations: try container.value(.permutations, default: defaults.permutations),
            bands: try container.value(.bands, default: defaults.bands),
            threshold: try container.value(.threshold, default: defaults.threshold)
        )
    }
}
