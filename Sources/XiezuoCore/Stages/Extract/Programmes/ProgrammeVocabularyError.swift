/// The programme vocabulary (Resources/programmes.csv) could not be read.
public struct ProgrammeVocabularyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
