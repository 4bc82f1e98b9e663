// Adding a new event is compatible
def log = new File(basedir, 'build.log').text
assert log.contains('Checked 5 event versions against 1.0.0') : 'build.log lacks: Checked 5 event versions against 1.0.0'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
