package dev.customs.cli.command;

import dev.customs.core.vuln.db.BundleArtifact;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.BundleReference;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code customs db push oci://HOST/REPO:TAG}: publish the bundle to a registry as an OCI artifact. */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = "Push the vulnerability database (checked against its .sha256 first) to a registry as an OCI"
        + " artifact, for sites that mirror it with their own registries.")
final class DbPushCommand extends DbTransferCommand {
  @Parameters(paramLabel = "oci://HOST/REPO:TAG", description = "Where to push the bundle.")
  String reference;

  @Override
  String reference() {
    return reference;
  }

  @Override
  String transfer(BundleArtifact artifact, BundleReference ref, Path bundle) throws IOException, BundleException {
    return "pushed " + bundle + " to " + ref + " (manifest " + artifact.push(bundle, ref) + ")";
  }
}
