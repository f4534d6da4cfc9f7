#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SchemaModel
import SourceScanning

/// Memoized column statements.
///
/// Model files repeat the same column lines over and over (`id = Column(Integer, primary_key=True)`,
/// `created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())`),
/// and evaluating one (resolving the annotation, callee and type, reading every argument) was most
/// of model building. The result of a statement depends only on its text, its module (names resolve
/// per module) and the declarative base it is read for; only its source locations differ. So a
/// statement whose text was already evaluated in the same module for the same base reuses that
/// result with the locations that fall inside the statement moved to the new copy.
///
/// Evaluations that depend on more than that are not memoized: those that warned (each copy must
/// warn at its own place), those that consulted tables built so far (`users.c.id` targets) and
/// those that took arguments from an `Annotated[...]` alias (offsets outside the statement). Nor are
/// statements of files with syntax errors, whose trees may hold statements recovered mid-line.
struct StatementMemo {
    struct Key: Hashable {
        var module: Int
        var base: Int
        var sqlModel: Bool
        /// The statement's text: a range of its file's bytes (shared, not copied).
        var bytes: [UInt8]
        var start: Int
        var end: Int
        /// A hash of the text, computed where its end is found: hashing the bytes one by one through
        /// `Hasher` cost more than evaluating the statement.
        var textHash: UInt64

        func hash(into hasher: inout Hasher) {
            hasher.combine(textHash)
            hasher.combine(module)
            hasher.combine(base)
        }

        static func == (a: Key, b: Key) -> Bool {
            guard a.textHash == b.textHash, a.module == b.module, a.base == b.base, a.sqlModel == b.sqlModel,
                a.end - a.start == b.end - b.start
            else { return false }
            return a.bytes.withUnsafeBytes { x in
                b.bytes.withUnsafeBytes { y in
                    memcmp(x.baseAddress! + a.start, y.baseAddress! + b.start, a.end - a.start) == 0
                }
            }
        }
    }

    struct Entry {
        var column: ColumnSpec?
        /// Where the statement that produced it starts, and its length in bytes.
        var start: Int
        var length: Int
    }

    /// What makes two ``BaseInfo``s read columns the same way.
    struct BaseFingerprint: Hashable {
        var schema: String?
        var convention: [String: String]
        var typeMap: [String: [Int]]
        var isSQLModel: Bool

        init(_ base: BaseInfo) {
            schema = base.schema
            convention = base.convention
            typeMap = base.typeMap.mapValues { [$0.0.offset, $0.1.index] }
            isSQLModel = base.isSQLModel
        }

        /// Whether `base`'s fingerprint equals this one, found without building it (building its
        /// dictionaries for every class the sequential pass takes prepared columns for cost more
        /// than the rest of taking them).
        func matches(_ base: BaseInfo) -> Bool {
            guard isSQLModel == base.isSQLModel, schema == base.schema, typeMap.count == base.typeMap.count,
                convention == base.convention
            else { return false }
            // Equal counts and every key of `base` here with the same value: equal dictionaries.
            for (name, value) in base.typeMap {
                guard let mine = typeMap[name], mine.count == 2, mine[0] == value.0.offset, mine[1] == value.1.index else { return false }
            }
            return true
        }
    }

    /// The end (exclusive) of the simple statement starting at `start`: its logical line up to the
    /// newline. Nil when the line is not plainly one statement (a `;`, a triple-quoted string, an
    /// unbalanced bracket), which keeps such statements out of the memo.
    static func statementEnd(in bytes: [UInt8], from start: Int) -> (end: Int, hash: UInt64)? {
        bytes.withUnsafeBufferPointer { b -> (end: Int, hash: UInt64)? in
            let n = b.count
            var k = start
            var depth = 0
            // The hash covers the text up to the newline (keys are compared byte for byte on a hit).
            func hash(upTo end: Int) -> UInt64 { ByteHash.of(b.baseAddress! + start, end - start) }
            while k < n {
                let c = b[k]
                switch c {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth < 0 { return nil }
                case UInt8(ascii: "#"):
                    while k < n, b[k] != 0x0A { k += 1 }
                    continue
                case 0x5C:  // backslash continuation
                    var next = k + 1
                    if next < n, b[next] == 0x0D { next += 1 }
                    guard next < n, b[next] == 0x0A else { return nil }
                    k = next + 1
                    continue
                case 0x22, 0x27:
                    if k + 2 < n, b[k + 1] == c, b[k + 2] == c { return nil }
                    k += 1
                    while k < n, b[k] != c {
                        if b[k] == 0x0A { return nil }
                        if b[k] == 0x5C { k += 1 }
                        k += 1
                    }
                    guard k < n else { return nil }
                case UInt8(ascii: ";"):
                    if depth == 0 { return nil }
                case 0x0A:
                    if depth == 0 { return (k, hash(upTo: k)) }
                default:
                    break
                }
                k += 1
            }
            guard depth == 0 else { return nil }
            return (n, hash(upTo: n))
        }
    }

