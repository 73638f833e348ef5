using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MediaGen.Host.Tests.Support;

/// <summary>
/// An accessibility audit of the page as it is (axe-core through Deque.AxeCore.Playwright, injected by Playwright, not by
/// the page): fails on any serious or critical violation, naming the rule, its help and the offending elements.
/// </summary>
public static class AxeAudit
{
    /// <summary>Audits <paramref name="page"/> (<paramref name="name"/> names it in the failure); returns the number of rules that passed.</summary>
    public static async Task<int> AssertNoSeriousViolationsAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on the {name} page: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} ({v.HelpUrl}) at {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target?.ToString() ?? n.Html))}")));
        Assert.NotEmpty(result.Passes);
        return result.Passes.Length;
    }
}
