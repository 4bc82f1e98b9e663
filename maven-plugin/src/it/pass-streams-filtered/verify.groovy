// -Dstele.stream=order-o-100: only order streams whose id begins with o-100, and no category table
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'stele:streams failed'
assert !log.contains('CATEGORY  STREAMS') : 'a filtered list has no category table'
assert log =~ /(?m)^order-o-1001  2       2        20\d\d-/
assert log =~ /(?m)^order-o-1002  1       1        20\d\d-/
assert !log.contains('customer-c-1') : 'the filter let another category through'
assert !log.contains('order-o-bad') : 'the filter let another id through'
