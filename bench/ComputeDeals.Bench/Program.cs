using ComputeDeals.Bench;

// dotnet run --project bench/ComputeDeals.Bench -- generate <db> [deals]
// dotnet run --project bench/ComputeDeals.Bench -- measure <db> <baseUrl> [runs]
// dotnet run --project bench/ComputeDeals.Bench -- analytics <db> [runs]   (the analytics calculator in process, dates other than today)
// dotnet run --project bench/ComputeDeals.Bench -- soak-edit <Sqlite|Postgres> <connection> <seconds> [editors]   (bench/soak.sh)
return args switch
{
    ["generate", var db, .. var rest] => await SyntheticDeals.GenerateAsync(db, rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000),
    ["measure", var db, var url, .. var rest] => await TimelineBenchmark.RunAsync(db, new Uri(url), rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 40),
    ["analytics", var db, .. var rest] => await AnalyticsBenchmark.RunAsync(db, rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 20),
    ["probe", var db, .. var rest] => await ReadModelProbe.RunAsync(db, rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 20),
    ["soak-edit", var provider, var connection, var seconds, .. var rest] => await SoakEditors.RunAsync(provider, connection, int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 2),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate <db-path> [deal-count] | measure <db-path> <base-url> [runs] | analytics <db-path> [runs] | soak-edit <Sqlite|Postgres> <connection> <seconds> [editors]");
    return 2;
}
