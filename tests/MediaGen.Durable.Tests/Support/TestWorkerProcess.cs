using System.Diagnostics;
using System.Text;

namespace MediaGen.Durable.Tests.Support;

/// <summary>A MediaGen.Durable.TestWorker child process: started, killed with SIGKILL, restarted.</summary>
internal sealed class TestWorkerProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    public TestWorkerProcess(string connectionString, string hub, string workerId)
    {
        ConnectionString = connectionString;
        Hub = hub;
        WorkerId = workerId;
    }

    public string ConnectionString { get; }

    public string Hub { get; }

    public string WorkerId { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public void Start()
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaGen.Durable.TestWorker.dll"));
        psi.ArgumentList.Add(ConnectionString);
        psi.ArgumentList.Add(Hub);
        psi.ArgumentList.Add(WorkerId);
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Kills the process at once (SIGKILL on Linux): no shutdown code runs.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
