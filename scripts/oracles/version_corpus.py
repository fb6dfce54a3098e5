#!/usr/bin/env python3
"""Builds the version pairs an oracle is asked about, for one version scheme.

Usage: version_corpus.py <scheme> <testdata-dir> <edge-cases-dir>  > pairs.tsv

Versions come from the real vulnerability and package data under <testdata-dir> (OSV records,
alpine-secdb, the Debian minbase list, the pkgdb expected.tsv files) plus the hand-written tricky
cases in <edge-cases-dir>/<scheme>.txt. Pairs are: every pair within each small group (one package's
versions; the edge cases form one group), a sample within big groups, and a sample across groups.
The random choices use a fixed seed, so the same inputs always give the same pairs.
"""
import glob
import json
import os
import random
import re
import sys
from collections import defaultdict

import yaml

SEED = 20261122
FULL_GROUP_LIMIT = 24        # groups up to this size contribute all their pairs
BIG_GROUP_SAMPLE = 300       # pairs sampled inside a bigger group
CROSS_SAMPLE = 1500          # pairs sampled across all versions
EDGE_CROSS_SAMPLE = 600      # pairs of one edge case and one real version
MAX_PAIRS = 6000


def osv_records(root, pattern):
  for path in sorted(glob.glob(os.path.join(root, pattern), recursive=True)):
    with open(path, encoding="utf-8") as f:
      record = yaml.safe_load(f) if path.endswith((".yaml", ".yml")) else json.load(f)
    if isinstance(record, dict):
      yield record


def osv_versions(root, pattern, ecosystem_prefix, groups):
  """Every introduced/fixed/last_affected/limit value and every `versions` entry, by package."""
  for record in osv_records(root, pattern):
    for affected in record.get("affected") or []:
      package = affected.get("package") or {}
      ecosystem = str(package.get("ecosystem") or "")
      if not ecosystem.startswith(ecosystem_prefix):
        continue
      group = groups[ecosystem_prefix + "/" + str(package.get("name"))]
      for r in affected.get("ranges") or []:
        if r.get("type") == "GIT":
          continue
        for event in r.get("events") or []:
          group.update(str(v) for v in event.values())
      group.update(str(v) for v in affected.get("versions") or [])


def tsv_versions(root, pattern, column, groups, name):
  for path in sorted(glob.glob(os.path.join(root, pattern))):
    with open(path, encoding="utf-8") as f:
      for line in f:
        fields = line.rstrip("\n").split("\t" if path.endswith(".tsv") else " ")
        if len(fields) > column:
          groups[name].add(fields[column])


def alpine_secdb(root, groups):
  for path in sorted(glob.glob(os.path.join(root, "vulndata/alpine-secdb/*/*.json"))):
    with open(path, encoding="utf-8") as f:
      for entry in json.load(f).get("packages", []):
        pkg = entry["pkg"]
        groups["alpine/" + pkg["name"]].update(pkg.get("secfixes", {}).keys())


def apk_tools_testdata(groups):
  """apk-tools' own version.data, when the apk-tools source is given (APK_TOOLS_SRC)."""
  src = os.environ.get("APK_TOOLS_SRC")
  if not src:
    return
  with open(os.path.join(src, "test/unit/version.data"), encoding="utf-8") as f:
    for line in f:
      line = line.split("#")[0].strip()
      parts = line.split(" ")
      if len(parts) == 3:
        groups["apk-tools-testdata"].update([parts[0], parts[2]])


def rubysec_versions(root, groups):
  """Version numbers inside ruby-advisory-db requirement strings such as "~> 1.2.5"."""
  for path in sorted(glob.glob(os.path.join(root, "vulndata/rubysec/gems/*/*.yml"))):
    with open(path, encoding="utf-8") as f:
      advisory = yaml.safe_load(f)
    for key in ("patched_versions", "unaffected_versions"):
      for requirement in advisory.get(key) or []:
        for part in str(requirement).split(","):
          version = re.sub(r"^\s*(~>|>=|<=|!=|=|>|<)?\s*", "", part).strip()
          if version:
            groups["gem/" + str(advisory.get("gem"))].add(version)


