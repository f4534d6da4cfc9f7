/// A position in a source file: repository-relative path, 1-based line and column.
public struct SourceLocation: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    /// Path as the user gave it or relative to the repository root; never made absolute.
    public var path: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in UTF-8 bytes (what editors and `path:line:col` tools expect for ASCII).
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, the form editors and CI annotations understand.
    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
