import Foundation

/// A file xiezuo writes could not be opened as a plain file of its own (`PlainFile`).
public struct PlainFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        case symbolicLink
        /// Another name of the same file exists elsewhere.
        case hardLinked
        /// A directory, a named pipe, a socket or a device, as a phrase ("a named pipe").
        case notRegular(String)
        /// Something is already there where a new file was to be created.
        case exists
        /// The system call failed: its name and `errno`.
        case system(call: String, code: Int32)
    }

    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        if case .system = problem { return "\(path): \(reason)" }
        return "\(path) \(reason)"
    }

    /// What is wrong, without the path: "is a symbolic link; …", "open failed: …".
    public var reason: String {
        switch problem {
        case .symbolicLink:
            return "is a symbolic link; xiezuo never writes through a link (one planted there could make it "
                + "overwrite another file): remove the link"
        case .hardLinked:
            return "has other hard links; xiezuo writes only to a file of its own: remove it"
        case .notRegular(let kind):
            return "is \(kind), not a regular file: remove it"
        case .exists:
            return "already exists"
        case .system(let call, let code):
            return "\(call) failed: \(SystemCallError.message(for: code))"
        }
    }
}
