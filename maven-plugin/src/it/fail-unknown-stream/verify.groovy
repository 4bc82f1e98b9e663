// order-o-1003 has no events: one line naming the streams with similar names
def log = new File(basedir, 'build.log').text
def expected = 'on project shop-ops: replay order-o-1003 failed: stream order-o-1003 has no events; streams with similar' +
        ' names: [order-o-1001, order-o-1002, order-o-bad] -> [Help 1]'
assert log.contains(expected) : 'build.log lacks: ' + expected

// one line, no stack trace: nothing of the cause chain is printed without -e/-X
assert !(log =~ /(?m)^\s+at [a-z]/) : "build.log has a stack trace"
assert !log.contains("Caused by") : "build.log has a cause chain"
