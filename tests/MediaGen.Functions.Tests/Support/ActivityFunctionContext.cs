using Microsoft.Azure.Functions.Worker;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// The <see cref="FunctionContext"/> an activity function receives, reduced to what activity functions read: the
/// invocation's services (a scope of the app's, as the worker creates per invocation) and the function's name.
/// </summary>
internal sealed class ActivityFunctionContext(IServiceProvider instanceServices) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => throw new NotSupportedException();

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = instanceServices;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();
}
