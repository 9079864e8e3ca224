using System.Text.RegularExpressions;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Packaging.Tests.Infrastructure;

/// <summary>
/// The packages packaging/build.sh made: in PGSEQ_ARTIFACTS if set, else in the repository's artifacts/. A test whose
/// package is missing ends as <see cref="Requirement.Missing"/> says: a failure on CI, a skip elsewhere.
/// </summary>
public static class Artifacts
{
    public static string Directory { get; } =
        Environment.GetEnvironmentVariable("PGSEQ_ARTIFACTS") is { Length: > 0 } configured ? configured : Repository.File("artifacts");

    /// <summary>The one file in <see cref="Directory"/> whose name matches <paramref name="pattern"/>, a regular expression
    /// such as <c>pgseq_.*_amd64\.deb</c> (matched whole).</summary>
    public static string Find(string pattern)
    {
        var found = System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory).Where(f => Regex.IsMatch(Path.GetFileName(f), $"^{pattern}$")).ToArray()
            : [];
        if (found.Length != 1)
        {
            Requirement.Missing($"{(found.Length == 0 ? "no" : "more than one")} {pattern} in {Directory}: "
                + "run packaging/build.sh (./test.sh builds it), which makes the packages");
        }

        return found[0];
    }

    public const string PointerPackage = @"PgSeq\.Cli\.[0-9][^a-z]*\.nupkg";

    public const string NativePackage = @"PgSeq\.Cli\.linux-x64\..*\.nupkg";

    public const string FrameworkDependentPackage = @"PgSeq\.Cli\.any\..*\.nupkg";

    public const string DebPackage = @"pgseq_.*_amd64\.deb";

    public const string WheelPackage = @"pgseq-.*\.whl";

    /// <summary>The version the packages carry: the pointer tool package's, PgSeq.Cli.VERSION.nupkg.</summary>
    public static string Version()
    {
        var pointer = Path.GetFileName(Find(PointerPackage));
        return pointer["PgSeq.Cli.".Length..^".nupkg".Length];
    }
}
