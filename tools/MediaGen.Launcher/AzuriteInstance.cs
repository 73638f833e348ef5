using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace MediaGen.Launcher;

/// <summary>
/// An Azurite process of the run's own: free loopback ports, a temporary data folder, stopped
/// (and its folder deleted) on dispose. It runs under <c>scripts/azurite.mjs</c>, which stops
/// Azurite when this process's end of its stdin closes, so even a killed test run leaves no orphan.
/// An instance with its data on disk can be stopped (<see cref="StopAsync"/>: gracefully, waiting until Azurite has
/// closed its services and exited, so every write it acknowledged is saved) and started again on the same data folder
/// and ports (<see cref="RestartAsync"/>), as a storage outage the storage-outage drive causes.
/// </summary>
public sealed partial class AzuriteInstance : IAsyncDisposable
{
    /// <summary>The well-known development account of Azurite.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known development account key of Azurite (public, not a secret).</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>How long a stop waits for Azurite to save its data and exit before it kills it (and reports the stop unclean).</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(2);

    private const string ClosedLine = "service successfully closed";

    private readonly StringBuilder _log;
    private readonly bool _keepData;
    private readonly bool _inMemory;
    private Process? _process;

    private AzuriteInstance(Process process, StringBuilder log, string dataFolder, bool inMemory, bool keepData, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _log = log;
        _inMemory = inMemory;
        _keepData = keepData;
        DataFolder = dataFolder;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>Where this instance keeps its data.</summary>
    public string DataFolder { get; }

    /// <summary>The blob service port on 127.0.0.1.</summary>
    public int BlobPort { get; }

    /// <summary>The queue service port on 127.0.0.1.</summary>
    public int QueuePort { get; }

    /// <summary>The table service port on 127.0.0.1 (the Durable Task backend keeps its state in tables).</summary>
    public int TablePort { get; }

    /// <summary>The blob service's address, e.g. <c>http://127.0.0.1:41234</c> (the account is the path's first segment).</summary>
    public Uri BlobServiceUrl => new($"http://127.0.0.1:{BlobPort}");

    /// <summary>The queue service's address, e.g. <c>http://127.0.0.1:41235</c>.</summary>
    public Uri QueueServiceUrl => new($"http://127.0.0.1:{QueuePort}");

    /// <summary>A connection string for the Azure Storage SDK (blob, queue and table endpoints).</summary>
    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    /// <summary>A connection string to Azurite's development account on these 127.0.0.1 ports (also for ports nothing listens on).</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    /// <summary>Whether Azurite is running (false after <see cref="StopAsync"/> until <see cref="RestartAsync"/>).</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything Azurite has printed so far, over all its starts (for failure messages).</summary>
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

    /// <summary>Starts Azurite and waits until its blob, queue and table services listen.</summary>
    /// <param name="inMemory">Keep data in memory only (faster; nothing survives an Azurite restart).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<AzuriteInstance> StartAsync(bool inMemory = false, CancellationToken cancellationToken = default) =>
        StartAsync(inMemory, Path.Combine(Path.GetTempPath(), "mediagen-azurite-" + Guid.NewGuid().ToString("N")), keepData: false, cancellationToken);

    /// <summary>Starts Azurite on disk in <paramref name="dataFolder"/>, which is kept when it stops (<c>scripts/run.sh</c>'s <c>.run/azurite</c>).</summary>
    public static Task<AzuriteInstance> StartAsync(string dataFolder, CancellationToken cancellationToken = default) =>
        StartAsync(inMemory: false, dataFolder, keepData: true, cancellationToken);

    private static async Task<AzuriteInstance> StartAsync(bool inMemory, string dataFolder, bool keepData, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataFolder);
        var log = new StringBuilder();
        try
        {
            var (process, ports) = await LaunchAsync(inMemory, dataFolder, ports: null, log, cancellationToken);
            return new AzuriteInstance(process, log, dataFolder, inMemory, keepData, ports[0], ports[1], ports[2]);
        }
        catch
        {
            if (!keepData)
            {
                TryDelete(dataFolder);
            }

            throw;
        }
    }

