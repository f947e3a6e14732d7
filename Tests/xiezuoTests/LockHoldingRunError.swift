/// The lock-holding run could not be set up; the test cannot go on.
struct LockHoldingRunError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
