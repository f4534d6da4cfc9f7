#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines of one file the lexer already tokenized cleanly, by their text, so that a line repeating
/// one gets the recorded tokens moved instead of being lexed again.
///
/// Model files repeat whole lines from class to class (`id: Mapped[int] = mapped_column(primary_key=True)`,
/// `name: Mapped[str] = mapped_column(String(120))`); in a generated 1,000-table package seven in ten
/// column lines repeat one above them. Lexing is a function of the bytes and of the state at the
/// line start, and at a line start outside brackets that state is always the same, so a line whose
/// bytes (up to its newline) equal those of a recorded line that was lexed without a diagnostic
/// and ended at its newline outside brackets lexes to that line's tokens moved. The first copied
/// token names the recorded line (``PythonToken/repeatOf``), which lets the parser skip building
/// the same statement again (``PythonParser/parseClassLine(into:)``).
struct RepeatedLines {
    /// A recorded line: where its text starts, its length up to the newline, and its tokens (without
    /// the NEWLINE).
    private struct Line {
        var start: Int
        var length: Int
        var hash: UInt64
        var firstToken: Int
        var tokenCount: Int
    }

    private var lines: [Line] = []
    /// Open addressing over `lines` by text hash: a line's index plus one, zero for a free slot.
    private var slots = [Int32](repeating: 0, count: 256)
    /// The line being lexed, recorded when it ends cleanly at `end`.
    private var pending: (line: Line, end: Int, logged: Int)?

    /// At the start of a line outside brackets (after its indentation): when the line repeats a
    /// recorded one, appends that line's tokens moved to `start` and returns the offset of the
    /// line's newline, where lexing goes on; else nil, and the line is noted for recording.
    /// `logged` counts the diagnostics so far.
    mutating func copy(at start: Int, bytes: UnsafeBufferPointer<UInt8>, tokens: inout LexerBuffer<PythonToken>, logged: Int) -> Int? {
        pending = nil
        // A continuation line (`\` first) or the last line without a newline: lexed as usual.
        guard start < bytes.count, bytes[start] != 0x5C, let base = bytes.baseAddress,
            let found = memchr(base + start, 0x0A, bytes.count - start)
        else { return nil }
        let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        let length = end - start
        guard length > 0 else { return nil }
        let hash = Self.hash(base + start, length)
        if let line = find(hash: hash, length: length), memcmp(base + line.start, base + start, length) == 0 {
            // Later in the file, and within it (the lexer took its size), so it fits the offsets.
            let delta = UInt32(truncatingIfNeeded: start - line.start)
            // Tokens are plain data: copied as bytes in one go, then moved (a string's content
            // range is relative to its start, so it moves along).
            let first = tokens.appendCopies(from: line.firstToken, count: line.tokenCount)
            // Only now: appending may have moved the storage.
            let copies = tokens.base + first
            for k in 0..<line.tokenCount {
                copies[k].shift(by: delta)
                copies[k].repeatOf = 0
            }
            copies[0].repeatOf = Int32(truncatingIfNeeded: line.firstToken + 1)
            return end
        }
        pending = (Line(start: start, length: length, hash: hash, firstToken: tokens.count, tokenCount: 0), end, logged)
        return nil
    }

    /// At a newline outside brackets at offset `end`, before its NEWLINE token: records the noted
    /// line if this is its own newline and lexing it reported nothing.
    mutating func lineEnded(at end: Int, tokens: borrowing LexerBuffer<PythonToken>, logged: Int) {
        guard var noted = pending else { return }
        pending = nil
        guard noted.end == end, noted.logged == logged, tokens.count > noted.line.firstToken,
            tokens.count - noted.line.firstToken < Int(Int32.max), find(hash: noted.line.hash, length: noted.line.length) == nil
        else { return }
        noted.line.tokenCount = tokens.count - noted.line.firstToken
        if (lines.count + 1) * 2 > slots.count { grow() }
        lines.append(noted.line)
        insert(index: lines.count - 1)
    }

    private func find(hash: UInt64, length: Int) -> Line? {
        guard !lines.isEmpty else { return nil }
        let mask = slots.count - 1
        var k = Int(truncatingIfNeeded: hash) & mask
        while slots[k] != 0 {
            let line = lines[Int(slots[k]) - 1]
            if line.hash == hash, line.length == length { return line }
            k = (k + 1) & mask
        }
        return nil
    }

    private mutating func insert(index: Int) {
        let mask = slots.count - 1
        var k = Int(truncatingIfNeeded: lines[index].hash) & mask
        while slots[k] != 0 { k = (k + 1) & mask }
        slots[k] = Int32(index + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for index in lines.indices { insert(index: index) }
    }

    /// ``ByteHash`` of `length` bytes with its halves folded together, as the slot index takes only
    /// the low bits.
    private static func hash(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        let h = ByteHash.of(p, length)
        return h ^ (h >> 32)
    }
}