def collect(scheme, root):
  groups = defaultdict(set)
  vulndata = os.path.join(root, "vulndata")
  if scheme == "deb":
    osv_versions(vulndata, "debian/osv/**/*.json", "Debian", groups)
    osv_versions(vulndata, "osv/ubuntu/*.json", "Ubuntu", groups)
    tsv_versions(root, "pkgdb/dpkg/*/expected.tsv", 1, groups, "pkgdb-dpkg")
    tsv_versions(root, "vulndata/debian/minbase-packages.txt", 2, groups, "minbase")
    tsv_versions(root, "vulndata/debian/minbase-packages.txt", 3, groups, "minbase")
  elif scheme == "rpm":
    osv_versions(vulndata, "osv/almalinux/**/*.json", "AlmaLinux", groups)
    osv_versions(vulndata, "osv/rocky/*.json", "Rocky Linux", groups)
    tsv_versions(root, "pkgdb/rpm/*/expected.tsv", 1, groups, "pkgdb-rpm")
  elif scheme == "apk":
    alpine_secdb(root, groups)
    osv_versions(vulndata, "debian/osv/**/*.json", "Alpine", groups)
    tsv_versions(root, "pkgdb/apk/*/expected.tsv", 1, groups, "pkgdb-apk")
    apk_tools_testdata(groups)
  elif scheme == "semver":
    osv_versions(vulndata, "osv/ghsa-npm/*.json", "npm", groups)
    osv_versions(vulndata, "osv/rust/*.json", "crates.io", groups)
  elif scheme == "maven":
    osv_versions(vulndata, "osv/ghsa-maven/*.json", "Maven", groups)
  elif scheme == "pep440":
    osv_versions(vulndata, "osv/pypi/**/*.yaml", "PyPI", groups)
  elif scheme == "rubygems":
    rubysec_versions(root, groups)
  elif scheme == "go":
    osv_versions(vulndata, "osv/go/*.json", "Go", groups)
  elif scheme == "nuget":
    osv_versions(vulndata, "osv/ghsa-nuget/*.json", "NuGet", groups)
  elif scheme == "composer":
    # No Packagist data in the test data. Packagist versions are git tags in the same styles as
    # the other language ecosystems', so their real versions stand in; what Composer cannot
    # normalize ends up in composer-invalid.txt, which checks the rejections too.
    for other in ("semver", "maven", "pep440", "rubygems", "go", "nuget"):
      for name, versions in collect(other, root).items():
        groups[other + "/" + name].update(versions)
  else:
    sys.exit("unknown scheme: " + scheme)
  return groups


def edge_cases(scheme, edge_dir):
  path = os.path.join(edge_dir, scheme + ".txt")
  if not os.path.exists(path):
    return []
  with open(path, encoding="utf-8") as f:
    return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]


def usable(version):
  return version and "\t" not in version and "\n" not in version and version != "0"


def all_pairs(versions):
  return [(a, b) for i, a in enumerate(versions) for b in versions[i:]]


def pairs_for(scheme, root, edge_dir):
  rng = random.Random(SEED)
  groups = {k: sorted(v for v in vs if usable(v)) for k, vs in sorted(collect(scheme, root).items())}
  edges = sorted(set(edge_cases(scheme, edge_dir)))
  everything = sorted({v for vs in groups.values() for v in vs})
  pairs = all_pairs(edges)
  for versions in groups.values():
    if len(versions) <= FULL_GROUP_LIMIT:
      pairs += all_pairs(versions)
    else:
      pairs += [tuple(rng.sample(versions, 2)) for _ in range(BIG_GROUP_SAMPLE)]
  if len(everything) > 1:
    pairs += [tuple(rng.sample(everything, 2)) for _ in range(CROSS_SAMPLE)]
  if edges and everything:
    pairs += [(rng.choice(edges), rng.choice(everything)) for _ in range(EDGE_CROSS_SAMPLE)]
  unique = list(dict.fromkeys(pairs))
  edge_pairs = [p for p in unique if p[0] in edges and p[1] in edges]
  rest = [p for p in unique if not (p[0] in edges and p[1] in edges)]
  budget = max(0, MAX_PAIRS - len(edge_pairs))
  if len(rest) > budget:
    rest = sorted(rng.sample(rest, budget))
  return edge_pairs + rest


def main():
  scheme, root, edge_dir = sys.argv[1:4]
  for a, b in pairs_for(scheme, root, edge_dir):
    print(a + "\t" + b)


if __name__ == "__main__":
  main()
