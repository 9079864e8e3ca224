using PgSeq.Tests.Infrastructure;

namespace PgSeq.EntityFrameworkCore.Tests;

/// <summary>
/// The package's public surface is pinned, as the core library's is: a change to it shows up here first. After an
/// intended change, run the tests with PGSEQ_UPDATE_APPROVED=1 to write the new surface, and review the diff.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_approved_one() =>
        PublicApi.Verify(typeof(DatabaseFacadeSequenceExtensions).Assembly, "tests", "PgSeq.EntityFrameworkCore.Tests", "PgSeq.EntityFrameworkCore.approved.txt");
}
