using System.ComponentModel.DataAnnotations;

namespace MediaGen.Api;

/// <summary>Limits of the HTTP API shared by the standalone host and the Functions app.</summary>
public sealed class ApiOptions
{
    /// <summary>Configuration section: <c>Api</c>.</summary>
    public const string SectionName = "Api";

    /// <summary>Largest request body accepted, in bytes. Default 1 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Api__MaxRequestBodyBytes must be between 1 KiB and 64 MiB.")]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
