import SourceScanning

/// Memoized columns of repeated class-body lines (``PyStmt/repeated(_:delta:)``), by the line they
/// repeat.
///
/// Every copy of a line shares one ``RepeatedStatement`` and the same bytes up to its newline, so
/// the statement memo's text key (``StatementMemo``) is the same for all of them: the shared
/// statement identifies it without finding the statement's end and hashing and comparing its text
/// for each copy. What is memoized, and when, is as for ``StatementMemo``.
extension BuilderCache {
    struct RepeatedKey: Hashable {
        var module: Int
        var base: Int
        var sqlModel: Bool
        var line: ObjectIdentifier
    }

    enum RepeatedEntry {
        /// Evaluated once, without warnings or state: reused, relocated. Boxed, so that looking it
        /// up does not copy the column (a column spec is large) before the copy that is returned.
        case evaluated(MemoBox)
        /// Never memoized: the statement memo would not take the text (see
        /// ``StatementMemo/statementEnd(in:from:)``) or the file has syntax errors.
        case unshared
    }

    final class MemoBox {
        let entry: StatementMemo.Entry

        init(_ entry: StatementMemo.Entry) { self.entry = entry }
    }
}

extension ModelBuilder {
    /// The column a repeated line starting at `at` declares, from the memo when a copy of the same
    /// line was already evaluated in this module for the same base.
    func memoizedColumn(
        repeating line: RepeatedStatement, at: Int, module: ModuleID, base: Int, sqlModel: Bool, evaluate: () -> ColumnSpec?
    ) -> ColumnSpec? {
        // A line no other line repeats is evaluated once per class body and base anyway (class
        // bodies are evaluated once per base, ``bodyColumns``): nothing to find again.
        guard line.isRepeated else { return evaluate() }
        let key = BuilderCache.RepeatedKey(module: module.index, base: base, sqlModel: sqlModel, line: ObjectIdentifier(line))
        switch cache.repeatedColumns[key] {
        case .evaluated(let box)?:
            guard var column = box.entry.column else { return nil }
            if box.entry.start != at, let file = project.module(module)?.file {
                StatementMemo.relocate(&column, from: box.entry.start, to: at, length: box.entry.length, in: file)
            }
            return column
        case .unshared?:
            return evaluate()
        case nil:
            guard let source = project.module(module), !source.hasSyntaxErrors, case let file = source.file, at >= 0, at < file.bytes.count,
                let (end, _) = StatementMemo.statementEnd(in: file.bytes, from: at)
            else {
                cache.repeatedColumns[key] = .unshared
                return evaluate()
            }
            let warnings = queue.count
            cache.dependsOnState = false
            let column = evaluate()
            // As in the statement memo, an evaluation that warned or read state is not kept (the next
            // copy evaluates again, where it stands).
            if !cache.dependsOnState, queue.count == warnings {
                cache.repeatedColumns[key] = .evaluated(BuilderCache.MemoBox(StatementMemo.Entry(column: column, start: at, length: end - at)))
            }
            return column
        }
    }

    /// A column-like statement's attribute name, where it starts and whether it is annotated
    /// (`name: T = ...` by its target, `name = ...` with one plain target by the statement); read
    /// from the recorded statement for a repeated line, so nothing is spelled out.
    static func columnHead(_ stmt: PyStmt) -> (name: String, at: Int, annotated: Bool)? {
        switch stmt {
        case .repeated(let original, let delta):
            // Worked out once per recorded line: reading the statement out of the shared object
            // copied it for every copy of the line.
            guard let head = original.columnHead else { return nil }
            return (head.name, head.at + delta, head.annotated)
        default:
            return stmt.plainColumnHead
        }
    }
}
