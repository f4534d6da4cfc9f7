import SchemaModel
import Testing
@testable import SchemaDiff

@Suite("Side-by-side rows")
struct MatrixTests {
    private func profiles(_ result: DiffResult) -> TableComparison { result.tables.first { $0.name.name == "profiles" }! }

    @Test func columnCellsShowCanonicalTypeAndSpelling() {
        let result = SchemaDiffer.compare(
            reference: Build.labeled(.drizzle, edit: { $0.editColumn("profiles", "email") { $0.rawType = "varchar(255)" } }),
            others: [Build.labeled(.sqlalchemy, edit: { $0.editColumn("profiles", "email") { $0.rawType = "String(255)" } }),
                     Build.labeled(.database, edit: { $0.editColumn("profiles", "email") { $0.rawType = "character varying(255)" } })])
        let email = profiles(result).rows(of: .column).first { $0.name == "email" }!
        #expect(email.cells == [
            .present("character varying(255) (varchar(255)) · not null"),
            .present("character varying(255) (String(255)) · not null"),
            .present("character varying(255) · not null"),
        ])
        #expect(email.matches)
    }

    @Test func rowsFollowTheAnchorThenExtrasPerSource() {
        let result = SchemaDiffer.compare(
            reference: Build.labeled(.drizzle),
            others: [
                Build.labeled(.sqlalchemy, edit: { $0.edit("profiles") { $0.columns.append(Column(name: "legacy", type: .text, provenance: .database)) } }),
                Build.labeled(.database, edit: { $0.edit("profiles") { $0.columns.removeAll { $0.name == "mood" } } }),
            ])
        let columns = profiles(result).rows(of: .column)
        #expect(columns.map(\.name) == ["id", "email", "role", "mood", "created_at", "legacy"])
        #expect(columns[3].cells[2] == .absent)
        #expect(columns[5].cells[0] == .absent && columns[5].cells[2] == .absent)
        #expect(columns[5].objectKey == "public.profiles.legacy")
        #expect(columns.map(\.matches) == [true, true, true, false, true, false])
        #expect(profiles(result).rows.map(\.kind) == [.column, .column, .column, .column, .column, .column,
                                                     .primaryKey, .unique, .index, .rowLevelSecurity, .policy, .trigger])
    }

    @Test func tableOnlyInAComparedSourceIsAnchoredThere() {
        let result = Build.diff(database: {
            $0.add(Table(name: "audit", columns: [Column(name: "id", type: .bigint, provenance: .database)], provenance: .database), toSchema: "public")
        })
        let audit = result.tables.first { $0.name.name == "audit" }!
        #expect(audit.presentIn == [false, true])
        #expect(audit.rows(of: .column).map(\.cells) == [[.absent, .present("bigint · null")]])
        #expect(result.findings.map(\.id) == ["table_extra"])
    }

    @Test func enumCells() {
        let result = Build.diff(database: { $0.schemas[0].enums[0].labels = ["sad"] })
        #expect(result.enums.map(\.cells) == [[.present("sad, ok, happy"), .present("sad")]])
        #expect(result.enums.map(\.matches) == [false])
    }

    /// An enum finding (a finding without a table) beside a column finding: only the column's row is
    /// flagged; the rows of the other table are left alone.
    @Test func enumFindingsFlagNoTableRows() {
        let result = Build.diff(database: {
            $0.schemas[0].enums[0].labels = ["sad"]
            $0.edit("projects") { $0.columns[2].isNullable = true }
        })
        #expect(result.findings.map(\.id).sorted() == ["column_nullability_mismatch", "enum_value_missing", "enum_value_missing"])
        let projects = result.tables.first { $0.name.name == "projects" }!
        #expect(projects.rows(of: .column).map(\.matches) == [true, true, false])
        let profiles = result.tables.first { $0.name.name == "profiles" }!
        #expect(profiles.rows.allSatisfy { $0.matches })
    }
}

@Suite("Locations and hints")
struct LocationAndHintTests {
    @Test func missingColumnPointsAtBothDeclarations() {
        let result = SchemaDiffer.compare(
            reference: Build.labeled(.drizzle),
            others: [Build.labeled(.sqlalchemy, edit: { $0.edit("profiles") { $0.columns.removeAll { $0.name == "mood" } } })])
        let f = result.findings[0]
        #expect(f.reference == Finding.Side(source: "drizzle", location: SourceLocation(path: "lib/db/schema.ts", line: 14, column: 3)))
        // Where the column should go: the compared source's table.
        #expect(f.compared == Finding.Side(source: "sqlalchemy", location: SourceLocation(path: "backend/models.py", line: 10, column: 5)))
        #expect(f.hint == "change 'sqlalchemy' to match 'drizzle', or change 'drizzle' if it is the one that is wrong")
        #expect(f.table == QualifiedName(schema: "public", name: "profiles"))
        #expect(f.objectKind == .column)
    }

