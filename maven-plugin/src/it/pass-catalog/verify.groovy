// stele:catalog, bound to package, writes target/stele/catalog.md exactly as expected-catalog.md
def log = new File(basedir, 'build.log').text
def catalog = new File(basedir, 'target/stele/catalog.md')
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
assert catalog.isFile() : 'no ' + catalog
assert log.contains('Wrote the event catalogue to ' + catalog.path) : 'build.log does not name the catalogue'
def expected = new File(basedir, 'expected-catalog.md').text
def actual = catalog.text
if (actual != expected) {
    def a = actual.readLines(), e = expected.readLines()
    def at = (0..<Math.max(a.size(), e.size())).find { a[it] != e[it] }
    assert false : "catalog.md differs from expected-catalog.md at line ${at + 1}:\n  expected: ${e[at]}\n  actual:   ${a[at]}"
}
