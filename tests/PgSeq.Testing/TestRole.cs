using Npgsql;

namespace PgSeq.Tests.Infrastructure;

/// <summary>A login role for one test, with what it may do on that test's database; dropped with everything it owns.</summary>
public sealed class TestRole : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private TestRole(TestDatabase database, string name)
    {
        _database = database;
        Name = name;
        DataSource = database.DataSourceFor(name);
    }

    public string Name { get; }

    /// <summary>Connects to the test database as this role.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates the role and runs <paramref name="setup"/> as the superuser, with {role} replaced by its name.</summary>
    public static async Task<TestRole> CreateAsync(TestDatabase database, string setup)
    {
        var name = "role_" + Guid.NewGuid().ToString("N")[..12];
        await database.ExecuteAsync($"CREATE ROLE {name} LOGIN; {setup.Replace("{role}", name, StringComparison.Ordinal)}");
        return new TestRole(database, name);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _database.ExecuteAsync($"DROP OWNED BY {Name}; DROP ROLE {Name};");
    }
}
