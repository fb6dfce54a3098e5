package dev.customs.core.registry.provider;

import java.io.IOException;
import java.util.List;

/**
 * Lists what one registry holds, the way that registry allows ({@code _catalog}, a vendor API).
 * {@link EnumerationRun} applies filters, limits and the resume cursor on top; implementations only
 * list. {@link #tags} is called from several threads at once.
 */
public interface RegistryEnumerator extends AutoCloseable {

  /** Every repository path, as image references write it after the host (e.g. {@code team/app}). */
  List<String> repositories() throws IOException;

  /** Every tag of one repository, with push dates and digests where the API shows them. */
  List<TagInfo> tags(String repository) throws IOException;

  @Override
  void close();
}
