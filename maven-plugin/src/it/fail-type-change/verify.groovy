// Changing a field type breaks old data and old readers
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] OrderPlaced v1 field \'amountMinor\' [TYPE_CHANGED, FULL_TRANSITIVE] long -> string: data written by 1.0.0 cannot be read. Fix: keep the type, or add version 2 with an @Upcast from version 1.') : 'build.log lacks: [ERROR] OrderPlaced v1 field \'amountMinor\' [TYPE_CHANGED, FULL_TRANSITIVE] long -> string: data written by 1.0.0 cannot be read. Fix: keep the type, or add version 2 with an @Upcast from version 1.'
