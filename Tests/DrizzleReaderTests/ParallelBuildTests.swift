@testable import DrizzleReader
import Dispatch
import SchemaModel
import SourceScanning
import TestSupport
import Testing

/// Tables read on two threads (``ParallelBuild``) must give what reading them on one thread gives:
/// the same catalog and the same diagnostics in the same order, wherever the modules are split.
@Suite struct ParallelBuildTests {
    /// Files that reference the tables of earlier files, spread shared columns, repeat an enum and
    /// link a policy across files; all read without a diagnostic.
    static let clean: [String: String] = [
        "db/a.ts": """
        import { pgTable, pgEnum, integer, text, uuid, index } from 'drizzle-orm/pg-core';
        import { stamps } from './shared';
        export const status = pgEnum('status', ['new', 'done']);
        export const users = pgTable('users', {
          id: uuid('id').primaryKey().defaultRandom(),
          name: text('name').notNull(),
          state: status('state').default('new'),
          ...stamps,
        }, (t) => [index('users_name_idx').on(t.name)]);
        """,
        "db/b.ts": """
        import { pgTable, integer, text, uuid, uniqueIndex, check } from 'drizzle-orm/pg-core';
        import { sql } from 'drizzle-orm';
        import { users } from './a';
        import { stamps } from './shared';
        export const posts = pgTable('posts', {
          id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
          author: uuid('author').notNull().references(() => users.id),
          title: text('title'),
          ...stamps,
        }, (t) => [uniqueIndex().on(t.title), check('title_len', sql`length(${t.title}) < 200`)]);
        """,
        "db/c.ts": """
        import { pgEnum, pgSequence, pgPolicy, pgView } from 'drizzle-orm/pg-core';
        import { sql } from 'drizzle-orm';
        import { users } from './a';
        export const status = pgEnum('status', ['new', 'done', 'other']);
        export const counter = pgSequence('counter');
        export const ownUsers = pgPolicy('own_users', { for: 'select', using: sql`true` }).link(users);
        export const names = pgView('names').as(sql`select name from users`);
        """,
        "db/d.ts": """
        import { pgTable, integer, uuid, varchar } from 'drizzle-orm/pg-core';
        import { users } from './a';
        export const orders = pgTable('orders', {
          id: integer('id').primaryKey(),
          buyer: uuid('buyer').references(() => users.id, { onDelete: 'cascade' }),
          parent: integer('parent'),
          code: varchar('code', { length: 12 }).unique(),
        });
        """,
        "db/shared.ts": """
        import { timestamp } from 'drizzle-orm/pg-core';
        export const stamps = { createdAt: timestamp('created_at').defaultNow().notNull() };
        """,
    ]

    /// ``clean`` with files that log diagnostics, a table declared twice in different files, a
    /// self-referencing constant and a policy linked to a table that is not read.
    static let troubled: [String: String] = clean.merging([
        "db/e.ts": """
        import { pgTable, integer, text } from 'drizzle-orm/pg-core';
        import { gone } from './missing';
        export const broken = pgTable('broken', { id: integer('id').default(gone), n: text('n').default(frob()) });
        """,
        "db/f.ts": """
        import { pgTable, integer } from 'drizzle-orm/pg-core';
        export const users = pgTable('users', { id: integer('id') });
        """,
        "db/g.ts": """
        import { pgTable, integer } from 'drizzle-orm/pg-core';
        const x = y + 1;
        const y = x + 1;
        export const loops = pgTable('loops', { id: integer('id').default(x) });
        """,
        "db/h.ts": """
        import { pgPolicy } from 'drizzle-orm/pg-core';
        import { elsewhere } from './missing';
        export const stray = pgPolicy('stray', { for: 'all' }).link(elsewhere);
        """,
    ]) { old, _ in old }

    func read(_ files: [String: String], split: Int?) -> (result: ReadResult, keptSecondRun: Bool?) {
        DrizzleReader.read(paths: ["db"], files: InMemorySourceFiles(files), options: .init(), split: split)
    }

    func moduleCount(_ paths: [String], _ files: SourceFileProvider) -> Int {
        DrizzleReader.load(paths: paths, files: files, options: .init()).modules.count
    }

    @Test func cleanFilesAreReadOnTwoThreadsAtEverySplit() {
        let serial = read(ParallelBuildTests.clean, split: nil)
        #expect(serial.keptSecondRun == nil)
        #expect(serial.result.messages == [])
        #expect(serial.result.catalog.tableCount == 3)
        let count = moduleCount(["db"], InMemorySourceFiles(ParallelBuildTests.clean))
        #expect(count == 5)
        for split in 1..<count {
            let parallel = read(ParallelBuildTests.clean, split: split)
            #expect(parallel.keptSecondRun == true, "split \(split)")
            #expect(parallel.result.catalog == serial.result.catalog, "split \(split)")
            #expect(parallel.result.messages == serial.result.messages, "split \(split)")
        }
    }

