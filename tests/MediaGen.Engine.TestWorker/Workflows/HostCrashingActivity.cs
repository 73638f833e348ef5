using System.Diagnostics;

namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Records its execution, then kills its own process (SIGKILL): a poison message's activity.</summary>
public sealed class HostCrashingActivity(ExecutionLog log) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input)
    {
        log.Record(input);
        Process.GetCurrentProcess().Kill();
        return Task.FromResult(input);
    }
}
