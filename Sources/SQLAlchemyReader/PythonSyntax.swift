/// The expressions of the Python subset model files use. Offsets are byte offsets of the expression's
/// first token, for locations.
///
/// Only the cases that contain an expression directly are `indirect`: leaves (names, literals) are
/// most of the nodes, and boxing each one was a heap allocation to make and later free.
enum PyExpr: Sendable {
    case name(String, at: Int)
    indirect case attribute(PyExpr, String, at: Int)
    indirect case call(PyExpr, [PyArg], at: Int)
    indirect case index(PyExpr, [PyExpr], at: Int)
    /// A string literal (adjacent literals concatenated), escapes decoded unless raw.
    case string(String, isFString: Bool, at: Int)
    case number(String, at: Int)
    case tuple([PyExpr], at: Int)
    case list([PyExpr], at: Int)
    case dict([PyDictEntry], at: Int)
    indirect case binary(String, PyExpr, PyExpr, at: Int)
    indirect case unary(String, PyExpr, at: Int)
    indirect case lambda(PyExpr, at: Int)
    /// Anything the recognizer does not model (comprehensions, conditional expressions, ...).
    case other(at: Int)

    var offset: Int {
        switch self {
        case .name(_, let at), .attribute(_, _, let at), .call(_, _, let at), .index(_, _, let at),
            .string(_, _, let at), .number(_, let at), .tuple(_, let at), .list(_, let at),
            .dict(_, let at), .binary(_, _, _, let at), .unary(_, _, let at), .lambda(_, let at),
            .other(let at):
            return at
        }
    }

    /// The dotted spelling of a name or attribute chain (`sa.Column`), else nil.
    var dottedName: String? {
        switch self {
        case .name(let name, _): return name
        case .attribute(let base, let name, _): return base.dottedName.map { $0 + "." + name }
        default: return nil
        }
    }

    /// The literal text of a plain (non-f) string, else nil.
    var stringValue: String? {
        if case .string(let text, let isF, _) = self, !isF { return text }
        return nil
    }

    /// Elements of a tuple or list literal.
    var elements: [PyExpr]? {
        switch self {
        case .tuple(let items, _), .list(let items, _): return items
        default: return nil
        }
    }
}

/// One argument of a call: positional (`keyword == nil`), keyword, `*args` or `**kwargs`, with the
/// source range of its value (for client defaults shown as written).
struct PyArg: Sendable {
    var keyword: String?
    var value: PyExpr
    var isStar = false
    var valueStart: Int
    var valueEnd: Int
}

/// One `key: value` entry of a dict literal; `key == nil` for `**other`.
struct PyDictEntry: Sendable {
    var key: PyExpr?
    var value: PyExpr
}

/// A class definition with its decorators, bases (and keywords such as `table=True`) and body.
struct PyClass: Sendable {
    var name: String
    /// Offset of the `class` keyword.
    var at: Int
    var decorators: [PyExpr]
    var bases: [PyArg]
    /// The body as parsed: lines repeating an earlier class-body line of the file are
    /// ``PyStmt/repeated(_:delta:)`` (see ``RepeatedLines``). Hot paths read this and handle those
    /// themselves; everything else reads ``body``.
    var statements: [PyStmt]
    /// Whether ``statements`` holds any ``PyStmt/repeated(_:delta:)``.
    var hasRepeats = false

    init(name: String, at: Int, decorators: [PyExpr], bases: [PyArg], body: [PyStmt]) {
        self.name = name
        self.at = at
        self.decorators = decorators
        self.bases = bases
        self.statements = body
        self.hasRepeats = body.contains { if case .repeated = $0 { return true }; return false }
    }

    /// The body with every repeated line spelled out at its own offsets, exactly as parsing it
    /// would have given.
    var body: [PyStmt] {
        hasRepeats ? statements.map(\.materialized) : statements
    }
}

/// A function definition; only its decorators, return annotation and (flattened) body matter here.
struct PyFunction: Sendable {
    var name: String
    var at: Int
    var decorators: [PyExpr]
    var returns: PyExpr?
    var body: [PyStmt]
}

/// An imported name: `from m import name as alias` or `import dotted as alias`.
struct PyImportName: Sendable {
    var name: String
    var alias: String?
}

/// Statements of the subset. Compound statements other than `class`/`def` (if, try, with, for, while)
/// are flattened into their surroundings, which is what a static reader of models wants.
enum PyStmt: Sendable {
    case importModule([PyImportName], at: Int)
    case importFrom(module: String, level: Int, names: [PyImportName], at: Int)
    case assign(targets: [PyExpr], value: PyExpr, at: Int)
    case annotated(target: PyExpr, annotation: PyExpr, value: PyExpr?, at: Int)
    case classDef(PyClass)
    case function(PyFunction)
    case expression(PyExpr, at: Int)
    case returnValue(PyExpr?, at: Int)
    /// A class-body line whose tokens are those of an earlier clean line of the same file, `delta`
    /// bytes further on: the earlier statement stands for it (only in ``PyClass/statements``).
    case repeated(RepeatedStatement, delta: Int)

    /// A column-like statement's attribute name, where it starts and whether it is annotated
    /// (`name: T = ...` by its target, `name = ...` with one plain target by the statement); nil
    /// for other statements, repeated lines included.
    var plainColumnHead: (name: String, at: Int, annotated: Bool)? {
        switch self {
        case .annotated(.name(let name, let at), _, _, _):
            return (name, at, true)
        case .assign(let targets, _, let at):
            guard case .name(let name, _)? = targets.first, targets.count == 1 else { return nil }
            return (name, at, false)
        default:
            return nil
        }
    }

    /// The statement itself, a repeated line shifted to its own offsets.
    var materialized: PyStmt {
        if case .repeated(let original, let delta) = self { return delta == 0 ? original.statement : original.statement.shifted(by: delta) }
        return self
    }
}

/// The statement an earlier line parsed to, shared by the lines that repeat it.
///
/// Unchecked: ``isRepeated`` is set only by the parser that made it, before the syntax tree is
/// handed to anything else, and only read afterwards.
final class RepeatedStatement: @unchecked Sendable {
    let statement: PyStmt
    /// The statement's ``PyStmt/plainColumnHead``, worked out once for all the lines repeating it.
    let columnHead: (name: String, at: Int, annotated: Bool)?
    /// Whether a later line repeats it (else it stands for its own line only, and results for it
    /// are not worth keeping).
    private(set) var isRepeated = false

    init(_ statement: PyStmt) {
        self.statement = statement
        self.columnHead = statement.plainColumnHead
    }

    /// Notes that a later line repeats it (by the parser, while parsing).
    func markRepeated() { isRepeated = true }
}
