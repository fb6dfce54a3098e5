package dev.customs.server.scanning;

/** What a successful scan produced: the manifest digest and the gzip-compressed inventory document. */
record ScanOutcome(String digest, int packageCount, int problemCount, byte[] gzippedInventory) {}
