import PostgresCatalog
import SchemaModel
import Testing
import TestSupport

/// Constraints, indexes and triggers come back from the server as attribute numbers and are named
/// from the columns query; these cases are where that could go wrong.
@Suite struct CatalogNameResolutionTests {
    static let sql = """
        CREATE SCHEMA auth;
        CREATE TABLE auth.users (pad int, "User ID" uuid PRIMARY KEY);
        CREATE TABLE public.notes (
            a int, dropped int, "a""b" text, body text, owner uuid,
            "Weird Col" int NOT NULL,
            PRIMARY KEY ("Weird Col", a),
            FOREIGN KEY (owner) REFERENCES auth.users ("User ID") ON DELETE CASCADE,
            UNIQUE ("a""b", body)
        );
        ALTER TABLE public.notes DROP COLUMN dropped;
        CREATE TABLE public.children (
            id int PRIMARY KEY, note_w int, note_a int,
            FOREIGN KEY (note_w, note_a) REFERENCES public.notes ("Weird Col", a)
        );
        CREATE INDEX notes_mixed_idx ON public.notes (lower(body) DESC, "a""b" text_pattern_ops, (a + 1)) INCLUDE (owner);
        CREATE INDEX notes_pattern_idx ON public.notes (body varchar_pattern_ops NULLS FIRST);
        CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER notes_touch BEFORE UPDATE OF "a""b", body, a ON public.notes
            FOR EACH ROW EXECUTE FUNCTION public.touch();
        """

    @Test func namesComeFromAttributeNumbers() throws {
        let database = try LiveDatabase.create("names", sql: Self.sql)
        let catalog = try PostgresCatalogReader(
            connectionString: ConnectionString(database.url), options: .init(schemas: ["public"])
        ).read().catalog
        let notes = try #require(catalog.table(QualifiedName(schema: "public", name: "notes")))
        #expect(notes.columns.map(\.name) == ["a", "a\"b", "body", "owner", "Weird Col"])
        #expect(notes.primaryKey?.columns == ["Weird Col", "a"])
        #expect(notes.uniqueConstraints.first?.columns == ["a\"b", "body"])
        // auth is not selected: the referenced column is named by the server.
        let owner = try #require(notes.foreignKeys.first)
        #expect(owner.referencedTable == QualifiedName(schema: "auth", name: "users"))
        #expect(owner.referencedColumns == ["User ID"])
        #expect(owner.columns == ["owner"])
        let children = try #require(catalog.table(QualifiedName(schema: "public", name: "children")))
        #expect(children.foreignKeys.first?.columns == ["note_w", "note_a"])
        #expect(children.foreignKeys.first?.referencedColumns == ["Weird Col", "a"])

        let mixed = try #require(notes.indexes.first { $0.name == "notes_mixed_idx" })
        #expect(mixed.keys.map(\.column) == [nil, "a\"b", nil])
        #expect(mixed.keys.map(\.expression) == ["lower(body)", nil, "(a + 1)"])
        #expect(mixed.keys.map(\.descending) == [true, false, false])
        #expect(mixed.keys.map(\.operatorClass) == [nil, "text_pattern_ops", nil])
        #expect(mixed.includedColumns == ["owner"])
        let pattern = try #require(notes.indexes.first { $0.name == "notes_pattern_idx" })
        #expect(pattern.keys.first?.operatorClass == "varchar_pattern_ops")
        #expect(pattern.keys.first?.nullsFirst == true)

        let trigger = try #require(notes.triggers.first)
        #expect(trigger.events.first?.columns == ["a", "a\"b", "body"])
    }
}
