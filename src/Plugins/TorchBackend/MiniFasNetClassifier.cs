using Liveness.Plugins.PluginSupport;

namespace Liveness.Plugins.TorchBackend;

/// <summary>The MiniFASNet pair on libtorch, fused as its authors fuse it.</summary>
internal sealed class MiniFasNetClassifier(MiniFasNet v2, MiniFasNet v1se) : MiniFasNetPair<MiniFasNet>(v2, v1se);
