/// How a table's value is written as a CSV field.
extension TableValue {
    var csvField: CSVField {
        switch self {
        case .text(let value): return .text(value)
        case .integer(let value): return .number(value)
        case .date(let value): return .text(value?.description)
        case .decimal(let value): return .number(value)
        }
    }
}
