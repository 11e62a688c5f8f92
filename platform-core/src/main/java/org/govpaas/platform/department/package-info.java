/**
 * Departments (agencies): the tenants of the platform. A department has a DNS-label code, names
 * in Chinese and English, a quota and a monthly budget, and a Keycloak group whose role
 * subgroups say who works in it. Developers and staff see only their own department; platform
 * admins and the IT office see all of them; only platform admins create and change them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Departments")
package org.govpaas.platform.department;
