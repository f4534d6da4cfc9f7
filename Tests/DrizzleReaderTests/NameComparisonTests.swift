@testable import DrizzleReader
import SourceScanning
import Testing

/// Names compared by their bytes (``PackedName``, ``TSParser/textEquals(_:_:)``) must agree with
/// comparing the decoded strings, for every length and at the very end of the input (where the packed
/// reader cannot load whole words past the name).
@Suite struct NameComparisonTests {
    static let names = [
        "a", "t", "sql", "uuid", "varchar", "integer1", "timestamp", "pgTable", "uniqueIndex", "generatedAlways",
        "priorityLevel001", "priorityLevel0001", "priorityLevel00012345", "abcdefghijklmnopqrstuvwx", "abcdefghijklmnopqrstuvwxy",
        "ñame", "K", "\u{212A}",
    ]

    /// Every pair of names, each at the start of a long input and at its end.
    @Test(arguments: names) func packedNamesAgreeWithStrings(_ name: String) {
        for other in Self.names {
            for source in ["\(other) + padding padding padding padding", "x + \(other)"] {
                let bytes = Array(source.utf8)
                let lexer = TSLexer.lex(bytes)
                let token = source.hasPrefix("x + ") ? lexer.tokens[2] : lexer.tokens[0]
                let text = String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
                #expect(text == other)
                let packedToken = PackedName(bytes, Int(token.start), Int(token.end))
                let packedName = PackedName(name)
                #expect((packedToken == nil) == (other.utf8.count > PackedName.maximum))
                #expect((packedName == nil) == (name.utf8.count > PackedName.maximum))
                if let packedToken, let packedName {
                    #expect((packedToken == packedName) == (Array(name.utf8) == Array(other.utf8)))
                }
                let parser = TSParser(bytes: bytes, tokens: lexer.tokens)
                #expect(parser.textEquals(token, name) == (text == name), "\(other) vs \(name)")
            }
        }
    }

    @Test func emptyAndOutOfRangeNamesAreNotPacked() {
        let bytes = Array("abc".utf8)
        #expect(PackedName(bytes, 1, 1) == nil)
        #expect(PackedName(bytes, 2, 5) == nil)
        #expect(PackedName(bytes, -1, 2) == nil)
        #expect(PackedName("") == nil)
        #expect(PackedName(bytes, 0, 3) == PackedName("abc"))
    }

    /// A builder found by its token's bytes gives what looking its text up gives, and is memoized once.
    @Test func builderLookupByTokenMatchesLookupByName() {
        let source = """
            import { pgTable, varchar, integer } from 'drizzle-orm/pg-core';
            const integer2 = integer;
            export const t = pgTable('t', { a: varchar('a'), b: integer2('b') });

            """
        let evaluator = DrizzleEvaluator(defaultSchema: "public")
        let bytes = Array(source.utf8)
        let lexer = TSLexer.lex(bytes)
        let parser = TSParser(bytes: bytes, tokens: lexer.tokens)
        _ = evaluator.add(DrizzleEvaluator.Module(path: "schema.ts", file: SourceFile(path: "schema.ts", bytes: bytes),
                                                  syntax: TSParser.parse(bytes)))
        var memo = BuilderMemo()
        let tokens = lexer.tokens
        for name in ["varchar", "integer2", "varchar", "nothing", "integer2"] {
            let index = tokens.lastIndex { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) == name }
            let byToken = index.map { evaluator.builderValue(0, parser, tokens[$0], &memo) } ?? nil
            var fresh = BuilderMemo()
            let byName = evaluator.builderValue(0, name, &fresh)
            #expect(String(describing: byToken) == String(describing: byName), "\(name)")
        }
        #expect(memo.entries.map(\.name) == ["varchar", "integer2"])
    }

    /// Locations found from the last one's line (``DrizzleEvaluator/location(_:_:)``) are the ones the
    /// line table gives, in any order, across modules and at the ends of the input.
    @Test func locationsAgreeWithTheLineTable() {
        let sources = ["a\nbb\n\nccc\ndddd\ne\nf\ng\nh\ni\nj\nk", "x\ny\n", ""]
        let evaluator = DrizzleEvaluator(defaultSchema: "public")
        var files: [SourceFile] = []
        for (index, source) in sources.enumerated() {
            let file = SourceFile(path: "m\(index).ts", bytes: Array(source.utf8))
            files.append(file)
            _ = evaluator.add(DrizzleEvaluator.Module(path: file.path, file: file, syntax: TSParser.parse(file.bytes)))
        }
        var offsets: [(Int, Int)] = []
        for module in files.indices {
            let count = files[module].bytes.count
            offsets += (0...count + 1).map { (module, $0) }
            offsets += (0...count + 1).reversed().map { (module, $0) }
            offsets += [(module, 0), (module, count), (module, count / 2), (module, 1), (module, count + 5)]
        }
        offsets += [(0, 3), (1, 2), (0, 4), (0, 27), (0, 2), (0, 9)]
        for (module, offset) in offsets {
            #expect(evaluator.location(module, offset) == files[module].location(at: offset), "\(module):\(offset)")
        }
    }
}

/// The Supabase roles a policy names, found by comparing names, are the ones the table lists.
@Suite struct SupabaseRoleTests {
    @Test(arguments: Array(DrizzleEvaluator.supabaseRoles.keys) + ["authUid", "role", "", "anonrole", "authenticatedRole2"])
    func agreesWithTheTable(_ name: String) {
        #expect(DrizzleEvaluator.supabaseRole(name) == DrizzleEvaluator.supabaseRoles[name])
    }
}

/// Stand-in column values shared by explicit name are the values made for that name, in any order
/// and for names seen again.
@Suite struct StandInColumnTests {
    @Test func sharedValuesAreTheNamesOwn() {
        let evaluator = DrizzleEvaluator(defaultSchema: "public")
        let names = (0..<300).map { "column_\($0)" } + ["id", "x", String(repeating: "long_name_", count: 4), "ñame", ""]
        for round in 0..<2 {
            for name in round == 0 ? names : names.reversed() {
                guard case .chain(let chain) = evaluator.standInColumn(name) else {
                    Issue.record("no chain for \(name) in round \(round)")
                    continue
                }
                #expect(chain.root == "" && chain.args.count == 1 && chain.args.first?.stringValue == name)
                #expect(evaluator.columnNames(key: "key", value: .chain(chain)) == (name, name))
            }
        }
        guard case .undefined = evaluator.standInColumn(nil) else {
            Issue.record("a column without an explicit name has a stand-in")
            return
        }
    }
}
