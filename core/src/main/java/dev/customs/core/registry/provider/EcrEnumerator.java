package dev.customs.core.registry.provider;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * ECR's {@code DescribeRepositories} and, per repository, {@code DescribeImages} (tags, digest and
 * push time in one call; {@code ListImages} would need a second call for dates). Both paginate with
 * {@code nextToken}, which the SDK paginators follow.
 */
final class EcrEnumerator implements RegistryEnumerator {
  private final EcrClient ecr;
  private final String registryId;

  EcrEnumerator(EcrClient ecr, String registryId) {
    this.ecr = ecr;
    this.registryId = registryId;
  }

  @Override
  public List<String> repositories() throws IOException {
    try {
      return ecr.describeRepositoriesPaginator(DescribeRepositoriesRequest.builder().registryId(registryId).build())
          .repositories().stream().map(Repository::repositoryName).toList();
    } catch (SdkException e) {
      throw new IOException("ECR DescribeRepositories failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<TagInfo> tags(String repository) throws IOException {
    List<TagInfo> tags = new ArrayList<>();
    try {
      DescribeImagesRequest request = DescribeImagesRequest.builder().registryId(registryId)
          .repositoryName(repository).build();
      for (ImageDetail image : ecr.describeImagesPaginator(request).imageDetails()) {
        for (String tag : image.imageTags()) {
          tags.add(new TagInfo(tag, image.imagePushedAt(), image.imageDigest()));
        }
      }
    } catch (SdkException e) {
      throw new IOException("ECR DescribeImages failed for " + repository + ": " + e.getMessage(), e);
    }
    return tags;
  }

  @Override
  public void close() {
    ecr.close();
  }
}
