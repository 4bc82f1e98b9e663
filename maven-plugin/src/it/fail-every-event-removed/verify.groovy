// A module whose events all disappeared (the processor dropped, or the events moved) fails for every released event version
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] OrderPlaced v1 [EVENT_REMOVED, FULL_TRANSITIVE] released in 1.0.0 and gone from this build') : 'build.log lacks: [ERROR] OrderPlaced v1 [EVENT_REMOVED, FULL_TRANSITIVE] released in 1.0.0 and gone from this build'
assert log.contains('[ERROR] OrderCancelled v1 [EVENT_REMOVED, FULL_TRANSITIVE]') : 'build.log lacks: [ERROR] OrderCancelled v1 [EVENT_REMOVED, FULL_TRANSITIVE]'
assert log.contains('4 event schema changes would break released events') : 'build.log lacks: 4 event schema changes would break released events'
