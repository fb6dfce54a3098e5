package dev.customs.server.events;

import java.util.UUID;

/**
 * The image an event is about, with what notification scopes match on.
 *
 * @param imageId the registered image
 * @param registryId its registry integration (null when that was deleted)
 * @param registryHost the registry host, e.g. {@code registry-1.docker.io}
 * @param repository the repository path, e.g. {@code library/nginx}
 * @param reference the reference it was registered by
 * @param digest the manifest digest, null before its first scan
 */
public record ImageSubject(
    UUID imageId, UUID registryId, String registryHost, String repository, String reference, String digest) {}
