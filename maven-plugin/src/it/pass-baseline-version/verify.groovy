// stele.baselineVersion picks the release to compare with
def log = new File(basedir, 'build.log').text
assert log.contains('Checked 4 event versions against 0.9.0') : 'build.log lacks: Checked 4 event versions against 0.9.0'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
