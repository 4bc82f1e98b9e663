// the stream as a table: OrderPlaced stored as v1 prints upcast to v2 (currency EUR), with ShopOrder's state
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'stele:replay failed'
assert log.contains('order-o-1001 (version 2, aggregate ShopOrder), from version 1, 2 events')
assert log =~ /(?m)^VERSION  EVENT         STORED AS  RECORDED AT .* DATA .* STATE AFTER$/
assert log =~ /(?m)^1        OrderPlaced   v1 -> v2   20\S+  [0-9a-f-]{36}  -            -          \{"orderId":"o-1001","totalMinor":2500,"currency":"EUR"\}  \{"id":"o-1001","status":"PLACED","totalMinor":2500\}$/
assert log =~ /(?m)^2        OrderShipped  v1         20\S+  [0-9a-f-]{36}  -            -          \{"orderId":"o-1001","carrier":"dhl"\} +\{"id":"o-1001","status":"SHIPPED","totalMinor":2500\}$/
