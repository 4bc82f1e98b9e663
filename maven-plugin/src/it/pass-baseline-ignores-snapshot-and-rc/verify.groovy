// The newest release below 1.1.0-SNAPSHOT is 1.0.0: neither 1.0.1-SNAPSHOT nor 1.1.0-rc1 is the baseline
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Checked 4 event versions against 1.0.0 (4 released) in FULL_TRANSITIVE mode.') : 'build.log lacks: [INFO] Checked 4 event versions against 1.0.0 (4 released) in FULL_TRANSITIVE mode.'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
assert !log.contains('against 1.1.0-rc1') : 'build.log should not contain: against 1.1.0-rc1'
assert !log.contains('against 1.0.1-SNAPSHOT') : 'build.log should not contain: against 1.0.1-SNAPSHOT'
