print("schema-audit")
