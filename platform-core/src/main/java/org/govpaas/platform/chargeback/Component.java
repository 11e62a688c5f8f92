package org.govpaas.platform.chargeback;

/** What a statement line charges for, with the unit its quantity is counted in. */
public enum Component {
    VCPU("vCPU-hour"),
    MEMORY("GiB-hour"),
    STORAGE("GiB-month"),
    REQUESTS("1000 requests"),
    ADJUSTMENT("adjustment");

    private final String unit;

    Component(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}
