package dev.customs.cli.command;

import dev.customs.cli.output.ScanProgress;
import dev.customs.core.image.Digest;
import dev.customs.core.image.Image;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Layer;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.image.Platform;
import dev.customs.core.layer.ExtractionLimits;
import dev.customs.core.layer.LayerEntryVisitor;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * An image whose layers report to a {@link ScanProgress} as they are read: the stored bytes as they
 * arrive, and each layer when it was read to its end. The scan itself is unchanged.
 */
final class ObservedImage implements Image {
  private final Image image;
  private final List<Layer> layers;

  ObservedImage(Image image, ScanProgress progress) {
    this.image = image;
    this.layers = image.layers().stream().<Layer>map(l -> new ObservedLayer(l, progress)).toList();
  }

  /** The stored size of every layer, as the manifest declares it (unknown sizes count 0). */
  static long storedSize(Image image) {
    return image.layers().stream().mapToLong(l -> Math.max(0, l.descriptor().size())).sum();
  }

  @Override public String name() {
    return image.name();
  }

  @Override public Optional<ImageRef> reference() {
    return image.reference();
  }

  @Override public Digest manifestDigest() {
    return image.manifestDigest();
  }

  @Override public Optional<Digest> indexDigest() {
    return image.indexDigest();
  }

  @Override public String manifestMediaType() {
    return image.manifestMediaType();
  }

  @Override public byte[] rawManifest() {
    return image.rawManifest();
  }

  @Override public Digest configDigest() {
    return image.configDigest();
  }

  @Override public byte[] rawConfig() {
    return image.rawConfig();
  }

  @Override public ImageConfig config() {
    return image.config();
  }

  @Override public Platform platform() {
    return image.platform();
  }

  @Override public List<Layer> layers() {
    return layers;
  }

  @Override public void close() {
    image.close();
  }

  private record ObservedLayer(Layer layer, ScanProgress progress) implements Layer {
    @Override public LayerDescriptor descriptor() {
      return layer.descriptor();
    }

    @Override public InputStream openBlob() throws IOException {
      return new CountingStream(layer.openBlob(), progress);
    }

    @Override public void readEntries(ExtractionLimits limits, LayerEntryVisitor visitor) throws IOException {
      if (layer.cacheable()) {
        Layer.super.readEntries(limits, visitor); // through openBlob, so the bytes are counted
      } else {
        layer.readEntries(limits, visitor); // a live directory has no blob to count
      }
      progress.layerRead();
    }

    @Override public boolean cacheable() {
      return layer.cacheable();
    }
  }

  private static final class CountingStream extends FilterInputStream {
    private final ScanProgress progress;

    CountingStream(InputStream in, ScanProgress progress) {
      super(in);
      this.progress = progress;
    }

    @Override public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.bytes(1);
      }
      return b;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        progress.bytes(n);
      }
      return n;
    }

    @Override public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      progress.bytes(skipped);
      return skipped;
    }
  }
}
