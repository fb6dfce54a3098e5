package dev.customs.server.scanning;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.core.image.Digest;
import dev.customs.core.inventory.LayerAnalysis;
import dev.customs.core.inventory.cache.LayerCache;
import dev.customs.server.common.SqlTimes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The core layer cache in the database, so every replica shares each layer's analysis: a base layer
 * is analyzed once for the whole cluster. Entries are gzip-compressed JSON (core's Jackson 2 model,
 * as the CLI's disk cache writes it). An existing entry (another replica's, or one this build cannot
 * read) is replaced. Statements run outside any transaction: layers are stored from the scanner's
 * analysis threads, and a duplicate key must not abort other work.
 */
@Component
public class DatabaseLayerCache implements LayerCache {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final JdbcClient jdbc;
  private final Clock clock;

  public DatabaseLayerCache(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<LayerAnalysis> get(Digest diffId, String analyzersKey) {
    try {
      return jdbc.sql("select content from layer_cache where diff_id = ? and analyzers_key = ?")
          .params(diffId.toString(), analyzersKey).query((rs, row) -> rs.getBytes("content")).optional()
          .flatMap(DatabaseLayerCache::decode)
          .filter(a -> a.diffId().equals(diffId) && a.analyzersKey().equals(analyzersKey));
    } catch (DataAccessException e) {
      return Optional.empty(); // a cache miss, never a failed scan
    }
  }

  @Override
  public void put(LayerAnalysis analysis) {
    if (!analysis.complete()) {
      return;
    }
    byte[] content = encode(analysis);
    try {
      try {
        jdbc.sql("insert into layer_cache (diff_id, analyzers_key, content, created_at) values (?, ?, ?, ?)")
            .params(analysis.diffId().toString(), analysis.analyzersKey(), content, SqlTimes.param(clock.instant()))
            .update();
      } catch (DuplicateKeyException exists) {
        jdbc.sql("update layer_cache set content = ?, created_at = ? where diff_id = ? and analyzers_key = ?")
            .params(content, SqlTimes.param(clock.instant()), analysis.diffId().toString(), analysis.analyzersKey())
            .update();
      }
    } catch (DataAccessException e) {
      throw new UncheckedIOException(new IOException("cannot store layer " + analysis.diffId()
          + " in the layer cache table: " + e.getMessage(), e));
    }
  }

  public long size() {
    return jdbc.sql("select count(*) from layer_cache").query(Long.class).single();
  }

  private static byte[] encode(LayerAnalysis analysis) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      JSON.writeValue(out, analysis);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode layer " + analysis.diffId(), e);
    }
    return bytes.toByteArray();
  }

  private static Optional<LayerAnalysis> decode(byte[] content) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
      return Optional.of(JSON.readValue(in, LayerAnalysis.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // written by an incompatible build: a miss, replaced by the next put
    }
  }
}
