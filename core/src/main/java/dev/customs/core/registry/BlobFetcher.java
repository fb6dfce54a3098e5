package dev.customs.core.registry;

import dev.customs.core.image.Digest;
import dev.customs.core.image.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * GET {@code /v2/<name>/blobs/<digest>}, following the registry's redirect to blob storage (without
 * credentials), as a stream that verifies digest and size when it reaches its end.
 */
final class BlobFetcher {
  private final RegistryEndpointCaller caller;
  private final String registry;
  private final Duration readTimeout;
  private final ScheduledExecutorService timer;

  BlobFetcher(RegistryEndpointCaller caller, String registry, Duration readTimeout, ScheduledExecutorService timer) {
    this.caller = caller;
    this.registry = registry;
    this.readTimeout = readTimeout;
    this.timer = timer;
  }

  InputStream open(String repository, Digest digest, long size) throws RegistryException {
    String object = registry + "/" + repository + "@" + digest;
    HttpResponse<InputStream> response = caller.call(new RegistryRequest("fetch blob", object,
        RegistryRequest.pullScope(repository), "/v2/" + repository + "/blobs/" + digest, List.of()));
    return new VerifyingInputStream(new IdleTimeoutInputStream(response.body(), readTimeout, timer), digest, size,
        "blob " + object);
  }

  /** The whole blob in memory, for small blobs such as image configs. */
  byte[] readAll(String repository, Digest digest, long size, long maxBytes) throws IOException {
    if (size > maxBytes) {
      throw new RegistryException("fetch blob", registry + "/" + repository + "@" + digest,
          "blob is " + size + " bytes, over the limit of " + maxBytes + " bytes");
    }
    try (InputStream in = open(repository, digest, size)) {
      return in.readAllBytes();
    }
  }
}
