namespace MediaGen.Host.Tests.Api;

/// <summary>
/// The committed OpenAPI document (<see cref="OpenApiTests.OpenApiDocument_Served_MatchesTheCommittedDocument"/> keeps
/// it equal to the served one) passes Redocly's recommended rules, and the TypeScript types generated from it with
/// <c>npm run types</c> type-check an example caller — and refuse a wrong one.
/// </summary>
public sealed class OpenApiToolingTests
{
    [Fact]
    public async Task CommittedDocument_RedoclyRecommendedRules_ReportNoErrors()
    {
        var (exitCode, output) = await NpmTool.RunAsync("npx", "--no-install", "redocly", "lint", "--extends=recommended", "--format=stylish", OpenApiTests.CommittedPath);

        Assert.True(exitCode == 0, $"redocly lint failed:\n{output}");
        Assert.DoesNotContain(" error ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypeScriptTypes_GeneratedByNpmRunTypes_TypeCheckTheExampleCaller()
    {
        var (generated, generation) = await NpmTool.RunAsync("npm", "run", "--silent", "types");
        Assert.True(generated == 0, $"npm run types failed:\n{generation}");

        var (exitCode, output) = await NpmTool.RunAsync("npx", "--no-install", "tsc", "-p", "clients/typescript/tsconfig.json");

        Assert.True(exitCode == 0, $"tsc refused the example caller:\n{output}");
    }
}
