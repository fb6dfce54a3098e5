// NuGet.Versioning's NuGetVersion.TryParse and VersionComparer.Default as the NuGet oracle, built
// with mono's mcs from the NuGet.Client sources: "a<TAB>b" lines in, "a<TAB>b<TAB>-1|0|1|invalid" out.
using System;
using NuGet.Versioning;

public static class Oracle {
  public static void Main() {
    string line;
    while ((line = Console.In.ReadLine()) != null) {
      var parts = line.Split('\t');
      NuGetVersion a, b;
      string result = NuGetVersion.TryParse(parts[0], out a) && NuGetVersion.TryParse(parts[1], out b)
          ? Math.Sign(VersionComparer.Default.Compare(a, b)).ToString()
          : "invalid";
      Console.Out.Write(parts[0] + "\t" + parts[1] + "\t" + result + "\n");
    }
  }
}
