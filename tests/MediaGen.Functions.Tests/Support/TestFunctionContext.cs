namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// A <see cref="FunctionContext"/> reduced to what MediaGen's functions and middleware and the worker's ASP.NET Core
/// integration read: the invocation's id and services (a scope of the app's, as the worker creates per invocation), the
/// function's definition, the items (where the integration puts the request's <c>HttpContext</c>) and the features (the
/// bindings, holding the invocation's result: <see cref="TestInvocationFeatures"/>).
/// </summary>
internal sealed class TestFunctionContext(IServiceProvider instanceServices, FunctionDefinition definition, string? invocationId = null) : FunctionContext
{
    /// <summary>A context for the function named <paramref name="functionName"/>.</summary>
    public TestFunctionContext(IServiceProvider instanceServices, string functionName = "test")
        : this(instanceServices, new NamedFunctionDefinition(functionName))
    {
    }

    public override string InvocationId { get; } = invocationId ?? Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = instanceServices;

    public override FunctionDefinition FunctionDefinition { get; } = definition;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new TestInvocationFeatures();

    private sealed class NamedFunctionDefinition(string name) : FunctionDefinition
    {
        public override System.Collections.Immutable.ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => typeof(FunctionsApplicationBuilderExtensions).Assembly.Location;

        public override string EntryPoint => name;

        public override string Id => name;

        public override string Name => name;

        public override System.Collections.Immutable.IImmutableDictionary<string, BindingMetadata> InputBindings =>
            System.Collections.Immutable.ImmutableDictionary<string, BindingMetadata>.Empty;

        public override System.Collections.Immutable.IImmutableDictionary<string, BindingMetadata> OutputBindings =>
            System.Collections.Immutable.ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
