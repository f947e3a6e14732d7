/// The pipeline's stages, in the order data flows through them.
public enum StageName: String, Sendable, CaseIterable, Codable {
    case fetch, clean, dedupe, extract, aggregate
}
