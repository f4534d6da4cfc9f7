/// The rows of a query result in one flat array, row after row, every value as PostgreSQL's text
/// output (`nil` for NULL).
///
/// The catalog results of a large schema have hundreds of thousands of rows: one array for all of
/// them, instead of one per row, took a fifth off turning a result into Swift values.
struct QueryRows: RandomAccessCollection, Sendable {
    private var values: [String?]
    /// Values per row.
    let width: Int

    init(width: Int, values: [String?]) {
        precondition(width > 0 || values.isEmpty, "values without a row width")
        self.width = width
        self.values = values
    }

    /// No rows.
    init() { self.init(width: 0, values: []) }

    var startIndex: Int { 0 }
    var endIndex: Int { width == 0 ? 0 : values.count / width }

    subscript(row: Int) -> QueryRow { QueryRow(values: values, start: row * width, width: width) }

    /// Appends the rows of a result of the same query.
    static func += (lhs: inout QueryRows, rhs: QueryRows) {
        if rhs.isEmpty { return }
        if lhs.isEmpty { lhs = rhs; return }
        precondition(lhs.width == rhs.width, "rows of different queries")
        lhs.values += rhs.values
    }
}

/// One row of ``QueryRows``; a value past the row's end reads as NULL.
struct QueryRow {
    fileprivate let values: [String?]
    fileprivate let start: Int
    let width: Int

    subscript(column: Int) -> String? { column >= 0 && column < width ? values[start + column] : nil }
}
