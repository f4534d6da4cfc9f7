import SchemaModel
import Testing

@testable import SQLAlchemyReader

/// Tests that answer without building strings or dictionaries give the answers of the general ones.
@Suite struct MatchingShortcutTests {
    @Test(arguments: [
        ("sqlalchemy.Index", TableItemKind.index),
        ("Index", .index),
        ("sqlalchemy.schema.UniqueConstraint", .unique),
        ("sqlalchemy.CheckConstraint", .check),
        ("sqlalchemy.PrimaryKeyConstraint", .primaryKey),
        ("sqlalchemy.ForeignKeyConstraint", .foreignKey),
        ("sqlalchemy.UniqueConstraints", nil),
        ("sqlalchemy.Index.", nil),
        ("sqlalchemy.Indéx", nil),
        ("sqlalchemy.Column", nil),
        ("", nil),
        // KELVIN SIGN is canonically equivalent to K: equal as `String`s, as ``Resolved/externalName`` compares.
        ("sqlalchemy.Primary\u{212A}eyConstraint", .primaryKey),
        ("sqlalchemy.Foreign\u{212A}eyConstraint", .foreignKey),
    ] as [(String, TableItemKind?)])
    func tableItemKindAgreesWithStringComparison(dotted: String, expected: TableItemKind?) {
        let resolved = Resolved.external(dotted)
        #expect(resolved.tableItemKind == expected)
        let name = resolved.externalName
        #expect(resolved.tableItemKind == TableItemKind.allCases.first { name == $0.name.description })
    }

    @Test func nonExternalNamesAreNoKind() {
        #expect(Resolved.unknown.tableItemKind == nil)
    }

    @Test func fingerprintMatchAgreesWithBuiltFingerprints() {
        func base(schema: String? = nil, convention: [String: String] = [:], map: [String: (Int, Int)] = [:], sqlModel: Bool = false) -> BaseInfo {
            var info = BaseInfo()
            info.schema = schema
            info.convention = convention
            info.typeMap = map.mapValues { (PyExpr.name("T", at: $0.0), ModuleID(index: $0.1)) }
            info.isSQLModel = sqlModel
            return info
        }
        let bases = [
            base(), base(schema: "s"), base(sqlModel: true), base(convention: ["ix": "ix_%(column_0_label)s"]),
            base(map: ["str": (3, 0)]), base(map: ["str": (3, 1)]), base(map: ["str": (4, 0)]), base(map: ["int": (3, 0)]),
            base(map: ["str": (3, 0), "int": (5, 0)]),
        ]
        for a in bases {
            for b in bases {
                let built = StatementMemo.BaseFingerprint(a) == StatementMemo.BaseFingerprint(b)
                #expect(StatementMemo.BaseFingerprint(a).matches(b) == built)
            }
        }
        #expect(StatementMemo.BaseFingerprint(bases[4]).matches(base(map: ["str": (3, 0)])))
    }
}
