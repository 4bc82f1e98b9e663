// A handling mode Debezium does not know fails the build naming the modes it knows
def log = new File(basedir, 'build.log').text
def expected = "Stele Debezium settings: decimalHandlingMode 'exact' is not a mode Debezium knows; use one of precise, string, double"
assert log.contains(expected) : 'build.log lacks: ' + expected
assert !new File(basedir, 'target/stele/debezium/tables-connector.properties').exists() : 'settings were written despite the error'
