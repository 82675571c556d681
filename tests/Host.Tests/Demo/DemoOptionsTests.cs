using Liveness.Host.Front;

namespace Liveness.Host.Tests.Demo;

public sealed class DemoOptionsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://127.0.0.1:8080;http://[::1]:8080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://10.0.0.5:8080", false)]
    [InlineData("http://liveness.example.com:8080", false)]
    [InlineData("http://127.0.0.1:8080;http://0.0.0.0:8081", false)]
    public void The_page_is_on_by_default_only_on_loopback_listeners(string frontUrls, bool enabled) =>
        Assert.Equal(enabled, new DemoOptions().IsEnabledOn(frontUrls));

    [Fact]
    public void The_setting_wins_over_the_listener() =>
        Assert.Equal(
            (true, false),
            (new DemoOptions { Enabled = true }.IsEnabledOn("http://0.0.0.0:8080"), new DemoOptions { Enabled = false }.IsEnabledOn("http://127.0.0.1:8080")));
}
