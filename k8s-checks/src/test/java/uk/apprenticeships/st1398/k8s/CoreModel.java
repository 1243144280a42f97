package uk.apprenticeships.st1398.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Core Kubernetes objects checked against the Kubernetes API types (fabric8 kubernetes-model, generated from the
 * Kubernetes OpenAPI definitions): each object is read into its typed class, so a wrong type fails, and every
 * field the type does not declare - which the model keeps aside in {@code additionalProperties} - is reported as
 * unknown, at its path.
 */
final class CoreModel {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Map<String, Class<?>> TYPES = Map.of(
            "v1 Namespace", Namespace.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 Service", Service.class,
            "apps/v1 Deployment", Deployment.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class);

    private CoreModel() {}

    static boolean knows(JsonNode resource) {
        return TYPES.containsKey(key(resource));
    }

    /** The problems of one core object (empty: valid). */
    static List<String> errors(JsonNode resource) {
        Class<?> type = TYPES.get(key(resource));
        if (type == null) {
            return List.of("not a core type these checks know: " + key(resource));
        }
        return errors(resource, type);
    }

    /** The problems of a metadata block (custom resources: their CRD schemas leave metadata open). */
    static List<String> metadataErrors(JsonNode metadata) {
        return errors(metadata, ObjectMeta.class).stream()
                .map(e -> "metadata" + e)
                .toList();
    }

    private static List<String> errors(JsonNode node, Class<?> type) {
        Object typed;
        try {
            typed = MAPPER.treeToValue(node, type);
        } catch (Exception e) {
            return List.of(": " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> errors = new ArrayList<>();
        walk(typed, "", errors);
        return errors;
    }

    private static String key(JsonNode resource) {
        return resource.path("apiVersion").asText() + " "
                + resource.path("kind").asText();
    }

    private static void walk(Object value, String path, List<String> errors) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", errors);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, errors));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child;
            try {
                if (getter.getName().equals("getAdditionalProperties")) {
                    Map<?, ?> unknown = (Map<?, ?>) getter.invoke(value);
                    if (unknown != null && !unknown.isEmpty()) {
                        errors.add(path + ": unknown field(s) " + unknown.keySet());
                    }
                    continue;
                }
                Class<?> returns = getter.getReturnType();
                boolean nested = returns.getName().startsWith("io.fabric8.")
                        || Collection.class.isAssignableFrom(returns)
                        || Map.class.isAssignableFrom(returns);
                if (!nested) {
                    continue;
                }
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            String name = getter.getName().substring(3);
            walk(child, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), errors);
        }
    }
}
