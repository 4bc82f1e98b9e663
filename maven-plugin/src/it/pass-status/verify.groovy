// the caught-up projection on its (idle) slot, one event parked: healthy, so the build passes
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'stele:status failed on a healthy store'
assert log =~ /(?m)^HEALTHY at 20\S+, log at [0-9A-F]+\/[0-9A-F]+$/
assert log =~ /(?m)^SLOT     KIND         USED BY      ACTIVE  WAL STATUS  CONFIRMED  LAG BYTES  WAL RETAINED$/
assert log =~ /(?m)^it_shop  projections  order-count  false   RESERVED    [0-9A-F]+\/[0-9A-F]+ +\d+ +\d+$/
assert log =~ /(?m)^PROJECTION   VERSION    SLOT     PARTITIONS  PHASE           CATCH-UP  CHECKPOINT +LAG BYTES  PARKED  STOPPED ON$/
assert log =~ /(?m)^order-count  1 current  it_shop  1           FOLLOWING_SLOT  -         [0-9A-F]+\/[0-9A-F]+ +\d+ +1       -$/
assert !log.contains('problem:')
