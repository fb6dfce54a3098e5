package dev.customs.core.inventory.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Feeds the regular files of chosen layers of an image in an OCI archive to analyzers, read
 * directly with commons-compress: a stand-in for the layer reader in analyzer tests.
 */
public final class OciArchiveFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SMALL_BLOB = 64 * 1024;

  private OciArchiveFiles() {}

  /**
   * Offers every regular file of the given layers (1-based) of image {@code ref} to the analyzers
   * and analyzes the wanted ones into {@code sink}.
   */
  public static void analyze(Path ociArchive, String ref, List<Integer> layers, List<PackageAnalyzer> analyzers,
      AnalysisSink sink) throws IOException {
    Map<String, byte[]> small = smallEntries(ociArchive);
    JsonNode index = JSON.readTree(small.get("index.json"));
    String manifestDigest = null;
    for (JsonNode m : index.path("manifests")) {
      if (ref.equals(m.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
        manifestDigest = m.path("digest").asText();
      }
    }
    if (manifestDigest == null) {
      throw new IOException("no manifest with ref " + ref + " in " + ociArchive);
    }
    JsonNode manifest = JSON.readTree(small.get(blobPath(manifestDigest)));
    for (int layer : layers) {
      String blob = blobPath(manifest.path("layers").get(layer - 1).path("digest").asText());
      try (TarArchiveInputStream outer = new TarArchiveInputStream(Files.newInputStream(ociArchive))) {
        for (TarArchiveEntry e = outer.getNextEntry(); e != null; e = outer.getNextEntry()) {
          if (e.getName().equals(blob)) {
            analyzeLayer(new GzipCompressorInputStream(outer), analyzers, sink);
          }
        }
      }
    }
  }

  private static void analyzeLayer(InputStream gzippedTar, List<PackageAnalyzer> analyzers, AnalysisSink sink)
      throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(gzippedTar);
    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
      if (!e.isFile()) {
        continue;
      }
      String path = e.getName().replaceFirst("^\\./", "").replaceFirst("^/+", "");
      byte[] content = null;
      for (PackageAnalyzer analyzer : analyzers) {
        if (analyzer.wants(AnalyzerInputs.file(path, e.getSize()))) {
          content = content != null ? content : tar.readAllBytes();
          analyzer.analyze(AnalyzerInputs.of(path, content), sink);
        }
      }
    }
  }

  private static Map<String, byte[]> smallEntries(Path ociArchive) throws IOException {
    Map<String, byte[]> small = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(ociArchive))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.isFile() && e.getSize() < SMALL_BLOB) {
          small.put(e.getName(), tar.readAllBytes());
        }
      }
    }
    return small;
  }

  private static String blobPath(String digest) {
    return "blobs/" + digest.replace(':', '/');
  }
}
