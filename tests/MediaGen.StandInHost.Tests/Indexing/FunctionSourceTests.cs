using System.Reflection;
using MediaGen.StandInHost.Indexing;
using Microsoft.Azure.WebJobs;

namespace MediaGen.StandInHost.Tests.Indexing;

/// <summary>The WebJobs functions generated from the app's functions.metadata carry each function's real trigger and bindings.</summary>
public sealed class FunctionSourceTests
{
    private static readonly IReadOnlyList<FunctionMetadata> App = FunctionMetadataFile.Read(FunctionsAppOutput.Directory);

    [Fact]
    public void Load_AppMetadata_CompilesOneWebJobsFunctionPerAppFunction()
    {
        var functions = AppFunctions.Load(FunctionsAppOutput.Directory, "00:30:00");

        var generated = functions.Type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => m.GetCustomAttribute<FunctionNameAttribute>()!.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(App.Select(f => f.Name).Order(StringComparer.Ordinal), generated);
        Assert.True(App.Count >= 30, $"functions.metadata lists only {App.Count} functions");
    }

    [Fact]
    public void Load_AppMetadata_NamesEachFunctionHostFunctionsAndItsNameAsTheFunctionsHostDoes()
    {
        var functions = AppFunctions.Load(FunctionsAppOutput.Directory, "00:30:00");

        var methods = functions.Type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

        // The WebJobs id of each: Host.Functions.<name> (blob receipts are kept under it; Event Grid's functionName names it).
        Assert.Equal("Host.Functions", functions.Type.FullName);
        Assert.All(methods, m => Assert.Equal(m.GetCustomAttribute<FunctionNameAttribute>()!.Name, m.Name));
    }

    [Theory]
    [InlineData("BlobInbox", "BlobInbox")]
    [InlineData("resize-image", "resize_image")]
    [InlineData("class", "@class")]
    public void MethodName_FunctionName_IsAValidCSharpNameKeepingWhatItCan(string function, string method)
    {
        Assert.Equal(method, FunctionSource.MethodName(function));
    }

    [Fact]
    public void Generate_TwoNamesGivingOneMethodName_FailsNamingBoth()
    {
        var trigger = """{ "name": "input", "type": "activityTrigger", "direction": "In" }""";

        var error = Assert.Throws<StandInHostException>(() => FunctionSource.Generate([Function("a-b", trigger), Function("a_b", trigger)], null));

        Assert.Contains("'a-b' and 'a_b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_AppMetadata_BindsDeferredTriggersToParameterBindingData()
    {
        var source = FunctionSource.Generate(App, TimeSpan.FromMinutes(30));

        Assert.Contains(
            """[global::Microsoft.Azure.WebJobs.QueueTrigger("%RequestQueueName%", Connection = "AzureWebJobsStorage")] global::Microsoft.Azure.WebJobs.ParameterBindingData message""",
            source,
            StringComparison.Ordinal);
        Assert.Contains("Source = global::Microsoft.Azure.WebJobs.BlobTriggerSource.EventGrid)] global::Microsoft.Azure.WebJobs.ParameterBindingData blob", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_AppMetadata_GivesEveryFunctionTheHostsTimeoutAndDisableSetting()
    {
        var source = FunctionSource.Generate(App, TimeSpan.FromMinutes(30));

        foreach (var function in App)
        {
            Assert.Contains($"Disable(\"AzureWebJobs.{function.Name}.Disabled\")", source, StringComparison.Ordinal);
        }

        Assert.Equal(App.Count, source.Split("Timeout(\"00:30:00\", ThrowOnTimeout = true").Length - 1);
    }

    [Fact]
    public void Generate_InputBindingWithAnExpression_BindsTheTriggerAsAString()
    {
        var function = Function("Copy", """{ "name": "message", "type": "queueTrigger", "direction": "In", "queueName": "q", "properties": { "supportsDeferredBinding": "True" } }""",
            """{ "name": "client", "type": "durableClient", "direction": "In", "taskHub": "{queueTrigger}" }""");

        var source = FunctionSource.Generate([function], null);

        Assert.Contains("""QueueTrigger("q")] string message""", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Timeout(", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_AppMetadata_BindsTheRetentionTimerToTheWebJobsTimerTrigger()
    {
        var source = FunctionSource.Generate(App, null);

        Assert.Contains(
            """[global::Microsoft.Azure.WebJobs.TimerTrigger("%RetentionPurgeSchedule%")] global::Microsoft.Azure.WebJobs.TimerInfo timer""", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_TimerWithFlags_CarriesRunOnStartupAndUseMonitor()
    {
        var function = Function("Tick", """{ "name": "timer", "type": "timerTrigger", "direction": "In", "schedule": "0 * * * * *", "runOnStartup": true, "useMonitor": "false" }""");

        var source = FunctionSource.Generate([function], null);

        Assert.Contains("""TimerTrigger("0 * * * * *", RunOnStartup = true, UseMonitor = false)] global::Microsoft.Azure.WebJobs.TimerInfo timer""", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_BindingThisHostDoesNotRegister_FailsNamingTheFunctionAndBinding()
    {
        var function = Function("Orders", """{ "name": "order", "type": "serviceBusTrigger", "direction": "In", "queueName": "orders" }""");

        var error = Assert.Throws<StandInHostException>(() => FunctionSource.Generate([function], null));

        Assert.Contains("'Orders'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'serviceBusTrigger'", error.Message, StringComparison.Ordinal);
    }

    private static FunctionMetadata Function(string name, params string[] bindings) =>
        new(name, [.. bindings.Select(json =>
        {
            var element = JsonDocument.Parse(json).RootElement.Clone();
            return new BindingMetadata(element.GetProperty("name").GetString()!, element.GetProperty("type").GetString()!, element.GetProperty("direction").GetString()!, element);
        })]);
}
