using System.ComponentModel.DataAnnotations;

namespace MediaGen.Host.Api;

/// <summary>The standalone host's HTTP API (in Azure, Functions keys and the host's own limits apply instead).</summary>
public sealed class ApiOptions
{
    /// <summary>Configuration section: <c>Api</c>.</summary>
    public const string SectionName = "Api";

    /// <summary>
    /// The API key callers send as header <c>x-functions-key</c> or query <c>code</c>, as with Azure Functions keys.
    /// Required; at least 16 characters. Webhook routes use their per-job secret instead.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Api__Key (the API key callers must send) is not set.")]
    [MinLength(16, ErrorMessage = "Api__Key must be at least 16 characters.")]
    public string Key { get; set; } = "";

    /// <summary>Largest request body accepted, in bytes. Default 1 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Api__MaxRequestBodyBytes must be between 1 KiB and 64 MiB.")]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
