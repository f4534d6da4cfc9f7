import SchemaModel

/// One source as the table comparison sees it.
struct SourceView {
    let label: String
    let kind: SourceKind
    /// Kinds the whole source cannot state.
    let notStated: Set<ObjectKind>
}

/// Compares one table across all sources: builds the side-by-side rows and, when the reference has
/// the table, the findings of every other source against it.
///
/// Rows are anchored on the first source that has the table (the reference when it has it); every
/// other source is matched against the anchor, so its objects land in the anchor's rows and what is
/// left becomes rows of its own.
struct TableDiffer {
    let name: QualifiedName
    let sources: [SourceView]
    let tables: [Table?]
    /// Canonical expressions shared by every table of one comparison.
    let cache: CanonicalCache
    /// ``DiffOptions/describesCells``.
    let describesCells: Bool
    /// ``DiffOptions/reportClientDefaults``.
    let reportsClientDefaults: Bool
    /// `schema.table`, built once: every row and finding key starts with it.
    let tableKey: String

    var rows: [ComparisonRow] = []
    var findings: [Finding] = []

    init(
        name: QualifiedName, sources: [SourceView], tables: [Table?], cache: CanonicalCache, reportClientDefaults: Bool = false,
        describesCells: Bool = true
    ) {
        self.reportsClientDefaults = reportClientDefaults
        self.describesCells = describesCells
        self.tableKey = name.description
        self.unstated = sources.indices.map { i in
            Self.bits(sources[i].notStated) | Self.bits(tables[i]?.notStated ?? [])
        }
        self.present = tables.map { $0 != nil }
        self.name = name
        self.sources = sources
        self.tables = tables
        self.cache = cache
    }

    /// Per source: the kinds neither the source nor its table states, as bits of ``kindBit(_:)``.
    /// Computed once: looking the sets up through `tables[i]?` copied the whole table on every call.
    let unstated: [UInt64]
    /// Per source: whether it has the table. Testing `tables[i] == nil` copied the optional table.
    let present: [Bool]

    static func kindBit(_ kind: ObjectKind) -> UInt64 { 1 << UInt64(min(kind.ordinal, 63)) }

    static func bits(_ kinds: Set<ObjectKind>) -> UInt64 { kinds.reduce(0) { $0 | kindBit($1) } }

    /// Whether source `i` can state `kind` for this table.
    func states(_ kind: ObjectKind, _ i: Int) -> Bool { unstated[i] & Self.kindBit(kind) == 0 }

    /// The source that stands in as reference for `kind`: the reference itself when it can state the
    /// kind, else the first other source that can. Drizzle cannot declare triggers, so in a
    /// Drizzle + SQLAlchemy + database comparison the triggers SQLAlchemy declares are still checked
    /// against the database instead of nobody checking them.
    func standInReference(for kind: ObjectKind) -> Int {
        if !sources[0].notStated.contains(kind) { return 0 }
        return sources.indices.first { !sources[$0].notStated.contains(kind) } ?? 0
    }

    func context(_ j: Int, reference: Int = 0) -> PairContext {
        PairContext(referenceLabel: sources[reference].label, comparedLabel: sources[j].label, comparedKind: sources[j].kind, comparedIndex: j, table: name)
    }

    mutating func run() -> TableComparison {
        guard let anchor = present.firstIndex(of: true) else {
            return TableComparison(name: name, presentIn: present, rows: [])
        }
        tableExistence()
        compareColumns(anchor: anchor)
        comparePrimaryKeys(anchor: anchor)
        compareUniquesAndIndexes(anchor: anchor)
        compareForeignKeys(anchor: anchor)
        compareChecks(anchor: anchor)
        compareRowLevelSecurity(anchor: anchor)
        comparePolicies(anchor: anchor)
        let triggerReference = standInReference(for: .trigger)
        if tables[0] != nil || triggerReference == 0 {
            compareTriggers(anchor: tables[triggerReference] == nil ? anchor : triggerReference, reference: triggerReference)
        } else {
            compareTriggers(anchor: anchor, reference: 0)
        }
        if reportsClientDefaults { reportClientDefaults() }
        return TableComparison(name: name, presentIn: present, rows: rows)
    }

    // MARK: table

