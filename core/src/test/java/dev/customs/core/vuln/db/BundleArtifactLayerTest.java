package dev.customs.core.vuln.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.image.Digest;
import dev.customs.core.registry.FetchedManifest;
import dev.customs.core.registry.MediaTypes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which manifests {@code db pull} accepts as a bundle, and what it says about the others. */
class BundleArtifactLayerTest {
  private static final BundleReference REF = BundleReference.parse("oci://registry.example/db:1");
  private static final String SHA = "sha256:" + "abababababababababababababababab" + "abababababababababababababababab";
  private static final String SHA512 = "sha512:"
      + "abababababababababababababababab" + "abababababababababababababababab"
      + "abababababababababababababababab" + "abababababababababababababababab";
  private static final String BUNDLE_LAYER =
      "{'mediaType':'application/vnd.customs.vulndb.layer.v1.sqlite','digest':'" + SHA + "','size':4096}";

  private static FetchedManifest fetched(String mediaType, String json) {
    byte[] bytes = json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    return new FetchedManifest(mediaType, Digest.sha256(bytes), bytes);
  }

  @Test
  void aBundleManifestYieldsItsLayer() throws Exception {
    String json = "{'artifactType':'application/vnd.customs.vulndb.v1','layers':[" + BUNDLE_LAYER + "]}";
    BundleArtifactLayer layer = BundleArtifactLayer.of(REF, fetched(MediaTypes.OCI_MANIFEST, json));
    assertThat(layer).isEqualTo(new BundleArtifactLayer(Digest.parse(SHA), 4096));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "container image | application/vnd.oci.image.manifest.v1+json"
          + " | {'config':{'mediaType':'application/vnd.oci.image.config.v1+json'},'layers':[]}"
          + " | holds an OCI image (config application/vnd.oci.image.config.v1+json), not a Customs vulnerability"
          + " bundle (artifactType application/vnd.customs.vulndb.v1); refusing to install it",
      "image index | application/vnd.oci.image.index.v1+json | {'manifests':[]}"
          + " | holds an image index (application/vnd.oci.image.index.v1+json), not a Customs vulnerability bundle",
      "docker image | application/vnd.docker.distribution.manifest.v2+json | {'layers':[]}"
          + " | holds a manifest of media type application/vnd.docker.distribution.manifest.v2+json, not a Customs",
      "other artifact | application/vnd.oci.image.manifest.v1+json"
          + " | {'artifactType':'application/vnd.example.sbom','layers':[]}"
          + " | holds an artifact of type application/vnd.example.sbom, not a Customs vulnerability bundle",
      "two layers | application/vnd.oci.image.manifest.v1+json"
          + " | {'artifactType':'application/vnd.customs.vulndb.v1','layers':["
          + BUNDLE_LAYER + "," + BUNDLE_LAYER + "]}"
          + " | without exactly one layer of media type application/vnd.customs.vulndb.layer.v1.sqlite",
      "wrong layer type | application/vnd.oci.image.manifest.v1+json"
          + " | {'artifactType':'application/vnd.customs.vulndb.v1','layers':[{'mediaType':'application/x.tar',"
          + "'digest':'" + SHA + "','size':1}]}"
          + " | without exactly one layer of media type application/vnd.customs.vulndb.layer.v1.sqlite",
      "sha512 layer | application/vnd.oci.image.manifest.v1+json"
          + " | {'artifactType':'application/vnd.customs.vulndb.v1','layers':[{'mediaType':"
          + "'application/vnd.customs.vulndb.layer.v1.sqlite','digest':'" + SHA512 + "','size':1}]}"
          + " | is not a sha256 digest",
      "bad digest | application/vnd.oci.image.manifest.v1+json"
          + " | {'artifactType':'application/vnd.customs.vulndb.v1','layers':[{'mediaType':"
          + "'application/vnd.customs.vulndb.layer.v1.sqlite','digest':'sha256:xyz','size':1}]}"
          + " | the bundle layer's digest is invalid",
      "no size | application/vnd.oci.image.manifest.v1+json"
          + " | {'artifactType':'application/vnd.customs.vulndb.v1','layers':[{'mediaType':"
          + "'application/vnd.customs.vulndb.layer.v1.sqlite','digest':'" + SHA + "'}]}"
          + " | the bundle layer has no size",
  })
  void anythingElseIsRefusedSayingWhatItIs(String name, String mediaType, String json, String reason) {
    assertThatThrownBy(() -> BundleArtifactLayer.of(REF, fetched(mediaType, json)))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith(REF.toString())
        .hasMessageContaining(reason);
  }
}
