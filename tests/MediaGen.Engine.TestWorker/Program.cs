using MediaGen.Engine.TestWorker;

// Settings come from environment variables (AzureWebJobsStorage, DurableTask__HubName, DurableTask__WorkerId,
// TestWorker__Records, ...) or command-line arguments (--DurableTask:HubName=...), over TestWorkerHost's short defaults.
using var host = TestWorkerHost.Build(args);
await host.RunAsync();
