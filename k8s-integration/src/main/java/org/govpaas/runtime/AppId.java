package org.govpaas.runtime;

import java.util.regex.Pattern;

/**
 * An app within a department. Both parts are DNS labels, checked here so that no runtime ever
 * builds a path, process name or Kubernetes object from an unchecked string.
 */
public record AppId(String department, String name) {

    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$");

    public AppId {
        if (department == null || !DNS_LABEL.matcher(department).matches()) {
            throw new IllegalArgumentException("department is not a DNS label: " + department);
        }
        if (name == null || !DNS_LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException("app name is not a DNS label: " + name);
        }
    }

    @Override
    public String toString() {
        return department + "/" + name;
    }
}
