using System.Collections.Frozen;
using System.Security.Cryptography;

namespace MediaGen.Api.Dashboard;

/// <summary>
/// The operator dashboard's static files (HTML, CSS, JavaScript modules), embedded in this assembly so both hosts serve
/// the same bytes with no build step and no CDN. Every answer carries a strict Content-Security-Policy: scripts, styles
/// and API calls only from this origin (no inline script or style), media only from here and the storage account the
/// preview SAS URLs point at, no framing.
/// </summary>
public sealed class DashboardAssets
{
    private const string ResourcePrefix = "dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, Asset> _files;

    /// <summary>Loads the embedded files; <paramref name="links"/> names the storage origin the CSP allows media from.</summary>
    public DashboardAssets(MediaPreviewLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var assembly = typeof(DashboardAssets).Assembly;
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var content = memory.ToArray();
            var path = name[ResourcePrefix.Length..];
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            files[path] = new Asset(content, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12))}\"");
        }

        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
        var storage = links.StorageOrigin;
        ContentSecurityPolicy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            $"img-src 'self' {storage}",
            $"media-src 'self' {storage}",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }

    /// <summary>The Content-Security-Policy header value of every dashboard answer.</summary>
    public string ContentSecurityPolicy { get; }

    /// <summary>The embedded files' paths (e.g. <c>index.html</c>, <c>app.js</c>).</summary>
    public IEnumerable<string> Paths => _files.Keys;

    /// <summary>
    /// Answers <c>/dashboard/{path}</c>: <c>index.html</c> for an empty path (a redirect to the trailing slash first, so
    /// the page's relative module URLs resolve), the file, 304 for a matching <c>If-None-Match</c>, or 404.
    /// </summary>
    public IResult Serve(HttpContext httpContext, string? path)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request;
        var headers = httpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        if (string.IsNullOrEmpty(path))
        {
            if (!request.Path.Value!.EndsWith('/'))
            {
                return Results.Redirect($"{request.PathBase}{request.Path}/{request.QueryString}");
            }

            path = "index.html";
        }

        if (!_files.TryGetValue(path, out var asset))
        {
            return ProblemResults.NotFound($"The dashboard has no file '{path}'.");
        }

        headers.ETag = asset.ETag;
        if (request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
