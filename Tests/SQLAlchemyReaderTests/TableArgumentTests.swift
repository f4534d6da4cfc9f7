import SchemaModel
import Testing

@testable import SQLAlchemyReader

private let header = """
    import os
    from sqlalchemy import (Column, CheckConstraint, ForeignKey, ForeignKeyConstraint, Index, Integer, MetaData,
        PrimaryKeyConstraint, String, Table, UniqueConstraint, func, text)
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

    """

@Suite struct TableArgumentTests {
    @Test func tupleOfConstraintsAndIndexesWithATrailingDict() {
        let result = Read.source(header + """
            class Base(DeclarativeBase):
                pass
            class T(Base):
                __tablename__ = "t"
                __table_args__ = (
                    UniqueConstraint("a", "b"),
                    UniqueConstraint("c", name="t_c_unique"),
                    CheckConstraint("a > 0"),
                    CheckConstraint("a < b"),
                    CheckConstraint("a <> 5"),
                    CheckConstraint("c IS NOT NULL", name="c_present"),
                    Index("ix_t_lower_c", func.lower(text("c")), postgresql_using="btree"),
                    Index("ix_t_b_desc", "b", postgresql_where=text("a > 1"), postgresql_include=["c"]),
                    Index("ix_t_c_trgm", "c", postgresql_using="gin", postgresql_ops={"c": "gin_trgm_ops"}),
                    {"schema": "app", "comment": "a table"},
                )
                id: Mapped[int] = mapped_column(primary_key=True)
                a: Mapped[int]
                b: Mapped[int]
                c: Mapped[str] = mapped_column(String(20))

            """)
        let t = result.table("t", schema: "app")
        #expect(t?.comment == "a table")
        #expect(t?.uniqueConstraints.map(\.name) == ["t_a_b_key", "t_c_unique"])
        #expect(t?.uniqueConstraints.first?.provenance.location == loc(10, 9))
        #expect(t?.checks.map(\.name) == ["c_present", "t_a_check", "t_a_check1", "t_check"])
        let indexes = t?.indexes ?? []
        #expect(indexes.map(\.name) == ["ix_t_b_desc", "ix_t_c_trgm", "ix_t_lower_c"])
        #expect(indexes[0].predicate == "a > 1" && indexes[0].includedColumns == ["c"])
        #expect(indexes[1].method == "gin" && indexes[1].keys.first?.operatorClass == "gin_trgm_ops")
        #expect(indexes[2].keys.first?.expression == "lower(c)")
        #expect(t?.col("id")?.defaultExpression == "nextval('app.t_id_seq'::regclass)")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func compositePrimaryAndForeignKeyConstraints() {
        let result = Read.source(header + """
            class Base(DeclarativeBase):
                pass
            class P(Base):
                __tablename__ = "p"
                a: Mapped[int] = mapped_column(primary_key=True)
                b: Mapped[int] = mapped_column(primary_key=True)
            class C(Base):
                __tablename__ = "c"
                __table_args__ = (
                    PrimaryKeyConstraint("x", "y", name="c_pk"),
                    ForeignKeyConstraint(["x", "y"], ["p.a", "p.b"], ondelete="CASCADE"),
                )
                x: Mapped[int]
                y: Mapped[int]

            """)
        let c = result.table("c")
        #expect(c?.primaryKey?.name == "c_pk")
        #expect(c?.primaryKey?.columns == ["x", "y"])
        #expect(c?.columns.map(\.isNullable) == [false, false])
        #expect(c?.foreignKeys.first?.name == "c_x_y_fkey")
        #expect(c?.foreignKeys.first?.referencedColumns == ["a", "b"])
        #expect(c?.foreignKeys.first?.onDelete == .cascade)
        #expect(result.table("p")?.col("a")?.defaultExpression == nil)
    }

    @Test func namingConventionNamesEveryConstraint() {
        let result = Read.source(header + """
            convention = {
                "ix": "ix_%(column_0_label)s",
                "uq": "uq_%(table_name)s_%(column_0_N_name)s",
                "ck": "ck_%(table_name)s_%(constraint_name)s",
                "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                "pk": "pk_%(table_name)s",
            }
            class Base(DeclarativeBase):
                metadata = MetaData(naming_convention=convention)
            class P(Base):
                __tablename__ = "p"
                id: Mapped[int] = mapped_column(primary_key=True)
            class T(Base):
                __tablename__ = "t"
                __table_args__ = (UniqueConstraint("a", "b"), CheckConstraint("a > 0", name="positive"))
                id: Mapped[int] = mapped_column(primary_key=True)
                a: Mapped[int] = mapped_column(unique=True, index=True)
                b: Mapped[int] = mapped_column(ForeignKey("p.id"), index=True)
                c: Mapped[int] = mapped_column(unique=True)

            """)
        let t = result.table("t")
        #expect(t?.primaryKey?.name == "pk_t")
        #expect(t?.uniqueConstraints.map(\.name) == ["uq_t_a_b", "uq_t_c"])
        #expect(t?.checks.map(\.name) == ["ck_t_positive"])
        #expect(t?.foreignKeys.map(\.name) == ["fk_t_b_p"])
        #expect(t?.indexes.map(\.name) == ["ix_t_a", "ix_t_b"])
    }

