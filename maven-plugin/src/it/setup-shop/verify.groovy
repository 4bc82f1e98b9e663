def log = new File(basedir, 'build.log').text
assert log.contains('Seeded the shop\'s streams and projections') : 'the seed did not run'
assert log.contains('BUILD SUCCESS')
