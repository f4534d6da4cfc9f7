import SchemaModel

/// Extras items read from their tokens (``TSExpr/lazyArrow(_:_:)``) straight into model objects.
///
/// Taking each item apart into a ``TSChainShape`` first (syntax trees of its arguments, with their
/// strings) cost more than the rest of reading it. The common items are read here from the tokens:
/// `index('n').on(t.a, ...)`, `uniqueIndex(...)`, `unique('n').on(...).nullsNotDistinct()`,
/// `check('n', sql\`...${t.a}...\`)` and `pgPolicy('n', { key: 'text' | name | sql\`...\`, ... })`.
/// Names are looked up in the order ``addDirectExtra(_:_:_:_:_:_:_:)`` looks them up, so when an item
/// turns out to be anything else the caller reads it that way from its shape, repeating lookups that
/// are memoized, with the same result.
extension DrizzleEvaluator {
    /// The root arguments of an item, by their tokens.
    private enum TokenArguments {
        case none
        /// `'name'`
        case name(String)
        /// `'name', tag\`...\``: the tag's token.
        case nameAndTemplate(String, tag: Int)
        /// `'name', { ... }`: the `{` token.
        case nameAndObject(String, open: Int)
    }

    /// Adds the item whose first token is `start` to `table`; false, having added nothing, when the
    /// caller is to read it from its shape.
    func addTokenExtra(_ parser: TSParser, _ start: Int, _ module: Int, _ parameter: String?, _ standIn: Chain,
                       _ name: QualifiedName, _ table: inout Table, _ builders: inout BuilderMemo) -> Bool {
        let tokens = parser.tokens
        guard let parameter, tokens[start].kind == .identifier, parser.isPunct(start + 1, P.lparen),
            let arguments = rootArguments(parser, start + 1)
        else { return false }
        guard !parser.textEquals(tokens[start], parameter), case .builtin(let builder)? = builderValue(module, parser, tokens[start], &builders)
        else { return false }
        let rootStart = Int(tokens[start].start)
        var k = Int(tokens[start + 1].match) + 1
        switch (builder, arguments) {
        case ("index", .none), ("index", .name), ("uniqueIndex", .none), ("uniqueIndex", .name),
             ("unique", .none), ("unique", .name):
            var explicit: String?
            if case .name(let given) = arguments { explicit = given }
            var all: [String] = []  // every `.on` column, for an index
            var last: [String] = []  // the last `.on`, for a unique constraint
            var nullsNotDistinct = false
            while parser.isPunct(k, P.dot) {
                let open = k + 2
                guard parser.isPunct(open, P.lparen) else { return false }
                let close = Int(tokens[open].match)
                let method = parser.token(k + 1)
                if parser.isWord(method, "on") {
                    guard let columns = columnList(parser, open, close, parameter, standIn) else { return false }
                    if all.isEmpty { all = columns } else { all += columns }
                    last = columns
                } else if builder == "unique", parser.isWord(method, "nullsNotDistinct"), close == open + 1 {
                    nullsNotDistinct = true
                } else {
                    return false
                }
                k = close + 1
            }
            let provenance = Provenance(source: .drizzle, location: location(module, rootStart))
            if builder == "unique" {
                let constraintName = explicit ?? "\(name.name)_\(last.joined(separator: "_"))_unique"
                table.uniqueConstraints.append(UniqueConstraint(name: Identifier.truncated(constraintName), columns: last,
                                                                nullsNotDistinct: nullsNotDistinct, provenance: provenance))
            } else {
                let indexName = explicit ?? "\(name.name)_\(all.joined(separator: "_"))_index"
                // Tables usually have a few indexes and policies: room for them at once, not one by one.
                if table.indexes.isEmpty { table.indexes.reserveCapacity(4) }
                table.indexes.insertInNameOrder(TableIndex(name: Identifier.truncated(indexName), keys: all.map { TableIndex.Key(column: $0) },
                                                           isUnique: builder == "uniqueIndex", provenance: provenance))
            }
        case ("check", .nameAndTemplate(let checkName, let tag)):
            guard let expression = templateSQL(parser, tag, module, parameter, standIn, &builders), !parser.isPunct(k, P.dot) else { return false }
            table.checks.append(CheckConstraint(name: Identifier.truncated(checkName), expression: expression,
                                                provenance: Provenance(source: .drizzle, location: location(module, rootStart))))
        case ("pgPolicy", .nameAndObject(let policyName, let open)):
            guard !parser.isPunct(k, P.dot),
                let policy = tokenPolicy(parser, policyName, open, rootStart, module, parameter, standIn, &builders)
            else { return false }
            if table.policies.isEmpty { table.policies.reserveCapacity(4) }
            table.policies.insertInNameOrder(policy)
        default:
            return false
        }
        return true
    }

