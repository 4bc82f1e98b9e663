// broken_*: order-count's slot was dropped: the status prints, then the build fails with the problem in one line
def log = new File(basedir, 'build.log').text
assert log =~ /(?m)^UNHEALTHY at 20/
assert log =~ /(?m)^it_shop_broken  projections  order-count  -       MISSING /
assert log.contains('[ERROR] Failed to execute goal dev.stele:stele-maven-plugin:') : 'stele:status did not fail'
def expected = 'on project shop-ops: Stele status is UNHEALTHY: slot it_shop_broken of [order-count] is missing: its' +
        ' reader cannot resume without skipping what it held -> [Help 1]'
assert log.contains(expected) : 'build.log lacks: ' + expected

// one line, no stack trace: nothing of the cause chain is printed without -e/-X
assert !(log =~ /(?m)^\s+at [a-z]/) : "build.log has a stack trace"
assert !log.contains("Caused by") : "build.log has a cause chain"
