namespace MediaGen.Core.Media;

/// <summary>Start-up validation of <see cref="MediaStoreOptions"/>; messages name the setting.</summary>
internal sealed class MediaStoreOptionsValidator : IValidateOptions<MediaStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaStoreOptions options)
    {
        var failures = new List<string>();
        const string S = MediaStoreOptions.SectionName;
        if (!MediaBlobNames.IsValidContainerName(options.DefaultContainer))
        {
            failures.Add($"{S}:DefaultContainer '{options.DefaultContainer}' is not a valid container name (3-63 lowercase letters, digits and single hyphens).");
        }
        else if (options.ReservedContainers().TryGetValue(options.DefaultContainer, out var owner))
        {
            failures.Add($"{S}:DefaultContainer '{options.DefaultContainer}' is MediaGen's own container ({owner}); media never goes there.");
        }

        foreach (var entry in options.AllowedContainerList())
        {
            if (!MediaBlobNames.IsValidContainerName(entry))
            {
                failures.Add($"{S}:AllowedContainers entry '{entry}' is not a valid container name (3-63 lowercase letters, digits and single hyphens).");
            }
            else if (options.ReservedContainers().TryGetValue(entry, out var entryOwner))
            {
                failures.Add($"{S}:AllowedContainers entry '{entry}' is MediaGen's own container ({entryOwner}); it is never a job's output.");
            }
        }

        if (MediaBlobNames.FolderProblem(options.DefaultFolder) is { } folderProblem)
        {
            failures.Add($"{S}:DefaultFolder {folderProblem}");
        }

        if (options.MaxBytes <= 0)
        {
            failures.Add($"{S}:MaxBytes must be positive (bytes); it is {options.MaxBytes}.");
        }

        if (options.BlockSize is < 64 * 1024 or > 100 * 1024 * 1024)
        {
            failures.Add($"{S}:BlockSize must be between 65536 and 104857600 bytes; it is {options.BlockSize}.");
        }

        else if (options.MaxBytes > 0 && (options.MaxBytes + options.BlockSize - 1) / options.BlockSize > 50_000)
        {
            failures.Add($"{S}:MaxBytes / {S}:BlockSize exceeds 50000 blocks, the block blob limit; raise BlockSize.");
        }

        if (options.UploadConcurrency is < 1 or > 16)
        {
            failures.Add($"{S}:UploadConcurrency must be between 1 and 16; it is {options.UploadConcurrency}.");
        }

        if (options.MaxRedirects is < 0 or > 20)
        {
            failures.Add($"{S}:MaxRedirects must be between 0 and 20; it is {options.MaxRedirects}.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{S}:ConnectTimeout must be positive; it is {options.ConnectTimeout}.");
        }

        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{S}:IdleTimeout must be positive; it is {options.IdleTimeout}.");
        }

        foreach (var entry in options.AllowedNetworkList())
        {
            if (!OutboundUrlGuard.TryParseNetwork(entry, out _))
            {
                failures.Add($"{S}:AllowedNetworks entry '{entry}' is not an IP address or CIDR range (e.g. 127.0.0.1/32).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
