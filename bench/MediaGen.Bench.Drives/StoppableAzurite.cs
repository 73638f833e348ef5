using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MediaGen.Testing;

namespace MediaGen.Bench.Drives;

/// <summary>
/// Azurite with its data on disk (<c>--location</c>) on fixed loopback ports, which the storage-outage drive stops and
/// starts again on the same folder and ports: the clients of the host keep their connection string, and what was
/// written before the stop is there after it. Runs under <c>scripts/azurite.mjs</c> like every Azurite of the repository
/// (it stops Azurite when this process's end of its stdin closes, so a killed drive leaves no orphan).
/// </summary>
public sealed class StoppableAzurite : IAsyncDisposable
{
    private readonly int[] _ports;
    private Process? _process;
    private readonly StringBuilder _log = new();

    private StoppableAzurite(string dataFolder, int[] ports)
    {
        DataFolder = dataFolder;
        _ports = ports;
    }

    /// <summary>Where Azurite keeps its data (kept across stops, deleted on dispose).</summary>
    public string DataFolder { get; }

    /// <summary>A connection string with blob, queue and table endpoints (the same across stops).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteInstance.AccountName};AccountKey={AzuriteInstance.AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/{AzuriteInstance.AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{_ports[1]}/{AzuriteInstance.AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{_ports[2]}/{AzuriteInstance.AccountName};";

    /// <summary>Whether Azurite is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts Azurite on a new data folder and three free ports.</summary>
    public static async Task<StoppableAzurite> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediagen-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var azurite = new StoppableAzurite(folder, [FreePort(), FreePort(), FreePort()]);
        await azurite.StartAgainAsync(cancellationToken);
        return azurite;
    }

    /// <summary>Starts the stopped Azurite on the same folder and ports; returns once its three services listen.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("Azurite is running.");
        }

        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in new[]
        {
            RepoPaths.Combine("scripts", "azurite.mjs"), "--location", DataFolder,
            "--blobPort", Port(0), "--queuePort", Port(1), "--tablePort", Port(2),
        })
        {
            psi.ArgumentList.Add(argument);
        }

        var listening = 0;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_log)
            {
                _log.AppendLine(line);
            }

            if (line.Contains("service is successfully listening", StringComparison.Ordinal) && Interlocked.Increment(ref listening) == 3)
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"Azurite exited early:\n{Log}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Waits.HangGuard);
        await ready.Task.WaitAsync(timeout.Token);
    }

    /// <summary>
    /// Whether the last stop was clean: Azurite closed its three services (saving its data) before it exited. The wrapper
    /// script would kill Azurite 3 s after asking it to stop, which under load can cut off its last save; the stop asks
    /// Azurite itself instead and waits.
    /// </summary>
    public bool LastStopWasClean { get; private set; }

    /// <summary>Stops Azurite gracefully (it closes its services and saves its data) and waits until it has exited.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        var closedBefore = Closed();
        try
        {
            if (AzuriteOf(process.Id) is { } azurite)
            {
                using var term = Process.Start("kill", ["-TERM", azurite.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await term.WaitForExitAsync(cancellationToken);
            }
            else
            {
                // Closing stdin asks the wrapper to stop Azurite.
                process.StandardInput.Close();
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
        }
        finally
        {
            process.Dispose();
        }

        LastStopWasClean = Closed() - closedBefore == 3;
    }

    /// <summary>Everything Azurite printed (all starts).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private int Closed()
    {
        lock (_log)
        {
            return _log.ToString().Split('\n').Count(line => line.Contains("service successfully closed", StringComparison.Ordinal));
        }
    }

    // The Azurite process the wrapper script runs (its only child).
    private static int? AzuriteOf(int wrapper)
    {
        var children = $"/proc/{wrapper}/task/{wrapper}/children";
        return File.Exists(children) && File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var child]
            ? int.Parse(child, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    private string Port(int index) => _ports[index].ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
