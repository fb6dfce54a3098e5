package dev.customs.core.registry;

import dev.customs.core.image.Digest;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;

/**
 * PUT {@code /v2/<name>/manifests/<tag>}: stores manifest bytes under a tag. The blobs it names must
 * be pushed first; registries refuse a manifest whose blobs they do not have.
 */
final class ManifestPusher {
  private final RegistryEndpointCaller caller;
  private final String registry;

  ManifestPusher(RegistryEndpointCaller caller, String registry) {
    this.caller = caller;
    this.registry = registry;
  }

  /** @return the digest of the manifest, by which it can be fetched whatever the tag later names */
  Digest push(String repository, String tag, String mediaType, byte[] manifest) throws RegistryException {
    String object = registry + "/" + repository + ":" + tag;
    RegistryEndpointCaller.discard(caller.call(new RegistryRequest("push manifest", object,
        RegistryRequest.pushScope(repository), "/v2/" + repository + "/manifests/" + tag, List.of(), "PUT",
        Optional.of(new RegistryRequest.RequestBody(mediaType, HttpRequest.BodyPublishers.ofByteArray(manifest))))));
    return Digest.sha256(manifest);
  }
}
