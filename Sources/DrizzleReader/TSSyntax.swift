/// The expression subset the recognizer keeps from a TypeScript file. Type annotations, `as`,
/// `satisfies` and non-null assertions are dropped by the parser; anything else it does not model
/// becomes ``TSExpr/unknown(_:)``.
///
/// Offsets are byte offsets into the module's file. Only the cases that nest expressions are
/// `indirect`: leaves (identifiers, literals, objects, arrays) are stored inline, so building and
/// evaluating them does not allocate a box each.
enum TSExpr: Sendable {
    case identifier(String, Int)
    case string(String, Int)
    /// A number literal: value and spelling.
    case number(Double, String, Int)
    case boolean(Bool, Int)
    case null(Int)
    case undefined(Int)
    /// A template literal, tagged (`sql\`...\``) or not: literal pieces (one more than `values`).
    indirect case template(tag: TSExpr?, pieces: [String], values: [TSExpr], offset: Int)
    /// `object.name`; the offset is the property name's.
    indirect case member(TSExpr, String, Int)
    indirect case index(TSExpr, TSExpr, Int)
    /// A call; `start`/`end` delimit the whole call as written (for raw spellings).
    indirect case call(TSExpr, [TSExpr], start: Int, end: Int)
    indirect case new(TSExpr, [TSExpr], Int)
    case object([TSProperty], Int)
    /// An object literal left as tokens: the index of its `{` token and its offset (see
    /// `TSParser+Columns.swift`); parsed when evaluated.
    case lazyObject(Int, Int)
    /// A table's extras function left as tokens: the index of its `(` token and its offset (see
    /// `TSParser+Extras.swift`); parsed when evaluated.
    case lazyArrow(Int, Int)
    case array([TSExpr], Int)
    indirect case arrow(params: [TSParameter], body: TSExpr, offset: Int)
    indirect case spread(TSExpr, Int)
    indirect case unary(String, TSExpr, Int)
    indirect case binary(String, TSExpr, TSExpr, Int)
    indirect case conditional(TSExpr, TSExpr, TSExpr, Int)
    case unknown(Int)

    /// The byte offset where the expression starts.
    var offset: Int {
        switch self {
        case .identifier(_, let o), .string(_, let o), .number(_, _, let o), .boolean(_, let o), .null(let o),
            .undefined(let o), .index(_, _, let o), .new(_, _, let o), .object(_, let o), .lazyObject(_, let o), .lazyArrow(_, let o), .array(_, let o),
            .spread(_, let o), .unary(_, _, let o), .unknown(let o):
            return o
        case .template(_, _, _, let o), .arrow(_, _, let o): return o
        case .member(let base, _, _), .binary(_, let base, _, _), .conditional(let base, _, _, _): return base.offset
        case .call(_, _, let start, _): return start
        }
    }
}

/// A function parameter: its name ("" for a destructuring pattern) and default value.
struct TSParameter: Sendable {
    var name: String
    var defaultValue: TSExpr?
}

/// One entry of an object literal.
enum TSProperty: Sendable {
    case value(key: String, value: TSExpr, keyOffset: Int)
    case spread(TSExpr)
}

/// What a module binds at top level.
enum TSBinding: Sendable {
    /// `const x = expr` (also `let`/`var`).
    case value(TSExpr)
    /// `enum X { A = 'a' }`: members with their values (auto-numbered when not given).
    case tsEnum([(String, TSExpr)], Int)
    /// `import { name as local } from 'specifier'`.
    case imported(specifier: String, name: String, offset: Int)
    /// `import * as local from 'specifier'`.
    case namespace(specifier: String, offset: Int)
}

/// What a module exports.
enum TSExport: Sendable {
    /// A top-level binding of this module, by local name.
    case local(String)
    /// `export { name as x } from 'specifier'`.
    case reexport(specifier: String, name: String, offset: Int)
    /// `export * as x from 'specifier'`.
    case namespace(specifier: String, offset: Int)
}

/// A parsed file: its bindings (in declaration order), exports, `export *` sources and problems.
struct TSModule: Sendable {
    var bindings: [String: TSBinding] = [:]
    var order: [String] = []
    var exports: [String: TSExport] = [:]
    var exportStars: [(specifier: String, offset: Int)] = []
    /// Every import specifier with its offset, for resolving files.
    var specifiers: [(specifier: String, offset: Int)] = []
    /// `casing: 'snake_case'` / `'camelCase'` seen anywhere in an object literal.
    var casing: String?
    var problems: [TSLexer.Problem] = []
    /// The module's tokens, for parsing lazy column objects (``TSExpr/lazyObject(_:_:)``) on demand.
    var tokens: [TSToken] = []

    mutating func bind(_ name: String, _ binding: TSBinding) {
        if bindings[name] == nil { order.append(name) }
        bindings[name] = binding
    }
}
