/// The fixed set of catalog queries. Each reads one kind of object for every selected table at once
/// (never one query per table), ordered so the result is deterministic.
///
/// `$1` is the array of schema names to read for `schemas`, `tables`, `enums` and
/// `relationsOtherThanTables`; for the per-table queries it is the array of table OIDs that `tables`
/// returned, so the table selection is evaluated once. Lists travel as text joined with the unit
/// separator (U+001F), which cannot occur in identifiers a user would choose and needs no array parser.
///
/// Constraints, indexes and triggers return attribute numbers, not names: ``CatalogRows`` resolves
/// them with the columns query's `attnum`. A correlated subquery per row to look names up on the
/// server cost about two thirds of those queries (measured with EXPLAIN ANALYZE at 1,000 tables).
enum CatalogQueries {
    /// Tables the queries below read: ordinary and partitioned tables (not partitions), not owned by
    /// an extension, in the selected schemas. An extension membership (`deptype = 'e'`) always
    /// references `pg_extension`; saying so lets the server probe the few members by the referencing
    /// index instead of reading every dependency of every relation (at 10,000 tables the whole
    /// `tables` query went from about 110 ms to 55 ms).
    private static let selectedTables = """
        SELECT c.oid
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND n.nspname = ANY ($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass
                            AND d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                            AND d.deptype = 'e')
        """

    /// Non-system schemas not owned by an extension (used when the user names none).
    static let schemas = """
        SELECT n.nspname
        FROM pg_catalog.pg_namespace n
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass
                            AND d.classid = 'pg_catalog.pg_namespace'::regclass AND d.objid = n.oid
                            AND d.deptype = 'e')
        ORDER BY n.nspname
        """

    static let tables = """
        SELECT c.oid, n.nspname, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity,
               d.description
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid
             AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
        WHERE c.oid IN (\(selectedTables))
        ORDER BY n.nspname, c.relname
        """

    /// Columns with their type as OID and modifier: ``columnTypes`` formats each distinct pair once.
    /// Unordered: ``CatalogRows/decode(columns:types:identities:)`` puts them in table OID and
    /// attribute number order. Sorting on the server carried every default's stored expression
    /// through the sort, about 10 ms of this query's 45-55 ms at 1,000 tables; the rows arrive almost
    /// always in order already (hash joins keep the order of the `pg_attribute` scan).
    /// Formatting the type and joining `pg_type` twice per column, and the identity sequences per
    /// column, was half of this query's server time at 10,000 tables (118,000 columns, about 1,300
    /// distinct types, most of them per-table enums).
    static let columns = """
        SELECT a.attrelid, a.attname, a.atttypid, a.atttypmod, a.attnotnull,
               -- A default cannot reference columns, so it deparses without the relation (relid 0);
               -- opening every relation to build its cache entry was most of this query's time.
               CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, 0)
                    ELSE pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END,
               a.attidentity, a.attgenerated, d.description, a.attnum
        FROM pg_catalog.pg_attribute a
        LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid
             AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
        WHERE a.attrelid = ANY ($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
        """

    /// The distinct (type OID, modifier) pairs of the columns (`$1` oid[], `$2` int4[], aligned):
    /// the formatted type, `schema.name` of an enum, domain or composite (element) type, and 1 for
    /// an array type.
    static let columnTypes = """
        SELECT x.typid, x.typmod, pg_catalog.format_type(x.typid, x.typmod),
               CASE WHEN et.typtype IN ('e', 'd', 'c') THEN en.nspname || '.' || et.typname END,
               CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN 1 ELSE 0 END
        FROM unnest($1::oid[], $2::int4[]) AS x(typid, typmod)
        JOIN pg_catalog.pg_type t ON t.oid = x.typid
        JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0
                                                    THEN t.typelem ELSE t.oid END
        JOIN pg_catalog.pg_namespace en ON en.oid = et.typnamespace
        """

    /// The sequence options of identity columns (`$1`: OIDs of tables that have one): table OID,
    /// attribute number, start, increment, min, max, cache, cycle.
    static let identitySequences = """
        SELECT dep.refobjid, dep.refobjsubid,
               s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
        FROM pg_catalog.pg_depend dep
        JOIN pg_catalog.pg_sequence s ON s.seqrelid = dep.objid
        WHERE dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = ANY ($1::oid[])
          AND dep.classid = 'pg_catalog.pg_class'::regclass AND dep.deptype = 'i'
        """

