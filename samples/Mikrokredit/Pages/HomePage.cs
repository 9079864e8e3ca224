namespace Mikrokredit.Pages;

/// <summary>The page at /: a form to add a loan and the list of loans. Plain HTML and a little script, no framework.</summary>
internal static class HomePage
{
    // Embedded rather than served from wwwroot, so the page is there however the app is started (dotnet run, the
    // built binary, or the tests' host) without a static files set-up.
    private static readonly Lazy<string> Html = new(() =>
    {
        using var stream = typeof(HomePage).Assembly.GetManifestResourceStream("Mikrokredit.index.html")
            ?? throw new InvalidOperationException("the embedded resource Mikrokredit.index.html is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => TypedResults.Content(Html.Value, "text/html; charset=utf-8"));
        return endpoints;
    }
}
