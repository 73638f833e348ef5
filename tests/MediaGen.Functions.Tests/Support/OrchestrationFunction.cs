using System.Reflection;
using MediaGen.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.DurableTask;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// An orchestration function of the app as the Durable extension's <c>FunctionsOrchestrator</c> presents it to the
/// orchestration runner: its input type is the function's first parameter that has no binding and is not a
/// <see cref="FunctionContext"/> or <see cref="CancellationToken"/> (<c>OrchestrationInputConverter.GetInputContext</c>),
/// the runner's shim deserialises the orchestration input into that type with the worker's <c>DataConverter</c>, and the
/// function receives it with the orchestration context.
/// </summary>
internal sealed class OrchestrationFunction : ITaskOrchestrator
{
    private readonly MethodInfo _method;

    private OrchestrationFunction(MethodInfo method)
    {
        _method = method;
        InputType = method.GetParameters()
            .Where(p => !p.GetCustomAttributes().OfType<BindingAttribute>().Any())
            .Select(p => p.ParameterType)
            .FirstOrDefault(t => t != typeof(FunctionContext) && t != typeof(CancellationToken)) ?? typeof(object);
    }

    /// <inheritdoc />
    public Type InputType { get; }

    /// <inheritdoc />
    public Type OutputType => typeof(object);

    /// <summary>The function whose <c>[Function]</c> name is <paramref name="name"/>, which must be an orchestration trigger.</summary>
    public static OrchestrationFunction Named(string name)
    {
        var method = typeof(OrchestrationFunctions).GetMethods()
            .Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == name);
        Assert.Contains(method.GetParameters(), p => p.IsDefined(typeof(OrchestrationTriggerAttribute)));
        return new OrchestrationFunction(method);
    }

    /// <inheritdoc />
    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var arguments = _method.GetParameters()
            .Select(p => p.IsDefined(typeof(OrchestrationTriggerAttribute)) ? context : p.ParameterType == InputType ? input : null)
            .ToArray();
        var task = (Task)_method.Invoke(null, arguments)!;
        await task;
        return task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
    }
}
