/// A JSON text is not JSON (RFC 8259), at `position`: what is wrong there and what to write.
struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    var position: JSONTextPosition
    var message: String

    var description: String { "\(position): \(message)" }
}
