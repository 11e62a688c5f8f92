package org.govpaas.runtime;

/**
 * Whether this control-plane replica may drive the runtime now. Reading what runs (status, logs,
 * usage) needs no leadership; applying and deleting do, so that two replicas never act on the same
 * app at once. One replica on one machine always leads ({@link #SOLE}); several replicas on
 * Kubernetes take turns holding a Lease ({@code LeaseLeadership}).
 */
public interface ReconcileLeadership {

    /** The only replica there is: it always leads. */
    ReconcileLeadership SOLE = () -> true;

    /** True while this replica holds leadership; may turn false at any time (a lost Lease). */
    boolean isLeader();
}
