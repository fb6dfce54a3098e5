package dev.customs.core.inventory.analyzer.os;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The wanted regular files of an image's final filesystem, read straight from an OCI archive with
 * layers folded in order (later files win, whiteouts delete). Test-only: it lets analyzer tests run on
 * real image content without depending on the production layer reader.
 */
public final class OciImageFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OciImageFiles() {}

  public static Map<String, byte[]> read(Path ociArchive, String refName, Predicate<String> wanted) throws IOException {
    try (TarFile archive = new TarFile(ociArchive)) {
      JsonNode index = JSON.readTree(blob(archive, "index.json"));
      String manifestDigest = null;
      for (JsonNode m : index.path("manifests")) {
        if (refName.equals(m.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
          manifestDigest = m.path("digest").asText();
        }
      }
      if (manifestDigest == null) {
        throw new IOException("no manifest named " + refName + " in " + ociArchive);
      }
      JsonNode manifest = JSON.readTree(blob(archive, blobPath(manifestDigest)));
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (JsonNode layer : manifest.path("layers")) {
        try (InputStream in = new GzipCompressorInputStream(
            archive.getInputStream(entry(archive, blobPath(layer.path("digest").asText()))))) {
          applyLayer(new TarArchiveInputStream(in), files, wanted);
        }
      }
      return files;
    }
  }

  private static void applyLayer(TarArchiveInputStream layer, Map<String, byte[]> files, Predicate<String> wanted)
      throws IOException {
    for (TarArchiveEntry e = layer.getNextEntry(); e != null; e = layer.getNextEntry()) {
      String path = e.getName().replaceFirst("^(\\./|/)+", "").replaceFirst("/$", "");
      String name = path.substring(path.lastIndexOf('/') + 1);
      String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
      if (name.equals(".wh..wh..opq")) {
        files.keySet().removeIf(p -> p.startsWith(dir));
      } else if (name.startsWith(".wh.")) {
        String deleted = dir + name.substring(4);
        files.keySet().removeIf(p -> p.equals(deleted) || p.startsWith(deleted + "/"));
      } else if (e.isFile() && !e.isSymbolicLink() && !e.isLink() && wanted.test(path)) {
        files.put(path, layer.readAllBytes());
      } else {
        files.remove(path);
      }
    }
  }

  private static String blobPath(String digest) {
    return "blobs/" + digest.replace(':', '/');
  }

  private static TarArchiveEntry entry(TarFile archive, String name) throws IOException {
    return archive.getEntries().stream()
        .filter(e -> e.getName().replaceFirst("^\\./", "").equals(name))
        .findFirst()
        .orElseThrow(() -> new IOException("no " + name + " in the archive"));
  }

  private static byte[] blob(TarFile archive, String name) throws IOException {
    try (InputStream in = archive.getInputStream(entry(archive, name))) {
      return in.readAllBytes();
    }
  }
}