    private mutating func tableExistence() {
        for j in sources.indices.dropFirst() where states(.table, 0) && states(.table, j) {
            let ctx = context(j)
            switch (tables[0], tables[j]) {
            case let (ref?, nil):
                // A model that does not map a table the service never uses is not broken; a database
                // without the table is.
                findings.append(ctx.make(
                    .tableMissing, key: tableKey, severity: ctx.isDatabase ? .error : .warning,
                    message: "table '\(tableKey)' is missing in \(ctx.cmp)",
                    expected: tableKey, referenceAt: ref.provenance.location, comparedAt: nil,
                    hint: ctx.isDatabase
                        ? "create it with a migration from \(ctx.ref), or drop it from \(ctx.ref)"
                        : "declare table '\(tableKey)' in \(ctx.cmp), or ignore it if \(ctx.cmp) does not use it"))
            case let (nil, other?):
                findings.append(ctx.make(
                    .tableExtra, key: tableKey, message: "table '\(tableKey)' exists in \(ctx.cmp) but not in \(ctx.ref)",
                    actual: tableKey, referenceAt: nil, comparedAt: other.provenance.location,
                    hint: ctx.isDatabase
                        ? "declare it in \(ctx.ref), drop it with `DROP TABLE \(Describe.sql(name))`, or ignore '\(tableKey)'"
                        : "declare it in \(ctx.ref), or remove it from \(ctx.cmp)"))
            default:
                break
            }
        }
    }

    // MARK: rows

    /// Cells for a new row: absent where the table is absent, not stated where the kind cannot be.
    func emptyCells(_ kind: ObjectKind) -> [ComparisonCell] {
        let bit = Self.kindBit(kind)
        return present.indices.map { i in present[i] && unstated[i] & bit != 0 ? .notStated : .absent }
    }

    /// A present cell, described only when the report shows matrices.
    func cell(_ text: @autoclosure () -> String) -> ComparisonCell { .present(describesCells ? text() : "") }

    @discardableResult
    mutating func addRow(kind: ObjectKind, name: String, source: Int, text: @autoclosure () -> String) -> Int {
        var cells = emptyCells(kind)
        cells[source] = cell(text())
        rows.append(ComparisonRow(kind: kind, name: name, objectKey: TextBytes.dotted(tableKey, name), cells: cells, matches: true))
        return rows.count - 1
    }

    /// Matches the anchor's objects of one kind with every other source's and fills rows; for pairs
    /// with the reference (or the kind's stand-in reference), asks `compare`, `missing` and `extra`
    /// for findings, keeping only findings about kinds both sides can state.
    mutating func section<T>(
        anchor: Int, reference: Int = 0, list: (Table) -> [T], kind: (T) -> ObjectKind, display: (T) -> String,
        describe: (T) -> String, match: ([T], [T]) -> ObjectMatcher.Result,
        compare: (T, T, ObjectMatcher.Tier, PairContext, String) -> [Finding],
        missing: (T, PairContext, String, Table) -> Finding?, extra: (T, PairContext, String, Table) -> Finding?
    ) {
        guard let anchorTable = tables[anchor] else { return }
        let anchorObjects = list(anchorTable)
        let anchorRows = anchorObjects.map { addRow(kind: kind($0), name: display($0), source: anchor, text: describe($0)) }
        for j in sources.indices where j != anchor {
            guard let other = tables[j] else { continue }
            let objects = list(other)
            let result = match(anchorObjects, objects)
            let withReference = anchor == reference
            let ctx = context(j, reference: reference)
            var produced: [Finding] = []
            for pair in result.pairs {
                rows[anchorRows[pair.left]].cells[j] = cell(describe(objects[pair.right]))
                if withReference {
                    produced += compare(anchorObjects[pair.left], objects[pair.right], pair.tier, ctx, rows[anchorRows[pair.left]].objectKey)
                }
            }
            for i in result.leftOnly where withReference {
                if let f = missing(anchorObjects[i], ctx, rows[anchorRows[i]].objectKey, other) { produced.append(f) }
            }
            for i in result.rightOnly {
                let row = addRow(kind: kind(objects[i]), name: display(objects[i]), source: j, text: describe(objects[i]))
                if withReference, let f = extra(objects[i], ctx, rows[row].objectKey, other) { produced.append(f) }
            }
            findings += produced.filter { f in
                guard let k = f.objectKind else { return true }
                return states(k, reference) && states(k, j)
            }
        }
    }
}