    @Test func longConventionNamesAreShortenedLikeSQLAlchemy() {
        let result = Read.source(header + """
            class Base(DeclarativeBase):
                metadata = MetaData(naming_convention={"uq": "uq_%(table_name)s_%(column_0_N_name)s"})
            class T(Base):
                __tablename__ = "subscription_notification_preferences"
                __table_args__ = (UniqueConstraint("organisation_identifier", "notification_channel_kind"),)
                id: Mapped[int] = mapped_column(primary_key=True)
                organisation_identifier: Mapped[int]
                notification_channel_kind: Mapped[int]

            """)
        // uq_subscription_notification_preferences_organisation_identifier_notification_channel_kind,
        // cut to 55 bytes + "_" + the last four hex digits of its MD5 (what SQLAlchemy 2.0 emits).
        #expect(result.table("subscription_notification_preferences")?.uniqueConstraints.first?.name
            == "uq_subscription_notification_preferences_organisation_i_793e")
    }

    @Test func metadataSchemaAndSchemaFromTheEnvironment() {
        let literal = Read.source(header + "class Base(DeclarativeBase):\n    metadata = MetaData(schema=\"app\")\nclass T(Base):\n    __tablename__ = \"t\"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    r: Mapped[int] = mapped_column(ForeignKey(\"t.id\"), index=True)\n")
        #expect(literal.table("t", schema: "app") != nil)
        #expect(literal.table("t", schema: "app")?.foreignKeys.first?.referencedTable == QualifiedName(schema: "app", name: "t"))
        #expect(literal.table("t", schema: "app")?.indexes.first?.name == "ix_app_t_r")

        let source = header + "class Base(DeclarativeBase):\n    metadata = MetaData(schema=os.environ[\"DB_SCHEMA\"])\nclass T(Base):\n    __tablename__ = \"t\"\n    id: Mapped[int] = mapped_column(primary_key=True)\n"
        let unset = Read.source(source)
        #expect(unset.table("t") != nil)
        #expect(unset.messages == ["models.py:6:32: warning: schema name is computed at run time; pass it with --sqlalchemy-schema"])
        let supplied = Read.source(source, options: .init(schemaOverride: "tenant"))
        #expect(supplied.table("t", schema: "tenant") != nil)
        #expect(supplied.diagnostics.isEmpty)
        let fallback = Read.source(header + "class Base(DeclarativeBase):\n    metadata = MetaData(schema=os.getenv(\"DB_SCHEMA\", \"core\"))\nclass T(Base):\n    __tablename__ = \"t\"\n    id: Mapped[int] = mapped_column(primary_key=True)\n")
        #expect(fallback.table("t", schema: "core") != nil)
    }

    @Test func classicTablesAndModuleLevelIndexes() {
        let result = Read.source(header + """
            class Base(DeclarativeBase):
                pass
            class User(Base):
                __tablename__ = "users"
                id: Mapped[int] = mapped_column(primary_key=True)
                email: Mapped[str]
            metadata = MetaData()
            user_roles = Table(
                "user_roles",
                Base.metadata,
                Column("user_id", ForeignKey("users.id"), primary_key=True),
                Column("role", String(20), primary_key=True),
                UniqueConstraint("role", "user_id"),
                comment="roles",
            )
            audit = Table("audit", metadata, Column("id", Integer, primary_key=True), schema="logs")
            Index("ix_users_email_lower", func.lower(text("email")), unique=True)
            Index("ix_users_email", User.email)
            Index("ix_users_email_ci", func.lower(User.email))

            """)
        let roles = result.table("user_roles")
        #expect(roles?.provenance.location == loc(12, 14))
        #expect(roles?.columns.map(\.name) == ["user_id", "role"])
        #expect(roles?.col("user_id")?.type == .integer)
        #expect(roles?.col("user_id")?.defaultExpression == nil)
        #expect(roles?.primaryKey?.columns == ["user_id", "role"])
        #expect(roles?.uniqueConstraints.first?.name == "user_roles_role_user_id_key")
        #expect(roles?.comment == "roles")
        #expect(result.table("audit", schema: "logs")?.col("id")?.defaultExpression == "nextval('logs.audit_id_seq'::regclass)")
        #expect(result.table("users")?.indexes.map(\.name) == ["ix_users_email", "ix_users_email_ci"])
        #expect(result.table("users")?.indexes.last?.keys.first?.expression == "lower(email)")
        #expect(result.messages == ["models.py:21:1: warning: cannot tell which table this Index belongs to"])
    }

    @Test func declarativeClassWithATableObject() {
        let result = Read.source(header + """
            class Base(DeclarativeBase):
                pass
            class Legacy(Base):
                __table__ = Table("legacy", Base.metadata, Column("id", Integer, primary_key=True))

            """)
        #expect(result.table("legacy")?.columns.map(\.name) == ["id"])
    }
}

@Suite struct ColumnCheckTests {
    @Test func columnLevelCheckConstraintsBecomeTableChecks() {
        let result = Read.source(header + """
            class Base(DeclarativeBase):
                pass
            class T(Base):
                __tablename__ = "t"
                id = Column(Integer, primary_key=True)
                qty = Column(Integer, CheckConstraint("qty > 0"), nullable=False)
                price = Column(Integer, CheckConstraint("price >= 0", name="price_ok"))

            """)
        let checks = result.table("t")?.checks ?? []
        #expect(checks.map(\.name) == ["price_ok", "t_qty_check"])
        #expect(checks.map(\.expression) == ["price >= 0", "qty > 0"])
        #expect(checks.last?.provenance.location == loc(10, 27))
    }
}
