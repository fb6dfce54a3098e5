package dev.customs.core.vuln.feed;

import java.util.List;
import java.util.Optional;

/** The feed importers Customs knows: the one list to add a feed kind to. */
public final class Feeds {
  private Feeds() {}

  public static List<VulnFeed> defaults() {
    return List.of(
        new OsvFeed(),
        new DebianTrackerFeed(),
        new AlpineSecdbFeed(),
        new RubysecFeed(),
        new NvdFeed(),
        new KevFeed(),
        new EpssFeed());
  }

  /** The importer of a kind, among the given ones. */
  public static Optional<VulnFeed> byKind(List<VulnFeed> feeds, String kind) {
    return feeds.stream().filter(f -> f.kind().equals(kind)).findFirst();
  }
}
