package com.chatcommerce.manualpayments.tooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.chatcommerce.manualpayments.process.ManualPaymentProcess;
import io.camunda.security.configuration.ConfiguredAuthorization;
import io.camunda.security.configuration.ConfiguredGroup;
import io.camunda.security.configuration.ConfiguredUser;
import io.camunda.security.configuration.InitializationConfiguration;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.security.validation.AuthorizationValidator;
import io.camunda.security.validation.GroupValidator;
import io.camunda.security.validation.IdentifierValidator;
import io.camunda.zeebe.protocol.record.value.AuthorizationOwnerType;
import io.camunda.zeebe.protocol.record.value.AuthorizationResourceType;
import io.camunda.zeebe.protocol.record.value.EntityType;
import io.camunda.zeebe.protocol.record.value.PermissionType;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as the real cluster's users meet it, checked without Docker: the file as
 * {@code docker-compose --env-file .env.example config} resolves it, and the orchestration
 * cluster's mounted configuration bound to Camunda's own 8.8 configuration classes and checked by
 * Camunda's own validators (the 8.8.21 jars the in-memory engine brings to the test classpath).
 */
class ComposeStackTest {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Pattern SHORT_PORT =
      Pattern.compile("^(?:([^:]+):)?(\\d+):(\\d+)(?:/\\w+)?$");

  private static Map<String, Object> services;
  private static Map<String, String> camundaEnvironment;
  private static Binder orchestration;
  private static InitializationConfiguration initialization;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void resolveTheStack() throws Exception {
    Map<String, Object> config = new Yaml().load(dockerComposeConfig());
    services = (Map<String, Object>) config.get("services");
    camundaEnvironment = environment(service("camunda"));

    // Placeholders resolve from the container's environment only, as they would in the container.
    MutablePropertySources sources = new MutablePropertySources();
    new YamlPropertySourceLoader()
        .load(
            "orchestration",
            new FileSystemResource(ROOT.resolve(".orchestration/application.yaml")))
        .forEach(sources::addLast);
    sources.addLast(new MapPropertySource("container-environment", Map.copyOf(camundaEnvironment)));
    orchestration =
        new Binder(
            ConfigurationPropertySources.from(sources),
            new PropertySourcesPlaceholdersResolver(sources));
    initialization =
        orchestration
            .bind("camunda.security", SecurityConfiguration.class)
            .get()
            .getInitialization();
  }

  @Test
  void camundaKeepsItsStateInTheVolumeTheImageWritesTo() {
    assertThat(volumes(service("camunda"))).contains("camunda:/usr/local/camunda/data");
  }

  @Test
  void everyPublishedPortListensOnLoopbackOnly() {
    List<String> published = new ArrayList<>();
    services.forEach((name, service) -> ports(service).forEach(p -> published.add(name + " " + p)));

    assertThat(published)
        .as("the app's, Camunda's and the databases' ports")
        .hasSizeGreaterThanOrEqualTo(6);
    assertThat(published).allSatisfy(p -> assertThat(p).matches("\\S+ 127\\.0\\.0\\.1:\\d+:\\d+"));
  }

  @Test
  void indicesHaveNoReplicasSoTheSingleElasticsearchNodeTurnsGreenAndTheHealthCheckWaitsForGreen() {
    assertThat(orchestration.bind("camunda.database.index.number-of-replicas", Integer.class).get())
        .isZero();
    assertThat(String.join(" ", healthCheck(service("elasticsearch"))))
        .contains("green")
        .doesNotContain("yellow");
  }

  @Test
  void secondaryStorageIsSetOnlyThroughTheUnifiedSettings() {
    assertThat(orchestration.bind("camunda.data.secondary-storage.type", String.class).get())
        .isEqualTo("elasticsearch");
    assertThat(
            orchestration
                .bind("camunda.data.secondary-storage.elasticsearch.url", String.class)
                .get())
        .isEqualTo("http://elasticsearch:9200");
    assertThat(orchestration.bind("zeebe.broker.exporters", Map.class).isBound()).isFalse();
    assertThat(camundaEnvironment.keySet()).noneMatch(k -> k.startsWith("ZEEBE_BROKER_EXPORTERS"));
  }

  /**
   * The broker's RocksDB state and the JVM's own memory live outside the heap, inside the limit.
   */
  @Test
  void theHeapLeavesRoomInsideTheContainersMemoryLimit() {
    String options = camundaEnvironment.get("JAVA_TOOL_OPTIONS");
    Matcher heap = Pattern.compile("-Xmx(\\d+[kmgKMG]?)").matcher(options);
    assertThat(heap.find()).as(options).isTrue();
    assertThat(service("camunda")).as("a memory limit").containsKey("mem_limit");
    long limit = bytes(service("camunda").get("mem_limit").toString());

    assertThat(bytes(heap.group(1)) * 2)
        .as("%s in a %s-byte container", options, limit)
        .isLessThanOrEqualTo(limit);
  }

