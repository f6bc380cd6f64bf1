using MediaMatrix.Monitoring;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>Post text (issue 13): stored with the post, read back by id, replaced by a correction.</summary>
public abstract partial class PostStoreContract
{
    [Fact]
    public async Task PostText_IsStoredWithThePost_AndACorrectionReplacesIt()
    {
        var store = CreateStore(Options);
        var post = Dated("t1", TimeSpan.FromHours(2)) with { Text = "联系电话13800138000，<script>不执行</script>" };
        var plain = Dated("t2", TimeSpan.FromHours(3));

        await store.RecordPollAsync(Record("acct", post, plain), None);

        Assert.Equal([post, plain], await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None));
        var corrected = post with { Text = "联系电话已删除" };
        await store.RecordPollAsync(Record("acct", corrected), None);
        Assert.Equal("联系电话已删除", (await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None))[0].Text);
    }

    [Fact]
    public async Task GetPostsById_ReturnsTheStoredOnesAmongTheIds_DatedOrNot()
    {
        var store = CreateStore(Options);
        var dated = Dated("d1", TimeSpan.FromHours(2)) with { Text = "正文" };
        var undated = Undated("u1");
        await store.RecordPollAsync(Record("acct", dated, undated), None);

        var found = await store.GetPostsByIdAsync("acct", ["d1", "missing", "u1"], None);

        Assert.Equal(2, found.Count);
        Assert.Equal(dated, found["d1"]);
        Assert.Equal(undated, found["u1"]);
        Assert.Empty(await store.GetPostsByIdAsync("acct", [], None));
        Assert.Empty(await store.GetPostsByIdAsync("other", ["d1"], None));
    }
}
