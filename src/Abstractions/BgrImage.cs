namespace Liveness.Abstractions;

/// <summary>An 8-bit, 3-channel BGR image, rows top to bottom, handed from the host to a backend.</summary>
/// <remarks>Pixels are owned by the caller and valid only for the duration of the call.</remarks>
public readonly record struct BgrImage(int Width, int Height, int Stride, IntPtr Pixels);