  /** {@code 3g}, {@code 512m} or plain bytes, as compose and the JVM write sizes. */
  private static long bytes(String size) {
    Matcher m =
        Pattern.compile("(\\d+)\\s*([kmg]?)b?", Pattern.CASE_INSENSITIVE).matcher(size.trim());
    assertThat(m.matches()).as(size).isTrue();
    int shift =
        switch (m.group(2).toLowerCase()) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          default -> 0;
        };
    return Long.parseLong(m.group(1)) << shift;
  }

  @Test
  void camundaImageIsAPatchOfTheClientsMinorVersion() throws IOException {
    String image = service("camunda").get("image").toString();
    Matcher pom =
        Pattern.compile("<camunda.version>(\\d+\\.\\d+)\\.\\d+</camunda.version>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(pom.find()).isTrue();

    assertThat(image).matches("camunda/camunda:" + Pattern.quote(pom.group(1)) + "\\.\\d+");
  }

  @Test
  void managerIsNoAdminAndMayExactlyReviewInTasklist() throws IOException {
    assertThat(user("manager").getPassword())
        .isEqualTo(camundaEnvironment.get("CAMUNDA_MANAGER_PASSWORD"))
        .isNotBlank();
    assertThat(admins()).doesNotContain("manager");
    assertThat(reviewersGroup()).as("the review task's candidate group").isEqualTo("managers");

    assertThat(grantsOf("manager"))
        .containsExactlyInAnyOrder(
            grant(AuthorizationResourceType.COMPONENT, "tasklist", PermissionType.ACCESS),
            grant(
                AuthorizationResourceType.PROCESS_DEFINITION,
                ManualPaymentProcess.PROCESS_ID,
                PermissionType.READ_PROCESS_DEFINITION),
            grant(
                AuthorizationResourceType.PROCESS_DEFINITION,
                ManualPaymentProcess.PROCESS_ID,
                PermissionType.READ_USER_TASK),
            grant(
                AuthorizationResourceType.PROCESS_DEFINITION,
                ManualPaymentProcess.PROCESS_ID,
                PermissionType.UPDATE_USER_TASK));
  }

  @Test
  void analystIsNoAdminAndMayOnlyReadBothProcessesInOperate() {
    assertThat(user("analyst").getPassword())
        .isEqualTo(camundaEnvironment.get("CAMUNDA_ANALYST_PASSWORD"))
        .isNotBlank();
    assertThat(admins()).doesNotContain("analyst");

    List<Grant> expected =
        new ArrayList<>(
            List.of(grant(AuthorizationResourceType.COMPONENT, "operate", PermissionType.ACCESS)));
    for (String process :
        List.of(ManualPaymentProcess.PROCESS_ID, ManualPaymentProcess.REFUND_PROCESS_ID)) {
      expected.add(
          grant(
              AuthorizationResourceType.PROCESS_DEFINITION,
              process,
              PermissionType.READ_PROCESS_DEFINITION));
      expected.add(
          grant(
              AuthorizationResourceType.PROCESS_DEFINITION,
              process,
              PermissionType.READ_PROCESS_INSTANCE));
    }
    assertThat(grantsOf("analyst")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void adminPasswordComesFromTheEnvironment() {
    assertThat(admins()).containsExactly("demo");
    assertThat(user("demo").getPassword())
        .isEqualTo(camundaEnvironment.get("CAMUNDA_DEMO_PASSWORD"))
        .isNotBlank();
  }

  /**
   * What the broker checks when it applies the initialization: Camunda's validators, and each
   * resource type's permissions.
   */
  @Test
  void initializationPassesCamundasOwnChecks() {
    SecurityConfiguration defaults = new SecurityConfiguration();
    IdentifierValidator identifiers =
        new IdentifierValidator(
            defaults.getCompiledIdValidationPattern(),
            defaults.getCompiledGroupIdValidationPattern());
    List<String> errors = new ArrayList<>();
    for (ConfiguredGroup group : initialization.getGroups()) {
      errors.addAll(new GroupValidator(identifiers).validate(group.groupId(), group.name()));
      errors.addAll(
          new GroupValidator(identifiers).validateMembers(group.users(), EntityType.USER));
    }
    for (ConfiguredAuthorization a : initialization.getAuthorizations()) {
      errors.addAll(
          new AuthorizationValidator(identifiers)
              .validate(
                  a.ownerId(), a.ownerType(), a.resourceType(), a.resourceId(), a.permissions()));
      Set<PermissionType> unsupported = new HashSet<>(a.permissions());
      unsupported.removeAll(a.resourceType().getSupportedPermissionTypes());
      if (!unsupported.isEmpty()) {
        errors.add(a.resourceType() + " has no permission " + unsupported);
      }
      if (a.ownerType() == AuthorizationOwnerType.GROUP
          && initialization.getGroups().stream().noneMatch(g -> g.groupId().equals(a.ownerId()))) {
        errors.add("no group " + a.ownerId());
      }
    }
    assertThat(errors).isEmpty();
  }

  // --- reading the stack
  // --------------------------------------------------------------------------

  private record Grant(
      AuthorizationResourceType resourceType, String resourceId, PermissionType permission) {}

  private static Grant grant(AuthorizationResourceType type, String id, PermissionType permission) {
    return new Grant(type, id, permission);
  }

  /** Granted to the user directly or through the groups the user is in. */
  private static List<Grant> grantsOf(String username) {
    Set<String> groups = new HashSet<>();
    initialization.getGroups().stream()
        .filter(g -> g.users().contains(username))
        .forEach(g -> groups.add(g.groupId()));
    List<Grant> grants = new ArrayList<>();
    for (ConfiguredAuthorization a : initialization.getAuthorizations()) {
      boolean owned =
          (a.ownerType() == AuthorizationOwnerType.USER && a.ownerId().equals(username))
              || (a.ownerType() == AuthorizationOwnerType.GROUP && groups.contains(a.ownerId()));
      if (owned) {
        a.permissions().forEach(p -> grants.add(grant(a.resourceType(), a.resourceId(), p)));
      }
    }
    return grants;
  }

  private static ConfiguredUser user(String username) {
    return initialization.getUsers().stream()
        .filter(u -> u.getUsername().equals(username))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no user " + username));
  }

  private static List<String> admins() {
    return List.copyOf(
        initialization
            .getDefaultRoles()
            .getOrDefault("admin", Map.of())
            .getOrDefault("users", List.of()));
  }

  private static String reviewersGroup() throws IOException {
    Matcher m =
        Pattern.compile("candidateGroups=\"([^\"]+)\"")
            .matcher(
                Files.readString(
                    ROOT.resolve("processes/" + ManualPaymentProcess.PROCESS_ID + ".bpmn")));
    assertThat(m.find()).as("a candidate group on the review task").isTrue();
    return m.group(1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) {
    return (Map<String, Object>) services.get(name);
  }

  /** Compose v1 prints environment as a map; a list of NAME=value is accepted as well. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(Map<String, Object> service) {
    Object environment = service.getOrDefault("environment", Map.of());
    Map<String, String> variables = new HashMap<>();
    if (environment instanceof Map<?, ?> map) {
      map.forEach((k, v) -> variables.put(k.toString(), v == null ? "" : v.toString()));
    } else {
      for (String entry : (List<String>) environment) {
        variables.put(
            entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
      }
    }
    return variables;
  }

  /** As {@code host_ip:published:target}, from compose v1's short form or v2's long form. */
  @SuppressWarnings("unchecked")
  private static List<String> ports(Object service) {
    List<String> ports = new ArrayList<>();
    for (Object port :
        (List<Object>) ((Map<String, Object>) service).getOrDefault("ports", List.of())) {
      if (port instanceof Map<?, ?> map) {
        ports.add(map.get("host_ip") + ":" + map.get("published") + ":" + map.get("target"));
      } else {
        Matcher m = SHORT_PORT.matcher(port.toString());
        assertThat(m.matches()).as(port.toString()).isTrue();
        ports.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3));
      }
    }
    return ports;
  }

  /** As {@code source:target}, from compose v1's short form or v2's long form. */
  @SuppressWarnings("unchecked")
  private static List<String> volumes(Map<String, Object> service) {
    List<String> volumes = new ArrayList<>();
    for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
      if (volume instanceof Map<?, ?> map) {
        volumes.add(map.get("source") + ":" + map.get("target"));
      } else {
        String[] parts = volume.toString().split(":");
        volumes.add(parts[0] + ":" + parts[1]);
      }
    }
    return volumes;
  }

  @SuppressWarnings("unchecked")
  private static List<String> healthCheck(Map<String, Object> service) {
    return (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test");
  }

  private static String dockerComposeConfig() throws IOException, InterruptedException {
    Path output = Files.createTempFile("compose-config-", ".yaml");
    try {
      Process process =
          new ProcessBuilder("docker-compose", "--env-file", ".env.example", "config")
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("docker-compose config did not finish within a minute");
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        fail("docker-compose --env-file .env.example config failed:\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new IOException(
          "docker-compose is missing: apt-get install -y docker-compose (.ci/run does)", e);
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
