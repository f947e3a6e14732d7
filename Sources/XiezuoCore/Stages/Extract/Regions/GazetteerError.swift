/// The gazetteer's data could not be read: a missing resource, a CSV error, a header that is not
/// the documented one, or a row whose level or name is unusable.
public struct GazetteerError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
