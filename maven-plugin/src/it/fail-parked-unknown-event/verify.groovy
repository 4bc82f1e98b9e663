// an event id that is not parked: one line saying so and where to look
def log = new File(basedir, 'build.log').text
def expected = 'on project shop-ops: No parked event 00000000-0000-4000-8000-000000000000 in any projection; stele:parked' +
        ' lists the parked events. -> [Help 1]'
assert log.contains(expected) : 'build.log lacks: ' + expected

// one line, no stack trace: nothing of the cause chain is printed without -e/-X
assert !(log =~ /(?m)^\s+at [a-z]/) : "build.log has a stack trace"
assert !log.contains("Caused by") : "build.log has a cause chain"
