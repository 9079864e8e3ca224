using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using PgSeq.Cli.Localization;

namespace PgSeq.Cli.Commands;

/// <summary>The kinds of option value pgseq reads itself, each refusing a malformed value with one line in the parse (so
/// that no validator ever reads a value that did not parse): file names, patterns, percentages and durations.</summary>
internal static class OptionKinds
{
    /// <summary>A file option. An empty name is a mistake (an unset shell variable), never the current directory.</summary>
    public static Option<string?> FileName(string name, string description, Texts texts) => new(name)
    {
        Description = description,
        HelpName = "FILE",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (text.Trim().Length > 0 && !text.Contains('\0', StringComparison.Ordinal))
            {
                return text;
            }

            result.AddError(texts["FileExpected", name]);
            return null;
        },
    };

    /// <summary>A repeatable psql-style pattern option.</summary>
    public static Option<string[]> Patterns(string name, string alias, string description) => new(name, alias)
    {
        Description = description,
        HelpName = "PATTERN",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>A whole-number option (N), with what makes a number unusable: <paramref name="refusal"/> gives the reason,
    /// or null.</summary>
    public static Option<T> WholeNumber<T>(string name, string description, Texts texts, Func<T, string?> refusal, params string[] aliases)
        where T : struct, IBinaryInteger<T> => new(name, aliases)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (!T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                result.AddError(texts["WholeNumberExpected", name, text]);
                return default;
            }

            if (refusal(number) is { } error)
            {
                result.AddError(error);
            }

            return number;
        },
    };

    /// <summary>A percentage option: written in percent, kept as a ratio.</summary>
    public static Option<double?> Percent(string name, string description, Texts texts) => new(name)
    {
        Description = description,
        HelpName = "PERCENT",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (double.TryParse(
                text.TrimEnd('%'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var percent)
                && percent is >= 0 and <= 100)
            {
                return percent / 100;
            }

            result.AddError(texts["PercentExpected", name, text]);
            return null;
        },
    };

    /// <summary>An option that takes a duration as <see cref="DurationParser"/> reads it.</summary>
    /// <param name="name">The option.</param>
    /// <param name="description">Its help.</param>
    /// <param name="texts">The language of its errors.</param>
    /// <param name="refusal">Why a duration that parses cannot be used (too short, too long); null when it can. Checked
    /// here, with the parse, because a validator that reads the value of an option that did not parse throws.</param>
    public static Option<TimeSpan?> Duration(string name, string description, Texts texts, Func<TimeSpan, string?>? refusal = null) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (!DurationParser.TryParse(text, out var duration))
            {
                result.AddError(texts["DurationExpected", name, text]);
                return null;
            }

            if (refusal?.Invoke(duration) is { } error)
            {
                result.AddError(error);
                return null;
            }

            return duration;
        },
    };

    /// <summary>
    /// For a validator that compares options: the value of <paramref name="option"/>, or its default when its value did
    /// not parse (System.CommandLine then throws; the option's own error is the one reported).
    /// </summary>
    public static T? ParsedValue<T>(this CommandResult result, Option<T> option)
    {
        try
        {
            return result.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }
}
