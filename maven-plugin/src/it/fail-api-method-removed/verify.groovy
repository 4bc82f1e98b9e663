// Removing a public method that 1.0.0's users call fails the build, naming the method and the change
def log = new File(basedir, 'build.log').text
def line = '[ERROR] Failed to execute goal com.github.siom79.japicmp:japicmp-maven-plugin:0.27.0:cmp (api-compatibility) on project greeting-api: There is at least one incompatibility: com.acme.greeting.Greeter.greet(java.lang.String):METHOD_REMOVED'
assert log.contains(line) : 'build.log lacks: ' + line
def diff = new File(basedir, 'target/japicmp/api-compatibility.diff').text
assert diff.contains('greeting-api-1.0.0.jar') : 'compared against 1.0.0: ' + diff
assert diff.contains('REMOVED METHOD') : diff
