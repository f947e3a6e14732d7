/// What a figure counts.
public enum FigureUnit: Sendable, Equatable {
    /// Money, always in yuan whatever multiplier the text used (万元, 亿元, 千万元…).
    case yuan
    /// People or things, counted with the classifier the text used.
    case counted(Classifier)
}
