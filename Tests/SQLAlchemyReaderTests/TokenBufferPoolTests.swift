import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

/// Token storage handed from one parse to the next must be reused when it is large enough, and
/// parses through a pool must give what parses without one give.
@Suite struct TokenBufferPoolTests {
    @Test func aListGivesItsStorageBackAndTheNextFileReusesIt() {
        let pool = TokenBufferPool()
        var log = DiagnosticLog()
        do {
            let tokens = PythonLexer.tokenList(SourceFile(path: "m.py", text: "x = 1\n"), log: &log, pool: pool)
            withExtendedLifetime(tokens) {
                #expect(tokens.count == 5)
                #expect(pool.freeCount == 0)
            }
        }
        #expect(pool.freeCount == 1)
        // Big enough for a file of the same size: the same block again.
        let reused = pool.take(capacity: 4)
        let base = reused.base
        #expect(pool.freeCount == 0)
        withExtendedLifetime(TokenList(reused, pool: pool)) {}
        #expect(pool.freeCount == 1)
        let again = pool.take(capacity: 4)
        #expect(again.base == base)
        withExtendedLifetime(TokenList(again, pool: pool)) {}
        // Too small for a much larger file: the block is freed and a new one made.
        let larger = pool.take(capacity: 100_000)
        #expect(pool.freeCount == 0)
        withExtendedLifetime(TokenList(larger, pool: pool)) {}
        #expect(pool.freeCount == 1)
    }

    @Test func theLargestFreeBlockIsTakenFirst() {
        let pool = TokenBufferPool()
        let small = pool.take(capacity: 16), large = pool.take(capacity: 4_000)
        let largeBase = large.base
        withExtendedLifetime((TokenList(large, pool: pool), TokenList(small, pool: pool))) {}
        #expect(pool.freeCount == 2)
        let next = pool.take(capacity: 10)
        #expect(next.base == largeBase)
        #expect(pool.freeCount == 1)
    }

    @Test func pooledParsesEqualFreshParses() {
        let sources = (0..<6).map { i in
            "class T\(i)(Base):\n    __tablename__ = 't\(i)'\n" + String(repeating: "    id: Mapped[int] = mapped_column(primary_key=True)\n", count: i * 40)
                + "x = f'{y}' + r\"\"\"z\"\"\" + (1,\n"
        }
        let pool = TokenBufferPool()
        for source in sources + sources {
            var pooledLog = DiagnosticLog(), freshLog = DiagnosticLog()
            let file = SourceFile(path: "m.py", text: source)
            let pooled = PythonParser.parse(file, log: &pooledLog, pool: pool)
            let fresh = PythonParser.parse(file, log: &freshLog)
            #expect(String(reflecting: pooled) == String(reflecting: fresh))
            #expect(pooledLog.diagnostics.map(\.description) == freshLog.diagnostics.map(\.description))
        }
        #expect(pool.freeCount >= 1)
    }

    @Test func unreadableFilesAreLeftOutOfAParallelParse() {
        let files = InMemorySourceFiles(["a.py": "x = 1\n", "b.py": "y = (\n"])
        let parsed = ParallelParsing.parse(["a.py", "missing.py", "b.py"], files: files)
        #expect(parsed.map { $0?.file.path } == ["a.py", nil, "b.py"])
        #expect(parsed[2]?.diagnostics.isEmpty == false)
    }
}
