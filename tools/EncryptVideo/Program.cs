// Encrypts a video file as a SenseID client does (AES-256-GCM, tag appended, Base64) and prints it.
// Key and IV come from PARAM_DECRYPT_KEY / PARAM_DECRYPT_IV, else the manual's defaults.
using Liveness.Tools.EncryptVideo;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: encrypt-video VIDEO > VIDEO.b64");
    return 2;
}

var key = Environment.GetEnvironmentVariable("PARAM_DECRYPT_KEY") ?? "dcbbad6765e14139a07d34b92292a672";
var iv = Environment.GetEnvironmentVariable("PARAM_DECRYPT_IV") ?? "df25d188a061";
Console.Out.Write(ClientEncryption.Seal(File.ReadAllBytes(args[0]), key, iv));
return 0;
