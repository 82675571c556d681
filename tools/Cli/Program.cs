// liveness: the command line of an integration engineer: check a video against a running host, encrypt one as
// a SenseID client does, make a key. `liveness --help` lists the commands.
using Liveness.Tools.Cli;

var parsed = LivenessCommand.Create().Parse(args);
var exitCode = await parsed.InvokeAsync();

// A usage error is an error (2), never to be read as the "not live" of exit code 1.
return parsed.Errors.Count > 0 ? ExitCodes.Error : exitCode;
