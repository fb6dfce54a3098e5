package dev.customs.core.registry;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Platform;
import java.util.Optional;

/**
 * An OCI content descriptor: what a manifest or index says about a blob or child manifest.
 *
 * @param platform only for the entries of an index
 */
public record Descriptor(String mediaType, Digest digest, long size, Optional<Platform> platform) {}
