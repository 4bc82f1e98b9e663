// -Dstele.category/-Dstele.id, -Dstele.from=2: one JSON line, the shipment, with the state after it
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'stele:replay failed'
def lines = log.readLines().findAll { it.startsWith('{"stream":') }
assert lines.size() == 1 : 'expected one JSON line from version 2, got ' + lines
def line = lines[0]
assert line.startsWith('{"stream":"order-o-1001","version":2,"event":"OrderShipped","storedVersion":1,"latestVersion":1,')
assert line.endsWith(',"data":{"orderId":"o-1001","carrier":"dhl"},"state":{"id":"o-1001","status":"SHIPPED","totalMinor":2500}}')
