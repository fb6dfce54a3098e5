package dev.customs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Layer;
import dev.customs.core.image.LayerDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobPrefetcherTest {
  @TempDir
  Path temp;
  private FakeRegistry fake;
  private RegistryClient client;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    fake = new FakeRegistry();
    client = RegistryClient.create(fake.host(), RegistryOptions.defaults().withDockerConfig(temp, List.of())
        .withInsecureHost(fake.host()).withRetries(1, Duration.ofMillis(1)));
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  /** A layer served slowly, so that overlapping downloads are visible. */
  private Layer slowLayer(int i, boolean corrupt) {
    byte[] blob = ("layer " + i).getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256(blob);
    fake.on("/v2/demo/app/blobs/" + digest, (ex, hit) -> {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      byte[] served = corrupt ? ("LAYER " + i).getBytes(StandardCharsets.UTF_8) : blob;
      FakeRegistry.send(ex, 200, null, served);
    });
    return new RegistryLayer(client, "demo/app", new LayerDescriptor("application/vnd.oci.image.layer.v1.tar", digest,
        blob.length, digest));
  }

  @Test
  void downloadsAtMostMaxParallelAtOnceAndVerifiesEach() throws IOException {
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      layers.add(slowLayer(i, false));
    }
    layers.add(layers.getFirst()); // a blob listed twice is fetched once

    Map<Digest, Path> files = new BlobPrefetcher(2).download(layers, temp.resolve("blobs"));

    assertThat(files).hasSize(6);
    for (Map.Entry<Digest, Path> e : files.entrySet()) {
      assertThat(Digest.sha256(Files.readAllBytes(e.getValue()))).isEqualTo(e.getKey());
    }
    assertThat(maxInFlight.get()).isEqualTo(2);
    assertThat(fake.requests()).hasSize(6);
  }

  @Test
  void aCorruptBlobFailsTheDownloadAndLeavesNoFileBehind() throws IOException {
    List<Layer> layers = List.of(slowLayer(0, false), slowLayer(1, true), slowLayer(2, false));
    Digest bad = layers.get(1).descriptor().digest();

    assertThatThrownBy(() -> new BlobPrefetcher(3).download(layers, temp.resolve("blobs")))
        .hasMessageStartingWith("blob " + fake.host() + "/demo/app@" + bad + " does not match its digest");
    try (var files = Files.list(temp.resolve("blobs"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".part") || n.equals("sha256-" + bad.hex()));
    }
  }
}
