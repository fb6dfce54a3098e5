using System.Collections.Generic;
namespace NuGet.Shared {
  // Stands in for build/Shared/HashCodeCombiner.cs (C# 8 syntax that mcs cannot compile); only
  // VersionComparer.GetHashCode uses it, never Compare.
  internal struct HashCodeCombiner {
    private int _hash;
    public void AddObject(int o) { _hash = _hash * 31 + o; }
    public void AddObject<T>(T o, IEqualityComparer<T> comparer) { _hash = _hash * 31 + comparer.GetHashCode(o); }
    public void AddObject<T>(T o) { _hash = _hash * 31 + (o == null ? 0 : o.GetHashCode()); }
    public int CombinedHash { get { return _hash; } }
  }
}
