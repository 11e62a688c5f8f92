/**
 * What every feature module leans on and none owns: the database (embedded PostgreSQL in the
 * one-machine mode), the security filter chains for console, API and portal, problem-details
 * error answers and locale switching.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package org.govpaas.platform.system;
