namespace MediaGen.Api.Jobs;

/// <summary>Absolute URLs of the API's resources, built from the request's own scheme, host and path base.</summary>
public static class JobLinks
{
    /// <summary><c>/api/jobs/{id}</c>.</summary>
    public static Uri Job(HttpRequest request, string id) => Build(request, $"/api/jobs/{Uri.EscapeDataString(id)}");

    /// <summary><c>/api/jobs/{id}/cancel</c> (jobs, chains and batches).</summary>
    public static Uri Cancel(HttpRequest request, string id) => Build(request, $"/api/jobs/{Uri.EscapeDataString(id)}/cancel");

    /// <summary><c>/api/batches/{id}</c>.</summary>
    public static Uri Batch(HttpRequest request, string id) => Build(request, $"/api/batches/{Uri.EscapeDataString(id)}");

    private static Uri Build(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{path}");
    }
}
