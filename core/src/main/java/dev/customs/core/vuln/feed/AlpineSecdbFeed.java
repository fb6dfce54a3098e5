package dev.customs.core.vuln.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.vuln.model.Advisory;
import dev.customs.core.vuln.model.AffectedPackage;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.EcosystemKeys;
import dev.customs.core.vuln.model.EventKind;
import dev.customs.core.vuln.model.RangeEvent;
import dev.customs.core.vuln.model.RangeType;
import dev.customs.core.vuln.model.VersionRange;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Alpine's secdb ({@code https://secdb.alpinelinux.org/v3.20/main.json}): per package (the aports
 * ORIGIN, i.e. source package) a map from the version that fixed something to the ids it fixed.
 *
 * <p>The version {@code "0"} is Alpine's way of saying the package was never affected (the CVE does
 * not apply to Alpine's build, or was a false positive): those become {@link AffectedStatus#NOT_AFFECTED}
 * rows without ranges, never a range that would match everything. An id entry may carry extra ids
 * after a space ({@code "CVE-2021-27219 GHSL-2021-045"}): the first is the id, the rest aliases.
 */
public final class AlpineSecdbFeed implements VulnFeed {
  @Override
  public String kind() {
    return "alpine-secdb";
  }

  @Override
  public void read(FeedSource source, FeedSink sink) throws java.io.IOException {
    FeedTrees.each(source, sink, name -> name.endsWith(".json"), (document, tree) -> {
      String ecosystemKey = EcosystemKeys.alpine(JsonFields.required(tree, "distroversion"));
      JsonNode packages = tree.path("packages");
      if (!packages.isArray()) {
        throw new MalformedRecordException("no 'packages' list");
      }
      for (JsonNode entry : packages) {
        try {
          readPackage(ecosystemKey, entry.path("pkg"), sink);
        } catch (MalformedRecordException e) {
          sink.malformed(document.name(), e.getMessage());
        }
      }
    });
  }

  private static void readPackage(String ecosystemKey, JsonNode pkg, FeedSink sink) {
    String name = JsonFields.required(pkg, "name");
    for (Map.Entry<String, JsonNode> fix : pkg.path("secfixes").properties()) {
      String version = fix.getKey().strip();
      for (String ids : JsonFields.texts(pkg.path("secfixes"), fix.getKey())) {
        String[] parts = ids.split("\\s+");
        if (parts[0].isEmpty()) {
          continue;
        }
        sink.advisory(new Advisory(parts[0], Arrays.asList(parts).subList(1, parts.length), List.of(), "", "",
            null, null, List.of(), List.of(), List.of(), List.of(), List.of(affected(ecosystemKey, name, version))));
      }
    }
  }

  private static AffectedPackage affected(String ecosystemKey, String name, String version) {
    if (version.equals("0")) {
      return new AffectedPackage(ecosystemKey, name, List.of(), List.of(), AffectedStatus.NOT_AFFECTED, "", null);
    }
    VersionRange range = new VersionRange(RangeType.ECOSYSTEM,
        List.of(new RangeEvent(EventKind.INTRODUCED, "0"), new RangeEvent(EventKind.FIXED, version)));
    return new AffectedPackage(ecosystemKey, name, List.of(range), List.of(), AffectedStatus.FIXED, version, null);
  }
}
