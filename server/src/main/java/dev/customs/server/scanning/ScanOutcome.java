package dev.customs.server.scanning;

import java.util.List;

/**
 * What a successful scan produced: the manifest digest, the gzip-compressed inventory document and
 * its judgement, still to be stored; and the other wanted platforms of its tag when the tag is
 * multi-platform ({@code otherPlatforms}, to be registered and scanned too).
 */
record ScanOutcome(String digest, int packageCount, int problemCount, byte[] gzippedInventory,
    ScanJudge.Judged judgement, List<String> otherPlatforms) {}