    /// <summary>
    /// Stops Azurite gracefully and waits until it has exited: the wrapper asks Azurite to stop, Azurite closes its blob,
    /// queue and table services (saving its data) and exits. True when all three reported closed (a clean stop, nothing
    /// acknowledged is lost); false when it had to be killed after <see cref="StopTimeout"/> or exited without closing them.
    /// Nothing happens (true) when it is not running.
    /// </summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not { } process)
        {
            return true;
        }

        _process = null;
        var closedBefore = CountLines(ClosedLine);
        try
        {
            if (!process.HasExited)
            {
                // Closing stdin asks the wrapper to stop Azurite gracefully (scripts/azurite.mjs).
                process.StandardInput.Close();
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(StopTimeout);
            await process.WaitForExitAsync(wait.Token);
            // The exit is seen before the last output lines are read; this waits for the end of both streams.
            await process.WaitForExitAsync(CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return false;
        }
        finally
        {
            process.Dispose();
        }

        return CountLines(ClosedLine) - closedBefore == 3;
    }

    /// <summary>
    /// Starts a stopped on-disk instance again on the same data folder and the same ports (clients keep their connection
    /// string and find what was written before the stop) and waits until its three services listen.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (_inMemory)
        {
            throw new InvalidOperationException("An in-memory Azurite loses its data when it stops; only an instance on disk restarts.");
        }

        if (IsRunning)
        {
            throw new InvalidOperationException("Azurite is running; stop it first.");
        }

        var (process, _) = await LaunchAsync(inMemory: false, DataFolder, [BlobPort, QueuePort, TablePort], _log, cancellationToken);
        _process = process;
    }

    private static async Task<(Process Process, int[] Ports)> LaunchAsync(bool inMemory, string dataFolder, int[]? ports, StringBuilder log, CancellationToken cancellationToken)
    {
        var script = RepoPaths.Combine("scripts", "azurite.mjs");
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.ArgumentList.Add(script);
        // Azurite refuses --location together with --inMemoryPersistence; the folder then only holds its debug log.
        psi.ArgumentList.Add(inMemory ? "--inMemoryPersistence" : "--location");
        if (!inMemory)
        {
            psi.ArgumentList.Add(dataFolder);
        }

        if (ports is [var blobPort, var queuePort, var tablePort])
        {
            foreach (var (flag, port) in new[] { ("--blobPort", blobPort), ("--queuePort", queuePort), ("--tablePort", tablePort) })
            {
                psi.ArgumentList.Add(flag);
                psi.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var blob = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var table = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(line);
            }

            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                (match.Groups["service"].Value switch { "Blob" => blob, "Queue" => queue, _ => table }).TrySetResult(port);
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) =>
        {
            string text;
            lock (log)
            {
                text = log.ToString();
            }

            var error = new InvalidOperationException($"Azurite exited early (is scripts/bootstrap.sh run? are its ports free?):\n{text}");
            blob.TrySetException(error);
            queue.TrySetException(error);
            table.TrySetException(error);
        };

        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start node for Azurite.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Node starting Azurite on a loaded 2-core machine took over 60 s while several suites ran at once.
        timeout.CancelAfter(AppProcess.StartTimeout);
        try
        {
            var listening = await Task.WhenAll(blob.Task, queue.Task, table.Task).WaitAsync(timeout.Token);
            return (process, listening);
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            // Gracefully, as a stop: a kept data folder (scripts/run.sh's .run/azurite) must hold every acknowledged write.
            await StopAsync();
        }
        finally
        {
            if (!_keepData)
            {
                TryDelete(DataFolder);
            }
        }
    }

    private int CountLines(string text)
    {
        lock (_log)
        {
            return _log.ToString().Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
