using PgSeq.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresServer))]
