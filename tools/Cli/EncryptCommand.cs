using System.CommandLine;

namespace Liveness.Tools.Cli;

/// <summary><c>liveness encrypt VIDEO</c>: the Base64 text a SenseID client would send as <c>encrypted_video</c>, on stdout.</summary>
internal static class EncryptCommand
{
    public static Command Create()
    {
        var video = LivenessCommand.VideoArgument("the video file to encrypt");
        var command = new Command("encrypt", "Encrypt a video as a SenseID client does (AES-256-GCM, tag appended, Base64) and print it; "
            + $"key and IV from {ClientKeys.KeyVariable} / {ClientKeys.IvVariable}, else the manual's defaults.")
        {
            video,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (keys, problem) = ClientKeys.FromEnvironment();
            if (keys is null)
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync(problem);
                return ExitCodes.Error;
            }

            var bytes = await File.ReadAllBytesAsync(parsed.GetRequiredValue(video).FullName, cancellationToken);
            await parsed.InvocationConfiguration.Output.WriteAsync(ClientEncryption.Seal(bytes, keys.Key, keys.Iv));
            return 0;
        });
        return command;
    }
}
