Console.Error.WriteLine("MediaGen stand-in Functions host: not assembled yet.");
return 2;
