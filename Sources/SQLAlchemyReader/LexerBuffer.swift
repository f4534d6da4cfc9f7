/// Growable storage for the lexer's plain values (tokens, bracket offsets), appended to without
/// the checks an `Array` makes on every append.
///
/// An array held in the lexer asked whether its buffer was uniquely referenced and had room on each
/// token (a call into the runtime per token, for hundreds of thousands of tokens). The lexer owns
/// this storage alone, so neither question arises: an append is a capacity test and a store.
/// Not copyable, so two owners can never share (and free) one buffer; ``array`` copies the values
/// out, and the storage is freed with the buffer.
struct LexerBuffer<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    /// How many values are stored.
    private(set) var count = 0
    private var capacity: Int

    /// An empty buffer with room for `capacity` values (at least 16) before it grows.
    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// An empty buffer over `base`, storage for `capacity` values that it now owns.
    init(adopting base: UnsafeMutablePointer<Element>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    deinit { base.deallocate() }

    /// Ends the buffer without freeing its storage, which the caller now owns.
    consuming func release() -> (base: UnsafeMutablePointer<Element>, capacity: Int, count: Int) {
        let parts = (base, capacity, count)
        discard self
        return parts
    }

    /// Whether no values are stored.
    var isEmpty: Bool { count == 0 }

    /// The last value, if any.
    var last: Element? { count > 0 ? base[count - 1] : nil }

    /// The value at `index` (below ``count``).
    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// Stores `element` after the others, doubling the storage when it is full.
    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: capacity * 2) }
        (base + count).initialize(to: element)
        count &+= 1
    }

    /// Drops the last value (there must be one).
    mutating func removeLast() {
        precondition(count > 0)
        count -= 1
    }

    /// Drops every value, keeping the storage.
    mutating func removeAll() { count = 0 }

    /// Appends copies of the `length` values from `start` (below ``count``) and returns the index
    /// of the first copy.
    mutating func appendCopies(from start: Int, count length: Int) -> Int {
        if count + length > capacity { grow(to: max(capacity * 2, count + length)) }
        let first = count
        (base + first).initialize(from: base + start, count: length)
        count += length
        return first
    }

    private mutating func grow(to newCapacity: Int) {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        bigger.initialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    /// The stored values as an array.
    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Moves the values out into a buffer of their own, leaving this one empty.
    mutating func take() -> LexerBuffer {
        var taken = LexerBuffer(capacity: 0)
        swap(&self, &taken)
        return taken
    }
}

/// The tokens of one file as the lexer left them, read by the parser in place.
///
/// Copying them into an array cost a copy of the whole token stream per file (a large share of
/// lexing); the parser reads them where the lexer wrote them instead. Reads are checked against
/// the count, as an array's are. The storage is freed with the list, or handed back to the
/// ``TokenBufferPool`` it came from.
final class TokenList {
    private let base: UnsafeMutablePointer<PythonToken>
    private let capacity: Int
    private let pool: TokenBufferPool?
    /// How many tokens there are (the last is `.eof`).
    let count: Int

    init(_ tokens: consuming LexerBuffer<PythonToken>, pool: TokenBufferPool? = nil) {
        (base, capacity, count) = tokens.release()
        self.pool = pool
    }

    deinit {
        if let pool { pool.give(base, capacity: capacity) } else { base.deallocate() }
    }

    @inline(__always)
    subscript(index: Int) -> PythonToken {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "token index out of range")
        return base[index]
    }

    /// The tokens as an array (for tests and tools).
    var array: [PythonToken] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
