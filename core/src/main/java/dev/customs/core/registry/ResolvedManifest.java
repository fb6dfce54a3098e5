package dev.customs.core.registry;

import dev.customs.core.image.Digest;
import java.util.Optional;

/**
 * The image manifest chosen for one platform.
 *
 * @param indexDigest the index or manifest list it was chosen from, if the reference named one
 */
public record ResolvedManifest(Optional<Digest> indexDigest, FetchedManifest fetched, ImageManifest manifest) {}
