namespace Liveness.Host.Tests.Api;

/// <summary>A check over the node's own deadline gets its own error, not the front's "no pipeline node".</summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task A_check_over_the_node_s_deadline_is_a_504_that_says_so()
    {
        await using var server = await LivenessServer.StartAsync(new Dictionary<string, string> { ["Api:RequestTimeout"] = "00:00:00.001" });

        // Straight to the node: the deadline may fire while the upload is still read, and a front that sees the
        // answer before its upload is done reports the forward as failed (502) instead of passing the 504 on.
        using var response = await server.PipelineClient.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video("debian_kphotoalbum_movie.avi")));

        await response.AssertErrorAsync(504, 4007, "ran over this node's limit");
    }
}
