/// Memoized per-class results. Reading a large project evaluates the same mixins and bases once per
/// model; caching keeps the cost linear in the size of the input. One per reading, never shared
/// across threads.
final class BuilderCache: @unchecked Sendable {
    var ancestors: [ClassKey: [Ancestor]] = [:]
    var baseInfo: [ClassKey: BaseInfo?] = [:]
    var isDeclarativeBase: [ClassKey: Bool] = [:]
    /// What `declarative_base(...)` calls state, by where the call is written.
    var generatedBaseInfo: [GeneratedBaseKey: BaseInfo] = [:]
    /// Columns of a class body, keyed by class and by the declarative base they were evaluated for.
    var bodyColumns: [BodyColumnsKey: [ColumnSpec]] = [:]
    /// Body columns moved into their class's table instead (see ``takeColumns(_:)``).
    var movedColumns: [BodyColumnsKey: MovedColumns] = [:]
    /// Column statements already evaluated (see ``StatementMemo``), and numbers for base fingerprints.
    var statementColumns: [StatementMemo.Key: StatementMemo.Entry] = [:]
    var baseNumbers: [StatementMemo.BaseFingerprint: Int] = [:]
    /// The numbers of fingerprints without convention or type map, by what they do hold.
    var plainBaseNumbers: [PlainBaseKey: Int] = [:]
    /// Columns of repeated class-body lines, by the line they repeat (see ``RepeatedKey``).
    var repeatedColumns: [RepeatedKey: RepeatedEntry] = [:]
    /// Set by evaluations that read state that changes while building (tables made so far) or take
    /// offsets from outside the statement, which therefore must not be memoized.
    var dependsOnState = false
    /// Set by evaluations that read tables built so far (not just offsets from elsewhere): their
    /// results cannot be prepared ahead on another thread (see ``Preparation``).
    var readsBuildState = false

    /// Whether ``ModelBuilder/lookUpColumn(_:in:)`` records into ``columnLookups`` (see ``PreparedTableArgs``).
    var recordsColumnLookups = false
    var columnLookups: [ColumnLookup] = []

    /// Room for `count` classes in the per-class memos (see ``ModelBuilder/reserveForClasses(_:)``).
    func reserveForClasses(_ count: Int) {
        ancestors.reserveCapacity(count)
        baseInfo.reserveCapacity(count)
        isDeclarativeBase.reserveCapacity(count)
        bodyColumns.reserveCapacity(count)
        movedColumns.reserveCapacity(count)
    }

    struct GeneratedBaseKey: Hashable {
        var module: ModuleID
        var offset: Int
    }

    struct PlainBaseKey: Hashable {
        var schema: String?
        var isSQLModel: Bool
    }

    struct BodyColumnsKey: Hashable {
        var key: ClassKey
        var base: ClassKey?
        var sqlModel: Bool
    }
}
