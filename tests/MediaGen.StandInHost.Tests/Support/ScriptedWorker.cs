using System.Collections.Concurrent;

namespace MediaGen.StandInHost.Tests.Support;

/// <summary>
/// A stand-in for the worker side in unit tests of the WebJobs side: records every invocation the generated functions hand
/// over and answers with a script (success with no value unless told otherwise).
/// </summary>
internal sealed class ScriptedWorker : IWorkerInvoker
{
    private readonly ConcurrentQueue<FunctionInvocation> _invocations = new();
    private readonly ConcurrentDictionary<string, Func<FunctionInvocation, Task<InvocationOutcome>>> _answers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _invoked = new(0);

    /// <summary>Every invocation so far, in order.</summary>
    public IReadOnlyList<FunctionInvocation> Invocations => [.. _invocations];

    /// <summary>A success with <paramref name="value"/> as the return value.</summary>
    public static InvocationOutcome Success(BindingValue? value = null) => new(true, value, [], null);

    /// <summary>A failure worded as the Functions host words a worker's.</summary>
    public static InvocationOutcome Failure(string message) => new(false, null, [], $"Result: Failure\nException: {message}\nStack: at Test()");

    /// <summary>Answers invocations of <paramref name="function"/> with <paramref name="answer"/>.</summary>
    public void Answer(string function, Func<FunctionInvocation, InvocationOutcome> answer) => _answers[function] = i => Task.FromResult(answer(i));

    /// <summary>Answers invocations of <paramref name="function"/> with <paramref name="answer"/>, which may write an HTTP response.</summary>
    public void AnswerAsync(string function, Func<FunctionInvocation, Task<InvocationOutcome>> answer) => _answers[function] = answer;

    /// <summary>The invocations of <paramref name="function"/> so far.</summary>
    public IReadOnlyList<FunctionInvocation> Of(string function) => [.. _invocations.Where(i => i.FunctionName == function)];

    /// <summary>Waits until <paramref name="condition"/> holds over the invocations (each new invocation re-checks it), up to the hang guard.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<FunctionInvocation>, bool> condition, string what)
    {
        using var guard = new CancellationTokenSource(Waits.HangGuard);
        while (!condition(Invocations))
        {
            try
            {
                await _invoked.WaitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No {what} within {Waits.HangGuard}; invocations: {string.Join(", ", Invocations.Select(i => i.FunctionName))}");
            }
        }
    }

    /// <inheritdoc />
    public async Task<InvocationOutcome> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var outcome = _answers.TryGetValue(invocation.FunctionName, out var answer) ? await answer(invocation) : Success();
        _invocations.Enqueue(invocation);
        _invoked.Release();
        return outcome;
    }
}
