namespace Liveness.Host.Tests.Api;

/// <summary>A check over the node's own deadline gets its own error, not the front's "no pipeline node".</summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task A_check_over_the_node_s_deadline_is_a_504_that_says_so_through_the_front_and_at_the_node()
    {
        // The clock starts once the upload is read, so even a deadline of 1 ms answers after the whole body arrived.
        await using var server = await LivenessServer.StartAsync(new Dictionary<string, string> { ["Api:RequestTimeout"] = "00:00:00.001" });
        var video = File.ReadAllBytes(SharedFiles.Video("debian_kphotoalbum_movie.avi"));

        using var throughFront = await server.Client.PostVideoAsync(video);
        await throughFront.AssertErrorAsync(504, 4007, "ran over this node's limit");

        using var atNode = await server.PipelineClient.PostVideoAsync(video);
        await atNode.AssertErrorAsync(504, 4007, "ran over this node's limit");
    }
}
