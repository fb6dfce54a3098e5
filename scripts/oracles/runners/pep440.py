"""PyPA packaging as the PEP 440 oracle: "a<TAB>b" lines in, "a<TAB>b<TAB>-1|0|1|invalid" out."""
import sys

from packaging.version import InvalidVersion, Version

for line in sys.stdin:
  a, b = line.rstrip("\n").split("\t")
  try:
    va, vb = Version(a), Version(b)
    print(f"{a}\t{b}\t{(va > vb) - (va < vb)}")
  except InvalidVersion:
    print(f"{a}\t{b}\tinvalid")
