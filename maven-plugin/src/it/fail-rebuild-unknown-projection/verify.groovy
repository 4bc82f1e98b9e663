// no projection order-counts: one line naming the registered projection it is close to
def log = new File(basedir, 'build.log').text
def expected = 'on project shop-ops: No projection order-counts is registered in this store; did you mean order-count?' +
        ' A projection is registered when a runner starts with it. -> [Help 1]'
assert log.contains(expected) : 'build.log lacks: ' + expected

// one line, no stack trace: nothing of the cause chain is printed without -e/-X
assert !(log =~ /(?m)^\s+at [a-z]/) : "build.log has a stack trace"
assert !log.contains("Caused by") : "build.log has a cause chain"
