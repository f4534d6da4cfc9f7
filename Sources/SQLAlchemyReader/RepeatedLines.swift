#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Class-body lines of one file already parsed cleanly, by their text.
///
/// Model files repeat whole lines from class to class (`id: Mapped[int] = mapped_column(primary_key=True)`,
/// `name: Mapped[str] = mapped_column(String(120))`); in a generated 1,000-table package seven in ten
/// column lines repeat one above them. Building the syntax tree of each copy, then freeing it, was
/// a large part of reading. A line whose tokens are those of a recorded line, shifted, parses to the
/// recorded statement shifted (the parser looks at nothing but the tokens and their bytes), so the
/// parser checks that and keeps the recorded statement with the distance instead
/// (``PyStmt/repeated(_:delta:)``); model building reuses results by statement text anyway
/// (``StatementMemo``) and spells a copy out only where it must evaluate it.
struct RepeatedLines {
    /// A recorded line: its tokens (the last one its NEWLINE), where its text starts, the parser's
    /// nesting when it was parsed, and its statement.
    struct Line {
        var firstToken: Int
        var tokenCount: Int
        var textStart: Int
        var textLength: Int
        var hash: UInt64
        var depth: Int
        var sawTrailingComma: Bool
        var statement: RepeatedStatement
    }

    private(set) var lines: [Line] = []
    /// Open addressing over `lines` by text hash: a line's index plus one, zero for a free slot.
    private var slots = [Int32](repeating: 0, count: 256)

    /// The recorded line with this text hash and length, if any (the caller compares the text).
    func find(hash: UInt64, length: Int) -> Line? {
        guard !lines.isEmpty else { return nil }
        let mask = slots.count - 1
        var k = Int(truncatingIfNeeded: hash) & mask
        while slots[k] != 0 {
            let line = lines[Int(slots[k]) - 1]
            if line.hash == hash, line.textLength == length { return line }
            k = (k + 1) & mask
        }
        return nil
    }

    /// Records a line; a second line with the same hash and length is not recorded (the first
    /// stands for both).
    mutating func record(_ line: Line) {
        if find(hash: line.hash, length: line.textLength) != nil { return }
        if (lines.count + 1) * 2 > slots.count { grow() }
        lines.append(line)
        insert(index: lines.count - 1)
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

    /// A hash of `length` bytes at `start`, eight at a time (the text is compared on a match).
    static func hash(_ bytes: [UInt8], start: Int, length: Int) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(length)
            var k = start
            let end = start + length
            while k + 8 <= end {
                h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                k += 8
            }
            while k < end {
                h = (h ^ UInt64(raw[k])) &* 0x0000_0100_0000_01B3
                k += 1
            }
            return h ^ (h >> 32)
        }
    }
}

extension PythonParser {
    /// One line of a class body at the current token (a name): the recorded statement when the line
    /// repeats a recorded one, else parsed, and recorded when it is a clean one-statement line.
    mutating func parseClassLine(into body: inout [PyStmt]) {
        // The logical line: up to its NEWLINE, none of whose tokens is an indent or dedent.
        var end = i
        while true {
            let kind = tokens[end].kind
            if kind == .newline { break }
            if kind == .indent || kind == .dedent || kind == .eof {
                parseStatement(into: &body)
                return
            }
            end += 1
        }
        let textStart = tokens[i].start
        let textLength = tokens[end].start - textStart
        let hash = RepeatedLines.hash(bytes, start: textStart, length: textLength)
        if let line = repeats.find(hash: hash, length: textLength), repeatsLine(line, upTo: end) {
            i = end + 1
            lastSequenceHadComma = line.sawTrailingComma
            body.append(.repeated(line.statement, delta: textStart - line.textStart))
            return
        }
        let start = i
        let simple = !isWord("class") && !isWord("def") && !isWord("async") && !isCompoundWord()
        let logged = log.diagnostics.count + log.suppressed
        let count = body.count
        parseStatement(into: &body)
        guard simple, i == end + 1, body.count == count + 1, log.diagnostics.count + log.suppressed == logged,
            Self.isRepeatable(body[count])
        else { return }
        repeats.record(RepeatedLines.Line(
            firstToken: start, tokenCount: end + 1 - start, textStart: textStart, textLength: textLength, hash: hash,
            depth: nestingDepth, sawTrailingComma: lastSequenceHadComma, statement: RepeatedStatement(body[count])))
    }

    /// Whether the tokens from the current one to `end` (the NEWLINE) are `line`'s, moved, over the
    /// same bytes, at the same nesting: then parsing them would give `line`'s statement moved.
    private func repeatsLine(_ line: RepeatedLines.Line, upTo end: Int) -> Bool {
        guard line.depth == nestingDepth, line.tokenCount == end + 1 - i else { return false }
        let textStart = tokens[i].start
        let same = bytes.withUnsafeBytes { raw in
            memcmp(raw.baseAddress! + line.textStart, raw.baseAddress! + textStart, line.textLength) == 0
        }
        guard same else { return false }
        let delta = textStart - line.textStart
        for k in 0..<line.tokenCount {
            let a = tokens[line.firstToken + k], b = tokens[i + k]
            guard a.kind == b.kind, a.start + delta == b.start, a.end + delta == b.end, a.op == b.op,
                a.isRaw == b.isRaw, a.isFString == b.isFString, a.isBytes == b.isBytes
            else { return false }
            if a.kind == .string, a.contentStart + delta != b.contentStart || a.contentEnd + delta != b.contentEnd { return false }
            if a.kind != .string, a.contentStart != b.contentStart || a.contentEnd != b.contentEnd { return false }
        }
        return true
    }

    /// Statements worth recording: a column-like attribute (`name: T = ...` or `name = ...`, one
    /// plain target) whose name does not start with `_`, so that readers of dunder attributes
    /// (`__tablename__`, `__table_args__`) never meet a repeated line.
    private static func isRepeatable(_ stmt: PyStmt) -> Bool {
        switch stmt {
        case .annotated(.name(let name, _), _, _, _):
            return name.utf8.first != UInt8(ascii: "_")
        case .assign(let targets, _, _):
            guard targets.count == 1, case .name(let name, _) = targets[0] else { return false }
            return name.utf8.first != UInt8(ascii: "_")
        default:
            return false
        }
    }
}