    @Test func modelsMayMapASubset() {
        let result = SchemaDiffer.compare(
            reference: Build.labeled(.drizzle),
            others: [Build.labeled(.sqlalchemy, edit: {
                $0.removeTable("projects")
                $0.edit("profiles") { $0.columns.removeAll { $0.name == "mood" || $0.name == "email" || $0.name == "role" } }
                $0.edit("profiles") { $0.columns.append(Column(name: "nickname", type: .text, provenance: Build.at(.sqlalchemy, 20))) }
            })])
        #expect(result.findings.map(Expect.init) == [
            // email is NOT NULL without a default: inserts through the model fail.
            Expect("column_missing", .error, "public.profiles.email", "character varying(255)", nil),
            // The model selects a column the reference (and so the database) does not have.
            Expect("column_extra", .error, "public.profiles.nickname", nil, "text"),
            Expect("column_missing", .warning, "public.profiles.mood", "public.mood", nil),
            Expect("column_missing", .warning, "public.profiles.role", "character varying(20)", nil),
            Expect("table_missing", .warning, "public.projects", "public.projects", nil),
        ])
    }

    @Test func databaseHintsCarrySQL() {
        let result = Build.diff(database: {
            $0.editColumn("profiles", "email") { $0.isNullable = true }
            $0.edit("projects") { $0.foreignKeys[0].onDelete = .restrict }
            $0.edit("profiles") { $0.indexes = [] }
        })
        let hints = Dictionary(uniqueKeysWithValues: result.findings.map { ($0.id, $0.hint ?? "") })
        #expect(hints["column_nullability_mismatch"] == "in 'database' run `ALTER TABLE public.profiles ALTER COLUMN email SET NOT NULL` (or change 'drizzle' if it is the one that is wrong)")
        #expect(hints["foreign_key_action_mismatch"] == "in 'database' run `ALTER TABLE public.projects DROP CONSTRAINT projects_user_id_fkey, ADD CONSTRAINT projects_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles (id) ON DELETE CASCADE` (or change 'drizzle' if it is the one that is wrong)")
        #expect(hints["index_missing"] == "in 'database' run `CREATE INDEX profiles_role_idx ON public.profiles USING btree (role)` (or change 'drizzle' if it is the one that is wrong)")
    }

    @Test func identityOptionHint() {
        let result = Build.diff(
            reference: { $0.editColumn("projects", "id") { $0.defaultExpression = nil; $0.identity = Identity(generation: .always, start: 1, cycle: false) } },
            database: { $0.editColumn("projects", "id") { $0.defaultExpression = nil; $0.identity = Identity(generation: .always, start: 5, cycle: true) } })
        #expect(result.findings.map(\.hint) == ["in 'database' run `ALTER TABLE public.projects ALTER COLUMN id SET START 1 SET NO CYCLE` (or change 'drizzle' if it is the one that is wrong)"])
    }

    @Test func foreignKeyActionMessageNamesOnlyWhatDiffers() {
        let one = Build.diff(database: { $0.edit("projects") { $0.foreignKeys[0].onUpdate = .cascade } })
        #expect(one.findings.map(\.message) == [
            "foreign key (user_id) on 'public.projects' has on update 'cascade' in 'database' but 'no action' in 'drizzle'",
        ])
        let both = Build.diff(database: { $0.edit("projects") { $0.foreignKeys[0].onUpdate = .cascade; $0.foreignKeys[0].onDelete = .setNull } })
        #expect(both.findings.map(\.message) == [
            "foreign key (user_id) on 'public.projects' has on delete 'set null' and on update 'cascade' in 'database' but on delete 'cascade' and on update 'no action' in 'drizzle'",
        ])
    }

    @Test func quotedIdentifiersInSQL() {
        let result = Build.diff(
            reference: { $0.edit("profiles") { $0.columns.append(Column(name: "Display Name", type: .text, provenance: .database)) } },
            database: { _ in })
        #expect(result.findings.first?.hint == "in 'database' run `ALTER TABLE public.profiles ADD COLUMN \"Display Name\" text` (or change 'drizzle' if it is the one that is wrong)")
    }
}
