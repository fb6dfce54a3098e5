package dev.customs.server.images;

import dev.customs.server.common.PageRequest;
import dev.customs.server.common.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code images} table. */
@Repository
public class ImageRepository {
  private final JdbcClient jdbc;

  public ImageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(RegisteredImage i) {
    jdbc.sql("""
        insert into images (id, registry_id, reference, registry_host, repository, tag, digest, platform, source,
          created_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(i.id(), i.registryId(), i.reference(), i.registryHost(), i.repository(), i.tag(), i.digest(),
            i.platform(), i.source(), SqlTimes.param(i.createdAt()), SqlTimes.param(i.createdAt()))
        .update();
  }

  public void updateDigest(UUID id, String digest) {
    jdbc.sql("update images set digest = ? where id = ?").params(digest, id).update();
  }

  /**
   * Marks the registry's images of a repository deleted: those with the tag, or the digest, or
   * (when the event names neither) the whole repository.
   */
  public int markDeleted(UUID registryId, String repository, String tag, String digest, Instant now) {
    if (tag == null && digest == null) {
      return jdbc.sql("""
          update images set deleted_at = ? where registry_id = ? and repository = ? and deleted_at is null""")
          .params(SqlTimes.param(now), registryId, repository).update();
    }
    return jdbc.sql("""
        update images set deleted_at = ? where registry_id = ? and repository = ? and deleted_at is null
          and (tag = ? or digest = ?)""")
        .params(SqlTimes.param(now), registryId, repository, tag, digest).update();
  }

  /** The registry just showed the image exists (a push, or a pull listing); cleanup reads this. */
  public void markSeen(UUID id, Instant now) {
    jdbc.sql("update images set last_seen_at = ? where id = ?").params(SqlTimes.param(now), id).update();
  }

  /** The digest the registry last reported for the image's tag; empty when none was reported yet. */
  public Optional<String> reportedDigest(UUID id) {
    return jdbc.sql("select reported_digest from images where id = ?").param(id)
        .query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(d -> d);
  }

  public void setReportedDigest(UUID id, String digest) {
    jdbc.sql("update images set reported_digest = ? where id = ?").params(digest, id).update();
  }

  public void clearDeleted(UUID id) {
    jdbc.sql("update images set deleted_at = null where id = ?").param(id).update();
  }

  public boolean delete(UUID id) {
    return jdbc.sql("delete from images where id = ?").param(id).update() > 0;
  }

  public Optional<RegisteredImage> findById(UUID id) {
    return jdbc.sql("select * from images where id = ?").param(id).query(ImageRepository::map).optional();
  }

  public Optional<RegisteredImage> find(String reference, String platform) {
    return jdbc.sql("select * from images where reference = ? and platform = ?").params(reference, platform)
        .query(ImageRepository::map).optional();
  }

  /** One page of the images the filter selects, by reference and platform. */
  public List<RegisteredImage> page(ImageFilter filter, PageRequest page) {
    ImageFilter.Where where = filter.where();
    List<Object> params = new ArrayList<>(where.params());
    params.add(page.size());
    params.add(page.offset());
    return jdbc.sql("select i.* from images i left join image_verdicts v on v.image_id = i.id" + where.sql()
        + " order by i.reference, i.platform limit ? offset ?").params(params).query(ImageRepository::map).list();
  }

  public long count(ImageFilter filter) {
    ImageFilter.Where where = filter.where();
    return jdbc.sql("select count(*) from images i left join image_verdicts v on v.image_id = i.id" + where.sql())
        .params(where.params()).query(Long.class).single();
  }

  private static RegisteredImage map(ResultSet rs, int row) throws SQLException {
    return new RegisteredImage(rs.getObject("id", UUID.class), rs.getObject("registry_id", UUID.class),
        rs.getString("reference"), rs.getString("registry_host"), rs.getString("repository"), rs.getString("tag"),
        rs.getString("digest"), rs.getString("platform"), rs.getString("source"), SqlTimes.instant(rs, "created_at"),
        SqlTimes.instant(rs, "deleted_at"));
  }
}
