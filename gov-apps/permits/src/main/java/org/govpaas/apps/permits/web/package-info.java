/**
 * What the citizen and staff pages share: the public start page, turning form problems into
 * messages in the reader's language, sending a document safely, and the page for an upload that
 * is too large to even read.
 */
package org.govpaas.apps.permits.web;
