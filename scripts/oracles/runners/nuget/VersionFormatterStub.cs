using System;
namespace NuGet.Versioning {
  // Stands in for VersionFormatter.cs (C# 9 syntax that mono's mcs cannot compile). It only
  // formats versions for display; parsing and comparison never call it.
  public class VersionFormatter : IFormatProvider, ICustomFormatter {
    public static readonly VersionFormatter Instance = new VersionFormatter();
    public string Format(string format, object arg, IFormatProvider formatProvider) { return ""; }
    public object GetFormat(Type formatType) { return this; }
  }
}
