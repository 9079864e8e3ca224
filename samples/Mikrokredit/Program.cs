using Mikrokredit.Hosting;
using Mikrokredit.Import;
using Npgsql;

// One executable, two uses: `import FILE [--no-repair]` loads a file and exits; anything else runs the web app.
if (args is ["import", .. var importArguments])
{
    return await ImportCommand.RunAsync(importArguments, Console.Out, Console.Error, CancellationToken.None);
}

WebApplication app;
try
{
    app = await MikrokreditWebApp.StartAsync(args, CancellationToken.None);
}
catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException)
{
    // An unreachable database or a missing connection string is the usual first-run problem: say it in one line.
    await Console.Error.WriteLineAsync($"mikrokredit: error: {failure.Message}");
    return 1;
}

await using (app)
{
    await app.WaitForShutdownAsync();
}

return 0;
