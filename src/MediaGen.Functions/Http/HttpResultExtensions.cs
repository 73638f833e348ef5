using Microsoft.AspNetCore.Http;

namespace MediaGen.Functions.Http;

/// <summary>Writes a shared handler's result into the Functions request (ASP.NET Core integration).</summary>
internal static class HttpResultExtensions
{
    /// <summary>Awaits the handler and executes its <see cref="IResult"/> on <paramref name="request"/>'s response.</summary>
    public static async Task AnswerAsync(this Task<IResult> handler, HttpRequest request) =>
        await (await handler).ExecuteAsync(request.HttpContext);
}
