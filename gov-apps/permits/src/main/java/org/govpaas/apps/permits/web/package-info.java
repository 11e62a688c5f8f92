/**
 * What the citizen and staff pages share: the public start page, turning form problems into
 * messages in the reader's language, reading uploads within the deploy-time limits and sending a
 * document safely.
 */
package org.govpaas.apps.permits.web;
