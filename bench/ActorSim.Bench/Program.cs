Console.WriteLine("benchmarks arrive with the engine benchmark harness");
