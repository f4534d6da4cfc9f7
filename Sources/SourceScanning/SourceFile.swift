import SchemaModel

/// A source file's bytes with its display path and line table.
public struct SourceFile: Sendable {
    /// The path shown in diagnostics and locations (relative as given, never made absolute).
    public let path: String
    public let bytes: [UInt8]
    public let lines: LineTable

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lines = LineTable(bytes: bytes)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The location of a byte offset in this file.
    public func location(at offset: Int) -> SourceLocation {
        let (line, column) = lines.position(of: offset)
        return SourceLocation(path: path, line: line, column: column)
    }

    /// The text of a byte range, decoded as UTF-8 (invalid bytes repaired).
    public func text(_ range: Range<Int>) -> String {
        let clamped = max(0, range.lowerBound)..<min(bytes.count, range.upperBound)
        return String(decoding: bytes[clamped], as: UTF8.self)
    }
}
