using MediaGen.StandInHost.Hosting;

return await StandInProgram.RunAsync(args, Console.Out, Console.Error);
