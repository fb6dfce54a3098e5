package dev.customs.core.registry;

import dev.customs.core.image.Digest;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Puts a blob into a repository: {@code HEAD /v2/<name>/blobs/<digest>} first (a blob already
 * there is not sent again), else {@code POST /v2/<name>/blobs/uploads/} to open an upload session
 * and one monolithic {@code PUT <Location>?digest=…} with the whole content.
 */
final class BlobUploader {
  private static final String ACTION = "push blob";
  private static final String OCTET_STREAM = "application/octet-stream";

  private final RegistryEndpointCaller caller;
  private final String registry;

  BlobUploader(RegistryEndpointCaller caller, String registry) {
    this.caller = caller;
    this.registry = registry;
  }

  /** @return true when the blob was sent, false when the repository already had it */
  boolean upload(String repository, Digest digest, HttpRequest.BodyPublisher content) throws RegistryException {
    String object = registry + "/" + repository + "@" + digest;
    String scope = RegistryRequest.pushScope(repository);
    if (exists(repository, digest, object, scope)) {
      return false;
    }
    HttpResponse<InputStream> started = caller.call(new RegistryRequest(ACTION, object, scope,
        "/v2/" + repository + "/blobs/uploads/", List.of(), "POST", Optional.empty()));
    RegistryEndpointCaller.discard(started);
    String location = started.headers().firstValue("Location").orElseThrow(() -> new RegistryException(ACTION,
        object, "the registry opened an upload without a Location header", started.statusCode(), null));
    // Location may be relative (/v2/...) or absolute, and usually carries its own query (_state=…).
    String target = location + (location.contains("?") ? "&" : "?") + "digest="
        + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8);
    RegistryEndpointCaller.discard(caller.call(new RegistryRequest(ACTION, object, scope, target, List.of(), "PUT",
        Optional.of(new RegistryRequest.RequestBody(OCTET_STREAM, content)))));
    return true;
  }

  /** A 404 answer means "not there"; any other failure is the push's failure. */
  private boolean exists(String repository, Digest digest, String object, String scope) throws RegistryException {
    try {
      RegistryEndpointCaller.discard(caller.call(new RegistryRequest("check blob", object, scope,
          "/v2/" + repository + "/blobs/" + digest, List.of(), "HEAD", Optional.empty())));
      return true;
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
  }
}
