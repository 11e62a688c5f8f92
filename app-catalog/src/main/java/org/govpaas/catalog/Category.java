package org.govpaas.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The four kinds of service the city's cloud plan names; the portal and the catalog group apps
 * by them. {@link #label()} is the spelling in template files, {@link #zh()} and {@link #en()}
 * are what users read.
 */
public enum Category {
    E_GOVERNMENT("e-government", "电子政务", "E-government"),
    CITIZEN_SERVICES("citizen-services", "市民服务", "Citizen services"),
    CITY_MANAGEMENT("city-management", "城市管理", "City management"),
    SME_SERVICES("sme-services", "中小企业服务", "SME services");

    private final String label;
    private final String zh;
    private final String en;

    Category(String label, String zh, String en) {
        this.label = label;
        this.zh = zh;
        this.en = en;
    }

    /** The label used in template files and in the REST API, e.g. {@code citizen-services}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The Chinese name users expect, e.g. 市民服务. */
    public String zh() {
        return zh;
    }

    /** The English name, e.g. "Citizen services". */
    public String en() {
        return en;
    }

    /** The category with this template-file label, or empty for anything else. */
    public static Optional<Category> fromLabel(String label) {
        for (Category category : values()) {
            if (category.label.equals(label)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
