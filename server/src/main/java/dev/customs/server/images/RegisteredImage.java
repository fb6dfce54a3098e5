package dev.customs.server.images;

import java.time.Instant;
import java.util.UUID;

/**
 * An image the console watches, as registered: a reference and a platform. {@code digest} is the
 * manifest digest found by the latest successful scan (null until then).
 *
 * @param deletedAt when a registry reported the image deleted (null while it exists)
 * @param source how it was registered: {@code api} (later also {@code cli}, {@code webhook}, {@code sync})
 */
public record RegisteredImage(UUID id, UUID registryId, String reference, String registryHost, String repository,
    String tag, String digest, String platform, String source, Instant createdAt, Instant deletedAt) {}
