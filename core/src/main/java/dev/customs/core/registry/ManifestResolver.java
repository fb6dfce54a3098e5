package dev.customs.core.registry;

import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Platform;
import java.io.IOException;
import java.util.Optional;

/** From a reference to the one image manifest for a platform, going through an index if there is one. */
public final class ManifestResolver {
  private final RegistryClient client;

  public ManifestResolver(RegistryClient client) {
    this.client = client;
  }

  public ResolvedManifest resolve(ImageRef ref, Platform platform) throws RegistryException {
    FetchedManifest top = client.fetchManifest(ref.repository(), ref.manifestReference());
    Manifest parsed = parse(ref.toString(), top);
    if (parsed instanceof ImageManifest image) {
      return new ResolvedManifest(Optional.empty(), top, image);
    }
    ImageIndex index = (ImageIndex) parsed;
    Descriptor chosen = index.select(platform).orElseThrow(() -> new RegistryException("resolve platform of",
        ref.toString(), "no manifest for " + platform + " in the index (available: " + index.platforms() + ")"));
    FetchedManifest child = client.fetchManifest(ref.repository(), chosen.digest().toString());
    String childName = ref.name() + "@" + chosen.digest();
    if (parse(childName, child) instanceof ImageManifest image) {
      return new ResolvedManifest(Optional.of(top.digest()), child, image);
    }
    throw new RegistryException("fetch manifest", childName, "an index entry for " + platform
        + " is itself an index; nested indexes are not supported");
  }

  private static Manifest parse(String object, FetchedManifest fetched) throws RegistryException {
    try {
      return ManifestParser.parse(fetched.mediaType(), fetched.bytes());
    } catch (IOException e) {
      throw new RegistryException("fetch manifest", object, e.getMessage(), 0, e);
    }
  }
}
