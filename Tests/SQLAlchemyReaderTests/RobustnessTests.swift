import SchemaModel
import SourceScanning
import Testing
import TestSupport

@testable import SQLAlchemyReader

/// SplitMix64: a small deterministic generator, so every run feeds the same inputs.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
}

@Suite struct RobustnessTests {
    /// Seeds: small models exercising every construct, plus the fixtures' files.
    static func seeds() throws -> [[UInt8]] {
        var texts = [
            """
            import sqlalchemy as sa
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, declared_attr
            class Base(DeclarativeBase):
                metadata = sa.MetaData(schema="app", naming_convention={"ix": "ix_%(column_0_label)s"})
            class Mixin:
                @declared_attr
                def owner_id(cls) -> Mapped[int]:
                    return mapped_column(sa.ForeignKey("owners.id", ondelete="CASCADE"))
            class T(Mixin, Base):
                __tablename__ = f"{'t'}"
                __table_args__ = (sa.Index("ix", "a", postgresql_where=sa.text("a > 0")), {"comment": 'x'})
                id: Mapped[int] = mapped_column(primary_key=True)
                a: Mapped[str | None] = mapped_column(sa.String(5), server_default=sa.text("'x'"))
                b = sa.Column(sa.Enum("p", "q", name="pq"), nullable=False, default=lambda: "p")
            sa.event.listen(T.__table__, "after_create", sa.DDL('''ALTER TABLE t ENABLE ROW LEVEL SECURITY;
              CREATE POLICY p ON t FOR SELECT USING (a = 'x');
              CREATE TRIGGER g AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();'''))
            """,
            "x = r'\\d' + b\"\\x00\" + rb'''a''' + f\"{y!r:>{w}}\" \\\n  + 0x1F + 1_000.5e-3j\n",
            "class A(B, metaclass=M, table=True):\n\tx: int = Field(sa_column=Column(String))\n\tdef f(self, *a, **k) -> None: ...\n",
        ]
        for name in ["pixcrawler-backend/sqlalchemy/models.py", "ledger-classic/sqlalchemy/accounts.py"] {
            texts.append(try TestSupport.fixtureText(name))
        }
        return texts.map { Array($0.utf8) }
    }

    /// One mutation of `input`: byte flips, truncation, span deletion, span duplication, insertion of
    /// structural characters.
    static func mutate(_ input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let rounds = 1 + random.below(4)
        for _ in 0..<rounds where !bytes.isEmpty {
            let at = random.below(bytes.count)
            switch random.below(6) {
            case 0: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << random.below(8))
            case 1: bytes.removeSubrange(at...)
            case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(40)))
            case 3:
                let span = Array(bytes[at..<min(bytes.count, at + 1 + random.below(80))])
                bytes.insert(contentsOf: span, at: random.below(bytes.count))
            case 4:
                let structural: [UInt8] = Array("()[]{}'\"\\:\n\t #@=,.f\"\"\"".utf8)
                bytes.insert(structural[random.below(structural.count)], at: at)
            default: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            }
        }
        return bytes
    }

    @Test func thousandsOfMutatedAndRandomInputsTerminateWithoutCrashing() throws {
        let seeds = try Self.seeds()
        var random = SplitMix64(state: 0x5A5A_2026)
        var inputs = 0
        var withErrors = 0
        for round in 0..<3_000 {
            let bytes: [UInt8]
            if round % 10 == 9 {
                bytes = (0..<random.below(400)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            } else {
                bytes = Self.mutate(seeds[round % seeds.count], &random)
            }
            var files = InMemorySourceFiles([:])
            files.files["m.py"] = bytes
            let result = SQLAlchemyReader.read(paths: ["m.py"], files: files)
            inputs += 1
            if result.hasErrors { withErrors += 1 }
            #expect(result.diagnostics.count <= 1_000)
        }
        #expect(inputs == 3_000)
        // The mutations are strong enough to break most inputs: the recovery paths really ran.
        #expect(withErrors > 1_000)
    }

    /// Valid but extreme shapes: long operator and trailer chains are read without building trees too
    /// deep to walk or free; deep nesting is reported and skipped.
    @Test(arguments: [
        ("x = 1" + String(repeating: " + 1", count: 100_000) + "\n", false),
        ("y = a" + String(repeating: ".b", count: 100_000) + "\n", false),
        ("z = f" + String(repeating: "()", count: 100_000) + "\n", false),
        ("w = " + String(repeating: "not ", count: 100_000) + "x\n", true),
        ("v = 2" + String(repeating: " ** 2", count: 100_000) + "\n", true),
        ((0..<1_000).map { String(repeating: " ", count: $0) + "if x:\n" }.joined() + String(repeating: " ", count: 1_000) + "pass\n", true),
    ])
    func extremeShapesTerminate(source: String, reportsNesting: Bool) {
        let result = Read.source(source)
        #expect(result.catalog.tableCount == 0)
        #expect(result.messages.contains { $0.contains("nested too deeply") } == reportsNesting)
    }
}
