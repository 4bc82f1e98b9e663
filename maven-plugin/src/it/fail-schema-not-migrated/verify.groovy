// no nothing_* tables: one line saying the schema is not migrated and which schema and prefix were read
def log = new File(basedir, 'build.log').text
def expected = "on project shop-ops: read the status failed: schema 'public' has no Stele tables (prefix 'nothing_');" +
        " run the store's migrations first: EventStore.create(dataSource, catalog, options) applies them (looked in" +
        " schema 'public' with table prefix 'nothing_': set -Dstele.schema / -Dstele.tablePrefix if the store is" +
        " elsewhere) -> [Help 1]"
assert log.contains(expected) : 'build.log lacks: ' + expected

// one line, no stack trace: nothing of the cause chain is printed without -e/-X
assert !(log =~ /(?m)^\s+at [a-z]/) : "build.log has a stack trace"
assert !log.contains("Caused by") : "build.log has a cause chain"
