/// A builder call chain `builder(args).method(args)...` taken apart: the root call and its method
/// calls, innermost first.
///
/// The table reader takes apart the column objects and extras arrays the parser leaves as tokens
/// (``TSExpr/lazyObject(_:_:)``, ``TSExpr/lazyArrow(_:_:)``) into these, with
/// ``TSParser/columnEntries(_:)`` and ``TSParser/extrasShape(_:)``. They are plain syntax (`Sendable`),
/// free of the evaluator's values.
struct TSChainShape: Sendable {
    var builder: String
    var rootArgs: [TSExpr]
    /// Byte offsets of the root call: where it starts and where its `)` ends.
    var rootStart: Int
    var rootEnd: Int
    var methods: [TSMethodCall]
}

/// One `.name(args)` of a ``TSChainShape``.
struct TSMethodCall: Sendable {
    var name: String
    var args: [TSExpr]
    /// Where the whole chain up to this call starts (the root's start).
    var start: Int
    var nameOffset: Int
    /// Where this call's `)` ends.
    var end: Int
}

/// One entry of a column object left as tokens (``TSExpr/lazyObject(_:_:)``).
enum TSColumnEntry: Sendable {
    /// `...name`: the name and its byte offset.
    case spread(name: String, offset: Int)
    /// `key: builder(...)...`: the key (decoded), where it is written, the index of the chain's first
    /// token (for parsing it after all) and the chain taken apart.
    case column(key: String, keyOffset: Int, valueStart: Int, shape: TSChainShape)
}

/// A table's extras function left as tokens (``TSExpr/lazyArrow(_:_:)``): `(t) => [ item, ... ]`.
struct TSExtrasShape: Sendable {
    /// One array item: the index of its first token and the chain taken apart.
    struct Item: Sendable {
        var start: Int
        var shape: TSChainShape
    }

    /// The arrow's parameter, if it has one.
    var parameter: String?
    var items: [Item]
}
