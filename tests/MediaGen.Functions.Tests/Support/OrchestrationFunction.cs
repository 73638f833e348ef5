using MediaGen.Functions.Workflows;
using Microsoft.DurableTask;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// An orchestration function of the app as the Durable extension's <c>FunctionsOrchestrator</c> presents it to the
/// orchestration runner: its input type is what the extension's own <c>OrchestrationInputConverter.GetInputContext</c>
/// picks from the function's definition (the generated metadata's bindings and the method's parameters), the runner's
/// shim deserialises the orchestration input into that type with the worker's <c>DataConverter</c>, and the function
/// receives it with the orchestration context.
/// </summary>
internal sealed class OrchestrationFunction : ITaskOrchestrator
{
    private readonly MethodInfo _method;

    private OrchestrationFunction(string name, MethodInfo method, IServiceProvider services)
    {
        _method = method;
        var context = new TestFunctionContext(services, new MetadataFunctionDefinition(name, method));
        var converter = typeof(OrchestrationTriggerAttribute).Assembly
            .GetType("Microsoft.Azure.Functions.Worker.Extensions.DurableTask.OrchestrationInputConverter", throwOnError: true)!;
        var inputContext = converter.GetMethod("GetInputContext", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [context])!;
        InputType = (Type)inputContext.GetType().GetProperty("Type")!.GetValue(inputContext)!;
    }

    /// <inheritdoc />
    public Type InputType { get; }

    /// <inheritdoc />
    public Type OutputType => typeof(object);

    /// <summary>The function whose <c>[Function]</c> name is <paramref name="name"/>, which must be an orchestration trigger.</summary>
    public static OrchestrationFunction Named(string name, IServiceProvider services)
    {
        var method = typeof(OrchestrationFunctions).GetMethods()
            .Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == name);
        Assert.Contains(method.GetParameters(), p => p.IsDefined(typeof(OrchestrationTriggerAttribute)));
        return new OrchestrationFunction(name, method, services);
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
