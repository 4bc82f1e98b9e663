// Adding an optional field is compatible
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Checked 4 event versions against 1.0.0 (4 released) in FULL_TRANSITIVE mode.') : 'build.log lacks: [INFO] Checked 4 event versions against 1.0.0 (4 released) in FULL_TRANSITIVE mode.'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
// the jar carries every released schema: 1.0.0's and this build's, each labelled with its release
def history = new File(basedir, 'target/classes/META-INF/stele/history.json').text
def placed = new groovy.json.JsonSlurper().parseText(history).schemas.findAll { it.name == 'OrderPlaced' }
assert placed*.release == ['1.0.0', '1.1.0-SNAPSHOT'] : history
assert new File(basedir, 'target/stele/compatibility.json').text.contains('"passed" : true')
