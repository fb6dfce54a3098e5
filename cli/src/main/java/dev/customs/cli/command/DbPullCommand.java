package dev.customs.cli.command;

import dev.customs.core.vuln.db.BundleArtifact;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.core.vuln.db.BundleReference;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code customs db pull oci://HOST/REPO:TAG}: install a bundle that {@code db push} published. */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = "Pull a vulnerability database pushed with 'customs db push' and install it after checking its"
        + " checksum and schema version; anything else under the tag is refused.")
final class DbPullCommand extends DbTransferCommand {
  @Parameters(paramLabel = "oci://HOST/REPO:TAG", description = "Where the bundle was pushed.")
  String reference;

  @Override
  String reference() {
    return reference;
  }

  @Override
  String transfer(BundleArtifact artifact, BundleReference ref, Path target) throws IOException, BundleException {
    BundleMetadata meta = artifact.pull(ref, target);
    return "installed " + ref + " as " + target + " (built " + meta.builtAt() + ", sha256 " + meta.sha256() + ")";
  }
}
