package dev.customs.server.scanning;

/**
 * What a successful scan produced: the manifest digest, the gzip-compressed inventory document and
 * its judgement, still to be stored.
 */
record ScanOutcome(String digest, int packageCount, int problemCount, byte[] gzippedInventory,
    ScanJudge.Judged judgement) {}
