using System.IO.Compression;
using System.Xml.Linq;
using PgSeq.Packaging.Tests.Infrastructure;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Packaging.Tests;

/// <summary>
/// The dotnet tool as the README installs it: `dotnet tool install PgSeq.Cli` from the packages `dotnet pack` made,
/// into a temporary tool path, from those packages alone (a NuGet config that clears every other source).
/// </summary>
public sealed class DotnetToolTests(PostgresServer server) : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("pgseq-tool-");

    [Fact]
    public async Task Installing_the_packed_tool_on_linux_x64_gives_the_native_executable()
    {
        var pgseq = await InstallAsync("PgSeq.Cli");

        var target = new FileInfo(pgseq).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgseq;
        Assert.Contains("/pgseq.cli.linux-x64/", target, StringComparison.Ordinal);
        Assert.True(IsElf(target), $"{target} is not an ELF executable");
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(target)!, "pgseq.dll")), "the native package carries IL");
        Assert.Equal(Artifacts.Version(), (await Commands.SucceedAsync(pgseq, "--version")).Trim());
    }

    [Fact]
    public async Task The_installed_tool_finds_the_incidents_drift_and_fixes_it()
    {
        var pgseq = await InstallAsync("PgSeq.Cli");
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        var url = db.ConnectionStringForPsql();

        var check = await Commands.RunAsync(pgseq, ["check", url]);
        var fix = await Commands.RunAsync(pgseq, ["fix", url]);
        var recheck = await Commands.RunAsync(pgseq, ["check", url]);

        Assert.True(check.ExitCode == 2, check.Output);
        Assert.Contains("2 sequences checked: 2 drift.", check.Stdout, StringComparison.Ordinal);
        Assert.True(fix.ExitCode == 0, fix.Output);
        Assert.True(recheck.ExitCode == 0, recheck.Output);
        Assert.Equal(29, await db.ScalarAsync<long>("SELECT nextval('loans_id_seq')"));
    }

    [Fact]
    public void The_pointer_package_names_the_native_package_first_and_any_as_the_framework_dependent_fallback()
    {
        var pointer = ToolSettings(Artifacts.Find(Artifacts.PointerPackage));
        var any = ToolSettings(Artifacts.Find(Artifacts.FrameworkDependentPackage));
        var native = ToolSettings(Artifacts.Find(Artifacts.NativePackage));

        Assert.Equal(["linux-x64", "any"], pointer.Descendants("RuntimeIdentifierPackage").Select(p => (string?)p.Attribute("RuntimeIdentifier")));
        Assert.Equal("dotnet", (string?)any.Descendants("Command").Single().Attribute("Runner"));
        Assert.Equal("executable", (string?)native.Descendants("Command").Single().Attribute("Runner"));
    }

    [Fact]
    public async Task The_framework_dependent_package_installs_and_runs_on_the_shared_runtime()
    {
        var pgseq = await InstallAsync("PgSeq.Cli.any");

        var target = new FileInfo(pgseq).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgseq;
        Assert.DoesNotContain("/pgseq.cli.linux-x64/", target, StringComparison.Ordinal);
        Assert.Equal(Artifacts.Version(), (await Commands.SucceedAsync(pgseq, "--version")).Trim());
        Assert.Equal("check\n", await Commands.SucceedAsync(pgseq, "[suggest:9]", "pgseq che"));
    }

    [Fact]
    public async Task The_deb_the_wheel_and_the_tool_package_carry_one_and_the_same_executable()
    {
        var tool = Entry(Artifacts.Find(Artifacts.NativePackage), "tools/any/linux-x64/pgseq");
        var wheel = Entry(Artifacts.Find(Artifacts.WheelPackage), $"pgseq-{Artifacts.Version()}.data/scripts/pgseq");
        var deb = Path.Combine(_work.FullName, "deb");
        await Commands.SucceedAsync(Commands.Require("dpkg-deb", "dpkg"), "-x", Artifacts.Find(Artifacts.DebPackage), deb);

        Assert.Equal(tool, wheel);
        Assert.Equal(tool, await File.ReadAllBytesAsync(Path.Combine(deb, "usr", "bin", "pgseq"), TestContext.Current.CancellationToken));
    }

    public void Dispose() => _work.Delete(recursive: true);

    /// <summary>dotnet tool install of <paramref name="package"/> from the artifacts alone; returns the pgseq command.</summary>
    private async Task<string> InstallAsync(string package)
    {
        var version = Artifacts.Version();
        var config = Path.Combine(_work.FullName, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="artifacts" value="{Artifacts.Directory}" />
              </packageSources>
            </configuration>
            """, TestContext.Current.CancellationToken);
        var toolPath = Path.Combine(_work.FullName, "tools-" + package);
        await Commands.SucceedAsync("dotnet", "tool", "install", package, "--version", version, "--tool-path", toolPath, "--configfile", config);
        return Path.Combine(toolPath, "pgseq");
    }

    private static XDocument ToolSettings(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.Entries.Single(e => e.Name == "DotnetToolSettings.xml").Open();
        return XDocument.Load(stream);
    }

    private static byte[] Entry(string archive, string name)
    {
        using var zip = ZipFile.OpenRead(archive);
        using var stream = zip.GetEntry(name)?.Open() ?? throw new InvalidOperationException($"{archive} has no {name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool IsElf(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return file.Read(magic) == 4 && magic.SequenceEqual("\u007fELF"u8);
    }
}
