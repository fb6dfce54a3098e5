package dev.customs.core.vuln.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.core.vuln.model.EpssScore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FIRST EPSS scores: the daily CSV ({@code epss_scores-YYYY-MM-DD.csv.gz}: a
 * {@code #model_version:…,score_date:…} comment, then {@code cve,epss,percentile}) and the older
 * JSON day ({@code {score_date, data:[{id, epss}]}}, EPSS v1, no percentile).
 */
public final class EpssFeed implements VulnFeed {
  private static final Pattern SCORE_DATE = Pattern.compile("score_date:(\\d{4}-\\d{2}-\\d{2})");

  @Override
  public String kind() {
    return "epss";
  }

  @Override
  public void read(FeedSource source, FeedSink sink) throws IOException {
    source.forEachDocument(document -> {
      if (document.plainName().endsWith(".csv")) {
        readCsv(document, sink);
      } else if (document.plainName().endsWith(".json")) {
        FeedTrees.parse(document, sink, (doc, tree) -> readJson(tree, sink));
      }
    });
  }

  private static void readJson(JsonNode tree, FeedSink sink) {
    JsonNode data = tree.get("data");
    if (data == null || !data.isArray()) {
      throw new MalformedRecordException("not an EPSS day: no 'data' list");
    }
    LocalDate day = JsonFields.date(tree, "score_date");
    if (day == null) {
      throw new MalformedRecordException("missing required field 'score_date'");
    }
    sink.feedTimestamp(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    for (JsonNode item : data) {
      String id = JsonFields.text(item, "id");
      try {
        JsonFields.required(item, "id");
        sink.epss(new EpssScore(id, number(JsonFields.required(item, "epss")), null, day));
      } catch (MalformedRecordException | IllegalArgumentException e) {
        sink.malformed(id.isEmpty() ? "EPSS entry without id" : id, e.getMessage());
      }
    }
  }

  private static void readCsv(FeedDocument document, FeedSink sink) throws IOException {
    LocalDate day = null;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(document.open(), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        if (line.startsWith("#")) {
          Matcher m = SCORE_DATE.matcher(line);
          if (m.find()) {
            day = LocalDate.parse(m.group(1));
            sink.feedTimestamp(day.atStartOfDay(ZoneOffset.UTC).toInstant());
          }
        } else if (!line.isBlank() && !line.startsWith("cve,")) {
          csvLine(document.name() + " line " + number, line, day, sink);
        }
      }
    } catch (IOException e) {
      sink.malformed(document.name(), "cannot be read: " + e);
    }
  }

  private static void csvLine(String where, String line, LocalDate day, FeedSink sink) {
    String[] cells = line.split(",", -1);
    try {
      if (day == null) {
        throw new MalformedRecordException("scores before any '#…score_date:' comment line");
      }
      if (cells.length < 2 || !cells[0].startsWith("CVE-")) {
        throw new MalformedRecordException("expected 'cve,epss,percentile', got: " + line);
      }
      Double percentile = cells.length > 2 && !cells[2].isBlank() ? number(cells[2]) : null;
      sink.epss(new EpssScore(cells[0].strip(), number(cells[1]), percentile, day));
    } catch (MalformedRecordException | IllegalArgumentException e) {
      sink.malformed(where, e.getMessage());
    }
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new MalformedRecordException("not a number: " + text);
    }
  }
}
