// stele.skip skips the check, even of a breaking change
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Stele schema check skipped (stele.skip).') : 'build.log lacks: [INFO] Stele schema check skipped (stele.skip).'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
assert !log.contains('TYPE_CHANGED') : 'build.log should not contain: TYPE_CHANGED'
