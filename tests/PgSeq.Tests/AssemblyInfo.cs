using System.Runtime.Versioning;
using PgSeq.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresServer))]

// The tests drive PostgreSQL's own programs (initdb, pg_ctl, psql) and Unix file modes.
[assembly: SupportedOSPlatform("linux")]
