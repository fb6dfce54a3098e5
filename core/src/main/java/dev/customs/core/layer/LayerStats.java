package dev.customs.core.layer;

/**
 * What reading a whole layer found.
 *
 * @param entries the tar entries, whiteouts included
 * @param uncompressedSize the bytes of the uncompressed tar stream
 */
public record LayerStats(long entries, long uncompressedSize) {}
