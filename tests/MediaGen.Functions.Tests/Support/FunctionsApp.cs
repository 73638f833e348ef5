using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core;
using Microsoft.Extensions.Configuration;

namespace MediaGen.Functions.Tests.Support;

/// <summary>Builds the Functions app's host the way <c>Program.cs</c> does, with test settings.</summary>
internal static class FunctionsApp
{
    /// <summary>A valid API key for the tests.</summary>
    public const string ApiKey = "functions-test-key-0123456789";

    /// <summary>The caller named by <see cref="PartnerKey"/> (<c>Api__Keys__partner-b</c>).</summary>
    public const string PartnerCaller = "partner-b";

    /// <summary>A second caller's valid API key.</summary>
    public const string PartnerKey = "functions-partner-key-0123456789";

    /// <summary>Settings every build gets (storage is never contacted by building).</summary>
    public static IReadOnlyDictionary<string, string?> BaseSettings { get; } = new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Api:Key"] = ApiKey,
        [$"Api:Keys:{PartnerCaller}"] = PartnerKey,
    };

    /// <summary>
    /// <c>FunctionsApplication.CreateBuilder</c> + <c>AddMediaGenFunctions</c>, as <c>Program.cs</c>, in Development (as Core
    /// Tools runs it). The worker runs the extension startup code generated into the entry assembly; under the test runner
    /// that is not the app, so the app's generated startup executor is run here, at the same point.
    /// </summary>
    public static FunctionsApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = FunctionsApplication.CreateBuilder(["--environment", "Development"]);
        var startup = typeof(FunctionsApplicationBuilderExtensions).Assembly.GetCustomAttribute<WorkerExtensionStartupCodeExecutorInfoAttribute>()
            ?? throw new InvalidOperationException("The Functions app has no generated extension startup executor.");
        ((WorkerExtensionStartup)Activator.CreateInstance(startup.StartupCodeExecutorType)!).Configure(builder);
        builder.Configuration.AddInMemoryCollection(BaseSettings);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddMediaGenFunctions();
        return builder;
    }

    /// <summary>Builds the host (not started).</summary>
    public static IHost Build(IReadOnlyDictionary<string, string?>? settings = null) => CreateBuilder(settings).Build();
}
