using Liveness.Host;

using Microsoft.Extensions.Options;

try
{
    await using var host = LivenessHost.Create(args);
    await host.RunAsync();
}
catch (OptionsValidationException invalid)
{
    // A bad setting: say which, without a stack trace an operator has to read past.
    Console.Error.WriteLine($"The host did not start: a setting is invalid. {invalid.Message}");
    return 2;
}

return 0;
