package dev.customs.core.report;

import dev.customs.core.inventory.AnalysisProblem;
import dev.customs.core.inventory.ImageFacts;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.inventory.InventoryPackage;
import dev.customs.core.inventory.InventorySecret;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A plain-text summary for people: the image, its OS, a count per ecosystem, then one row per package. */
public final class InventoryTableFormat implements SbomFormat {
  @Override
  public String name() {
    return "table";
  }

  @Override
  public boolean showsSecrets() {
    return true;
  }

  @Override
  public void write(Inventory inventory, SbomContext context, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    ImageFacts image = inventory.image();
    w.printf("Image:    %s%n", SbomSubject.imageName(image));
    w.printf("Digest:   %s (%s, %d layers)%n", image.manifestDigest(), image.platform(), image.layers().size());
    w.printf("OS:       %s%n", inventory.os().map(o -> o.family() + " " + o.version()).orElse("unknown"));
    Map<String, Long> counts = inventory.packages().stream()
        .collect(Collectors.groupingBy(p -> p.pkg().ecosystem().purlType(), TreeMap::new, Collectors.counting()));
    String perEcosystem = counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    w.printf("Packages: %d%s%n", inventory.packages().size(), counts.isEmpty() ? "" : " (" + perEcosystem + ")");
    w.println();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"TYPE", "NAME", "VERSION", "LAYER", "PATH"});
    for (InventoryPackage p : inventory.packages()) {
      rows.add(new String[] {p.pkg().ecosystem().purlType(), p.pkg().name(), p.pkg().version(),
          p.layerDiffId().shortHex(), String.join(", ", p.pkg().paths())});
    }
    printTable(w, rows);
    for (InventorySecret s : inventory.secrets()) {
      w.printf("%nSecret %s (%s) in %s:%d, layer %s%n", s.finding().ruleId(), s.finding().severity(),
          s.finding().path(), s.finding().line(), s.layerDiffId().shortHex());
    }
    if (!inventory.problems().isEmpty()) {
      w.printf("%n%d problem(s); the inventory may be incomplete:%n", inventory.problems().size());
      for (AnalysisProblem p : inventory.problems()) {
        w.printf("  %s%s%n", p.path().isEmpty() ? "" : p.path() + ": ", p.reason());
      }
    }
    w.flush();
  }

  /** Left-aligned columns as wide as their widest cell; the first row is the header. */
  static void printTable(PrintWriter w, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      w.println(line.toString().stripTrailing());
    }
  }
}
