/**
 * Lets a service start from the bean definitions worked out when it was built (Spring AOT, see
 * {@code gov-apps/pom.xml}): what MyBatis-Spring 4.0.0 gets wrong there is mended here, until a
 * release with its fixes (mybatis/spring#1236, #1238) can be used.
 */
package org.govpaas.apps.kit.aot;
