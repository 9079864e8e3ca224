using Npgsql;

namespace PgSeq.Cli.Connection;

/// <summary>Resolved connection settings, and a description of them that never includes the password.</summary>
internal sealed class ConnectionTarget(NpgsqlConnectionStringBuilder settings)
{
    public NpgsqlConnectionStringBuilder Settings { get; } = settings;

    /// <summary>user@host:port/database — what the user needs to recognise the target in a message.</summary>
    public string Description
    {
        get
        {
            var host = Settings.Host ?? "localhost";
            var location = host.Contains(',', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('/')
                ? host
                : $"{host}:{Settings.Port}";
            return $"{Settings.Username}@{location}/{Settings.Database}";
        }
    }

    public string? Password => Settings.Password;
}
