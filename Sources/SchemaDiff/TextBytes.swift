import SchemaModel

/// A line of text built as UTF-8 bytes, then made a `String` once.
///
/// The diff describes every column, constraint, policy and trigger of every source (some 100,000
/// cells at 1,000 tables). `String.append` costs about 340 instructions a call on this toolchain
/// (capacity checks, small-string promotion, slices); copying a piece's bytes into one buffer costs
/// a tenth of that, and the one UTF-8 check at the end is cheap for ASCII text. The buffer is its
/// own allocation rather than an `[UInt8]`: `Array.append(contentsOf:)` spent about 70 instructions
/// a piece on its generic checks before the copy (half a million pieces at 1,000 tables).
/// Not copyable, so the buffer has one owner and is freed once.
struct TextBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Appends the bytes of `text`.
    @inline(__always)
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: $0) }
    }

    /// Appends `bytes`, doubling the buffer when they do not fit.
    @inline(__always)
    mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if count + bytes.count > capacity { grow(toFit: count + bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func grow(toFit needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

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
    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
}
