/// What clean's line rules read: a line's scalars, zero-based. In the stage that is a view into
/// the source's one buffer of lines (`SourceLines`), so no line is ever copied to be read;
/// patterns, titles and tests hand in arrays.
///
/// The rules index lines from 0 to `count`, so only zero-based storage conforms (never a slice).
protocol ScalarLine: RandomAccessCollection<Unicode.Scalar> where Index == Int {}

extension Array: ScalarLine where Element == Unicode.Scalar {}
extension UnsafeBufferPointer: ScalarLine where Element == Unicode.Scalar {}
