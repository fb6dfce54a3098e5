package dev.customs.core.image.source;

import dev.customs.core.image.Digest;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.Layer;
import java.util.List;
import java.util.Optional;

/** What a local source found out about one image, before it is wrapped as an {@link LocalImage}. */
record ImageParts(
    String name,
    Digest manifestDigest,
    Optional<Digest> indexDigest,
    String manifestMediaType,
    byte[] rawManifest,
    Digest configDigest,
    byte[] rawConfig,
    ImageConfig config,
    List<Layer> layers) {}
