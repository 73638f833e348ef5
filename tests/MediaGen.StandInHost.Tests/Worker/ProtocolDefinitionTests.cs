using System.Reflection;
using Google.Protobuf.Reflection;
using MediaGen.StandInHost.Protocol;

namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>
/// The host's protocol subset (Protos/FunctionRpc.proto) against the definition compiled into the worker the app ships
/// (Microsoft.Azure.Functions.Worker.Grpc, from the app's build output): every message, field and enum value the host
/// declares exists there under the same name and number with the same type, so both ends read each other's bytes.
/// </summary>
public sealed class ProtocolDefinitionTests
{
    private static readonly FileDescriptor Worker = LoadWorkerDefinition();
    private static readonly Dictionary<string, MessageDescriptor> WorkerMessages = AllMessages(Worker.MessageTypes).ToDictionary(m => m.FullName);
    private static readonly Dictionary<string, EnumDescriptor> WorkerEnums =
        Worker.EnumTypes.Concat(WorkerMessages.Values.SelectMany(m => m.EnumTypes)).ToDictionary(e => e.FullName);

    [Fact]
    public void Messages_EveryDeclaredField_MatchesTheWorkersDefinition()
    {
        var mismatches = AllMessages(FunctionRpcReflection.Descriptor.MessageTypes)
            .SelectMany(ours => Compare(ours, WorkerMessages.GetValueOrDefault(ours.FullName)))
            .ToList();

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void Enums_EveryDeclaredValue_MatchesTheWorkersDefinition()
    {
        var ours = AllMessages(FunctionRpcReflection.Descriptor.MessageTypes).SelectMany(m => m.EnumTypes).ToList();
        var mismatches = ours
            .SelectMany(e => e.Values.Select(v => (Enum: e, Value: v)))
            .Where(x => WorkerEnums.GetValueOrDefault(x.Enum.FullName)?.FindValueByNumber(x.Value.Number)?.Name != x.Value.Name)
            .Select(x => $"{x.Enum.FullName}.{x.Value.Name} = {x.Value.Number}")
            .ToList();

        Assert.NotEmpty(ours);
        Assert.True(mismatches.Count == 0, "not in the worker's definition: " + string.Join(", ", mismatches));
    }

    [Fact]
    public void Service_EventStream_IsTheWorkersBidirectionalStream()
    {
        var ours = FunctionRpcReflection.Descriptor.Services.Single();
        var theirs = Worker.Services.SingleOrDefault(s => s.FullName == ours.FullName);

        Assert.Equal("AzureFunctionsRpcMessages.FunctionRpc", ours.FullName);
        Assert.NotNull(theirs);
        var method = Assert.Single(ours.Methods);
        var workerMethod = theirs.FindMethodByName(method.Name);
        Assert.NotNull(workerMethod);
        Assert.True(workerMethod.IsClientStreaming && workerMethod.IsServerStreaming);
        Assert.Equal(workerMethod.InputType.FullName, method.InputType.FullName);
        Assert.Equal(workerMethod.OutputType.FullName, method.OutputType.FullName);
    }

    private static IEnumerable<string> Compare(MessageDescriptor ours, MessageDescriptor? theirs)
    {
        if (theirs is null)
        {
            yield return $"{ours.FullName}: no such message in the worker's definition";
            yield break;
        }

        foreach (var field in ours.Fields.InDeclarationOrder())
        {
            var other = theirs.FindFieldByNumber(field.FieldNumber);
            if (other is null)
            {
                yield return $"{ours.FullName}.{field.Name} = {field.FieldNumber}: no such field number";
            }
            else if (Describe(field) != Describe(other))
            {
                yield return $"{ours.FullName} field {field.FieldNumber}: ours {Describe(field)}, the worker's {Describe(other)}";
            }
        }
    }

    private static string Describe(FieldDescriptor field)
    {
        var type = field.FieldType switch
        {
            FieldType.Message or FieldType.Group => field.MessageType.FullName,
            FieldType.Enum => field.EnumType.FullName,
            _ => field.FieldType.ToString(),
        };
        var oneof = field.RealContainingOneof?.Name;
        return $"{field.Name} {(field.IsMap ? "map " : field.IsRepeated ? "repeated " : "")}{type}{(oneof is null ? "" : " in oneof " + oneof)}";
    }

    private static IEnumerable<MessageDescriptor> AllMessages(IEnumerable<MessageDescriptor> messages) =>
        messages.Where(m => !m.GetOptions()?.MapEntry ?? true)
            .SelectMany(m => new[] { m }.Concat(AllMessages(m.NestedTypes)));

    private static FileDescriptor LoadWorkerDefinition()
    {
        var assembly = Assembly.LoadFrom(FunctionsAppOutput.File("Microsoft.Azure.Functions.Worker.Grpc.dll"));
        var reflection = assembly.GetType("Microsoft.Azure.Functions.Worker.Grpc.Messages.FunctionRpcReflection", throwOnError: true)!;
        return (FileDescriptor)reflection.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
    }
}
