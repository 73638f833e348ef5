using System.Diagnostics;
using System.Text.Json;
using Google.Protobuf;
using DataCase = MediaGen.StandInHost.Protocol.TypedData.DataOneofCase;

namespace MediaGen.StandInHost.Worker;

/// <summary>
/// Values between the seam and the protocol: a <see cref="FunctionInvocation"/> becomes an <c>InvocationRequest</c>
/// (each binding value as <c>TypedData</c>, the current trace context), an <c>InvocationResponse</c> becomes an
/// <see cref="InvocationOutcome"/>.
/// </summary>
internal static class TypedDataConversion
{
    /// <summary>The request invoking <paramref name="functionId"/> for <paramref name="invocation"/>, with <paramref name="extraInputs"/> after its inputs.</summary>
    public static InvocationRequest Request(string functionId, FunctionInvocation invocation, IEnumerable<ParameterBinding> extraInputs)
    {
        var request = new InvocationRequest
        {
            InvocationId = invocation.InvocationId,
            FunctionId = functionId,
            TraceContext = new RpcTraceContext
            {
                TraceParent = Activity.Current?.Id ?? "",
                TraceState = Activity.Current?.TraceStateString ?? "",
            },
        };
        request.InputData.Add(invocation.Inputs.Select(input => new ParameterBinding { Name = input.Name, Data = ToTypedData(input.Value) }));
        request.InputData.Add(extraInputs);
        foreach (var (name, value) in invocation.TriggerMetadata)
        {
            request.TriggerMetadata.Add(name, ToTypedData(value));
        }

        return request;
    }

    /// <summary>What the worker answered, as the seam's outcome.</summary>
    public static InvocationOutcome Outcome(InvocationResponse response)
    {
        if (response.Result is not { Status: StatusResult.Types.Status.Success })
        {
            return new InvocationOutcome(false, null, [], WorkerFailure.Describe(response.Result ?? new StatusResult()));
        }

        try
        {
            var outputs = response.OutputData
                .Select(output => (output.Name, Value: FromTypedData(output.Data)))
                .Where(output => output.Value is not null)
                .Select(output => new NamedValue(output.Name, output.Value!))
                .ToList();
            return new InvocationOutcome(true, FromTypedData(response.ReturnValue), outputs, null);
        }
        catch (NotSupportedException ex)
        {
            return new InvocationOutcome(false, null, [], $"Result: Failure\nException: {ex.Message}\nStack: ");
        }
    }

    /// <summary><paramref name="value"/> as <c>TypedData</c>.</summary>
    public static TypedData ToTypedData(BindingValue value) => value switch
    {
        BindingValue.Text text => new TypedData { String = text.Value },
        BindingValue.Json json => new TypedData { Json = json.Value },
        BindingValue.Bytes bytes => new TypedData { Bytes = ByteString.CopyFrom(bytes.Value.Span) },
        BindingValue.ModelBindingData model => new TypedData
        {
            ModelBindingData = new ModelBindingData
            {
                Version = model.Version,
                Source = model.Source,
                ContentType = model.ContentType,
                Content = ByteString.CopyFrom(model.Content.Span),
            },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown binding value."),
    };

    /// <summary>
    /// <paramref name="data"/> as a binding value: null when empty or HTTP (an HTTP response travels over the proxied
    /// request); numbers and collections as JSON.
    /// </summary>
    /// <exception cref="NotSupportedException">A kind this host does not map (byte collections, model binding collections).</exception>
    public static BindingValue? FromTypedData(TypedData? data) => data?.DataCase switch
    {
        null or DataCase.None or DataCase.Http => null,
        DataCase.String => new BindingValue.Text(data.String),
        DataCase.Json => new BindingValue.Json(data.Json),
        DataCase.Bytes => new BindingValue.Bytes(data.Bytes.Memory),
        DataCase.Stream => new BindingValue.Bytes(data.Stream.Memory),
        DataCase.Int => new BindingValue.Json(data.Int.ToString(CultureInfo.InvariantCulture)),
        DataCase.Double => new BindingValue.Json(JsonSerializer.Serialize(data.Double)),
        DataCase.CollectionString => new BindingValue.Json(JsonSerializer.Serialize(data.CollectionString.String)),
        DataCase.CollectionDouble => new BindingValue.Json(JsonSerializer.Serialize(data.CollectionDouble.Double)),
        DataCase.CollectionSint64 => new BindingValue.Json(JsonSerializer.Serialize(data.CollectionSint64.Sint64)),
        DataCase.ModelBindingData => new BindingValue.ModelBindingData(
            data.ModelBindingData.Version, data.ModelBindingData.Source, data.ModelBindingData.ContentType, data.ModelBindingData.Content.Memory),
        _ => throw new NotSupportedException($"The worker answered a {data.DataCase} value, which the stand-in host does not map."),
    };
}
