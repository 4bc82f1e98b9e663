// A known break passes with an accepted, justified entry against its baseline
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Accepted: OrderPlaced v1 field \'amountMinor\' [TYPE_CHANGED, FULL_TRANSITIVE]') : 'build.log lacks: [INFO] Accepted: OrderPlaced v1 field \'amountMinor\' [TYPE_CHANGED, FULL_TRANSITIVE]'
assert log.contains('Justification: OrderPlaced was never stored before 1.1.0 went live') : 'build.log lacks: Justification: OrderPlaced was never stored before 1.1.0 went live'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
