// rebuild_*: Seed ran versions 1 and 2 of order-count until version 2 was current; version 1 is still registered
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'stele:rebuild failed on a version already current'
assert log =~ /(?m)^version 2 of order-count is current \(switched at 20\d\d-\d\d-\d\dT[0-9:.]+Z\)$/
assert !log.contains('catching up') : 'nothing to follow: no progress is printed'
