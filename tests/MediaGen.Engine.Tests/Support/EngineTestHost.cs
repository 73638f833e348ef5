using System.Text.Json;
using MediaGen.Engine.Tests.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace MediaGen.Engine.Tests.Support;

/// <summary>Builds hosts running the engine the way an app does, with short test settings.</summary>
public static class EngineTestHost
{
    /// <summary>Settings that keep tests fast: quick polling, one partition, the shortest visibility timeouts.</summary>
    public static Dictionary<string, string?> TestSettings(string connectionString, string hubName) => new()
    {
        [DurableEngineOptions.ConnectionStringKey] = connectionString,
        ["DurableTask:HubName"] = hubName,
        ["DurableTask:PartitionCount"] = "1",
        ["DurableTask:MaxQueuePollingInterval"] = "00:00:00.100",
        ["DurableTask:WorkItemQueueVisibilityTimeout"] = "00:00:10",
        ["DurableTask:ControlQueueVisibilityTimeout"] = "00:00:10",
    };

    /// <summary>A unique, valid task hub name.</summary>
    public static string NewHubName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// A host with the engine, every test workflow, the JSON data converter and <see cref="ScopeTracker"/>;
    /// <paramref name="settings"/> override <see cref="TestSettings"/>.
    /// </summary>
    public static IHost Build(IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null, bool withDataConverter = true)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        if (withDataConverter)
        {
            builder.Services.AddSingleton<DataConverter>(new JsonDataConverter(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        }

        builder.Services.AddSingleton<ScopeTracker>();
        builder.Services.AddScoped<ScopedDependency>();
        builder.Services.AddDurableEngine(builder.Configuration, TestWorkflows.Register);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
