using Npgsql;
using PgSeq.Cli;
using PgSeq.Cli.Connection;

namespace PgSeq.Tests.Cli;

/// <summary>CONNECTION is read the way psql reads it, with the libpq environment filling the gaps.</summary>
public sealed class ConnectionResolverTests
{
    private static NpgsqlConnectionStringBuilder Resolve(string? connection, params (string Name, string Value)[] environment)
    {
        var variables = environment.ToDictionary(e => e.Name, e => e.Value);
        return new ConnectionResolver(name => variables.GetValueOrDefault(name)).Resolve(connection).Settings;
    }

    private static string Error(string? connection, params (string Name, string Value)[] environment) =>
        Assert.Throws<InputException>(() => Resolve(connection, environment)).Message;

    [Fact]
    public void Uri_with_everything_percent_encoded()
    {
        var settings = Resolve("postgresql://bob:p%40ss%3Aw@db.example:6543/my%20db?sslmode=require&application_name=nightly");

        Assert.Equal(("db.example", 6543, "bob", "p@ss:w", "my db"), (settings.Host, settings.Port, settings.Username, settings.Password, settings.Database));
        Assert.Equal((SslMode.Require, "nightly"), (settings.SslMode, settings.ApplicationName));
    }

    [Theory]
    [InlineData("postgres://[::1]:5433/app", "::1", 5433)]
    [InlineData("postgresql://h1:5432,h2:5433/app", "h1:5432,h2:5433", 5432)]
    [InlineData("postgresql://%2Fvar%2Frun%2Fpostgresql/app", "/var/run/postgresql", 5432)]
    [InlineData("postgresql:///app?host=/tmp&port=5999", "/tmp", 5999)]
    public void Uri_hosts(string uri, string host, int port)
    {
        var settings = Resolve(uri);

        Assert.Equal((host, port, "app"), (settings.Host, settings.Port, settings.Database));
    }

    [Fact]
    public void Jdbc_style_ssl_true_means_sslmode_require()
    {
        Assert.Equal(SslMode.Require, Resolve("postgresql://h/app?ssl=true").SslMode);
    }

    [Fact]
    public void Libpq_keyword_value_string_with_quotes_and_escapes()
    {
        var settings = Resolve(@"host=db port = 6543 dbname='my db' user=bob password='it\'s \\ secret' sslmode=verify-full");

        Assert.Equal(("db", 6543, "my db", "bob", @"it's \ secret"), (settings.Host, settings.Port, settings.Database, settings.Username, settings.Password));
        Assert.Equal(SslMode.VerifyFull, settings.SslMode);
    }

    [Fact]
    public void Libpq_host_and_port_lists_become_host_port_pairs()
    {
        Assert.Equal("a:5432,b:5433", Resolve("host=a,b port=5432,5433 dbname=x").Host);
    }

    [Fact]
    public void Npgsql_connection_string()
    {
        var settings = Resolve("Host=db;Port=6543;Database=app;Username=bob;Password=pw;SSL Mode=Disable");

        Assert.Equal(("db", 6543, "app", "bob", "pw", SslMode.Disable), (settings.Host, settings.Port, settings.Database, settings.Username, settings.Password, settings.SslMode));
    }

    [Fact]
    public void A_single_npgsql_setting_without_a_semicolon_is_still_npgsql()
    {
        Assert.Equal("db", Resolve("Server=db").Host);
    }

    [Fact]
    public void A_bare_word_is_a_database_name_as_in_psql()
    {
        Assert.Equal("mikrokredit_db", Resolve("mikrokredit_db").Database);
    }

    [Fact]
    public void The_libpq_environment_fills_what_the_argument_leaves_out()
    {
        (string, string)[] environment = [("PGHOST", "envhost"), ("PGPORT", "6000"), ("PGUSER", "envuser"), ("PGDATABASE", "envdb"), ("PGPASSWORD", "envpw"), ("PGSSLMODE", "require")];

        var fromEnvironment = Resolve(null, environment);
        Assert.Equal(("envhost", 6000, "envuser", "envdb", "envpw", SslMode.Require),
            (fromEnvironment.Host, fromEnvironment.Port, fromEnvironment.Username, fromEnvironment.Database, fromEnvironment.Password, fromEnvironment.SslMode));

        var explicitWins = Resolve("postgresql://bob@db:5433/app?sslmode=disable", environment);
        Assert.Equal(("db", 5433, "bob", "app", "envpw", SslMode.Disable),
            (explicitWins.Host, explicitWins.Port, explicitWins.Username, explicitWins.Database, explicitWins.Password, explicitWins.SslMode));

        var npgsql = Resolve("Host=db;Port=5", environment);
        Assert.Equal(("db", 5, "envuser"), (npgsql.Host, npgsql.Port, npgsql.Username));
        Assert.Equal(6000, Resolve("Host=db", environment).Port);
    }

    [Fact]
    public void Database_url_is_used_only_when_no_argument_is_given()
    {
        (string, string) url = ("DATABASE_URL", "postgres://u@urlhost/urldb");

        Assert.Equal("urlhost", Resolve(null, url).Host);
        Assert.Equal("arghost", Resolve("host=arghost", url).Host);
    }

    [Fact]
    public void Defaults_follow_libpq_the_os_user_and_a_database_named_after_the_user()
    {
        var settings = Resolve(null);

        Assert.Equal((Environment.UserName, Environment.UserName, 5432, "pgseq"), (settings.Username, settings.Database, settings.Port, settings.ApplicationName));
        Assert.NotNull(settings.Host);
    }

    [Fact]
    public void A_connection_service_is_refused_rather_than_silently_ignored()
    {
        Assert.Contains("pg_service.conf", Error(null, ("PGSERVICE", "prod")), StringComparison.Ordinal);
        Assert.Contains("pg_service.conf", Error("service=prod"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("host=db sslmode=sometimes", "sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full")]
    [InlineData("host=db prot=5432", "\"prot\" is neither a libpq keyword nor an Npgsql setting")]
    [InlineData("host=db port=abc", "port must be a whole number")]
    [InlineData("host='db", "unterminated quoted value for \"host\"")]
    [InlineData("Host=db;Pasword=secret", "connection string is not valid")]
    [InlineData("postgresql://[::1/app", "closing \"]\"")]
    [InlineData("postgresql://h/app?sslmode", "has no value")]
    [InlineData("postgresql://h/app?%zz=1", "invalid percent-encoding")]
    public void Malformed_connections_name_the_problem(string connection, string message)
    {
        Assert.Contains(message, Error(connection), StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_and_descriptions_never_carry_the_password()
    {
        Assert.DoesNotContain("secret", Error("Host=db;Pasword=secret"), StringComparison.Ordinal);
        var target = new ConnectionResolver(_ => null).Resolve("postgresql://bob:secret@db:5433/app");
        Assert.Equal("bob@db:5433/app", target.Description);
    }
}