    @Test func troubledFilesGiveTheSerialResultAtEverySplit() {
        let serial = read(ParallelBuildTests.troubled, split: nil)
        #expect(serial.result.messages.count >= 4)
        #expect(serial.result.messages.contains { $0.contains("table 'public.users' is declared more than once") })
        let count = moduleCount(["db"], InMemorySourceFiles(ParallelBuildTests.troubled))
        var keptSplits = 0
        for split in 1..<count {
            let parallel = read(ParallelBuildTests.troubled, split: split)
            if parallel.keptSecondRun == true { keptSplits += 1 }
            #expect(parallel.result.catalog == serial.result.catalog, "split \(split)")
            #expect(parallel.result.messages == serial.result.messages, "split \(split)")
        }
        // Only a split after every troubled file keeps the second run (there is none here: h.ts is last).
        #expect(keptSplits == 0)
    }

    static let laterFile = """
        import { pgTable, integer, text } from 'drizzle-orm/pg-core';
        export const notes = pgTable('notes', { id: integer('id').primaryKey(), body: text('body').notNull() });
        """

    /// What the first run logs stays where a serial read logs it, and does not stop the second run
    /// from being kept; a limit met in the first run (a self-reference) does.
    @Test(arguments: [
        ("import { pgTable, integer } from 'drizzle-orm/pg-core';\nexport const odd = pgTable('odd', { id: integer('id').default(frob()) });\n", true),
        ("import { pgTable, integer } from 'drizzle-orm/pg-core';\nconst x = y + 1;\nconst y = x + 1;\nexport const loops = pgTable('loops', { id: integer('id').default(x) });\n", false),
    ])
    func whatTheFirstRunMeets(_ first: String, _ keep: Bool) {
        let files = ["db/a.ts": first, "db/b.ts": ParallelBuildTests.laterFile]
        let serial = read(files, split: nil)
        let parallel = read(files, split: 1)
        #expect(parallel.keptSecondRun == keep)
        #expect(!serial.result.messages.isEmpty)
        #expect(parallel.result.catalog == serial.result.catalog)
        #expect(parallel.result.messages == serial.result.messages)
        #expect(serial.result.catalog.tableCount == 2)
    }

    /// A table the second run references whose columns its tokens do not tell (a helper gives a name):
    /// the stand-in made from the tokens differs from the first run's, so the second run is read again.
    @Test func aDifferentStandInIsNotKept() {
        let files = [
            "db/a.ts": """
            import { pgTable, integer, text } from 'drizzle-orm/pg-core';
            const named = (name: string) => text('real_' + name);
            export const users = pgTable('users', { id: integer('id').primaryKey(), label: named('label') });
            """,
            "db/b.ts": """
            import { pgTable, integer } from 'drizzle-orm/pg-core';
            import { users } from './a';
            export const posts = pgTable('posts', { id: integer('id'), author: integer('author').references(() => users.label) });
            """,
        ]
        let serial = read(files, split: nil)
        let parallel = read(files, split: 1)
        #expect(parallel.keptSecondRun == false)
        #expect(parallel.result.catalog == serial.result.catalog)
        #expect(parallel.result.messages == serial.result.messages)
        #expect(serial.result.table("posts")?.foreignKeys.first?.referencedColumns == ["real_label"])
    }

    /// A table of the second run evaluated by the first run (a reference to a later table): a serial
    /// read reads it the general way, so the second run is read again.
    @Test func aTableReferencedBeforeItIsReadIsNotKept() {
        let files = [
            "db/a.ts": """
            import { pgTable, integer } from 'drizzle-orm/pg-core';
            import { orders } from './b';
            export const users = pgTable('users', { id: integer('id').primaryKey(), last: integer('last').references(() => orders.id) });
            """,
            "db/b.ts": """
            import { pgTable, integer } from 'drizzle-orm/pg-core';
            export const orders = pgTable('orders', { id: integer('id').primaryKey(), n: integer('n').notNull() });
            """,
        ]
        let serial = read(files, split: nil)
        let parallel = read(files, split: 1)
        #expect(parallel.keptSecondRun == false)
        #expect(parallel.result.catalog == serial.result.catalog)
        #expect(parallel.result.messages == serial.result.messages)
        #expect(serial.result.table("users")?.foreignKeys.first?.referencedTable.name == "orders")
    }

