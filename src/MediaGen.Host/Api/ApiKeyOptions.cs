using System.ComponentModel.DataAnnotations;

namespace MediaGen.Host.Api;

/// <summary>The standalone host's API key (in Azure, Functions keys apply instead).</summary>
public sealed class ApiKeyOptions
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
}
