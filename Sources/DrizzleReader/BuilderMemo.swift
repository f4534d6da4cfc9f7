/// The values of the builder names tables call (`varchar`, `index`, an enum), looked up by name.
///
/// Most tables use a handful, so a short list compared by name is cheaper than a hashed lookup per
/// column. The builtins among them (names imported from `drizzle-orm`) are kept from one table to the
/// next of the same module (``DrizzleEvaluator/keepBuilders(_:_:)``): a module's tables call the same
/// few, and looking each up again for every table was a tenth of reading the tables.
struct BuilderMemo {
    struct Entry {
        var name: String
        /// The name's length in UTF-8 bytes, compared before the name: most names looked up differ in
        /// length from most entries, and comparing lengths is far cheaper than comparing strings.
        var length: Int
        /// The name's bytes packed (``PackedName``), nil when it is too long to pack: a name token is
        /// compared with this without first making a `String` of it.
        var packed: PackedName?
        var value: DrizzleValue?
        /// For a builtin with a fixed type: that type's spelling.
        var fixed: String?
        /// ``DrizzleEvaluator/columnTypeParts(_:enumType:)`` of ``fixed``, found once for every column
        /// of the builder instead of once per column.
        var fixedParts: DrizzleEvaluator.FixedTypeParts?
        /// Whether the entry stays valid for later tables: a builtin whose binding's value is memoized,
        /// so that looking it up again could give nothing else.
        var keep: Bool
    }

    /// Entries beyond this many are not memoized (looked up each time).
    static let capacity = 24

    var entries: [Entry] = []
    /// The position of the last lookup, for its ``Entry/fixed`` spelling; -1 when it was not memoized.
    var last = -1
}

extension DrizzleEvaluator {
    /// The value of `builder` in `module`, as ``topLevel(_:_:)`` gives it, memoized in `memo`.
    func builderValue(_ module: Int, _ builder: String, _ memo: inout BuilderMemo) -> DrizzleValue? {
        let length = builder.utf8.count
        if let index = memo.entries.firstIndex(where: { $0.length == length && $0.name == builder }) {
            memo.last = index
            return memo.entries[index].value
        }
        let value = topLevel(module, builder)
        guard memo.entries.count < BuilderMemo.capacity else {
            memo.last = -1
            return value
        }
        var fixed: String?
        var fixedParts: FixedTypeParts?
        var keep = false
        if case .builtin(let name)? = value {
            fixed = DrizzleEvaluator.fixedTypes[name]
            fixedParts = fixed.map { FixedTypeParts(columnTypeParts($0, enumType: nil)) }
            // Not memoized while the binding is being evaluated (a self-reference), so not kept then.
            keep = cache[module][builder] != nil
        }
        memo.entries.append(BuilderMemo.Entry(name: builder, length: length, packed: PackedName(builder), value: value, fixed: fixed, fixedParts: fixedParts,
                                              keep: keep))
        memo.last = memo.entries.count - 1
        return value
    }

    /// ``builderValue(_:_:_:)`` of the name token `token`, found in the memo by its bytes: making a
    /// `String` of every builder name a table calls cost more than finding it.
    func builderValue(_ module: Int, _ parser: TSParser, _ token: TSToken, _ memo: inout BuilderMemo) -> DrizzleValue? {
        if let packed = PackedName(parser.bytes, Int(token.start), Int(token.end)),
            let index = memo.entries.firstIndex(where: { $0.packed == packed })
        {
            memo.last = index
            return memo.entries[index].value
        }
        return builderValue(module, parser.text(token), &memo)
    }

    /// The type parts of the fixed type of the builder looked up last, if it has one (see
    /// ``columnType(_:_:_:)``, which then gives that type's spelling).
    func lastFixedParts(_ memo: BuilderMemo) -> FixedTypeParts? {
        memo.last >= 0 ? memo.entries[memo.last].fixedParts : nil
    }

    /// The memo to start a table of `module` with: the builtins kept from the module's last table.
    func builderMemo(_ module: Int) -> BuilderMemo {
        if keptBuilders.module == module {
            // Handed over, not shared: with a second reference here, the table's first new entry would
            // copy every entry. ``keepBuilders(_:_:)`` puts the memo back.
            let memo = keptBuilders.memo
            keptBuilders = (-1, BuilderMemo())
            return memo
        }
        var memo = BuilderMemo()
        memo.entries.reserveCapacity(BuilderMemo.capacity)
        return memo
    }

    /// Keeps the builtins of `memo` for the next table of `module`.
    /// `memo` is taken, left empty: with the caller's copy alive, trimming the kept one copied its entries.
    func keepBuilders(_ module: Int, _ taken: inout BuilderMemo) {
        var memo = BuilderMemo()
        swap(&memo, &taken)
        memo.last = -1
        // The entries not kept are usually the last ones (an enum a table calls after its builtins):
        // removing them from the end costs nothing of `removeAll(where:)`'s rebuilding of the list.
        while let last = memo.entries.last, !last.keep { memo.entries.removeLast() }
        if memo.entries.contains(where: { !$0.keep }) { memo.entries.removeAll { !$0.keep } }
        keptBuilders = (module, memo)
    }
}
