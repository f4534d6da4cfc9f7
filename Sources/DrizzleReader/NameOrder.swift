import SchemaModel

/// A table's index or policy: what ``Swift/Array/insertInNameOrder(_:)`` orders by name.
protocol NameOrdered {
    /// The name normalizing sorts by (an index may have none).
    var orderName: String? { get }
}

extension TableIndex: NameOrdered {
    var orderName: String? { name }
}

extension Policy: NameOrdered {
    var orderName: String? { name }
}

/// Adds indexes and policies to a table in the order normalizing a catalog sorts them into.
///
/// `Catalog.normalized()` sorts a table's indexes by name (then by key) and its policies by name; a
/// list already in that order is kept as it is, while any other was sorted into a new array, which
/// was most of normalizing a table (`events_0000_owner_id_idx` before `events_0000_created_at_idx`).
/// An element goes after every element whose name does not sort after its own, so elements of equal
/// names keep the order they were added in, the one thing a stable sort takes from its input: the
/// normalized catalog is the same. Names a sort by name cannot decide (none, or holding bytes that
/// sort before the key separator) are appended, as before.
extension Array where Element: NameOrdered {
    /// Inserts `element` after the elements whose name does not sort after its own.
    mutating func insertInNameOrder(_ element: consuming Element) {
        let own = element.orderName
        // Names read through a buffer: a closure capturing the array made a second reference to it,
        // and inserting then copied the whole list.
        let position = withUnsafeBufferPointer { list in NameOrder.position(of: own, in: list.count) { list[$0].orderName } }
        append(element)
        NameOrder.moveLast(to: position, in: &self)
    }
}

/// Where ``Swift/Array/insertInNameOrder(_:)`` puts an element.
enum NameOrder {
    /// The position for a name `own` in a list of `count` elements whose names `name(k)` gives: after
    /// every element whose name does not sort after it, found from the end (elements usually come in
    /// name order, so the place is found at once); `count` (append) for a name a sort by name cannot
    /// decide.
    static func position(of own: String?, in count: Int, name: (Int) -> String?) -> Int {
        guard let own, isPlain(own) else { return count }
        var position = count
        while position > 0, let before = name(position - 1), isPlain(before), own < before {
            position -= 1
        }
        return position
    }

    /// Moves the last element of `list` to `position`, the ones from there on one place up: swapped
    /// down, as a list holds a few (a generic insertion cost more than the swaps).
    static func moveLast<Element>(to position: Int, in list: inout [Element]) {
        guard position < list.count - 1 else { return }
        // Swapped in the buffer, which moves the values; the array's `swapAt` copied them.
        list.withUnsafeMutableBufferPointer { buffer in
            var k = buffer.count - 1
            while k > position {
                buffer.swapAt(k, k - 1)
                k -= 1
            }
        }
    }

    /// Whether `name` holds no byte that could sort before or equal to the `\u{1}` separator of the
    /// model's sort keys.
    static func isPlain(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in !bytes.contains { $0 < 2 } }
    }
}
