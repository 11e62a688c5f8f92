package org.govpaas.platform.apps;

import java.util.List;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.department.Department;

/**
 * Asked before a deploy, a change or a start is stored, under the department's row lock (so two
 * requests cannot both slip under a limit). Implemented by chargeback (the monthly budget); apps
 * knows nothing of prices.
 */
public interface SpendingGuard {

    /**
     * @param apps      the department's apps as they are now
     * @param replacing the app being changed, or null for a new one
     * @throws org.govpaas.platform.system.FieldValidationException to refuse; nothing is stored then
     */
    void check(Caller caller, Department department, List<App> apps, App replacing, String isolation, int instances,
               int memoryMb);
}
