import SchemaAuditKit
import SchemaModel
import Testing
import TestSupport

/// The loader does not normalize file catalogs again (it cost a second pass over every table):
/// both readers must hand back catalogs that are already in normal form.
@Suite struct NormalizedReaderOutputTests {
    @Test(arguments: [
        (SourceKind.drizzle, "pixcrawler/drizzle"), (.drizzle, "delula/drizzle"), (.drizzle, "roborail/drizzle"),
        (.drizzle, "compare-drift/drizzle"), (.sqlalchemy, "ledger-classic/sqlalchemy"),
        (.sqlalchemy, "pixcrawler-backend/sqlalchemy"),
    ])
    func loadedFileCatalogsAreNormalized(kind: SourceKind, fixture: String) throws {
        let loaded = try SourceLoader().load(SourceSpec(kind: kind, label: kind.rawValue, values: [TestSupport.fixturePath(fixture)]))
        #expect(loaded.catalog.tableCount > 0)
        #expect(loaded.catalog == loaded.catalog.normalized())
    }
}
