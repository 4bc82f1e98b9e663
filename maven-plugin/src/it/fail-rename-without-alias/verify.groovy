// A rename without @Alias breaks old data, and says how to fix it
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] OrderPlaced v1 field \'reference\' [FIELD_ADDED_WITHOUT_DEFAULT, FULL_TRANSITIVE]') : 'build.log lacks: [ERROR] OrderPlaced v1 field \'reference\' [FIELD_ADDED_WITHOUT_DEFAULT, FULL_TRANSITIVE]'
assert log.contains('if it was renamed from \'ref\', add @Alias("ref")') : 'build.log lacks: if it was renamed from \'ref\', add @Alias("ref")'
assert log.contains('[ERROR] OrderPlaced v1 field \'ref\' [FIELD_REMOVED_WITHOUT_DEFAULT, FULL_TRANSITIVE]') : 'build.log lacks: [ERROR] OrderPlaced v1 field \'ref\' [FIELD_REMOVED_WITHOUT_DEFAULT, FULL_TRANSITIVE]'
