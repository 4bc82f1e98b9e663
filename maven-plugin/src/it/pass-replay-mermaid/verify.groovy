// the stream as a Mermaid state diagram of ShopOrder, printed as it is (no log prefix), to paste or pipe
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'stele:replay failed'
def expected = '''stateDiagram-v2
    s0: initial {'id':'o-1001','status':'NEW','totalMinor':0}
    [*] --> s0
    s0 --> s1: v1 OrderPlaced (stored v1)
    s1: {'id':'o-1001','status':'PLACED','totalMinor':2500}
    s1 --> s2: v2 OrderShipped
    s2: {'id':'o-1001','status':'SHIPPED','totalMinor':2500}
'''
assert log.replace('\r\n', '\n').contains(expected) : 'build.log lacks the diagram:\n' + expected
