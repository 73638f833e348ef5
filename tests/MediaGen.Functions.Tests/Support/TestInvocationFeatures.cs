using System.Collections;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// An invocation's features, as the worker keeps them, with the one the worker always sets: the function's bindings
/// (<c>IFunctionBindingsFeature</c>, internal to the worker: its trigger data, output binding values and the invocation's
/// result, read and written by <c>GetInvocationResult()</c> and <c>GetOutputBindings()</c>), stood in by a proxy.
/// </summary>
internal sealed class TestInvocationFeatures : IInvocationFeatures
{
    private static readonly Type BindingsFeature = typeof(FunctionContext).Assembly
        .GetType("Microsoft.Azure.Functions.Worker.Context.Features.IFunctionBindingsFeature", throwOnError: true)!;

    private readonly Dictionary<Type, object> _features = [];

    public TestInvocationFeatures() => _features[BindingsFeature] = DispatchProxy.Create(BindingsFeature, typeof(FunctionBindings));

    public void Set<T>(T instance) => _features[typeof(T)] = instance!;

    public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The bindings feature's state: no trigger metadata or input data, the output binding values, the result.</summary>
    public class FunctionBindings : DispatchProxy
    {
        private readonly Dictionary<string, object?> _outputs = [];
        private object? _result;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "get_InvocationResult" => _result,
            "set_InvocationResult" => _result = args![0],
            "get_OutputBindingData" => _outputs,
            "get_TriggerMetadata" or "get_InputData" => new Dictionary<string, object?>(),
            _ => throw new NotSupportedException($"The test invocation does not model {targetMethod?.Name}."),
        };
    }
}
