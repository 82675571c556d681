using Liveness.Tools.Eval;

return await EvalCommand.RunAsync(args, Console.Out);
