package dev.customs.core.vuln.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.image.Digest;
import dev.customs.core.registry.MediaTypes;
import dev.customs.core.registry.RegistryClient;
import dev.customs.core.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle as an OCI artifact ({@code customs db push|pull}): an image manifest with
 * {@code artifactType} {@value #ARTIFACT_TYPE}, the empty config, and the bundle file as its one
 * layer. Any OCI registry stores that, so air-gapped sites mirror bundles with the registries and
 * tools (skopeo, oras, crane) they already run.
 */
public final class BundleArtifact {
  public static final String ARTIFACT_TYPE = "application/vnd.customs.vulndb.v1";
  public static final String LAYER_MEDIA_TYPE = "application/vnd.customs.vulndb.layer.v1.sqlite";
  static final String EMPTY_MEDIA_TYPE = "application/vnd.oci.empty.v1+json";
  static final byte[] EMPTY_CONFIG = "{}".getBytes(StandardCharsets.UTF_8);
  static final String SCHEMA_ANNOTATION = "dev.customs.vulndb.schema-version";
  static final String BUILT_ANNOTATION = "dev.customs.vulndb.built";
  static final String SHA256_ANNOTATION = "dev.customs.vulndb.sha256";
  static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClient client;
  private final Clock clock;

  /** @param client a client for the reference's registry */
  public BundleArtifact(RegistryClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * Pushes a bundle (with its {@code .sha256} beside it, checked first) under the reference's tag.
   *
   * @return the digest of the pushed manifest
   */
  public Digest push(Path bundle, BundleReference ref) throws BundleException {
    if (!Files.isRegularFile(bundle)) {
      throw new BundleException("cannot push " + bundle + ": no such file");
    }
    try {
      String sha256 = BundleChecksum.verify(bundle);
      BundleMetadata metadata = BundleVerifier.verify(bundle, sha256);
      Digest layer = new Digest("sha256", sha256);
      client.pushBlob(ref.repository(), Digest.sha256(EMPTY_CONFIG),
          HttpRequest.BodyPublishers.ofByteArray(EMPTY_CONFIG));
      client.pushBlob(ref.repository(), layer, HttpRequest.BodyPublishers.ofFile(bundle));
      byte[] manifest = manifest(bundle, layer, metadata);
      return client.pushManifest(ref.repository(), ref.tag(), MediaTypes.OCI_MANIFEST, manifest);
    } catch (IOException e) {
      throw new BundleException("cannot push " + bundle + " to " + ref + ": " + e.getMessage(), e);
    }
  }

  private byte[] manifest(Path bundle, Digest layer, BundleMetadata metadata) throws IOException {
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put("org.opencontainers.image.title", bundle.getFileName().toString());
    annotations.put("org.opencontainers.image.created", clock.instant().toString());
    annotations.put(SCHEMA_ANNOTATION, String.valueOf(metadata.schemaVersion()));
    annotations.put(BUILT_ANNOTATION, metadata.builtAt().toString());
    annotations.put(SHA256_ANNOTATION, metadata.sha256());
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
    manifest.put("artifactType", ARTIFACT_TYPE);
    manifest.put("config", descriptor(EMPTY_MEDIA_TYPE, Digest.sha256(EMPTY_CONFIG), EMPTY_CONFIG.length));
    manifest.put("layers", List.of(descriptor(LAYER_MEDIA_TYPE, layer, Files.size(bundle))));
    manifest.put("annotations", annotations);
    return JSON.writeValueAsBytes(manifest);
  }

  private static Map<String, Object> descriptor(String mediaType, Digest digest, long size) {
    Map<String, Object> descriptor = new LinkedHashMap<>();
    descriptor.put("mediaType", mediaType);
    descriptor.put("digest", digest.toString());
    descriptor.put("size", size);
    return descriptor;
  }

  /**
   * Downloads the bundle the reference names and installs it at {@code target} through
   * {@link BundleInstaller} (checksum and schema checked); anything else under that tag is refused
   * and the installed bundle stays as it was.
   */
  public BundleMetadata pull(BundleReference ref, Path target) throws BundleException {
    Path download = null;
    try {
      BundleArtifactLayer layer = BundleArtifactLayer.of(ref, client.fetchManifest(ref.repository(), ref.tag()));
      download = BundleFiles.temporaryBeside(target);
      try (InputStream in = client.openBlob(ref.repository(), layer.digest(), layer.size())) {
        Files.copy(in, download, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(BundleChecksum.sidecarOf(download),
          BundleChecksum.sidecarLine(layer.digest().hex(), download.getFileName().toString()), StandardCharsets.UTF_8);
      return install(ref, download, target);
    } catch (RegistryException e) {
      throw new BundleException("cannot pull " + ref + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BundleException("cannot pull " + ref + " to " + target + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(download);
    }
  }

  /** The installer's messages name the temporary download; the user needs the reference too. */
  private static BundleMetadata install(BundleReference ref, Path download, Path target) throws BundleException {
    try {
      return BundleInstaller.install(download, target);
    } catch (BundleException e) {
      throw new BundleException("the bundle pulled from " + ref + " is refused, " + target + " is unchanged: "
          + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path download) {
    if (download == null) {
      return;
    }
    try {
      Files.deleteIfExists(download);
      Files.deleteIfExists(BundleChecksum.sidecarOf(download));
    } catch (IOException e) {
      // A leftover download never has the bundle's name; nothing reads it.
    }
  }
}
