// An accepted break without its justification is refused
def log = new File(basedir, 'build.log').text
assert log.contains('The accepted break OrderPlaced v1 field \'amountMinor\' [TYPE_CHANGED] against 1.0.0 has no justification') : 'build.log lacks: The accepted break OrderPlaced v1 field \'amountMinor\' [TYPE_CHANGED] against 1.0.0 has no justification'
