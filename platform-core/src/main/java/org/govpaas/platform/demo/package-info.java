/**
 * Demo departments and accounts for the one-machine mode (profile {@code local}) so a newcomer
 * can sign in right after {@code ./govpaas up}. Never active in a production profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.govpaas.platform.demo;
