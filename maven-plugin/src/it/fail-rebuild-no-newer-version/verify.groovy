// stele_*: order-count has one version, current: the goal has nothing to follow and says what to do
def log = new File(basedir, 'build.log').text
def expected = 'on project shop-ops: Projection order-count has no version newer than its current version 1 to' +
        ' rebuild: raise @Projection(version) and run the runner with the new class; docs/operations.md, Rebuilding a' +
        ' projection. -> [Help 1]'
assert log.contains(expected) : 'build.log lacks: ' + expected

// one line, no stack trace: nothing of the cause chain is printed without -e/-X
assert !(log =~ /(?m)^\s+at [a-z]/) : "build.log has a stack trace"
assert !log.contains("Caused by") : "build.log has a cause chain"
