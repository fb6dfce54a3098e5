#!/usr/bin/env python3
"""Builds the version pairs an oracle is asked about, for one version scheme.

Usage: version_corpus.py <scheme> <testdata-dir> <edge-cases-dir>  > pairs.tsv
       version_corpus.py --generated <scheme>                      > generated-pairs.tsv

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


# Generated versions: each scheme's grammar as slots (functions of the random source), filled at
# random with the values its tool gives meaning to, so that corner cases come up far more often
# than in real data. Schemes that order any string (deb, rpm, maven) get free-form mixes instead.
# The second version of a pair mostly differs from the first in one or two slots only.
GENERATED_PAIRS = 2500


def pick(*options):
  return lambda rng: rng.choice(options)


def maybe(probability, slot):
  return lambda rng: slot(rng) if rng.random() < probability else ""


def joined(count, slot, separators=(".",)):
  def build(rng):
    n = rng.randint(*count)
    return "".join((rng.choice(separators) if i else "") + slot(rng) for i in range(n))
  return build


def prefixed(prefix, slot):
  return lambda rng: prefix + slot(rng)


NUM = pick("0", "1", "2", "9", "10", "11", "01", "2147483647", "2147483648", "99999999999999999999")
SMALL = pick("0", "1", "2", "9", "10", "11")
IDENT = pick("0", "1", "2", "10", "11", "01", "alpha", "beta", "rc", "a1", "1a", "x-y", "-", "A", "a", "Alpha")
FREE_FORM = {
    "deb": ["0", "1", "2", "9", "10", "01", "00", ".", ".", "-", "+", "~", "~~", "a", "b", "z", "A", "Z",
            "dfsg", "deb12u", "1:", "0:"],
    "rpm": ["0", "1", "2", "9", "10", "01", "00", ".", ".", "-", "_", "+", "~", "^", "a", "b", "rc", "git",
            "el", "A", "1:", "0:", ":"],
    "maven": ["0", "1", "2", "9", "10", "01", "2147483648", "99999999999999999999", ".", ".", "-", "-",
              "alpha", "a", "beta", "b", "milestone", "m", "rc", "cr", "snapshot", "ga", "final", "release",
              "sp", "foo", "RC", "Final", "SNAPSHOT"],
}
SLOTS = {
    "semver": [pick("", "", "", "v", "=", "=v", " "), SMALL, pick("."), SMALL, pick("."), SMALL,
               maybe(0.6, prefixed("-", joined((1, 3), IDENT))), maybe(0.2, prefixed("+", joined((1, 2), IDENT)))],
    "go": [pick("v", "v", ""), SMALL, maybe(0.9, prefixed(".", SMALL)), maybe(0.9, prefixed(".", SMALL)),
           maybe(0.5, pick("-0.20200101000000-abcdefabcdef", "-20200101000000-abcdefabcdef",
                            "-0.20191231235959-abcdefabcdef", "-pre", "-rc.1", "-rc.10", "-rc.2", "-alpha",
                            "-alpha.beta", "-0", "-1", "-01", "-x-y")),
           maybe(0.2, pick("+incompatible", "+build.1", "+"))],
    "nuget": [joined((1, 4), pick("0", "1", "2", "9", "10", "01", "2147483647")), maybe(0.05, pick(".2147483648", ".1")),
              maybe(0.6, prefixed("-", joined((1, 3), pick(
        "alpha", "Alpha", "ALPHA", "beta", "rc", "RC", "rc1", "rc10", "rc2", "preview1-24530-04", "0", "1", "10",
        "01", "2147483648", "a-b", "")))), maybe(0.2, pick("+build", "+01", "+a.b", "+"))],
    "pep440": [pick("", "", "v", "V"), maybe(0.2, pick("1!", "0!", "2!")), joined((1, 4), SMALL),
               maybe(0.5, lambda rng: rng.choice(["", ".", "-", "_"]) + rng.choice(
                   ["a", "b", "c", "rc", "alpha", "beta", "pre", "preview", "A", "RC"]) + rng.choice(
                   ["", "", ".", "-"]) + rng.choice(["", "0", "1", "2", "10"])),
               maybe(0.4, lambda rng: rng.choice(["-1", "-2", ".post1", "post", ".post", "-post-1", "_rev2",
                                                 ".r3", "r", ".POST1"])),
               maybe(0.4, lambda rng: rng.choice(["", ".", "-", "_"]) + rng.choice(["dev", "DEV"]) +
                     rng.choice(["", "0", "1", "10"])),
               maybe(0.2, prefixed("+", joined((1, 3), pick("local", "abc", "1", "10", "5", "a1", "LOCAL", ""),
                                                ("." , "-", "_"))))],
    "rubygems": [SMALL, joined((0, 4), prefixed(".", pick("0", "1", "2", "10", "a", "b", "pre", "rc", "rc1", "beta2",
                                                         "A", "x1a", "01", "")), ("",)),
                 maybe(0.2, prefixed("-", joined((1, 2), pick("1", "pre", "a", "")))), maybe(0.05, pick(" "))],
    "composer": [pick("", "", "v", "V"), pick("1", "2", "0", "10", "12345", "123456", "2010"),
                 maybe(0.8, prefixed(".", SMALL)), maybe(0.7, prefixed(".", SMALL)), maybe(0.3, prefixed(".", SMALL)),
                 maybe(0.6, lambda rng: rng.choice(["", ".", "-", "_"]) + rng.choice(
                     ["stable", "beta", "b", "RC", "rc", "alpha", "a", "patch", "pl", "p", "dev", "BETA"]) +
                     rng.choice(["", "", "1", "2", "10", ".1", "-1", "1.2"])),
                 maybe(0.2, pick("-dev", ".dev", "dev", "-x-dev", ".x-dev")), maybe(0.05, pick("+build"))],
    "apk": [SMALL, joined((0, 3), pick("0", "1", "2", "10", "01", "001"), (".",)),
            maybe(0.3, pick("a", "b", "z", "A")),
            maybe(0.5, joined((1, 2), lambda rng: rng.choice(["_alpha", "_beta", "_pre", "_rc", "_cvs", "_svn",
                                                               "_git", "_hg", "_p", "_x"]) +
                                      rng.choice(["", "1", "2", "10", "20240101"]), ("",))),
            maybe(0.2, pick("~abc123", "~1f", "~", "~xyz")), maybe(0.5, pick("-r0", "-r1", "-r2", "-r10", "-r", "-p1"))],
}


def generated_version(rng, scheme):
  if scheme in FREE_FORM:
    atoms = FREE_FORM[scheme]
    return [rng.choice(["0", "1", "2", "10"])] + [rng.choice(atoms) for _ in range(rng.randint(0, 7))]
  return [slot(rng) for slot in SLOTS[scheme]]


def mutated(rng, scheme, parts):
  """A copy of parts with one or two parts redrawn (free-form: replaced, inserted or deleted)."""
  b = list(parts)
  for _ in range(rng.choice((1, 1, 2))):
    i = rng.randrange(len(b))
    if scheme in FREE_FORM:
      choice = rng.random()
      if choice < 0.4:
        b[i] = rng.choice(FREE_FORM[scheme])
      elif choice < 0.7 or len(b) == 1:
        b.insert(i + 1, rng.choice(FREE_FORM[scheme]))
      else:
        del b[i]
    else:
      b[i] = SLOTS[scheme][i](rng)
  return b


def generated_pairs(scheme):
  rng = random.Random(SEED + len(scheme))
  pairs = []
  while len(pairs) < GENERATED_PAIRS:
    a = generated_version(rng, scheme)
    b = mutated(rng, scheme, a) if rng.random() < 0.7 else generated_version(rng, scheme)
    pair = ("".join(a), "".join(b))
    if all(usable(v) and not v.startswith("-") for v in pair):
      pairs.append(pair)
  return list(dict.fromkeys(pairs))


def main():
  if sys.argv[1] == "--generated":
    pairs = generated_pairs(sys.argv[2])
  else:
    pairs = pairs_for(*sys.argv[1:4])
  for a, b in pairs:
    print(a + "\t" + b)


if __name__ == "__main__":
  main()