    /// The root arguments whose `(` is token `open`, when they are one of the forms read here.
    private func rootArguments(_ parser: TSParser, _ open: Int) -> TokenArguments? {
        let tokens = parser.tokens
        let close = Int(tokens[open].match)
        if close == open + 1 { return TokenArguments.none }
        guard tokens[open + 1].kind == .string else { return nil }
        let first = parser.stringValue(tokens[open + 1])
        if close == open + 2 { return .name(first) }
        guard parser.isPunct(open + 2, P.comma) else { return nil }
        let second = open + 3
        if parser.isPunct(second, P.lbrace) {
            return Int(tokens[second].match) + 1 == close ? .nameAndObject(first, open: second) : nil
        }
        guard tokens[second].kind == .identifier, parser.isTemplateStart(second + 1),
            let end = templateEnd(parser, second + 1), end == close
        else { return nil }
        return .nameAndTemplate(first, tag: second)
    }

    /// The token after the template starting at token `k` (interpolations checked by the extras grammar).
    func templateEnd(_ parser: TSParser, _ k: Int) -> Int? {
        var j = k
        if parser.tokens[j].kind == .templateFull { return j + 1 }
        while true {
            j += 4  // `name . name` and the next piece
            guard j < parser.tokens.count else { return nil }
            let kind = parser.tokens[j].kind
            if kind == .templateTail { return j + 1 }
            guard kind == .templateMiddle else { return nil }
        }
    }

    /// The database names of `t.col, ...` between tokens `open` and `close`; nil when an argument is
    /// anything else or names no column of the table.
    private func columnList(_ parser: TSParser, _ open: Int, _ close: Int, _ parameter: String, _ standIn: Chain) -> [String]? {
        var columns: [String] = []
        columns.reserveCapacity((close - open) / 4 + 1)  // `t.col,` is four tokens
        var j = open + 1
        while j < close {
            guard let ref = tokenColumn(parser, j, parameter, standIn),
                j + 3 == close || parser.isPunct(j + 3, P.comma)
            else { return nil }
            columns.append(ref.column)
            j += 4
        }
        return columns
    }

    /// `t.col` at token `j` as the column it names, or nil.
    private func tokenColumn(_ parser: TSParser, _ j: Int, _ parameter: String, _ standIn: Chain) -> ColumnRef? {
        let tokens = parser.tokens
        guard parser.token(j).kind == .identifier, parser.isPunct(j + 1, P.dot), parser.token(j + 2).kind == .identifier,
            parser.hasText(tokens[j], parameter)
        else { return nil }
        return columnRef(standIn, key: parser.text(tokens[j + 2]))
    }

    /// The `sql` template whose tag is token `tag`, rendered as checks and policies are; nil when the tag
    /// is not `sql` or an interpolation is not a column of the table.
    func templateSQL(_ parser: TSParser, _ tag: Int, _ module: Int, _ parameter: String, _ standIn: Chain,
                     _ builders: inout BuilderMemo) -> String? {
        let tokens = parser.tokens
        // A table's policies often repeat a template (`auth.uid() = ${t.userId}` for each command): the
        // same text in the same table looks up the same names and renders the same SQL, so it is read once.
        guard let last = templateEnd(parser, tag + 1).map({ $0 - 1 }) else { return nil }
        let span = (start: Int(tokens[tag].start), end: Int(tokens[last].end))
        if let known = renderedTemplate(parser.bytes, span) { return known }
        guard !parser.textEquals(tokens[tag], parameter), case .builtin(let tagValue)? = builderValue(module, parser, tokens[tag], &builders),
            tagValue == "sql" || tagValue == "*.sql"
        else { return nil }
        var j = tag + 1
        var pieces = [parser.templatePiece(tokens[j])]
        var refs: [ColumnRef] = []
        if tokens[j].kind == .templateHead {
            while true {
                guard let ref = tokenColumn(parser, j + 1, parameter, standIn) else { return nil }
                refs.append(ref)
                j += 4
                guard parser.token(j).kind == .templateMiddle || parser.token(j).kind == .templateTail else { return nil }
                pieces.append(parser.templatePiece(tokens[j]))
                if tokens[j].kind == .templateTail { break }
            }
        }
        let sql = renderQualified(pieces, refs)
        renderedTemplates.append((span.start, span.end, sql))
        return sql
    }

    /// The SQL of a template of this table with the text of `span`, if one was read.
    private func renderedTemplate(_ bytes: [UInt8], _ span: (start: Int, end: Int)) -> String? {
        let count = span.end - span.start
        for known in renderedTemplates where known.end - known.start == count {
            let same = bytes.withUnsafeBufferPointer { buffer in
                var k = 0
                while k < count, buffer[known.start + k] == buffer[span.start + k] { k += 1 }
                return k == count
            }
            if same { return known.sql }
        }
        return nil
    }
}
