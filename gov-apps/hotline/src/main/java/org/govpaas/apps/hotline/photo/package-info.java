/**
 * A ticket's optional photo: checked by its content (JPEG or PNG, whatever its name says), held
 * to the deploy-time size limit, and kept in the app's database so every instance serves it.
 */
package org.govpaas.apps.hotline.photo;
