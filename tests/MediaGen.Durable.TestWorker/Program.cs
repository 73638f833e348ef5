using MediaGen.Durable.Hosting;
using MediaGen.Durable.TestWorker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: MediaGen.Durable.TestWorker <connection string> <hub name> <worker id>
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);

// Partition ownership is printed, so a test can tell when the workers share the hub.
builder.Logging.AddFilter("MediaGen.Durable.Runtime.PartitionManager", LogLevel.Information);
builder.Configuration["TestWorkerStorage"] = args[0];
builder.Services.AddDurableRuntime(
    TestWorkflows.Register,
    options =>
    {
        options.ConnectionName = "TestWorkerStorage";
        options.HubName = args[1];
        options.WorkerId = args[2];
        options.PartitionCount = 4;
        options.MessageVisibilityTimeout = TimeSpan.FromSeconds(3);
        options.LeaseDuration = TimeSpan.FromSeconds(15);
        options.LeaseRenewInterval = TimeSpan.FromSeconds(2);
        options.MaxPollingInterval = TimeSpan.FromMilliseconds(250);
        options.MaxDequeueCount = 50;
    });
using var host = builder.Build();
await host.RunAsync();
