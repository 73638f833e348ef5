namespace MediaGen.Host.Api;

/// <summary>Endpoint metadata: the route needs the API key (<see cref="ApiKeyFilter"/>); the OpenAPI document says so.</summary>
public sealed class ApiKeyRequirement
{
    /// <summary>The one instance.</summary>
    public static ApiKeyRequirement Instance { get; } = new();

    private ApiKeyRequirement()
    {
    }
}
