/// Comparisons of source text that give what comparing `String`s gives, without making the strings.
extension TSParser {
    /// Whether the text of token `t` is `text` (`text(t) == text`). Equal bytes are equal strings;
    /// when both are ASCII, unequal bytes are unequal strings (no ASCII text is canonically equivalent
    /// to another). Anything else is compared as strings.
    func textEquals(_ t: TSToken, _ text: String) -> Bool {
        if hasText(t, text) { return true }
        if DrizzleEvaluator.isASCII(text) {
            let start = max(0, Int(t.start))
            let end = min(bytes.count, Int(t.end))
            var ascii = true
            if start < end {
                for k in start..<end where bytes[k] >= 0x80 {
                    ascii = false
                    break
                }
            }
            if ascii { return false }
        }
        return self.text(t) == text
    }
}

extension DrizzleEvaluator {
    /// Whether every byte of `text` is ASCII.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

}
