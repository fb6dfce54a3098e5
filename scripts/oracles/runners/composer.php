<?php
// Composer's own semver library as the oracle: versions are normalized by VersionParser, as
// Composer does for every package version, then ordered by Comparator.
// "a<TAB>b" lines in, "a<TAB>b<TAB>-1|0|1|invalid" out.
require $argv[1];

use Composer\Semver\Comparator;
use Composer\Semver\VersionParser;

$parser = new VersionParser();
while (($line = fgets(STDIN)) !== false) {
  [$a, $b] = explode("\t", rtrim($line, "\n"));
  try {
    $na = $parser->normalize($a);
    $nb = $parser->normalize($b);
    if (str_starts_with($na, 'dev-') || str_starts_with($nb, 'dev-')) {
      // A branch (dev-master) has no place in the order: Composer's comparisons with it are all false.
      throw new UnexpectedValueException('branch');
    }
    $r = Comparator::lessThan($na, $nb) ? -1 : (Comparator::equalTo($na, $nb) ? 0 : 1);
  } catch (UnexpectedValueException $e) {
    $r = 'invalid';
  }
  echo "$a\t$b\t$r\n";
}
