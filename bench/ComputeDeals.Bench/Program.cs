using ComputeDeals.Bench;

// dotnet run --project bench/ComputeDeals.Bench -- generate <db> [deals]
// dotnet run --project bench/ComputeDeals.Bench -- measure <db> <baseUrl> [runs]
return args switch
{
    ["generate", var db, .. var rest] => await SyntheticDeals.GenerateAsync(db, rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000),
    ["measure", var db, var url, .. var rest] => await TimelineBenchmark.RunAsync(db, new Uri(url), rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 40),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate <db-path> [deal-count] | measure <db-path> <base-url> [runs]");
    return 2;
}
