/// Where something is in a JSON text: 1-based line and column, the column counted in
/// characters (Unicode scalars) as an editor shows it.
public struct JSONTextPosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}
