package org.govpaas.platform.apps.internal;

import org.govpaas.platform.apps.App;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last steps of a delete, after the runtime let go of the app: its sign-in clients go, its
 * database is released (or purged when asked), and the row disappears. Each step is idempotent,
 * so a crash half-way is finished by the next reconcile pass.
 */
@Component
class AppTeardown {

    private final AppMapper apps;
    private final AppDatabases databases;
    private final AppClients clients;
    private final TransactionTemplate transaction;

    AppTeardown(AppMapper apps, AppDatabases databases, AppClients clients, TransactionTemplate transaction) {
        this.apps = apps;
        this.databases = databases;
        this.clients = clients;
        this.transaction = transaction;
    }

    /** Not one transaction: PostgreSQL cannot drop a database inside one. */
    void remove(App app) {
        clients.remove(app);
        if (app.purgeData()) {
            databases.purge(app);
        } else {
            databases.release(app);
        }
        transaction.executeWithoutResult(status -> {
            apps.insertEvent(app.departmentId(), app.id(), app.name(), "DELETED",
                    app.purgeData() ? "Deleted; its data was purged" : "Deleted; its data is retained");
            apps.delete(app.id(), app.departmentId());
        });
    }
}
