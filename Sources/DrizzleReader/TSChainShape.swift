/// A builder call chain `builder(args).method(args)...` taken apart: the root call and its method
/// calls, innermost first.
///
/// The table reader takes apart the column objects and extras arrays the parser leaves as tokens
/// (``TSExpr/lazyObject(_:_:)``, ``TSExpr/lazyArrow(_:_:)``) into these with
/// ``TSParser/chainShape(at:)``, when it does not read them from the tokens directly. They are plain
/// syntax (`Sendable`), free of the evaluator's values.
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
