// A SenseID client in C#: encrypt a video with AES-256-GCM, post it, print the answer.
//   dotnet run --project clients/csharp -- http://127.0.0.1:8080 selfie.mp4
//   dotnet run --project clients/csharp -- --test-vector   (prints the manual's test vector: 7EWZ/NONkYfOjH/m+K3KKsDO4CZ/)
// Key and IV from PARAM_DECRYPT_KEY / PARAM_DECRYPT_IV, else the manual's published defaults.
using System.Security.Cryptography;
using System.Text;

const string Route = "/liveness/silent_detection/stateless";
var key = Environment.GetEnvironmentVariable("PARAM_DECRYPT_KEY") ?? "dcbbad6765e14139a07d34b92292a672";
var iv = Environment.GetEnvironmentVariable("PARAM_DECRYPT_IV") ?? "df25d188a061";

if (args is ["--test-vector"])
{
    Console.WriteLine(Encrypt("hello"u8, key, iv));
    return 0;
}

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: liveness-client URL VIDEO | --test-vector");
    return 2;
}

using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
using var body = new FormUrlEncodedContent(new Dictionary<string, string>
{
    ["encrypted_video"] = Encrypt(await File.ReadAllBytesAsync(args[1]), key, iv),
    ["return_status"] = "true",
    ["return_image"] = "false",
    ["return_face_image"] = "false",
});
using var response = await http.PostAsync(args[0].TrimEnd('/') + Route, body);
Console.WriteLine(await response.Content.ReadAsStringAsync());
return response.IsSuccessStatusCode ? 0 : 2;

// AES-256-GCM, key and IV as UTF-8, the 128-bit tag appended (as Java's AES/GCM/NoPadding), no AAD, Base64.
static string Encrypt(ReadOnlySpan<byte> video, string key, string iv)
{
    var sealedBytes = new byte[video.Length + 16];
    using var aes = new AesGcm(Encoding.UTF8.GetBytes(key), tagSizeInBytes: 16);
    aes.Encrypt(Encoding.UTF8.GetBytes(iv), video, sealedBytes.AsSpan(0, video.Length), sealedBytes.AsSpan(video.Length));
    return Convert.ToBase64String(sealedBytes);
}
