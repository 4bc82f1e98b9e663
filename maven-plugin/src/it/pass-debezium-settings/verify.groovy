// stele:debezium writes the connector settings for the module's @FromTable tables and its outbox
def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/stele/debezium')
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
assert log.contains('Wrote ' + new File(dir, 'tables-connector.properties').path) : 'build.log does not name the tables settings'

def tables = new Properties()
new File(dir, 'tables-connector.properties').withInputStream { tables.load(it) }
assert tables['name'] == 'crm-events-tables'
assert tables['connector.class'] == 'io.debezium.connector.postgresql.PostgresConnector'
assert tables['plugin.name'] == 'pgoutput'
assert tables['slot.name'] == 'crm_events_debezium'
assert tables['table.include.list'] == 'billing\\.payments,public\\.customers'
assert tables['column.include.list'] == 'billing\\.payments\\.(customer_id|id|reference),public\\.customers\\.(created_at|credit_limit|email|id)'
assert tables['snapshot.mode'] == 'initial'
assert tables['skipped.operations'] == 't'
assert tables['decimal.handling.mode'] == 'string'
assert tables['time.precision.mode'] == 'adaptive'
assert tables['value.converter.schemas.enable'] == 'true'

def json = new groovy.json.JsonSlurper().parse(new File(dir, 'tables-connector.json'))
assert json.name == 'crm-events-tables'
assert json.config['table.include.list'] == 'billing\\.payments,public\\.customers'

def outbox = new Properties()
new File(dir, 'outbox-connector.properties').withInputStream { outbox.load(it) }
assert outbox['name'] == 'crm-events-outbox'
assert outbox['table.include.list'] == 'public\\.stele_outbox'
assert outbox['transforms.outbox.type'] == 'io.debezium.transforms.outbox.EventRouter'
assert outbox['transforms.outbox.table.fields.additional.placement'] == 'type:header:eventType,event_version:header:eventVersion,aggregatetype:header:aggregateType'
assert outbox['slot.name'] == 'crm_events_outbox'
