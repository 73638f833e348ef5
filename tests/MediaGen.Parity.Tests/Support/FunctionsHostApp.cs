using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grpc.Net.Client;
using MediaGen.Launcher;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaGen.Parity.Tests.Support;

/// <summary>
/// The Functions app as shipped (its build output) under the stand-in Functions host, as a process: the real worker
/// process, the host↔worker protocol, the WebJobs SDK and the Durable and Storage extensions, configured from a
/// <c>local.settings.json</c> and a <c>host.json</c> written for it. Requests go over HTTP to the host's front door, whose
/// port is chosen before the host starts so the app's settings can name its public address (Pixazo's webhooks are sent
/// there). <see cref="Client"/> is a gRPC Durable Task client of the Durable extension's own endpoint — the one the
/// worker's <c>[DurableClient]</c> is given.
/// </summary>
internal sealed partial class FunctionsHostApp : IAsyncDisposable
{
    private const int StartAttempts = 5;

    private readonly AppProcess _host;
    private readonly string _folder;
    private readonly GrpcChannel _channel;

    private FunctionsHostApp(AppProcess host, string folder, Uri baseAddress, GrpcChannel channel)
    {
        _host = host;
        _folder = folder;
        _channel = channel;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
        Client = new GrpcDurableTaskClient("parity", new GrpcDurableTaskClientOptions { Channel = channel }, NullLogger.Instance);
    }

    /// <summary>The front door's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for <see cref="BaseAddress"/> (no credentials of its own).</summary>
    public HttpClient Http { get; }

    /// <summary>A Durable Task client of the Durable extension's gRPC endpoint (the worker's client talks to the same).</summary>
    public DurableTaskClient Client { get; }

    /// <summary>Everything the host and its worker printed so far.</summary>
    public string Output => _host.Output;

    /// <summary>
    /// Writes the app settings <paramref name="settings"/> gives for the front door's address (<c>Section:Key</c> names
    /// become the flat <c>Section__Key</c> of app settings) and the repository's <c>host.json</c> changed by
    /// <paramref name="hostJson"/>, starts the host on that address and waits for its <c>ready:</c> line.
    /// </summary>
    public static async Task<FunctionsHostApp> StartAsync(Func<Uri, IReadOnlyDictionary<string, string?>> settings, Action<JsonObject> hostJson)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(hostJson);
        var folder = Path.Combine(Path.GetTempPath(), "mediagen-parity-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var hostJsonFile = Path.Combine(folder, "host.json");
        LocalSettingsFile.WriteHostJson(hostJsonFile, hostJson);

        for (var attempt = 1; ; attempt++)
        {
            var baseAddress = LoopbackPort.FreeAddress();
            var settingsFile = Path.Combine(folder, "local.settings.json");
            LocalSettingsFile.Write(settingsFile, settings(baseAddress), fromSample: false);
            var process = new AppProcess(StackApps.FunctionsApp(baseAddress, settingsFile, hostJsonFile));
            try
            {
                await process.StartAsync();
                var endpoint = GrpcEndpoint().Match(process.Output);
                if (!endpoint.Success)
                {
                    throw new InvalidOperationException("The Durable extension logged no local gRPC endpoint:\n" + process.Output);
                }

                return new FunctionsHostApp(process, folder, baseAddress, GrpcChannel.ForAddress(endpoint.Groups["address"].Value));
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && process.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Another process took the free port between the probe and the front door's bind.
                await process.DisposeAsync();
            }
            catch
            {
                await process.DisposeAsync();
                Directory.Delete(folder, recursive: true);
                throw;
            }
        }
    }

    /// <summary>Sends <paramref name="request"/> to the front door and reads the answer.</summary>
    public Task<HttpAnswer> SendAsync(ParityRequest request) => request.SendAsync(Http);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Client.DisposeAsync();
        _channel.Dispose();
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    // The Durable extension's own log line when it opens the endpoint its [DurableClient] payload names (rpcBaseUrl).
    [GeneratedRegex(@"Opened local gRPC endpoint: (?<address>http://[0-9.]+:\d+)")]
    private static partial Regex GrpcEndpoint();
}
