package org.govpaas.platform.department;

import java.math.BigDecimal;

/** The writable columns of a department row; {@code id} is filled in by an insert. */
final class DepartmentRow {
    Long id;
    String code;
    String nameZh;
    String nameEn;
    int maxApps;
    int maxInstances;
    int maxMemoryMib;
    BigDecimal monthlyBudget;

    static DepartmentRow of(Department d) {
        DepartmentRow row = new DepartmentRow();
        row.id = d.id();
        row.code = d.code();
        row.nameZh = d.nameZh();
        row.nameEn = d.nameEn();
        row.maxApps = d.maxApps();
        row.maxInstances = d.maxInstances();
        row.maxMemoryMib = d.maxMemoryMib();
        row.monthlyBudget = d.monthlyBudget();
        return row;
    }

    static DepartmentRow of(DepartmentDraft d) {
        DepartmentRow row = new DepartmentRow();
        row.code = d.code();
        row.nameZh = d.nameZh().strip();
        row.nameEn = d.nameEn().strip();
        row.maxApps = d.maxApps();
        row.maxInstances = d.maxInstances();
        row.maxMemoryMib = d.maxMemoryMib();
        row.monthlyBudget = d.monthlyBudget();
        return row;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getCode() { return code; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public int getMaxApps() { return maxApps; }
    public int getMaxInstances() { return maxInstances; }
    public int getMaxMemoryMib() { return maxMemoryMib; }
    public BigDecimal getMonthlyBudget() { return monthlyBudget; }
}
