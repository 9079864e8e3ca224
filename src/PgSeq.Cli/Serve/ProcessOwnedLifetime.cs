using Microsoft.Extensions.Hosting;

namespace PgSeq.Cli.Serve;

/// <summary>
/// A host lifetime that does nothing, so that the web host installs no console lifetime of its own: pgseq's Program
/// already owns SIGINT and SIGTERM, and serve stops the host itself when they arrive.
/// </summary>
internal sealed class ProcessOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
