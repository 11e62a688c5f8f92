/**
 * Metering: once a minute, one usage sample per app (instances, allocated vCPU and memory, CPU
 * and memory actually used, storage, requests served, isolation tier). Samples are idempotent
 * (one per app and minute, whatever retries or restarts happen) and append-only; a minute the
 * platform was down has no sample, and the usage view shows that gap instead of inventing one.
 * Chargeback rates these samples; nothing else changes them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metering")
package org.govpaas.platform.metering;
