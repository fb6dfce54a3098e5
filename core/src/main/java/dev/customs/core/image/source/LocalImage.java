package dev.customs.core.image.source;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Layer;
import dev.customs.core.image.Platform;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** An image read from local storage; closing it releases its archive index or temporary file. */
final class LocalImage implements Image {
  private final ImageParts parts;
  private final Closeable resources;
  private boolean closed;

  LocalImage(ImageParts parts, Closeable resources) {
    this.parts = parts;
    this.resources = resources;
  }

  @Override
  public String name() {
    return parts.name();
  }

  @Override
  public Optional<ImageRef> reference() {
    return Optional.empty();
  }

  @Override
  public Digest manifestDigest() {
    return parts.manifestDigest();
  }

  @Override
  public Optional<Digest> indexDigest() {
    return parts.indexDigest();
  }

  @Override
  public String manifestMediaType() {
    return parts.manifestMediaType();
  }

  @Override
  public byte[] rawManifest() {
    return parts.rawManifest().clone();
  }

  @Override
  public Digest configDigest() {
    return parts.configDigest();
  }

  @Override
  public byte[] rawConfig() {
    return parts.rawConfig().clone();
  }

  @Override
  public ImageConfig config() {
    return parts.config();
  }

  @Override
  public Platform platform() {
    return parts.config().platform();
  }

  @Override
  public List<Layer> layers() {
    return parts.layers();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      resources.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release " + parts.name() + ": " + e.getMessage(), e);
    }
  }
}
