package io.wharf.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders charts/wharf with helm-java (Helm's engine, in process) and parses the manifests. */
final class Chart {

    static final String RELEASE = "wharf";
    static final String NAMESPACE = "wharf-system";
    static final String KUBE_VERSION = "1.31.0";

    private static final YAMLMapper YAML = new YAMLMapper();

    private Chart() {
    }

    static Path dir() {
        String configured = System.getProperty("wharf.chart.dir");
        Path dir = configured != null ? Paths.get(configured) : Paths.get("wharf");
        if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            throw new IllegalStateException("no Chart.yaml in " + dir.toAbsolutePath());
        }
        return dir;
    }

    /** A values file of src/test/resources/values, from the test class path. */
    static Path valuesFile(String name) {
        URL url = Chart.class.getResource("/values/" + name);
        if (url == null) {
            throw new IllegalStateException("no values file values/" + name + " on the test class path");
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Renders with the given values files (under src/test/resources/values) and --set pairs. */
    static Manifests render(List<String> valuesFiles, Map<String, Object> sets) {
        TemplateCommand template = new Helm(dir()).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (String file : valuesFiles) {
            template = template.withValuesFile(valuesFile(file));
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return Manifests.parse(template.call());
    }

    static Manifests render(String... valuesFiles) {
        return render(List.of(valuesFiles), Map.of());
    }

    /** The rendered objects, in Helm's order. */
    static final class Manifests {
        final String text;
        final List<JsonNode> objects;

        private Manifests(String text, List<JsonNode> objects) {
            this.text = text;
            this.objects = objects;
        }

        static Manifests parse(String text) {
            List<JsonNode> objects = new ArrayList<>();
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
                while (docs.hasNextValue()) {
                    JsonNode doc = docs.nextValue();
                    if (doc != null && doc.isObject() && doc.has("kind")) {
                        objects.add(doc);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("rendered manifests are not YAML", e);
            }
            return new Manifests(text, objects);
        }

        List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).collect(Collectors.toList());
        }

        Optional<JsonNode> find(String kind, String name) {
            return ofKind(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
        }

        JsonNode get(String kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError(
                    "no " + kind + " named " + name + "; rendered: " + names()));
        }

        List<String> names() {
            return objects.stream()
                    .map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText())
                    .collect(Collectors.toList());
        }

        /** The data of the ConfigMap of one component (<release>-<component>). */
        JsonNode config(String component) {
            return get("ConfigMap", RELEASE + "-" + component).path("data");
        }

        /** The pod template of the workload (Deployment, DaemonSet or StatefulSet) of one component. */
        JsonNode podTemplate(String kind, String component) {
            return get(kind, RELEASE + "-" + component).path("spec").path("template");
        }
    }

    /** The container named name in a pod template. */
    static JsonNode container(JsonNode podTemplate, String name) {
        for (JsonNode c : podTemplate.path("spec").path("containers")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no container " + name + " in " + podTemplate);
    }

    /** The env entry named name of a container, or a missing node. */
    static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        return MissingNode.getInstance();
    }
}
