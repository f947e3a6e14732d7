/// The measure word after a counted figure. The raw value is the simplified spelling;
/// traditional spellings (個, 項, 場…) are read as the same case so that the extractor has one
/// vocabulary whatever the script.
public enum Classifier: String, Sendable, CaseIterable {
    case 人, 名, 位, 人次
    case 个, 份, 项, 类, 批, 座, 所, 期
    case 家, 家次, 户, 户次
    case 场, 场次, 次, 届
    case 对
}
