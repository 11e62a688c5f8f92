/**
 * The staff console's frame: the home page after sign-in, the navigation every page shares,
 * and the pages shown when signing in is impossible or has just ended.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.govpaas.platform.console;
