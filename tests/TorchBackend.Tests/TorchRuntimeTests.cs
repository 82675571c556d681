using TorchSharp;

namespace Liveness.TorchBackend.Tests;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Loads_libtorch_and_computes_with_a_tensor()
    {
        using var tensor = torch.arange(1, 5, dtype: torch.float32).reshape(2, 2);
        using var product = tensor.matmul(tensor);

        Assert.Equal([7f, 10f, 15f, 22f], product.data<float>().ToArray());
    }
}