    /// Moves `column`'s locations that lie inside the statement at `from` (of `length` bytes) in
    /// `file` to the same place in the copy at `to`; others (where a named type or enum is written)
    /// stay.
    static func relocate(_ column: inout ColumnSpec, from: Int, to: Int, length: Int, in file: SourceFile) {
        func move(_ location: inout SourceLocation) {
            guard location.path == file.path, location.line >= 1, location.line <= file.lines.lineStarts.count else { return }
            let offset = file.lines.lineStarts[location.line - 1] + location.column - 1
            guard offset >= from, offset < from + length else { return }
            location = file.location(at: offset - from + to)
        }
        func move(_ item: inout TableItemSpec) {
            switch item {
            case .primaryKey(let columns, let name, var location):
                move(&location)
                item = .primaryKey(columns: columns, name: name, location: location)
            case .unique(let columns, let name, var location):
                move(&location)
                item = .unique(columns: columns, name: name, location: location)
            case .check(let expression, let name, var location):
                move(&location)
                item = .check(expression: expression, name: name, location: location)
            case .foreignKey(var fk):
                move(&fk.location)
                item = .foreignKey(fk)
            case .index(let name, let keys, let unique, let method, let predicate, let include, var location):
                move(&location)
                item = .index(name: name, keys: keys, unique: unique, method: method, predicate: predicate, include: include, location: location)
            }
        }
        move(&column.location)
        for k in column.foreignKeys.indices { move(&column.foreignKeys[k].location) }
        for k in column.checks.indices { move(&column.checks[k]) }
        if var location = column.type.enumType?.provenance.location {
            move(&location)
            column.type.enumType?.provenance.location = location
        }
    }
}

extension ModelBuilder {
    /// A number for the way `base` reads columns (equal fingerprints, equal numbers).
    ///
    /// Bases with no naming convention and no type map (most) are also remembered by schema and
    /// flag alone, which is all their fingerprint holds: building and hashing the fingerprint's
    /// dictionaries for every class body read cost more than the lookup.
    func baseNumber(_ base: BaseInfo) -> Int {
        let plain = base.convention.isEmpty && base.typeMap.isEmpty
        let plainKey = BuilderCache.PlainBaseKey(schema: base.schema, isSQLModel: base.isSQLModel)
        if plain, let known = cache.plainBaseNumbers[plainKey] { return known }
        let fingerprint = StatementMemo.BaseFingerprint(base)
        let number: Int
        if let known = cache.baseNumbers[fingerprint] {
            number = known
        } else {
            number = cache.baseNumbers.count
            cache.baseNumbers[fingerprint] = number
        }
        if plain { cache.plainBaseNumbers[plainKey] = number }
        return number
    }

    /// The column a class-body statement starting at `at` declares, from the memo when the same text
    /// was already evaluated in this module for the same base (see ``StatementMemo``).
    func memoizedColumn(at: Int, module: ModuleID, base: Int, sqlModel: Bool, evaluate: () -> ColumnSpec?) -> ColumnSpec? {
        guard let source = project.module(module), !source.hasSyntaxErrors, case let file = source.file, at >= 0, at < file.bytes.count,
            let (end, textHash) = StatementMemo.statementEnd(in: file.bytes, from: at)
        else { return evaluate() }
        let key = StatementMemo.Key(
            module: module.index, base: base, sqlModel: sqlModel, bytes: file.bytes, start: at, end: end, textHash: textHash)
        if let hit = cache.statementColumns[key] {
            guard var column = hit.column else { return nil }
            if hit.start != at { StatementMemo.relocate(&column, from: hit.start, to: at, length: hit.length, in: file) }
            return column
        }
        let warnings = queue.count
        cache.dependsOnState = false
        let column = evaluate()
        if !cache.dependsOnState, queue.count == warnings {
            cache.statementColumns[key] = StatementMemo.Entry(column: column, start: at, length: end - at)
        }
        return column
    }
}
