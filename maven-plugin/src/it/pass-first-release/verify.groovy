// A module never released before passes with a clear note
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] No released version of this artifact below 1.0.0-SNAPSHOT was found: a first release has nothing to be compatible with, so the check passes.') : 'build.log lacks: [INFO] No released version of this artifact below 1.0.0-SNAPSHOT was found: a first release has nothing to be compatible with, so the check passes.'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
