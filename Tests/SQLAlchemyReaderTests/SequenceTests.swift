import SchemaModel
import Testing

@testable import SQLAlchemyReader

/// `Sequence(...)` on columns. The expectations are what SQLAlchemy 2.0's `create_all()` emits for
/// PostgreSQL: a column with its own sequence is a plain INTEGER (no SERIAL, no default) and the
/// sequence is created beside it in its own schema; `optional=True` keeps SERIAL and creates none;
/// `server_default=seq.next_value()` becomes `DEFAULT nextval('seq')`.
@Suite struct SequenceTests {
    static let models = """
        from sqlalchemy import BigInteger, Column, Integer, Sequence, String
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        class Base(DeclarativeBase):
            pass

        user_seq = Sequence("user_id_seq", start=100)

        class A(Base):
            __tablename__ = "a"
            id = Column(Integer, Sequence("a_seq", optional=True), primary_key=True)

        class B(Base):
            __tablename__ = "b"
            __table_args__ = {"schema": "other"}
            id = Column(Integer, Sequence("b_seq", schema="other"), primary_key=True)
            n = Column(Integer, Sequence("b_n_seq"))

        class C(Base):
            __tablename__ = "c"
            id: Mapped[int] = mapped_column(Sequence("c_seq", start=1, increment=1), primary_key=True)
            m: Mapped[int] = mapped_column(Integer, Sequence("c_m_seq"), server_default=Sequence("c_m_seq").next_value())

        class Users(Base):
            __tablename__ = "users"
            id = Column(Integer, user_seq, primary_key=True)
            name = Column(String(50))

        class Orders(Base):
            __tablename__ = "orders"
            id = Column(BigInteger, Sequence("order_id_seq", increment=5), primary_key=True)
            ref = Column(user_seq, Integer)

        """

    let result = Read.source(SequenceTests.models)

    @Test func readsWithoutDiagnostics() {
        #expect(result.messages == [])
    }

    @Test func anOptionalSequenceKeepsSerial() {
        let id = result.table("a")?.col("id")
        #expect(id?.type == .integer)
        #expect(id?.defaultExpression == "nextval('a_id_seq'::regclass)")
    }

    @Test func aColumnWithItsOwnSequenceIsAPlainInteger() {
        for (table, schema) in [("b", "other"), ("c", "public"), ("users", "public"), ("orders", "public")] {
            let id = result.table(table, schema: schema)?.col("id")
            #expect(id?.type == (table == "orders" ? .bigint : .integer), "\(table)")
            #expect(id?.defaultExpression == nil, "\(table)")
            #expect(id?.isNullable == false, "\(table)")
        }
        #expect(result.table("b", schema: "other")?.col("n")?.defaultExpression == nil)
    }

    @Test func aSequenceBoundToANameIsNotTheType() {
        #expect(result.table("users")?.col("id")?.type == .integer)
        #expect(result.table("orders")?.col("ref")?.type == .integer)
        #expect(result.table("users")?.col("id")?.notStated.contains(.columnType) == false)
    }

    @Test func nextValueIsTheDefault() {
        #expect(result.table("c")?.col("m")?.defaultExpression == "nextval('c_m_seq'::regclass)")
        #expect(result.table("c")?.col("m")?.isNullable == false)
    }

    @Test func theSequencesAreInTheirOwnSchemas() {
        let names = { (schema: String) in result.catalog.schema(named: schema)?.sequences.map(\.name) ?? [] }
        #expect(names("public") == ["b_n_seq", "c_m_seq", "c_seq", "order_id_seq", "user_id_seq"])
        #expect(names("other") == ["b_seq"])
        // Located at the column it is given to.
        #expect(result.catalog.schema(named: "public")?.sequences.first { $0.name == "c_seq" }?.provenance.location == result.table("c")?.col("id")?.provenance.location)
    }

    @Test func aSchemaQualifiesNextValueOutsidePublic() {
        let source = """
            from sqlalchemy import Column, Integer, Sequence
            from sqlalchemy.orm import declarative_base
            Base = declarative_base()
            seq = Sequence("n_seq", schema="billing")
            class T(Base):
                __tablename__ = "t"
                id = Column(Integer, primary_key=True)
                n = Column(Integer, seq, server_default=seq.next_value())
            """
        let t = Read.source(source).table("t")
        #expect(t?.col("n")?.defaultExpression == "nextval('billing.n_seq'::regclass)")
        #expect(t?.col("id")?.defaultExpression == "nextval('t_id_seq'::regclass)")
    }
}
