import Dispatch
import SchemaModel
import SourceScanning

/// Reads SQLAlchemy model files statically into a ``Catalog``: it never imports or runs the Python.
///
/// Files or package directories go in; every `.py` file below a directory is read except tests,
/// migrations and virtual environments. Sibling and relative imports are followed for bases and mixins.
public struct SQLAlchemyReader {
    /// How to read.
    public struct Options: Sendable {
        /// The schema of tables whose code names none (PostgreSQL's `public`).
        public var defaultSchema: String = "public"
        /// A schema name the code reads at run time (`MetaData(schema=os.environ["DB_SCHEMA"])`);
        /// supplied by configuration or `--sqlalchemy-schema`.
        public var schemaOverride: String?

        public init(defaultSchema: String = "public", schemaOverride: String? = nil) {
            self.defaultSchema = defaultSchema
            self.schemaOverride = schemaOverride
        }
    }

    /// Reads `paths` (files or directories, shown in locations as given) through `files`.
    public static func read(paths: [String], files: SourceFileProvider, options: Options = .init()) -> ReadResult {
        var project = PythonProject(files: files)
        project.load(paths: paths)
        var builder = ModelBuilder(project: project, options: options)
        let result = builder.build()
        DeferredRelease.release(consume builder, consume project)
        return result
    }
}

/// Frees the syntax trees and caches of a finished reading on another thread.
///
/// Tearing down tens of thousands of small nodes took about 8% of a large reading; nothing waits
/// for it, so the caller gets its result without paying for it (as compilers that skip freeing
/// before exit do), and on a multi-core machine it overlaps with what the caller does next.
enum DeferredRelease {
    private final class Box: @unchecked Sendable {
        var contents: (ModelBuilder, PythonProject)?
        init(_ contents: (ModelBuilder, PythonProject)) { self.contents = contents }
    }

    static func release(_ builder: consuming ModelBuilder, _ project: consuming PythonProject) {
        let box = Box((builder, project))
        DispatchQueue.global(qos: .utility).async { box.contents = nil }
    }

    private final class CatalogBox: @unchecked Sendable {
        var catalog: Catalog?
        init(_ catalog: Catalog) { self.catalog = catalog }
    }

    /// Frees `catalog` on another thread (a catalog superseded by its normalized copy).
    static func release(_ catalog: consuming Catalog) {
        let box = CatalogBox(catalog)
        DispatchQueue.global(qos: .utility).async { box.catalog = nil }
    }
}
