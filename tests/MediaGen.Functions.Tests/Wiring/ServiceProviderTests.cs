using MediaGen.Api;
using Microsoft.DurableTask.Worker;

namespace MediaGen.Functions.Tests.Wiring;

public sealed class ServiceProviderTests
{
    [Fact]
    public void Build_AsProgramDoes_ValidatesEveryRegistration()
    {
        // ValidateOnBuild + ValidateScopes: any registration that cannot be constructed fails the build here.
        using var host = FunctionsApp.Build();

        Assert.NotNull(host.Services.GetRequiredService<JobServiceFactory>());
        Assert.NotNull(host.Services.GetRequiredService<HttpApiMiddleware>());
    }

    [Fact]
    public void Build_WithUnresolvableRegistration_Throws()
    {
        var builder = FunctionsApp.CreateBuilder();
        builder.Services.AddSingleton<NeedsMissingService>();

        var error = Assert.Throws<AggregateException>(() => builder.Build());

        Assert.Contains(nameof(NeedsMissingService), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AsProgramDoes_HasNoJobServiceSingleton()
    {
        // Functions has no DurableTaskClient service: a registration of a job service could never be resolved.
        using var host = FunctionsApp.Build();

        Assert.All(WorkflowServiceCollectionExtensions.OverDurableClient, type => Assert.Null(host.Services.GetService(type)));
    }

    [Fact]
    public void FunctionClasses_CreatedPerInvocation_ResolveFromAScope()
    {
        using var host = FunctionsApp.Build();
        using var scope = host.Services.CreateScope();
        var functionTypes = typeof(FunctionsApplicationBuilderExtensions).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(m => m.IsDefined(typeof(FunctionAttribute), false)))
            .ToList();

        Assert.NotEmpty(functionTypes);
        foreach (var type in functionTypes)
        {
            // As the worker's DefaultFunctionActivator does for instance functions.
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }
    }

    [Fact]
    public void ActivityClasses_ResolvedByActivityFunctions_ConstructFromAScope()
    {
        using var host = FunctionsApp.Build();
        using var scope = host.Services.CreateScope();

        foreach (var type in WorkflowCatalog.Activities)
        {
            Assert.IsType(type, ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type));
        }
    }

    [Fact]
    public void DurableDataConverter_AsProgramConfiguresIt_UsesWorkflowJson()
    {
        using var host = FunctionsApp.Build();
        var converter = host.Services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter;
        var serializer = host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer;

        // The extension replaces the default converter with a shim over the worker's serializer (ObjectConverterShim).
        Assert.Equal("ObjectConverterShim", converter.GetType().Name);
        var sample = new WorkflowJsonSample(Core.Jobs.JobStatus.Completed, "x");
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(sample, WorkflowJson.Options), converter.Serialize(sample));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(sample, WorkflowJson.Options), serializer!.Serialize(sample).ToString());
    }

    [Theory]
    [InlineData("Api:Keys:partner b", "Api__Keys__partner b: a caller name is 1–64 letters, digits, '-', '_' or '.'.")]
    [InlineData("Api:Keys:partner-c", "Api__Keys__partner-c must be at least 16 characters.")]
    [InlineData("Api:Keys:default", "Api__Keys__default: the name 'default' belongs to Api__Key.")]
    public void ApiKeys_InvalidCallerKey_FailNamingTheSettingAsTheStandaloneHost(string setting, string message)
    {
        using var host = FunctionsApp.Build(new Dictionary<string, string?> { [setting] = setting.EndsWith("partner-c", StringComparison.Ordinal) ? "short" : "a-caller-key-0123456789" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ApiKeyOptions>>().Value);

        Assert.Contains(message, error.Failures);
        Assert.DoesNotContain("a-caller-key-0123456789", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiKeys_SameKeyForTwoCallers_FailNamingTheSecond()
    {
        using var host = FunctionsApp.Build(new Dictionary<string, string?> { ["Api:Keys:partner-z"] = FunctionsApp.PartnerKey });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ApiKeyOptions>>().Value);

        Assert.Contains("Api__Keys__partner-z repeats another caller's key: each caller needs its own.", error.Failures);
    }

    [Fact]
    public void ApiKeyRing_AsProgramBuildsIt_NamesEveryConfiguredCaller()
    {
        using var host = FunctionsApp.Build();

        Assert.Equal(["default", FunctionsApp.PartnerCaller], host.Services.GetRequiredService<ApiKeyRing>().Callers.OrderBy(c => c, StringComparer.Ordinal));
        Assert.IsType<ApiKeyCallerResolver>(host.Services.GetRequiredService<ICallerResolver>());
    }

    [Fact]
    public void StartupValidation_EverySecretAnUnresolvedKeyVaultReference_Passes()
    {
        // What the worker's host validates when it starts (ValidateOnStart), with every secret as Azure hands it over on a
        // first deployment, before the vault holds the secrets: the literal reference text.
        static string Reference(string name) => $"@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName={name})";
        using var host = FunctionsApp.Build(new Dictionary<string, string?>
        {
            ["Api:Key"] = Reference("api-key"),
            [$"Api:Keys:{FunctionsApp.PartnerCaller}"] = Reference("partner-key"),
            ["Cosmic:WriteKey"] = Reference("cosmic-write-key"),
            ["Pixazo:SubscriptionKey"] = Reference("pixazo-subscription-key"),
            ["Comet:ApiKey"] = Reference("comet-api-key"),
            ["Callbacks:SigningKey"] = Reference("callback-signing-key"),
            ["Callbacks:SecondarySigningKey"] = Reference("callback-next-key"),
            ["Workflows:WebhookSigningKey"] = Reference("webhook-signing-key"),
        });

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Empty(host.Services.GetRequiredService<ApiKeyRing>().Callers);
    }

    [Fact]
    public void StartupValidation_SigningKeyOfTheWrongForm_FailsNamingIt()
    {
        using var host = FunctionsApp.Build(new Dictionary<string, string?> { ["Callbacks:SigningKey"] = "not-a-whsec-secret" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Callbacks__SigningKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-whsec-secret", error.Message, StringComparison.Ordinal);
    }

    private sealed class NeedsMissingService(IDisposable missing)
    {
        public IDisposable Missing { get; } = missing;
    }

    private sealed record WorkflowJsonSample(Core.Jobs.JobStatus Status, string Name);
}
