namespace MediaGen.Host.Tests.Support;

/// <summary>Checks ProblemDetails answers.</summary>
public static class ProblemAssert
{
    /// <summary>A 400 ProblemDetails whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static async Task<JsonElement> InvalidAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.True(fields.Contains(field), $"errors name {string.Join(", ", fields)}, not {field}: {body}");
        return problem;
    }

    /// <summary>A 413 ProblemDetails whose <c>errors</c> name the body (<c>$</c>, rule <c>max_size</c>) and the cap in bytes and by setting.</summary>
    public static async Task<JsonElement> TooLargeAsync(HttpResponseMessage response, int cap)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"expected 413, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("$", error.GetProperty("field").GetString());
        Assert.Equal("max_size", error.GetProperty("rule").GetString());
        Assert.Contains($"{cap} bytes (Api__MaxRequestBodyBytes)", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        return problem;
    }
}
