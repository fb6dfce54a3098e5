package dev.customs.core.vuln.db;

import static dev.customs.core.vuln.db.BundleArtifact.ARTIFACT_TYPE;
import static dev.customs.core.vuln.db.BundleArtifact.LAYER_MEDIA_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.image.Digest;
import dev.customs.core.registry.FetchedManifest;
import dev.customs.core.registry.MediaTypes;
import java.io.IOException;

/**
 * The bundle layer that a {@code db push} manifest names. Anything else under the tag (a container
 * image, an index, another artifact) is refused with what it is, before a byte of it is downloaded.
 */
record BundleArtifactLayer(Digest digest, long size) {
  static BundleArtifactLayer of(BundleReference ref, FetchedManifest fetched) throws BundleException, IOException {
    if (!fetched.mediaType().equals(MediaTypes.OCI_MANIFEST)) {
      throw notABundle(ref, MediaTypes.isIndex(fetched.mediaType())
          ? "an image index (" + fetched.mediaType() + ")" : "a manifest of media type " + fetched.mediaType());
    }
    JsonNode manifest = BundleArtifact.JSON.readTree(fetched.bytes());
    String artifactType = manifest.path("artifactType").asText("");
    if (!artifactType.equals(ARTIFACT_TYPE)) {
      String config = manifest.path("config").path("mediaType").asText("");
      throw notABundle(ref, artifactType.isEmpty()
          ? "an OCI image (config " + config + ")" : "an artifact of type " + artifactType);
    }
    JsonNode layers = manifest.path("layers");
    if (layers.size() != 1 || !layers.get(0).path("mediaType").asText("").equals(LAYER_MEDIA_TYPE)) {
      throw notABundle(ref, "an artifact of type " + ARTIFACT_TYPE + " without exactly one layer of media type "
          + LAYER_MEDIA_TYPE);
    }
    return describe(ref, layers.get(0));
  }

  private static BundleArtifactLayer describe(BundleReference ref, JsonNode layer) throws BundleException {
    Digest digest;
    try {
      digest = Digest.parse(layer.path("digest").asText(""));
    } catch (IllegalArgumentException e) {
      throw new BundleException(ref + ": the bundle layer's digest is invalid: " + e.getMessage());
    }
    // The .sha256 sidecar that BundleInstaller checks holds a SHA-256; another algorithm cannot fill it.
    if (!digest.algorithm().equals("sha256")) {
      throw new BundleException(ref + ": the bundle layer's digest " + digest + " is not a sha256 digest");
    }
    long size = layer.path("size").asLong(-1);
    if (size < 0) {
      throw new BundleException(ref + ": the bundle layer has no size");
    }
    return new BundleArtifactLayer(digest, size);
  }

  private static BundleException notABundle(BundleReference ref, String what) {
    return new BundleException(ref + " holds " + what + ", not a Customs vulnerability bundle (artifactType "
        + ARTIFACT_TYPE + "); refusing to install it");
  }
}