    static let constraints = """
        SELECT con.conrelid, con.conname, con.contype, con.conkey::text,
               rn.nspname, rc.relname, con.confkey::text,
               con.confdeltype, con.confupdtype, con.condeferrable, con.condeferred,
               CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END,
               COALESCE(ix.indnullsnotdistinct, false),
               con.confrelid
        FROM pg_catalog.pg_constraint con
        LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
        LEFT JOIN pg_catalog.pg_index ix ON ix.indexrelid = con.conindid AND con.contype = 'u'
        WHERE con.conrelid = ANY ($1::oid[]) AND con.contype IN ('p', 'u', 'f', 'c')
        ORDER BY con.conrelid, con.conname
        """

    /// Column names of tables that foreign keys reference outside the selection (`auth.users`), which
    /// the columns query did not read; `$1` is their OIDs. Run only when there are such tables. (Doing
    /// this inside the constraints query with `confrelid = ANY($1)` per row scanned the whole OID
    /// array for every constraint: 1.4 s of 1.65 s at 10,000 tables.)
    static let referencedColumnsOutsideSelection = """
        SELECT a.attrelid, a.attname, a.attnum
        FROM pg_catalog.pg_attribute a
        WHERE a.attrelid = ANY ($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
        """

    /// Indexes that do not implement a primary key, unique or exclusion constraint of their table.
    static let indexes = """
        SELECT i.indrelid, ic.relname, i.indisunique, am.amname,
               pg_catalog.pg_get_expr(i.indpred, i.indrelid),
               i.indnkeyatts, i.indnatts, i.indnullsnotdistinct,
               i.indkey::text, i.indoption::text, i.indclass::text,
               CASE WHEN i.indexprs IS NOT NULL THEN array_to_string(ARRAY(
                   SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
                   FROM generate_series(1, i.indnatts) k
                   WHERE i.indkey[k - 1] = 0
                   ORDER BY k), chr(31)) END
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_am am ON am.oid = ic.relam
        WHERE i.indrelid = ANY ($1::oid[])
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c
                          WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                            AND c.contype IN ('p', 'u', 'x'))
        ORDER BY i.indrelid, ic.relname
        """

    /// Operator classes an index names only when they are not the default for its type.
    static let nonDefaultOperatorClasses = """
        SELECT opc.oid, opc.opcname FROM pg_catalog.pg_opclass opc WHERE NOT opc.opcdefault
        """

    static let enums = """
        SELECT n.nspname, t.typname,
               array_to_string(ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e
                                     WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder), chr(31))
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typtype = 'e' AND n.nspname = ANY ($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass
                            AND d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid
                            AND d.deptype = 'e')
        ORDER BY n.nspname, t.typname
        """

    static let policies = """
        SELECT pol.polrelid, pol.polname, pol.polpermissive, pol.polcmd,
               array_to_string(ARRAY(
                   SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r) END
                   FROM unnest(pol.polroles) r ORDER BY 1), chr(31)),
               pg_catalog.pg_get_expr(pol.polqual, pol.polrelid),
               pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid)
        FROM pg_catalog.pg_policy pol
        WHERE pol.polrelid = ANY ($1::oid[])
        ORDER BY pol.polrelid, pol.polname
        """

    static let triggers = """
        SELECT t.tgrelid, t.tgname, t.tgtype, pn.nspname, p.proname,
               encode(t.tgargs, 'hex'), t.tgattr::text,
               pg_catalog.pg_get_triggerdef(t.oid, true)
        FROM pg_catalog.pg_trigger t
        JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
        JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
        WHERE t.tgrelid = ANY ($1::oid[]) AND NOT t.tgisinternal
        ORDER BY t.tgrelid, t.tgname
        """

    /// Views and materialized views, and sequences that no column owns.
    static let relationsOtherThanTables = """
        SELECT n.nspname, c.relname, c.relkind,
               CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true) END
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('v', 'm', 'S') AND n.nspname = ANY ($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                            AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i'))))
        ORDER BY n.nspname, c.relname
        """
}
