import SchemaModel
import Testing

@testable import SQLAlchemyReader

/// A type's enum parts and a column's identity are stored out of line; they must read back as
/// written, change independently and stay unshared between copies.
@Suite struct OutOfLineFieldTests {
    private static let status = EnumType(
        schema: "public", name: "status", labels: ["a", "b"], provenance: Provenance(source: .sqlalchemy, location: nil))

    @Test func enumPartsReadBackAndChangeOneAtATime() {
        var type = TypeSpec(sqlType: SQLType("public.status"), enumType: Self.status)
        #expect(type.enumType == Self.status && type.enumCheck == nil)
        type.enumCheck = (name: "ck", labels: ["x"])
        #expect(type.enumType == Self.status)
        #expect(type.enumCheck?.name == "ck" && type.enumCheck?.labels == ["x"])
        type.enumType = nil
        #expect(type.enumType == nil && type.enumCheck?.labels == ["x"])
        type.enumCheck = nil
        #expect(type.enumType == nil && type.enumCheck == nil)
        #expect(MemoryLayout<TypeSpec>.size < MemoryLayout<EnumType>.size + MemoryLayout<SQLType>.size)
    }

    @Test func copiesDoNotShareChanges() {
        let original = TypeSpec(sqlType: SQLType("text"), notStated: true, enumType: Self.status, enumCheck: (name: nil, labels: ["a"]))
        var copy = original
        copy.enumType?.name = "other"
        copy.enumCheck = nil
        #expect(original.enumType?.name == "status" && original.enumCheck?.labels == ["a"] && original.notStated)
        #expect(copy.enumType?.name == "other" && copy.enumCheck == nil)
    }

    @Test func rareColumnFieldsReadBackAndChangeOneAtATime() {
        var column = ColumnSpec(
            key: "c", name: "c", type: TypeSpec(sqlType: SQLType("text")), rawType: "Text", nullable: true,
            location: SchemaModel.SourceLocation(path: "m.py", line: 2, column: 5))
        #expect(column.clientDefault == nil && column.computed == nil && column.comment == nil)
        column.comment = "note"
        column.clientDefault = "default=1"
        let before = column
        column.computed = "a + b"
        column.comment = nil
        #expect(column.clientDefault == "default=1" && column.computed == "a + b" && column.comment == nil)
        #expect(before.comment == "note" && before.computed == nil && before.clientDefault == "default=1")
        column.clientDefault = nil
        column.computed = nil
        #expect(column.clientDefault == nil && column.computed == nil && column.comment == nil)
        #expect(column.key == "c" && column.location.line == 2 && column.nullable)
    }

    @Test func aColumnSpecKeepsItsIdentity() {
        var column = ColumnSpec(
            key: "id", name: "id", type: TypeSpec(sqlType: SQLType("bigint")), rawType: "BigInteger", nullable: false,
            location: SchemaModel.SourceLocation(path: "m.py", line: 1, column: 1))
        #expect(column.identity == nil)
        var identity = Identity(generation: .always)
        identity.start = 10
        column.identity = identity
        let copy = column
        column.identity?.increment = 5
        #expect(copy.identity == identity)
        #expect(column.identity?.increment == 5 && column.identity?.start == 10)
    }
}

/// Tables are added to their schemas in declaration order, whether they all share one schema (the
/// array is taken whole) or not (one by one).
@Suite struct CatalogAssemblyTests {
    private static func model(_ name: String, schema: String?) -> String {
        let args = schema.map { "    __table_args__ = {\"schema\": \"\($0)\"}\n" } ?? ""
        return "class \(name.capitalized)(Base):\n    __tablename__ = \"\(name)\"\n" + args + "    id: Mapped[int] = mapped_column(primary_key=True)\n\n"
    }

    private static let header = """
        import enum
        from sqlalchemy import Enum
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
        class Base(DeclarativeBase):
            pass
        class Mood(enum.Enum):
            happy = "happy"

        """

    @Test func oneSchemaKeepsDeclarationOrderWithEnums() {
        let source = Self.header + ["zeta", "alpha", "mid"].map { Self.model($0, schema: nil) }.joined()
            + "class Feel(Base):\n    __tablename__ = \"feel\"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    mood = mapped_column(Enum(Mood))\n"
        let result = Read.source(source)
        #expect(result.catalog.schemas.map(\.name) == ["public"])
        #expect(result.catalog.schemas.first?.tables.map(\.name) == ["alpha", "feel", "mid", "zeta"])
        #expect(result.catalog.schemas.first?.enums.map(\.name) == ["mood"])
    }

    @Test func tablesOfSeveralSchemasGoToEach() {
        let source = Self.header + Self.model("b", schema: "audit") + Self.model("a", schema: nil) + Self.model("c", schema: "audit")
        let result = Read.source(source)
        #expect(result.catalog.schemas.map(\.name) == ["audit", "public"])
        #expect(result.catalog.schemas.map { $0.tables.map(\.name) } == [["b", "c"], ["a"]])
    }
}
