// Removing a field that had a default is compatible
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Checked 4 event versions against 1.0.0 (4 released) in FULL_TRANSITIVE mode.') : 'build.log lacks: [INFO] Checked 4 event versions against 1.0.0 (4 released) in FULL_TRANSITIVE mode.'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
