using EthicsCases.Cli;

return await EthicsCli.RunAsync(args, Console.Out, Console.Error);
