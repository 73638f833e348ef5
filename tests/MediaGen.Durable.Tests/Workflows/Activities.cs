using System.Collections.Concurrent;

namespace MediaGen.Durable.Tests.Workflows;

internal sealed class SayHello : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"Hello {input}");
}

internal sealed class Echo : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input);
}

internal sealed class Square : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input * input);
}

internal sealed class AddOne : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input + 1);
}

internal sealed class FailingActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        throw new InvalidOperationException("boom: " + input, new ArgumentException("root cause"));
}

/// <summary>Fails until its key has been attempted <c>SucceedOnAttempt</c> times; throws ArgumentException when the key says so.</summary>
internal sealed class FlakyActivity : TaskActivity<string, int>
{
    public static ConcurrentDictionary<string, int> Attempts { get; } = new();

    public override Task<int> RunAsync(TaskActivityContext context, string input)
    {
        var attempt = Attempts.AddOrUpdate(input, 1, (_, n) => n + 1);
        if (input.StartsWith("argument", StringComparison.Ordinal))
        {
            throw new ArgumentException("not retryable");
        }

        return attempt < 3 ? throw new InvalidOperationException($"attempt {attempt} failed") : Task.FromResult(attempt);
    }
}
