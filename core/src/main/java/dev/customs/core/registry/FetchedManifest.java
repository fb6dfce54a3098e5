package dev.customs.core.registry;

import dev.customs.core.image.Digest;

/**
 * A manifest or index exactly as the registry sent it.
 *
 * @param digest the digest of {@code bytes} (verified against what was asked for)
 */
public record FetchedManifest(String mediaType, Digest digest, byte[] bytes) {}
