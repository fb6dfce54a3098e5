package dev.customs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.image.Digest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload protocol details a real registry does not exercise: a relative {@code Location} that
 * already has a query, and a PUT redirected (307) to blob storage, which must keep method and body.
 */
class BlobUploaderTest {
  private static final byte[] DATA = "blob content".getBytes(StandardCharsets.UTF_8);

  @TempDir Path temp;

  @Test
  void aRelativeLocationWithAQueryGetsTheDigestAppendedAndARedirectedPutKeepsItsBody() throws Exception {
    Digest digest = Digest.sha256(DATA);
    List<String> stored = new CopyOnWriteArrayList<>();
    try (FakeRegistry fake = new FakeRegistry()) {
      fake.on("/v2/demo/db/blobs/uploads/", (ex, hit) -> {
        ex.getResponseHeaders().set("Location", "/upload/session-1?_state=abc");
        FakeRegistry.send(ex, 202, null, new byte[0]);
      });
      fake.on("/upload/session-1", (ex, hit) -> {
        ex.getResponseHeaders().set("Location", "/storage/blob-1?" + ex.getRequestURI().getRawQuery());
        FakeRegistry.send(ex, 307, null, new byte[0]);
      });
      fake.on("/storage/blob-1", (ex, hit) -> {
        stored.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawQuery() + " "
            + ex.getRequestHeaders().getFirst("Content-Type") + " "
            + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        FakeRegistry.send(ex, 201, null, new byte[0]);
      });
      RegistryOptions options = RegistryOptions.defaults().withDockerConfig(temp, List.of())
          .withRetries(1, Duration.ofMillis(1)).withInsecureHost(fake.host());
      try (RegistryClient client = RegistryClient.create(fake.host(), options)) {
        assertThat(client.pushBlob("demo/db", digest, HttpRequest.BodyPublishers.ofByteArray(DATA))).isTrue();
      }
      assertThat(stored).containsExactly("PUT _state=abc&digest=sha256%3A" + digest.hex()
          + " application/octet-stream blob content");
      assertThat(fake.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
          "HEAD /v2/demo/db/blobs/" + digest, "POST /v2/demo/db/blobs/uploads/", "PUT /upload/session-1",
          "PUT /storage/blob-1");
    }
  }
}
