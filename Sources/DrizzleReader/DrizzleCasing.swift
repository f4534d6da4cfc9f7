/// drizzle-orm's `toSnakeCase` / `toCamelCase`, reimplemented: words are runs matching
/// `[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+`, after removing apostrophes.
enum DrizzleCasing {
    static func words(_ input: String) -> [String] {
        let chars = Array(input.unicodeScalars.filter { $0 != "'" && $0 != "\u{2019}" })
        func isLower(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
        func isUpper(_ c: Unicode.Scalar) -> Bool { ("A"..."Z").contains(c) }
        var words: [String] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if isLower(c) {
                var j = i
                while j < chars.count && isLower(chars[j]) { j += 1 }
                words.append(String(String.UnicodeScalarView(chars[i..<j])))
                i = j
            } else if isUpper(c) {
                var j = i
                while j < chars.count && isUpper(chars[j]) { j += 1 }
                // `[A-Z]+(?![a-z])`: back off one capital when a lower-case letter follows.
                var end = j
                if end < chars.count && ("a"..."z").contains(chars[end]) { end -= 1 }
                if end > i {
                    words.append(String(String.UnicodeScalarView(chars[i..<end])))
                    i = end
                } else {
                    // `[A-Z][\da-z]+`
                    var k = i + 1
                    while k < chars.count && isLower(chars[k]) { k += 1 }
                    if k > i + 1 { words.append(String(String.UnicodeScalarView(chars[i..<k]))) }
                    i = k
                }
            } else {
                i += 1
            }
        }
        return words
    }

    static func snakeCase(_ input: String) -> String {
        words(input).map { $0.lowercased() }.joined(separator: "_")
    }

    static func camelCase(_ input: String) -> String {
        var out = ""
        for (index, word) in words(input).enumerated() {
            out += index == 0 ? word.lowercased() : word.prefix(1).uppercased() + word.dropFirst()
        }
        return out
    }
}
