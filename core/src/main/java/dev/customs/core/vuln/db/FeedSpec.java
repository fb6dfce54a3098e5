package dev.customs.core.vuln.db;

/**
 * One feed to build from, as given on the command line ({@code --feed osv=/data/osv.zip}).
 *
 * @param kind the importer kind ({@code osv}, {@code nvd}…)
 * @param location a file, directory, zip or http(s) URL
 */
public record FeedSpec(String kind, String location) {
  /** Parses {@code KIND=PATH_OR_URL}. */
  public static FeedSpec parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new IllegalArgumentException("a feed is KIND=PATH_OR_URL, e.g. osv=./osv-data, not '" + text + "'");
    }
    return new FeedSpec(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
  }
}
