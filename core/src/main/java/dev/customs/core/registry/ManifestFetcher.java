package dev.customs.core.registry;

import dev.customs.core.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * GET {@code /v2/<name>/manifests/<reference>}: the manifest bytes, bounded in size, with their
 * digest checked against the reference when it is a digest and against
 * {@code Docker-Content-Digest} when the registry sends one.
 */
final class ManifestFetcher {
  private static final String ACTION = "fetch manifest";

  private final RegistryEndpointCaller caller;
  private final String registry;
  private final long maxBytes;

  ManifestFetcher(RegistryEndpointCaller caller, String registry, long maxBytes) {
    this.caller = caller;
    this.registry = registry;
    this.maxBytes = maxBytes;
  }

  /** @param reference a tag or a digest */
  FetchedManifest fetch(String repository, String reference) throws RegistryException {
    boolean byDigest = reference.contains(":");
    String object = registry + "/" + repository + (byDigest ? "@" : ":") + reference;
    HttpResponse<InputStream> response = caller.call(new RegistryRequest(ACTION, object,
        RegistryRequest.pullScope(repository), "/v2/" + repository + "/manifests/" + reference, MediaTypes.ACCEPTED));
    byte[] bytes = readBounded(response, object);
    Digest actual = Digest.sha256(bytes);
    if (byDigest) {
      verify(object, parseDigest(object, reference, "reference"), bytes, actual, "asked for");
    }
    Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
    if (header.isPresent()) {
      verify(object, parseDigest(object, header.get(), "Docker-Content-Digest"), bytes, actual,
          "announced by the registry");
    }
    String mediaType;
    try {
      mediaType = ManifestParser.mediaType(bytes, response.headers().firstValue("Content-Type"));
    } catch (IOException e) {
      throw new RegistryException(ACTION, object, e.getMessage(), 0, e);
    }
    return new FetchedManifest(mediaType, actual, bytes);
  }

  private byte[] readBounded(HttpResponse<InputStream> response, String object) throws RegistryException {
    OptionalLong length = response.headers().firstValueAsLong("Content-Length");
    try (InputStream in = response.body()) {
      if (length.isPresent() && length.getAsLong() > maxBytes) {
        throw tooLarge(object, length.getAsLong() + " bytes");
      }
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw tooLarge(object, "more than " + maxBytes + " bytes");
      }
      return bytes;
    } catch (RegistryException e) {
      throw e;
    } catch (IOException e) {
      throw new RegistryException(ACTION, object, "connection lost while reading: " + e.getMessage(), 0, e);
    }
  }

  private RegistryException tooLarge(String object, String size) {
    return new RegistryException(ACTION, object, "manifest is " + size + ", over the limit of " + maxBytes
        + " bytes (a manifest that large is broken or hostile)");
  }

  /** A digest of another algorithm cannot be compared with our sha256 without re-hashing. */
  private static void verify(String object, Digest expected, byte[] bytes, Digest sha256, String what)
      throws RegistryException {
    Digest actual = expected.algorithm().equals("sha256") ? sha256 : rehash(expected, bytes);
    if (!actual.equals(expected)) {
      throw new RegistryException(ACTION, object, "manifest content has digest " + actual
          + " but " + expected + " was " + what);
    }
  }

  private static Digest rehash(Digest expected, byte[] bytes) {
    return new Digest(expected.algorithm(), HexFormat.of().formatHex(expected.newMessageDigest().digest(bytes)));
  }

  private static Digest parseDigest(String object, String value, String what) throws RegistryException {
    try {
      return Digest.parse(value.strip());
    } catch (IllegalArgumentException e) {
      throw new RegistryException(ACTION, object, "invalid " + what + ": " + e.getMessage());
    }
  }
}
