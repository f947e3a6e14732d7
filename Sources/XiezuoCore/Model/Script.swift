/// The script an article was written in (`documents.script`).
public enum Script: String, Sendable, Codable {
    case hans
    case hant
}
