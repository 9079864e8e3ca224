using System.Runtime.Versioning;
using PgSeq.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresServer))]

// The packages are for Linux: dpkg, a venv's bin/, an ELF executable.
[assembly: SupportedOSPlatform("linux")]
