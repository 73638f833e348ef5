using System.Text.Json;
using MediaGen.Engine.TestWorker.Workflows;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaGen.Engine.TestWorker;

/// <summary>Builds the test worker's host: the engine with the test workflows, on settings short enough for tests.</summary>
public static class TestWorkerHost
{
    /// <summary>The configuration key of the folder activities record their executions in.</summary>
    public const string RecordsKey = "TestWorker:Records";

    /// <summary>
    /// Engine settings under the environment and command line, short enough for tests and safe on a loaded machine. A
    /// killed worker's work-item (activity) messages reappear after at most 10 s (the engine's minimum; a running
    /// activity's message is renewed every ~5 s, so it stays hidden for as long as its process lives) and its
    /// control-queue (orchestration) messages after at most 20 s. A process restarted with the same
    /// <c>DurableTask:WorkerId</c> takes its partitions back at once; another id waits for the 30 s lease. A lease-table
    /// read-and-write may take 10 s: on a loaded machine Azurite often needs more than the 2 s default, and renewals that keep
    /// timing out let leases lapse while their owner still reads the queues. Few
    /// orchestrations in flight and a small prefetch keep every dequeued message well inside its visibility timeout even
    /// when the machine is busy (a message held in memory past it is dequeued again, which the backend handles badly).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["DurableTask:PartitionCount"] = "4",
        ["DurableTask:MaxQueuePollingInterval"] = "00:00:00.200",
        ["DurableTask:ControlQueueVisibilityTimeout"] = "00:00:20",
        ["DurableTask:WorkItemQueueVisibilityTimeout"] = "00:00:10",
        ["DurableTask:PartitionLeaseInterval"] = "00:00:30",
        ["DurableTask:PartitionTableTimeout"] = "00:00:10",
        ["DurableTask:MaxConcurrentOrchestrations"] = "20",
        ["DurableTask:ControlQueueBatchSize"] = "16",
        ["DurableTask:ControlQueueBufferThreshold"] = "32",
    };

    /// <summary>The host, configured from <see cref="Defaults"/>, the environment and <paramref name="args"/>.</summary>
    public static IHost Build(string[] args)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        builder.Configuration.AddInMemoryCollection(Defaults).AddEnvironmentVariables().AddCommandLine(args);
        builder.Logging
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            })
            .AddFilter((category, level) => level >= LogLevel.Warning || (level >= LogLevel.Information && category?.StartsWith("MediaGen.", StringComparison.Ordinal) == true));

        var records = builder.Configuration[RecordsKey];
        if (string.IsNullOrWhiteSpace(records) || !Directory.Exists(records))
        {
            throw new InvalidOperationException($"{RecordsKey} must name an existing folder (activities record their executions there).");
        }

        builder.Services.AddSingleton<DataConverter>(new JsonDataConverter(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        builder.Services.AddSingleton(new ExecutionLog(records));
        builder.Services.AddDurableEngine(builder.Configuration, TestWorkflows.Register);
        builder.Services.AddHostedService<ReadyReporter>();
        builder.Services.AddHostedService<ParentWatch>();
        return builder.Build();
    }
}
