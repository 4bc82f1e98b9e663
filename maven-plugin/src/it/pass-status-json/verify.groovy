// -Dstele.format=json: one JSON object, healthy
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'stele:status failed'
def start = log.indexOf('\n{') + 1
def end = log.indexOf('\n}', start) + 2
def status = new groovy.json.JsonSlurper().parseText(log.substring(start, end))
assert status.healthy == true
assert status.problems == []
assert status.slots*.slotName == ['it_shop']
assert status.projections*.name == ['order-count']
assert status.projections[0].phase == 'following_slot'
assert status.projections[0].projectionName == 'order-count'
assert status.projections[0].version == 1
assert status.projections[0].current == true
assert status.projections[0].switchedAt =~ /^20\d\d-/
assert status.projections[0].catchUp == null
assert status.projections[0].parkedEvents == 1
