namespace MediaGen.Core.Storage;

/// <summary>Start-up validation of the storage connection: one of <see cref="StorageAccount"/>'s two forms is set and complete.</summary>
internal sealed class StorageConnectionOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageConnectionOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageConnectionOptions options) =>
        StorageAccount.Problem(configuration) is { } problem
            ? ValidateOptionsResult.Fail($"{StorageAccount.SettingName} {problem}.")
            : ValidateOptionsResult.Success;
}
