// stele:streams with no filter: the categories, then every stream, with what setup-shop's Seed wrote
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'stele:streams failed'
assert log =~ /(?m)^CATEGORY  STREAMS  EVENTS  FIRST RECORDED +LAST RECORDED$/ : 'no category table'
assert log =~ /(?m)^customer  1        1       20\d\d-/ : 'customer: 1 stream, 1 event'
assert log =~ /(?m)^order     3        4       20\d\d-/ : 'order: 3 streams, 4 events'
assert log =~ /(?m)^STREAM        EVENTS  VERSION  FIRST RECORDED/ : 'no stream table'
assert log =~ /(?m)^customer-c-1  1       1        20\d\d-/
assert log =~ /(?m)^order-o-1001  2       2        20\d\d-/
assert log =~ /(?m)^order-o-1002  1       1        20\d\d-/
assert log =~ /(?m)^order-o-bad   1       1        20\d\d-/
