using Microsoft.EntityFrameworkCore;
using Mikrokredit.Data;
using Npgsql;

namespace Mikrokredit.Hosting;

/// <summary>The database services the web app and the import share: one data source, and the EF context on it.</summary>
internal static class MikrokreditDatabase
{
    /// <summary>The connection string's name: <c>ConnectionStrings:Mikrokredit</c> in configuration.</summary>
    public const string ConnectionStringName = "Mikrokredit";

    /// <summary>
    /// Registers an <see cref="NpgsqlDataSource"/> for <c>ConnectionStrings:Mikrokredit</c> and the
    /// <see cref="MikrokreditContext"/> on it. The health check finds the same data source in the container.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection string is not configured.</exception>
    public static IServiceCollection AddMikrokreditDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set: set it in appsettings.json, the environment (ConnectionStrings__{ConnectionStringName}) or the command line (--ConnectionStrings:{ConnectionStringName}=...)");
        }

        services.AddNpgsqlDataSource(connectionString);
        services.AddDbContext<MikrokreditContext>((provider, options) => options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }
}
