// one parked event in full: the stored payload and the event decoded into the shop's record
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'stele:parked failed'
def expected = '''order-count: parked OrderPlaced v2 at position 5 (stream order-o-bad version 1, event 00000000-0000-4000-8000-00000000bad1): java.lang.IllegalStateException: order-count refuses order o-bad after 2 attempts
  payload {"orderId": "o-bad", "currency": "EUR", "totalMinor": 1}
  decoded OrderPlaced[orderId=o-bad, totalMinor=1, currency=EUR]
'''
assert log.replace('\r\n', '\n').contains(expected) : 'build.log lacks:\n' + expected
