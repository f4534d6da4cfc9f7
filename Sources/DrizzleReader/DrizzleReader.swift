import SchemaModel
import SourceScanning

/// Reads Drizzle ORM (pg-core) TypeScript schema files statically into a ``Catalog``.
///
/// It never runs node: a lexer and a recognizer evaluate the subset of TypeScript schema files use
/// (imports and re-exports, constants, spreads, arrow functions, builder call chains) and map each
/// builder to the SQL drizzle-kit would emit for it.
public struct DrizzleReader {
    /// How column keys without an explicit name become database names.
    public enum Casing: String, Sendable {
        case snakeCase = "snake_case"
        case camelCase = "camelCase"
    }

    /// Reader settings.
    public struct Options: Sendable {
        /// Casing for key-named columns; nil detects it from `drizzle.config.*` or a `drizzle({ casing })`
        /// call in the input, and keeps keys as they are when neither says.
        public var casing: Casing?
        /// The schema of tables declared with plain `pgTable`.
        public var defaultSchema: String = "public"

        public init(casing: Casing? = nil, defaultSchema: String = "public") {
            self.casing = casing
            self.defaultSchema = defaultSchema
        }
    }

    /// File extensions read from directories and accepted as explicit inputs.
    static let extensions: Set<String> = ["ts", "tsx", "mts", "cts"]

    /// Reads the schema declared in `paths` (files or directories), following relative imports.
    public static func read(paths: [String], files: SourceFileProvider, options: Options = .init()) -> ReadResult {
        read(paths: paths, files: files, options: options, split: nil).result
    }

    /// ``read(paths:files:options:)``, reading the tables from module `split` on on a second thread when
    /// it is given (else when the input is large, ``ParallelBuild``); also tells whether that second
    /// run's tables were kept (nil: the tables were read on one thread).
    static func read(paths: [String], files: SourceFileProvider, options: Options, split: Int?) -> (result: ReadResult, keptSecondRun: Bool?) {
        let evaluator = load(paths: paths, files: files, options: options)
        let (catalog, kept) = CatalogBuilder(evaluator: evaluator).build(split: split)
        var diagnostics = evaluator.log.diagnostics
        if evaluator.log.suppressed > 0 {
            diagnostics.append(Diagnostic(.note, "\(evaluator.log.suppressed) more diagnostics suppressed"))
        }
        ReleaseInBackground.release(consume evaluator)
        return (ReadResult(catalog: catalog, diagnostics: diagnostics), kept)
    }

    /// An evaluator with the files of `paths` and the files they import loaded, and the casing set.
    static func load(paths: [String], files: SourceFileProvider, options: Options) -> DrizzleEvaluator {
        let evaluator = DrizzleEvaluator(defaultSchema: options.defaultSchema)
        var loader = ModuleLoader(files: files, evaluator: evaluator)
        for path in paths { loader.addInput(path) }
        loader.loadImports()
        evaluator.casing = options.casing ?? loader.detectCasing(paths: paths)
        return evaluator
    }
}
