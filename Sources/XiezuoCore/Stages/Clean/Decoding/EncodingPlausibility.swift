/// How much a decoding reads like Chinese text: the share of its non-ASCII scalars that are
/// common characters (`CommonHanTable`) or common CJK punctuation, less four times the share
/// of invalid sequences. On the seeds, a right decoding of either script scores 0.995 to 1;
/// wrong ones score 0.5 or less: Big5 bytes read as GB18030 0.14 to 0.28, GB18030 bytes read
/// as Big5 about 0.49, UTF-8 bytes read as GB18030 under 0.1. GB18030 decodes almost any byte
/// string without error, so only the characters it yields give a wrong reading away.
///
/// The character share is measured on the first `sampleSize` non-ASCII scalars: a few
/// thousand characters settle the question, and a long page then costs no more to judge than
/// a short one. Invalid sequences are counted over the whole text.
enum EncodingPlausibility {
    static let sampleSize = 4096

    /// An invalid sequence outweighs a plausible character: a decoding that needs
    /// replacements to get through is less likely right than one that needs none.
    private static let invalidWeight = 4

    static func score(_ attempt: DecodingAttempt) -> Double {
        score(attempt.scalars, invalid: attempt.invalid, nonASCII: attempt.nonASCII)
    }

    /// `nonASCII` is the number of non-ASCII scalars in the whole text, when known.
    static func score(_ scalars: [Unicode.Scalar], invalid: Int, nonASCII: Int? = nil) -> Double {
        let table = CommonHanTable.shared
        var sampled = 0
        var plausible = 0
        var index = 0
        while index < scalars.count, sampled < sampleSize {
            let scalar = scalars[index]
            index += 1
            guard scalar.value >= 0x80 else { continue }
            sampled += 1
            if isCommonPunctuation(scalar) || table.contains(scalar) { plausible += 1 }
        }
        let total = nonASCII ?? (sampled < sampleSize ? sampled : scalars.count { $0.value >= 0x80 })
        guard sampled > 0, total > 0 else { return invalid > 0 ? -1 : 0 }
        return Double(plausible) / Double(sampled) - Double(invalidWeight * invalid) / Double(total)
    }

    /// Punctuation shared by Simplified and Traditional text: the CJK symbols block (、。《》「」),
    /// the full-width forms (，：；！？（）), dashes, curly quotes, the ellipsis and the middle dot.
    private static func isCommonPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0xFF01...0xFF5E, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7: true
        default: false
        }
    }
}
