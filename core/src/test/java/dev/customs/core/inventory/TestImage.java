package dev.customs.core.inventory;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Layer;
import dev.customs.core.image.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** An image made of {@link TestLayer}s with a small real config. */
public record TestImage(String name, List<Layer> layers, byte[] rawConfig) implements Image {
  static final String CONFIG = """
      {"architecture":"amd64","os":"linux","created":"2024-05-01T10:00:00Z",
       "config":{"User":"app","Env":["PATH=/usr/bin","API_TOKEN=s3cr3t"],"Cmd":["/bin/sh"],
         "Labels":{"org.opencontainers.image.source":"https://example.com/app"},"ExposedPorts":{"8080/tcp":{}}},
       "rootfs":{"type":"layers","diff_ids":[]},
       "history":[{"created":"2024-05-01T10:00:00Z","created_by":"COPY . /"}]}""";

  public static TestImage of(String name, Layer... layers) {
    return new TestImage(name, List.of(layers), CONFIG.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Optional<ImageRef> reference() {
    return Optional.of(new ImageRef("registry.example.com", "team/" + name, Optional.of("1.0"), Optional.empty()));
  }

  @Override
  public Digest manifestDigest() {
    return Digest.sha256(("manifest " + name).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Optional<Digest> indexDigest() {
    return Optional.empty();
  }

  @Override
  public String manifestMediaType() {
    return "application/vnd.oci.image.manifest.v1+json";
  }

  @Override
  public byte[] rawManifest() {
    return "{}".getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Digest configDigest() {
    return Digest.sha256(rawConfig);
  }

  @Override
  public ImageConfig config() {
    try {
      return ImageConfig.parse(rawConfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Platform platform() {
    return Platform.LINUX_AMD64;
  }

  @Override
  public void close() {
    // nothing is held open
  }
}
