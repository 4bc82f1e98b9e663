// A rename with @Alias is compatible under BACKWARD
def log = new File(basedir, 'build.log').text
assert log.contains('Checked 4 event versions against 1.0.0 (4 released) in BACKWARD mode.') : 'build.log lacks: Checked 4 event versions against 1.0.0 (4 released) in BACKWARD mode.'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
