/**
 * The application form as the deploying developer defined it: the permit type's names, its
 * fields and its attachment rules, read from the deploy parameters and checked once at start-up,
 * so a mistyped definition stops the app with a message naming the parameter instead of showing
 * citizens a broken form. Also the checks of what a citizen typed and uploaded against it.
 */
package org.govpaas.apps.permits.form;
