using System.ComponentModel.DataAnnotations;

namespace MediaGen.Functions.Http;

/// <summary>
/// The API key the Functions app checks itself (its HTTP functions are anonymous to the Functions host, whose own 401
/// has no body), so a missing or wrong key answers the standalone host's 401 ProblemDetails.
/// </summary>
public sealed class FunctionsApiKeyOptions
{
    /// <summary>Configuration section: <c>Api</c> (the standalone host's key setting, <c>Api__Key</c>).</summary>
    public const string SectionName = "Api";

    /// <summary>The key callers send as header <c>x-functions-key</c> or query <c>code</c>. Required; at least 16 characters.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Api__Key (the API key callers must send) is not set.")]
    [MinLength(16, ErrorMessage = "Api__Key must be at least 16 characters.")]
    public string Key { get; set; } = "";
}
