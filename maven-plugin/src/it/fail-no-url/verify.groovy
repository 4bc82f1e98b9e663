// an empty -Dstele.jdbc.url (and no STELE_JDBC_URL): one line saying how to name the database
def log = new File(basedir, 'build.log').text
def expected = 'on project shop-ops: No database to inspect: give its JDBC URL with' +
        ' -Dstele.jdbc.url=jdbc:postgresql://host:5432/db (or the environment variable STELE_JDBC_URL). -> [Help 1]'
assert log.contains(expected) : 'build.log lacks: ' + expected

// one line, no stack trace: nothing of the cause chain is printed without -e/-X
assert !(log =~ /(?m)^\s+at [a-z]/) : "build.log has a stack trace"
assert !log.contains("Caused by") : "build.log has a cause chain"
