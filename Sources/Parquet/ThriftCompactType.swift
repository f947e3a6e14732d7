/// The 4-bit type ids of the Thrift Compact Protocol (thrift doc/specs/thrift-compact-protocol.md,
/// "Struct encoding"). Booleans have two ids because a bool field carries its value in the
/// field header's type nibble instead of a separate byte.
enum ThriftCompactType: UInt8 {
    case booleanTrue = 1
    case booleanFalse = 2
    case byte = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case `struct` = 12
}
