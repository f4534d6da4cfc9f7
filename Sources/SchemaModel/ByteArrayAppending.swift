extension Array where Element == UInt8 {
    /// Appends the UTF-8 of `text` in one copy. `append(contentsOf: text.utf8)` goes byte by byte
    /// through the generic sequence path, and for the short strings Swift stores inline (most names)
    /// that cost several times the copy. Readers, the diff and the reports build text this way.
    @inline(__always)
    public mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
