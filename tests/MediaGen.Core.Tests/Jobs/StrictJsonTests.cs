using System.Text;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Validation;

namespace MediaGen.Core.Tests.Jobs;

public sealed class StrictJsonTests
{
    [Theory]
    [InlineData("""{"a":1,"a":1}""", "a", "duplicate")]
    [InlineData("""{"items":[{"params":{"x":1,"x":2}}]}""", "items[0].params.x", "duplicate")]
    [InlineData("""{"a":"\ud800"}""", "a", "encoding")]
    [InlineData("""{"a":["ok","x\udc00y"]}""", "a[1]", "encoding")]
    [InlineData("""{"\ud800":1}""", "$", "encoding")]
    [InlineData("""{"a":1""", "$", "json")]
    public void Parse_BadDocument_NamesThePathAndRule(string json, string field, string rule)
    {
        var error = Assert.Throws<RequestValidationException>(() => StrictJson.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(error.Errors, e => e.Field == field && e.Rule == rule);
    }

    [Fact]
    public void Parse_InvalidUtf8InAString_NamesTheField()
    {
        byte[] json = [.. """{"prompt":"a"""u8, 0xC3, 0x28, .. """b"}"""u8];

        var error = Assert.Throws<RequestValidationException>(() => StrictJson.Parse(json));

        Assert.Equal(("prompt", "encoding"), (Assert.Single(error.Errors).Field, error.Errors[0].Rule));
    }

    [Fact]
    public void Parse_NestedDeeperThanMaxDepth_IsRefusedAsJson()
    {
        var json = new string('[', StrictJson.MaxDepth + 1) + new string(']', StrictJson.MaxDepth + 1);

        var error = Assert.Throws<RequestValidationException>(() => StrictJson.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(("$", "json"), (Assert.Single(error.Errors).Field, error.Errors[0].Rule));
    }

    [Fact]
    public void Parse_ValidDocument_ReturnsIt()
    {
        using var document = StrictJson.Parse("""{"a":{"a":1},"b":["\u00e9",{"a":2}]}"""u8.ToArray());

        Assert.Equal(2, document.RootElement.GetProperty("b")[1].GetProperty("a").GetInt32());
    }
}
