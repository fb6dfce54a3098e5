package dev.customs.cli.command;

import dev.customs.core.vuln.db.BundleArtifact;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.core.vuln.db.BundleReference;
import java.io.IOException;
import dev.customs.cli.ExitCode;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code customs db pull oci://HOST/REPO:TAG}: install a bundle that {@code db push} published;
 * {@code customs db pull --server URL}: install the bundle a Customs server matches with.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = "Pull a vulnerability database pushed with 'customs db push', or the one a Customs server uses"
        + " (--server), and install it after checking its checksum and schema version; anything else is refused.")
final class DbPullCommand extends DbTransferCommand {
  @Parameters(paramLabel = "oci://HOST/REPO:TAG", arity = "0..1", description = "Where the bundle was pushed.")
  String reference;

  @Option(names = "--server", paramLabel = "URL",
      description = "Pull from a Customs server instead (its GET /api/v1/db/bundle); skipped when unchanged.")
  String server;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:CUSTOMS_TOKEN}",
      description = "API token for --server (default: $CUSTOMS_TOKEN; prefer the variable: a flag is visible to"
          + " other users).")
  String token;

  @Override
  public Integer call() {
    if ((server == null) == (reference == null)) {
      spec.commandLine().getErr().println(spec.qualifiedName(" ") + ": give either oci://HOST/REPO:TAG or --server URL");
      return ExitCode.USAGE;
    }
    if (server == null) {
      return super.call();
    }
    try {
      spec.commandLine().getOut().println(new ServerBundlePull(server, token).pull(location.path()));
      return ExitCode.OK;
    } catch (BundleException | IOException e) {
      spec.commandLine().getErr().println(spec.qualifiedName(" ") + ": " + e.getMessage());
      return ExitCode.DB_UNAVAILABLE;
    }
  }

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
