namespace Liveness.Host.Pipeline;

/// <summary>
/// The stretch of a face's time that scored it (<see cref="TemporalScore"/>): its first and last classified frame
/// between two times the face was found again (or its track's start or end), how many were classified in it, and the
/// most live of their scores.
/// </summary>
internal sealed record ClassifiedStretch(double FromSeconds, double ToSeconds, int Frames, double MostLive);
