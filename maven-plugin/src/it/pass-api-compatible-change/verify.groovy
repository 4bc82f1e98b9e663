// A new method and a rewritten internal package are compatible: the build passes, compared against 1.0.0
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
def diff = new File(basedir, 'target/japicmp/api-compatibility.diff').text
assert diff.contains('greeting-api-1.0.0.jar') : 'compared against 1.0.0: ' + diff
assert diff.contains('NEW METHOD: PUBLIC(+) java.lang.String greetFormally(java.lang.String)') : diff
assert !diff.contains('internal') : 'internal packages are not API: ' + diff
