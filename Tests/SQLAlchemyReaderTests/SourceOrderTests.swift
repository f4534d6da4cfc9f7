import SchemaModel
import Testing

@testable import SQLAlchemyReader

/// Module statements and classes are read in source order, as Python runs them.
@Suite struct SourceOrderTests {
    @Test func classUsesAClassicTableDefinedAboveIt() throws {
        let result = Read.source("""
            from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, Table
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

            class Base(DeclarativeBase):
                pass

            users = Table("users", Base.metadata, Column("id", Integer, primary_key=True))

            class Post(Base):
                __tablename__ = "posts"
                id: Mapped[int] = mapped_column(primary_key=True)
                author_id: Mapped[int] = mapped_column(ForeignKey(users.c.id))

            Index("ix_posts_author", Post.author_id)
            """)
        #expect(result.messages.isEmpty, "\(result.messages)")
        let posts = try #require(result.table("posts"))
        #expect(posts.foreignKeys.map(\.referencedTable) == [QualifiedName(schema: "public", name: "users")])
        #expect(posts.foreignKeys.map(\.referencedColumns) == [["id"]])
        #expect(posts.indexes.map(\.name) == ["ix_posts_author"])
        #expect(result.table("users") != nil)
    }
}
