using OpenQA.Selenium.Chrome;

namespace PgSeq.Mikrokredit.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, driven through Debian's chromedriver (the same build, so their versions always
/// match). Test tools that download a browser of their own cannot here; ./test.sh installs both packages.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    private readonly DirectoryInfo _profile;

    private HeadlessChromium(ChromeDriver driver, DirectoryInfo profile)
    {
        WebDriver = driver;
        _profile = profile;
    }

    public ChromeDriver WebDriver { get; }

    public static HeadlessChromium Start()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            throw new InvalidOperationException(
                $"{Browser} or {Driver} is missing: run ./test.sh, which installs them, or apt-get install -y chromium chromium-driver");
        }

        var profile = Directory.CreateTempSubdirectory("mikrokredit-chromium-");
        var options = new ChromeOptions { BinaryLocation = Browser };

        // As root Chromium needs --no-sandbox. The networking switches keep it from calling Google's services, which
        // on a closed network only fill the logs with refused connections; a fresh profile keeps runs independent.
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1200,900",
            $"--user-data-dir={profile.FullName}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        try
        {
            return new HeadlessChromium(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), profile);
        }
        catch
        {
            service.Dispose();
            profile.Delete(recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        WebDriver.Dispose();
        _profile.Delete(recursive: true);
    }
}
