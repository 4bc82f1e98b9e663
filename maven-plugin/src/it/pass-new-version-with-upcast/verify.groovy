// A new version that 1.0.0's readers still read (they skip its new field), with an @Upcast from version 1, passes FULL_TRANSITIVE
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Checked 5 event versions against 1.0.0 (4 released) in FULL_TRANSITIVE mode.') : 'build.log lacks: [INFO] Checked 5 event versions against 1.0.0 (4 released) in FULL_TRANSITIVE mode.'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
assert !log.contains('NEW_VERSION_UNREADABLE')
