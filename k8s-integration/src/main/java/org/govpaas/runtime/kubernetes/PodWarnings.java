package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a pod that is neither ready nor failing is stuck, when only Events say so: a sandbox the
 * node cannot create (a RuntimeClass handler such as {@code kata} missing on the node), a volume
 * that will not mount, a probe that keeps failing. The newest Warning of each such pod, as
 * {@code <pod>: <reason>: <message>}.
 */
final class PodWarnings {

    private PodWarnings() {
    }

    static List<String> of(List<Pod> stuck, List<Event> events) {
        Set<String> names = stuck.stream().map(pod -> pod.getMetadata().getName()).collect(Collectors.toSet());
        Map<String, Event> newest = new LinkedHashMap<>();
        events.stream()
                .filter(event -> "Warning".equals(event.getType()))
                .filter(event -> event.getInvolvedObject() != null && "Pod".equals(event.getInvolvedObject().getKind())
                        && names.contains(event.getInvolvedObject().getName()))
                .sorted(Comparator.comparing(PodWarnings::time))
                .forEach(event -> newest.put(event.getInvolvedObject().getName(), event));
        return newest.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + ": " + entry.getValue().getReason() + ": "
                        + Optional.ofNullable(entry.getValue().getMessage()).orElse("").strip())
                .toList();
    }

    /** RFC 3339 times sort as text; the newest of the fields an API server fills. */
    private static String time(Event event) {
        return Optional.ofNullable(event.getLastTimestamp())
                .or(() -> Optional.ofNullable(event.getEventTime()).map(time -> time.getTime()))
                .or(() -> Optional.ofNullable(event.getMetadata().getCreationTimestamp()))
                .orElse("");
    }
}
