// BACKWARD does not consider deployed readers: the new version with its @Upcast passes
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Checked 5 event versions against 1.0.0 (4 released) in BACKWARD mode.') : 'build.log lacks: [INFO] Checked 5 event versions against 1.0.0 (4 released) in BACKWARD mode.'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
