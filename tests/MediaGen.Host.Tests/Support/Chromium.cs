using Microsoft.Playwright;

namespace MediaGen.Host.Tests.Support;

/// <summary>
/// Launches the distribution's Chromium (<c>chromium</c> on PATH; <c>scripts/bootstrap.sh</c> installs it) through
/// Microsoft.Playwright, headless, with no network of its own beyond what the page asks for. Playwright's own browser
/// download is never used. A missing browser fails the test with what to do — never a skip.
/// </summary>
public static class Chromium
{
    /// <summary>The flags: sandbox off because tests and CI run as root; no background traffic, no QUIC, no first-run UI.</summary>
    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The executable: <c>MEDIAGEN_CHROMIUM</c>, else <c>chromium</c> or <c>chromium-browser</c> on PATH.</summary>
    public static string FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("MEDIAGEN_CHROMIUM") is { Length: > 0 } given)
        {
            return given;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in (string[])["chromium", "chromium-browser"])
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        Assert.Fail("Chromium is not installed: the dashboard's browser tests need Debian's 'chromium' package. "
            + "Run scripts/bootstrap.sh as root (it installs it with apt-get) or 'apt-get install -y chromium', or set MEDIAGEN_CHROMIUM.");
        return null!;
    }

    /// <summary>Starts Playwright and launches the browser.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = FindExecutable();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = Args,
                Timeout = 60_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Where screenshots go: <c>screenshots/</c> next to the test assembly (the test output).</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
