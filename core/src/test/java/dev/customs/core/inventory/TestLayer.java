package dev.customs.core.inventory;

import dev.customs.core.image.Digest;
import dev.customs.core.image.Layer;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.layer.EntryType;
import dev.customs.core.layer.ExtractionLimits;
import dev.customs.core.layer.LayerEntry;
import dev.customs.core.layer.LayerEntryVisitor;
import dev.customs.core.layer.LayerFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A layer held in memory as a list of entries, fed straight to the visitor: the engine's tests are
 * about what happens after the tar is read. Its diffID is derived from its name, so two layers with
 * the same name are "the same layer" to the cache, as a shared base layer is.
 */
public final class TestLayer implements Layer {
  private record Item(LayerEntry entry, byte[] content) {}

  private final String name;
  private final List<Item> items = new ArrayList<>();
  private final AtomicInteger reads = new AtomicInteger();
  private boolean cacheable = true;
  private int failAfter = -1;

  public TestLayer(String name) {
    this.name = name;
  }

  public TestLayer file(String path, String content) {
    return file(path, content, 0644);
  }

  public TestLayer file(String path, String content, int mode) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return add(new LayerEntry(path, EntryType.FILE, bytes.length, mode, 0, 0, Optional.empty()), bytes);
  }

  public TestLayer dir(String path) {
    return add(new LayerEntry(path, EntryType.DIRECTORY, 0, 0755, 0, 0, Optional.empty()), new byte[0]);
  }

  public TestLayer symlink(String path, String target) {
    return add(new LayerEntry(path, EntryType.SYMLINK, 0, 0777, 0, 0, Optional.of(target)), new byte[0]);
  }

  public TestLayer whiteout(String path) {
    return add(new LayerEntry(path, EntryType.WHITEOUT, 0, 0, 0, 0, Optional.empty()), new byte[0]);
  }

  public TestLayer opaque(String dir) {
    return add(new LayerEntry(dir, EntryType.OPAQUE_WHITEOUT, 0, 0, 0, 0, Optional.empty()), new byte[0]);
  }

  /** Makes reading fail, as a truncated blob does, after {@code entries} entries. */
  public TestLayer failAfter(int entries) {
    this.failAfter = entries;
    return this;
  }

  /** A live directory: never cached. */
  public TestLayer notCacheable() {
    this.cacheable = false;
    return this;
  }

  private TestLayer add(LayerEntry entry, byte[] content) {
    items.add(new Item(entry, content));
    return this;
  }

  public int reads() {
    return reads.get();
  }

  public Digest diffId() {
    return Digest.sha256(("test layer " + name).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public LayerDescriptor descriptor() {
    return new LayerDescriptor("application/vnd.oci.image.layer.v1.tar", diffId(), 1000, diffId());
  }

  @Override
  public InputStream openBlob() throws IOException {
    throw new IOException("TestLayer " + name + " has no blob; its entries are read directly");
  }

  @Override
  public void readEntries(ExtractionLimits limits, LayerEntryVisitor visitor) throws IOException {
    reads.incrementAndGet();
    for (int i = 0; i < items.size(); i++) {
      if (i == failAfter) {
        throw new LayerFormatException("layer " + name + ": unexpected end of gzip stream");
      }
      visitor.visit(items.get(i).entry(), new ByteArrayInputStream(items.get(i).content()));
    }
  }

  @Override
  public boolean cacheable() {
    return cacheable;
  }
}
