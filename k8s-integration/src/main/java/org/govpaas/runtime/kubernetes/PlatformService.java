package org.govpaas.runtime.kubernetes;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A platform service an app may reach (the database, Keycloak): the only egress a department's
 * network policies allow besides DNS. It lives either outside the cluster (a CIDR) or in a
 * namespace of the cluster (namespace labels, optionally narrowed to pods by labels).
 *
 * @param name            for the reader of the policy, e.g. {@code database}
 * @param cidr            e.g. {@code 10.0.5.0/24}; null when the service runs in the cluster
 * @param namespaceLabels labels of the service's namespace; empty when {@code cidr} is set
 * @param podLabels       labels of the service's pods; empty selects every pod of the namespace
 * @param port            the TCP port
 */
public record PlatformService(String name, String cidr, Map<String, String> namespaceLabels,
                              Map<String, String> podLabels, int port) {

    private static final Pattern CIDR = Pattern.compile("^[0-9a-fA-F:.]+/[0-9]{1,3}$");

    public PlatformService {
        namespaceLabels = Map.copyOf(namespaceLabels);
        podLabels = Map.copyOf(podLabels);
        if ((cidr == null) == namespaceLabels.isEmpty()) {
            throw new IllegalArgumentException("platform service " + name
                    + ": give either a CIDR or namespace labels, not both or neither");
        }
        if (cidr != null && !CIDR.matcher(cidr).matches()) {
            throw new IllegalArgumentException("platform service " + name + ": not a CIDR: " + cidr);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("platform service " + name + ": port out of range: " + port);
        }
    }

    public static PlatformService outside(String name, String cidr, int port) {
        return new PlatformService(name, cidr, Map.of(), Map.of(), port);
    }

    public static PlatformService inNamespace(String name, Map<String, String> namespaceLabels,
                                              Map<String, String> podLabels, int port) {
        return new PlatformService(name, null, namespaceLabels, podLabels, port);
    }
}
