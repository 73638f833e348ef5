using MediaGen.Workflows.Retention;

namespace MediaGen.Workflows.Tests.Unit;

/// <summary>The retention settings: the period a finished job is kept, and which values stop the start.</summary>
public sealed class RetentionOptionsTests
{
    [Theory]
    [InlineData(30, true)]
    [InlineData(0.5, true)]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    [InlineData(double.NaN, false)]
    [InlineData(36_501, false)]
    public void Validate_Days_AcceptsZeroAndPositivePeriodsOnly(double days, bool valid)
    {
        var result = new RetentionOptionsValidator().Validate(null, new RetentionOptions { Days = days });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Retention:Days must be 0 (keep finished jobs and their media forever)", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ExpiresAt_Days_IsTheEndPlusThePeriodAndNoneWhenKeptForever()
    {
        var finished = new DateTimeOffset(2026, 12, 7, 18, 0, 9, TimeSpan.Zero);

        Assert.Equal(finished.AddDays(30), new RetentionOptions().ExpiresAt(finished));
        Assert.Equal(finished.AddHours(12), new RetentionOptions { Days = 0.5 }.ExpiresAt(finished));
        Assert.Null(new RetentionOptions { Days = 0 }.ExpiresAt(finished));
    }

    [Theory]
    [InlineData(null, null, "job-1", "job-1/")]
    [InlineData("a/b/", "p-", "job-1", "a/b/p-job-1/")]
    public void JobFolder_Parts_IsThePrefixOfEveryItemBlobName(string? folder, string? prefix, string jobId, string expected)
    {
        Assert.Equal(expected, MediaBlobNames.JobFolder(folder, prefix, jobId));
        Assert.StartsWith(expected, MediaBlobNames.For(folder, prefix, jobId, 3, "image/png"), StringComparison.Ordinal);
    }
}
