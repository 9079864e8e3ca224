using System.CommandLine;
using System.Net;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Serve;

namespace PgSeq.Cli.Commands;

/// <summary><c>pgseq serve</c>: a Prometheus exporter that checks on a schedule and serves the last results; reads only.</summary>
internal static class ServeCommand
{
    public static Command Create(Texts texts, CommonOptions common, Func<ServeRequest, Task<int>> run)
    {
        var listen = new Option<IPEndPoint?>("--listen")
        {
            Description = texts["Help_Listen"],
            HelpName = "HOST:PORT",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (ListenAddress.TryParse(text, out var endpoint))
                {
                    return endpoint;
                }

                result.AddError(texts["ListenExpected", text]);
                return ListenAddress.Default;
            },
        };
        var interval = OptionKinds.Duration(
            "--interval", texts["Help_Interval"], texts, d => d < TimeSpan.FromSeconds(1) ? texts["IntervalTooShort"] : null);

        var command = new Command("serve", texts["Help_Serve"]) { common.Connection };
        common.AddScopeTo(command);
        foreach (Option option in (Option[])[listen, interval, common.StrictNames, common.Series, common.Top, common.LockTimeout,
            common.StatementTimeout, common.Warn, common.Critical, common.Targets, common.AllDatabases, common.Jobs, common.Log, common.Verbose])
        {
            command.Add(option);
        }

        common.AddThresholdCheckTo(command);
        command.SetAction((result, _) => run(new ServeRequest(
            common.TargetsOf(result),
            common.Scope(result),
            result.GetValue(common.Links),
            result.GetValue(listen) ?? ListenAddress.Default,
            result.GetValue(interval) ?? ServeRequest.DefaultInterval,
            common.SeriesOf(result),
            result.GetValue(common.Log),
            result.GetValue(common.Verbose))));
        return command;
    }
}
