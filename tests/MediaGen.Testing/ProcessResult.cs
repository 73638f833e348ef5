namespace MediaGen.Testing;

/// <summary>How a one-shot process ended (<see cref="ProcessRun.RunAsync"/>): its exit code and what it wrote.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="StandardOutput">Everything it wrote to stdout.</param>
/// <param name="StandardError">Everything it wrote to stderr.</param>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>stdout followed by stderr, for assertions and failure messages.</summary>
    public string Output => StandardOutput + StandardError;
}
