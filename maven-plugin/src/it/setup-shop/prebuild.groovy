// Starts the PostgreSQL of the database goals' ITs in Maven's JVM (it stops when that JVM exits), before the shop is
// built and seeded: its port is maven-plugin's stele.it.postgres.port
dev.stele.maven.it.ItDatabase.start(Integer.parseInt(itPostgresPort))
return true
