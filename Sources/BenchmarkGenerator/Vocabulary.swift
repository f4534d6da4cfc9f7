/// Words the generator builds names from, so the application reads like a real one.
enum Vocabulary {
    /// Table nouns (plural) with the singular used for foreign key columns; short, so generated
    /// constraint names stay well under PostgreSQL's 63-byte limit.
    static let nouns: [(plural: String, singular: String)] = [
        ("accounts", "account"), ("invoices", "invoice"), ("orders", "order"), ("payments", "payment"),
        ("projects", "project"), ("tasks", "task"), ("comments", "comment"), ("devices", "device"),
        ("sessions", "session"), ("reports", "report"), ("shipments", "shipment"), ("tickets", "ticket"),
        ("reviews", "review"), ("products", "product"), ("vendors", "vendor"), ("coupons", "coupon"),
        ("messages", "message"), ("events", "event"), ("assets", "asset"), ("contracts", "contract"),
        ("teams", "team"), ("members", "member"), ("folders", "folder"), ("documents", "document"),
    ]

    /// Enum families: a type-name stem and its labels (at least three, the first is the default).
    static let enumFamilies: [(stem: String, labels: [String])] = [
        ("order_status", ["draft", "pending", "paid", "shipped", "cancelled"]),
        ("priority_level", ["low", "medium", "high", "urgent"]),
        ("plan_tier", ["free", "starter", "pro", "enterprise"]),
        ("review_state", ["open", "in_review", "approved", "rejected"]),
        ("visibility", ["private", "team", "public"]),
        ("sync_state", ["idle", "queued", "running", "failed", "done"]),
    ]

    static let varcharLengths = [80, 120, 160, 255]
    static let numericShapes: [(Int, Int)] = [(10, 2), (12, 2), (14, 4), (18, 6)]
    static let actions: [ForeignKeyAction] = [.cascade, .setNull, .restrict]
}
