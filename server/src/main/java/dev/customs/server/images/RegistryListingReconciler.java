package dev.customs.server.images;

import dev.customs.core.registry.provider.EnumerationReport;
import dev.customs.core.registry.provider.RepositoryTags;
import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.SqlTimes;
import dev.customs.server.registries.Registry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a pull's listing says about images already registered: a tag the registry still lists was
 * seen now; a tag missing from a repository the registry listed, or a repository the registry no
 * longer lists, was deleted there (cleanup removes it later). Tags that filters or limits left out
 * of the pull still count as listed, and repositories whose tags could not be listed are left as
 * they are: only what the registry itself no longer shows is marked.
 */
@Service
public class RegistryListingReconciler {
  private final JdbcClient jdbc;
  private final ImageRepository images;
  private final AuditLog audit;
  private final Clock clock;

  public RegistryListingReconciler(JdbcClient jdbc, ImageRepository images, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.images = images;
    this.audit = audit;
    this.clock = clock;
  }

  /** @return how many images were marked deleted */
  @Transactional
  public int reconcile(Registry registry, EnumerationReport listing) {
    Instant now = clock.instant();
    int deleted = 0;
    for (RepositoryTags repository : listing.repositories()) {
      List<TaggedImage> known = jdbc.sql("""
          select id, tag from images where registry_id = ? and repository = ? and tag is not null
            and deleted_at is null""")
          .params(registry.id(), repository.repository())
          .query((rs, row) -> new TaggedImage(rs.getObject("id", UUID.class), rs.getString("tag"))).list();
      for (TaggedImage image : known) {
        if (repository.listed().contains(image.tag())) {
          images.markSeen(image.id(), now);
        } else {
          jdbc.sql("update images set deleted_at = ? where id = ?").params(SqlTimes.param(now), image.id()).update();
          deleted++;
        }
      }
    }
    Set<String> present = new HashSet<>(listing.registryRepositories());
    List<String> gone = jdbc.sql("select distinct repository from images where registry_id = ? and deleted_at is null")
        .param(registry.id()).query(String.class).list().stream().filter(r -> !present.contains(r)).toList();
    for (String repository : gone) {
      deleted += images.markDeleted(registry.id(), repository, null, null, now);
    }
    if (deleted > 0) {
      audit.record("image.deleted-in-registry", "registry", registry.id(), "pull listing: images=" + deleted
          + (gone.isEmpty() ? "" : " repositories gone=" + gone));
    }
    return deleted;
  }

  private record TaggedImage(UUID id, String tag) {}
}
