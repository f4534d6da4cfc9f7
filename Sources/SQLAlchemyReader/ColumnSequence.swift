/// `Sequence(...)` given to a column, and `Sequence(...).next_value()` as a server default.
///
/// SQLAlchemy creates such a sequence itself (`CREATE SEQUENCE`) and leaves the column a plain
/// INTEGER or BIGINT: no SERIAL and no default, as it calls `nextval` in each INSERT. Only
/// `optional=True` keeps PostgreSQL's SERIAL and creates no sequence; `server_default=seq.next_value()`
/// puts `nextval` into the column's default.
struct SequenceSpec: Sendable, Hashable {
    var name: String
    /// The schema `schema=` names; nil for the default one (a sequence does not follow its table's).
    var schema: String?
    var optional: Bool

    /// The name as PostgreSQL shows it in a default: qualified outside `public`.
    var qualifiedName: String { schema.map { $0 == "public" ? name : $0 + "." + name } ?? name }
}

extension ModelBuilder {
    /// The sequence `expr` is: a `Sequence("name", ...)` call or a module-level name bound to one.
    func sequenceSpec(_ expr: PyExpr, in module: ModuleID, depth: Int = 0) -> SequenceSpec? {
        guard depth < 8 else { return nil }
        switch expr {
        case .call(let callee, let args, _):
            guard resolver.resolve(callee, in: module).externalName == "Sequence" else { return nil }
            return sequenceSpec(arguments: args)
        case .name, .attribute:
            guard case .value(let value, let valueModule) = resolver.resolve(expr, in: module) else { return nil }
            return sequenceSpec(value, in: valueModule, depth: depth + 1)
        default:
            return nil
        }
    }

    /// The ``SequenceSpec`` of `Sequence(...)`'s arguments; nil without a literal name.
    func sequenceSpec(arguments args: [PyArg]) -> SequenceSpec? {
        let nameArg = args.first { $0.keyword == "name" } ?? args.first { $0.keyword == nil && !$0.isStar }
        guard let name = nameArg?.value.stringValue else { return nil }
        return SequenceSpec(
            name: name, schema: args.first { $0.keyword == "schema" }?.value.stringValue,
            optional: boolArg(args, "optional") ?? false)
    }

    /// `nextval(...)` for `seq.next_value()` or `Sequence("name").next_value()`, else nil.
    func nextValueSQL(_ expr: PyExpr, in module: ModuleID) -> String? {
        guard case .call(.attribute(let owner, "next_value", _), let args, _) = expr, args.isEmpty,
            let sequence = sequenceSpec(owner, in: module)
        else { return nil }
        return "nextval(" + sequence.qualifiedName.sqlStringLiteral + "::regclass)"
    }
}

extension String {
    /// The text as a SQL string literal: in single quotes, each `'` doubled.
    var sqlStringLiteral: String {
        // Without a quote byte there is nothing to double (the split by characters below gives
        // the text back whole): most literals are plain words such as `'draft'`.
        guard utf8.contains(UInt8(ascii: "'")) else { return "'" + self + "'" }
        return "'" + split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }
}
