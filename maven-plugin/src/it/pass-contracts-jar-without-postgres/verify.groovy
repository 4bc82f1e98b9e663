// A contracts jar needs stele-runtime alone: events compile, round-trip, and no PostgreSQL driver comes along
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'build.log lacks: Tests run: 2, Failures: 0, Errors: 0, Skipped: 0'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
def jar = new java.util.jar.JarFile(new File(basedir, 'target/shipping-contracts-1.0.0-SNAPSHOT.jar'))
assert jar.getEntry('META-INF/stele/index.json') != null
assert jar.getEntry('META-INF/stele/schemas/ParcelShipped/v1.avsc') != null
