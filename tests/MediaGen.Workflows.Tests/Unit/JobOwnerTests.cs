namespace MediaGen.Workflows.Tests.Unit;

/// <summary>The owner prefix of job ids: fixed length, per caller (case-insensitive), recognised and removable.</summary>
public sealed class JobOwnerTests
{
    [Fact]
    public void PrefixOf_Callers_FixedLengthDistinctAndCaseInsensitive()
    {
        var alice = JobOwner.PrefixOf("alice");

        Assert.Equal(JobOwner.PrefixLength, alice.Length);
        Assert.Matches("^o[0-9a-f]{12}-$", alice);
        Assert.Equal(alice, JobOwner.PrefixOf("ALICE"));
        Assert.NotEqual(alice, JobOwner.PrefixOf("alice2"));
        Assert.NotEqual(alice, JobOwner.PrefixOf("bob"));
    }

    [Fact]
    public void Owns_OwnAnothersAndUnprefixedIds_OnlyTheOwnOnes()
    {
        var id = JobOwner.PrefixOf("alice") + "batch-0123.0004";

        Assert.True(JobOwner.Owns("alice", id));
        Assert.False(JobOwner.Owns("bob", id));
        Assert.False(JobOwner.Owns("alice", "batch-0123.0004"));
        Assert.False(JobOwner.Owns("alice", id.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("job-abc", "job-abc")]
    [InlineData("o0123456789ab-chain-1", "chain-1")]
    [InlineData("o0123456789aB-chain-1", "o0123456789aB-chain-1")]
    [InlineData("o0123456789ab-", "o0123456789ab-")]
    public void LocalPart_Ids_WithoutTheOwnerPrefix(string id, string local) => Assert.Equal(local, JobOwner.LocalPart(id));
}
