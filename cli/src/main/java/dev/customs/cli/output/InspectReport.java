package dev.customs.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.customs.core.image.Image;
import dev.customs.core.image.ImageConfig;
import dev.customs.core.image.LayerDescriptor;
import dev.customs.core.layer.LayerStats;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code customs inspect} prints, as one value: the table and the JSON are two views of it.
 * Environment variable values are left out on purpose: they often hold secrets.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record InspectReport(
    String image,
    Optional<String> reference,
    String digest,
    Optional<String> indexDigest,
    String mediaType,
    String platform,
    String configDigest,
    Optional<String> created,
    String user,
    List<String> entrypoint,
    List<String> cmd,
    String workingDir,
    List<String> env,
    Map<String, String> labels,
    List<String> exposedPorts,
    Optional<List<String>> healthcheck,
    long compressedSize,
    Optional<Long> uncompressedSize,
    List<LayerRow> layers) {

  /** One layer; {@code uncompressedSize} and {@code entries} are known once the layer was read. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public record LayerRow(String mediaType, String digest, String diffId, long compressedSize,
      Optional<Long> uncompressedSize, Optional<Long> entries) {}

  public static InspectReport of(Image img, Optional<List<LayerStats>> stats) {
    ImageConfig c = img.config();
    List<LayerRow> rows = new ArrayList<>();
    for (int i = 0; i < img.layers().size(); i++) {
      LayerDescriptor d = img.layers().get(i).descriptor();
      int index = i;
      Optional<LayerStats> s = stats.map(list -> list.get(index));
      rows.add(new LayerRow(d.mediaType(), d.digest().toString(), d.diffId().toString(), d.size(),
          s.map(LayerStats::uncompressedSize), s.map(LayerStats::entries)));
    }
    return new InspectReport(img.name(), img.reference().map(Object::toString), img.manifestDigest().toString(),
        img.indexDigest().map(Object::toString), img.manifestMediaType(), img.platform().toString(),
        img.configDigest().toString(), c.created().map(Object::toString), c.user(), c.entrypoint(), c.cmd(),
        c.workingDir(), c.envNames(), new TreeMap<>(c.labels()), List.copyOf(new TreeSet<>(c.exposedPorts())),
        c.healthcheck(), rows.stream().mapToLong(r -> Math.max(0, r.compressedSize())).sum(),
        stats.map(list -> list.stream().mapToLong(LayerStats::uncompressedSize).sum()), List.copyOf(rows));
  }

  public void writeJson(OutputStream out) throws IOException {
    new ObjectMapper().registerModule(new Jdk8Module()).enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(new NonClosing(out), this);
    out.write('\n');
  }

  public void writeTable(PrintStream out) {
    line(out, "Image", image);
    reference.ifPresent(r -> line(out, "Reference", r));
    line(out, "Digest", digest);
    indexDigest.ifPresent(d -> line(out, "Index", d));
    line(out, "Media type", mediaType);
    line(out, "Platform", platform);
    line(out, "Config", configDigest);
    line(out, "Created", created.orElse("unknown"));
    line(out, "User", user.isEmpty() ? "(not set: root)" : user);
    line(out, "Working dir", workingDir.isEmpty() ? "(not set)" : workingDir);
    line(out, "Entrypoint", entrypoint.isEmpty() ? "(none)" : String.join(" ", entrypoint));
    line(out, "Cmd", cmd.isEmpty() ? "(none)" : String.join(" ", cmd));
    line(out, "Env", env.isEmpty() ? "(none)" : String.join(", ", env));
    line(out, "Exposed ports", exposedPorts.isEmpty() ? "(none)" : String.join(", ", exposedPorts));
    line(out, "Healthcheck", healthcheck.map(h -> String.join(" ", h)).orElse("(none)"));
    if (labels.isEmpty()) {
      line(out, "Labels", "(none)");
    } else {
      labels.forEach((k, v) -> line(out, "Label", k + "=" + v));
    }
    out.printf("%nLayers: %d, %s compressed%s%n", layers.size(), ByteFormat.human(compressedSize),
        uncompressedSize.map(u -> ", " + ByteFormat.human(u) + " uncompressed").orElse(""));
    out.printf("  %-3s %-19s %-19s %10s %12s  %s%n", "#", "DIGEST", "DIFFID", "SIZE", "UNCOMPRESSED", "MEDIA TYPE");
    for (int i = 0; i < layers.size(); i++) {
      LayerRow r = layers.get(i);
      out.printf("  %-3d %-19s %-19s %10s %12s  %s%n", i + 1, shortDigest(r.digest()), shortDigest(r.diffId()),
          r.compressedSize() < 0 ? "-" : ByteFormat.human(r.compressedSize()),
          r.uncompressedSize().map(ByteFormat::human).orElse("-"), r.mediaType());
    }
  }

  private static void line(PrintStream out, String label, String value) {
    out.printf("%-14s %s%n", label + ":", value);
  }

  private static String shortDigest(String digest) {
    int colon = digest.indexOf(':');
    return digest.substring(0, Math.min(digest.length(), colon + 13));
  }

  /** Jackson closes the stream it writes to; standard output must stay open. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