    /// Every split of each fixture application gives the serial result; a split is kept unless its
    /// checks refuse it. delula and roborail reference a table of a late file (`users`) from earlier
    /// files: the first run evaluates it, and the second run, which reads its last file first, has
    /// read it already. pixcrawler's `profiles`, which the later files reference, is read the general
    /// way (it references `authUsers`); the stand-ins of it are checked against its evaluated value.
    @Test(arguments: [("delula", 2), ("pixcrawler", 6), ("roborail", 0)])
    func fixturesGiveTheSerialResultAtEverySplit(_ name: String, _ keptSplits: Int) {
        let paths = [TestSupport.fixturePath(name) + "/drizzle"]
        let files = TestSupport.files
        let serial = DrizzleReader.read(paths: paths, files: files, options: .init(), split: nil)
        #expect(serial.keptSecondRun == nil)
        #expect(serial.result.messages == [])
        let count = moduleCount(paths, files)
        var kept = 0
        for split in 1..<max(count, 2) {
            let parallel = DrizzleReader.read(paths: paths, files: files, options: .init(), split: split)
            #expect(parallel.result.catalog == serial.result.catalog, "split \(split)")
            #expect(parallel.result.messages == serial.result.messages, "split \(split)")
            if parallel.keptSecondRun == true { kept += 1 }
        }
        #expect(kept == keptSplits, "of \(count - 1) splits")
    }

    @Test func splitsOnlyLargeInputsOfSeveralModules() {
        let evaluator = DrizzleReader.load(paths: ["db"], files: InMemorySourceFiles(ParallelBuildTests.clean), options: .init())
        let total = evaluator.modules.reduce(0) { $0 + $1.file.bytes.count }
        #expect(!ParallelBuild.shouldSplit(evaluator, minimumBytes: total + 1))
        #expect(ParallelBuild.shouldSplit(evaluator, minimumBytes: total))
        let single = DrizzleReader.load(paths: ["db/shared.ts"], files: InMemorySourceFiles(ParallelBuildTests.clean), options: .init())
        #expect(single.modules.count == 1)
        #expect(!ParallelBuild.shouldSplit(single, minimumBytes: 0))
    }

    /// Where the threads' speeds make the runs meet: wherever that is, the serial result.
    @Test func theRunsMeetWhereverTheyMeetWithTheSerialResult() {
        for files in [ParallelBuildTests.clean, ParallelBuildTests.troubled] {
            let serial = read(files, split: nil)
            for _ in 0..<20 {
                let evaluator = DrizzleReader.load(paths: ["db"], files: InMemorySourceFiles(files), options: .init())
                var builder = CatalogBuilder(evaluator: evaluator)
                builder.parallelBytes = 0
                let (catalog, kept) = builder.build(split: nil)
                #expect(kept != nil)
                #expect(catalog == serial.result.catalog)
                #expect(evaluator.log.diagnostics.map(\.description) == serial.result.diagnostics.map(\.description))
            }
        }
    }

    /// Every module is claimed once, the first run's from the front and the second's from the back,
    /// and the meeting point divides them; a fixed meeting point holds whatever the threads do.
    @Test(arguments: [nil, 0, 3, 7, 10] as [Int?])
    func modulesAreClaimedOnceFromBothEnds(_ meetingAt: Int?) {
        for _ in 0..<50 {
            let claims = ModuleClaims(count: 10, meetingAt: meetingAt)
            let taken = TakenModules()
            DispatchQueue.concurrentPerform(iterations: 2) { run in
                while let index = run == 0 ? claims.nextFromFront() : claims.nextFromBack() { taken.add(run, index) }
            }
            let meeting = claims.meetingPoint
            if let meetingAt { #expect(meeting == meetingAt) }
            #expect(taken.list(0) == Array(0..<meeting))
            #expect(taken.list(1) == Array((meeting..<10).reversed()))
        }
    }
}

/// The modules each run claimed, in order (``ParallelBuildTests/modulesAreClaimedOnceFromBothEnds(_:)``).
private final class TakenModules: @unchecked Sendable {
    private var runs: [[Int]] = [[], []]
    private let lock = DispatchSemaphore(value: 1)

    func add(_ run: Int, _ index: Int) {
        lock.wait()
        runs[run].append(index)
        lock.signal()
    }

    func list(_ run: Int) -> [Int] {
        lock.wait()
        defer { lock.signal() }
        return runs[run]
    }
}

extension ParallelBuildTests {
    @Test func normalizesManyTablesAsOneThreadDoes() {
        var catalog = Catalog(source: .drizzle)
        for k in (0..<150).reversed() {
            let provenance = Provenance(source: .drizzle, location: nil)
            var table = Table(name: "t\(k)", provenance: provenance)
            table.indexes = [TableIndex(name: "b\(k)", keys: [.init(column: "x")], provenance: provenance),
                             TableIndex(name: "a\(k)", keys: [.init(column: "y")], provenance: provenance)]
            catalog.add(table, toSchema: k % 3 == 0 ? "other" : "public")
        }
        #expect(ParallelBuild.normalized(catalog) == catalog.normalized())
    }
}
