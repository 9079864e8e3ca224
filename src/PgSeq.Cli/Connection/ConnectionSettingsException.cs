namespace PgSeq.Cli.Connection;

/// <summary>The connection argument or environment cannot be turned into connection settings.</summary>
internal sealed class ConnectionSettingsException(string message) : Exception(message);
