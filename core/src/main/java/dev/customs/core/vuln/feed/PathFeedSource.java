package dev.customs.core.vuln.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A feed on disk: one file, a directory walked recursively, or a zip archive (osv.dev's per-ecosystem
 * {@code all.zip}) whose entries are read one at a time without unpacking. {@code .gz} documents are
 * decompressed as they are read. An archive that cannot be opened at all fails the feed; a corrupt
 * entry fails only that document.
 */
public final class PathFeedSource implements FeedSource {
  private final Path root;
  private final String location;

  public PathFeedSource(Path root, String location) {
    this.root = root;
    this.location = location;
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public void forEachDocument(DocumentVisitor visitor) throws IOException {
    if (!Files.exists(root)) {
      throw new NoSuchFileException(root.toString(), null, "feed source not found");
    }
    if (!Files.isDirectory(root)) {
      visitFile(root, root.getFileName().toString(), visitor);
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
    }
    for (Path file : files) {
      visitFile(file, root.relativize(file).toString(), visitor);
    }
  }

  private static void visitFile(Path file, String name, DocumentVisitor visitor) throws IOException {
    if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
      visitZip(file, name, visitor);
    } else {
      visitor.visit(new FeedDocument(name, () -> maybeGunzip(name, Files.newInputStream(file))));
    }
  }

  private static void visitZip(Path file, String name, DocumentVisitor visitor) throws IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new ZipException("cannot read zip archive " + file + ": " + e.getMessage());
    }
    try (zip) {
      List<? extends ZipEntry> entries = zip.stream().filter(e -> !e.isDirectory())
          .sorted(Comparator.comparing(ZipEntry::getName)).toList();
      for (ZipEntry entry : entries) {
        String entryName = name + "!" + entry.getName();
        visitor.visit(new FeedDocument(entryName, () -> maybeGunzip(entryName, zip.getInputStream(entry))));
      }
    }
  }

  private static InputStream maybeGunzip(String name, InputStream in) throws IOException {
    if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
      return in;
    }
    try {
      return new GZIPInputStream(in, 64 * 1024);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }
}
