// every registered projection with its parked events: order-count parked order-o-bad's OrderPlaced after 2 attempts
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'stele:parked failed'
assert log =~ /(?m)^order-count: 1 parked event$/
def expected = '  OrderPlaced v2 at position 5 (stream order-o-bad version 1, event 00000000-0000-4000-8000-00000000bad1):' +
        ' java.lang.IllegalStateException: order-count refuses order o-bad after 2 attempts'
assert log.contains(expected) : 'build.log lacks: ' + expected
