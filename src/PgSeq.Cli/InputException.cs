using PgSeq.Cli.Localization;

namespace PgSeq.Cli;

/// <summary>What the command line was given (a connection, the environment, a targets or links file) cannot be used.</summary>
/// <param name="key">The string in Strings.resx that explains the problem.</param>
/// <param name="arguments">The values that fill it.</param>
internal sealed class InputException(string key, params object[] arguments)
    : Exception(Texts.English[key, arguments])
{
    public string Key { get; } = key;

    public IReadOnlyList<object> Arguments { get; } = arguments;

    /// <summary>The explanation in <paramref name="texts"/>' language.</summary>
    public string Explain(Texts texts) => texts[Key, [.. Arguments]];
}
