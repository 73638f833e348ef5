using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using MediaGen.Simulator.Tests.Support;

namespace MediaGen.Simulator.Tests.Hosting;

/// <summary>The simulator as its own process, the way <c>dotnet run --project src/MediaGen.Simulator -- --urls …</c> starts it.</summary>
public sealed partial class StandaloneTests
{
    [Fact]
    public async Task Main_UrlsAndOptionsOnCommandLine_ServesProvidersOnThatAddress()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MediaGen.Simulator.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--Simulator:PixazoQueuedFor=00:00:00", "--Simulator:PixazoProcessingFor=00:00:00" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            var address = await ListeningAddressAsync(process);
            using var client = new HttpClient { BaseAddress = address };

            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            var id = await client.SubmitPixazoAsync("From the command line");
            using var status = await client.GetPixazoStatusAsync(id);

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("COMPLETED", (string)(await status.JsonAsync())["status"]!);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<Uri> ListeningAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups["url"].Value + "/");
            }
        }

        throw new InvalidOperationException("The simulator exited before listening: " + await process.StandardError.ReadToEndAsync(timeout.Token));
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
