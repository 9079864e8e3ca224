using System.Reflection;
using PublicApiGenerator;

namespace PgSeq.Tests.Infrastructure;

/// <summary>A package's public surface, pinned in an approved file (see <see cref="ApprovedFile"/>).</summary>
public static class PublicApi
{
    /// <summary>Asserts that the public API of <paramref name="assembly"/> is the one approved at <paramref name="path"/>.</summary>
    public static void Verify(Assembly assembly, params string[] path) =>
        ApprovedFile.Verify(
            assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute"] }),
            path);
}
