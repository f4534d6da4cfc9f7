import SchemaModel

/// A line of text built as UTF-8 bytes, then made a `String` once.
///
/// The diff describes every column, constraint, policy and trigger of every source (some 100,000
/// cells at 1,000 tables). `String.append` costs about 340 instructions a call on this toolchain
/// (capacity checks, small-string promotion, slices); copying a piece's bytes into one array costs
/// a tenth of that, and the one UTF-8 check at the end is cheap for ASCII text.
struct TextBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends the bytes of `text`.
    @inline(__always)
    mutating func add(_ text: String) { bytes.appendUTF8(text) }

    /// Appends `items` separated by `", "`: `a, b`.
    mutating func addJoined(_ items: [String]) {
        for i in items.indices {
            if i > 0 { add(", ") }
            add(items[i])
        }
    }

    /// Appends `items` separated by `", "`, in parentheses: `(a, b)`.
    mutating func addList(_ items: [String]) {
        add("(")
        addJoined(items)
        add(")")
    }

    /// `owner.name`: a row or finding key. Built in one allocation; `+` made two for every row.
    static func dotted(_ owner: String, _ name: String) -> String {
        var owner = owner, name = name
        let count = owner.utf8.count + 1 + name.utf8.count
        // Written straight into the string's storage: the exact length is known.
        return owner.withUTF8 { first in
            name.withUTF8 { second in
                String(unsafeUninitializedCapacity: count) { buffer in
                    _ = buffer.initialize(fromContentsOf: first)
                    buffer[first.count] = UInt8(ascii: ".")
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[(first.count + 1)...]).initialize(fromContentsOf: second)
                    return count
                }
            }
        }
    }

    /// The text built so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
