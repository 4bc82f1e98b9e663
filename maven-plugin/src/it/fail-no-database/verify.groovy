// nothing listens on 127.0.0.1:1: one line that says so and what to check
def log = new File(basedir, 'build.log').text
def expected = 'on project shop-ops: read the stream categories failed: the database cannot be reached: Connection to' +
        ' 127.0.0.1:1 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP' +
        ' connections. (SQL state 08001); check -Dstele.jdbc.url (now jdbc:postgresql://127.0.0.1:1/postgres) and' +
        ' that the database runs. -> [Help 1]'
assert log.contains(expected) : 'build.log lacks: ' + expected

// one line, no stack trace: nothing of the cause chain is printed without -e/-X
assert !(log =~ /(?m)^\s+at [a-z]/) : "build.log has a stack trace"
assert !log.contains("Caused by") : "build.log has a cause chain"
