/// A stack the parser collects the items of a list on (call arguments, bracket items) before it
/// knows how many there are, so that each list is made once at its exact size.
///
/// Appending to a fresh array per call grew it 1, 2, 4, 8: up to four allocations and copies per
/// call, for tens of thousands of calls in a large package. Nested lists push above the items of
/// the lists around them and take theirs off before those go on, so each list's items lie together
/// at the top when it ends; ``pop(from:)`` moves them out without copying or retaining them.
/// One per parser, used on its thread only.
final class ScratchStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// How many items are on the stack.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Puts `element` on top.
    func push(_ element: Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// Takes the items from index `start` to the top off the stack, in order, as an array of
    /// exactly their number.
    func pop(from start: Int) -> [Element] {
        let n = count - start
        guard n > 0 else { return [] }
        count = start
        // Reserved and appended to, not `Array(unsafeUninitializedCapacity:)`: that initializer
        // allocated through an unspecialized path that looked up the array storage type's metadata
        // at run time, about 700 instructions per list where this takes tens.
        var items: [Element] = []
        items.reserveCapacity(n)
        for k in 0..<n { items.append((storage + start + k).move()) }
        return items
    }

    /// Discards the items from index `start` to the top.
    func drop(from start: Int) {
        guard count > start else { return }
        (storage + start).deinitialize(count: count - start)
        count = start
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
