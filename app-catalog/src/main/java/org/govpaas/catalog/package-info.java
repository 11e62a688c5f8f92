/**
 * The app catalog: what departments can deploy, read from versioned YAML templates
 * ({@code catalog/<template-id>.yaml} on the class path) so that a template change is reviewed
 * and released like code. It exists so that the console, the REST API and the reconciler all
 * agree on one description of each app. It guarantees that every template the
 * {@link org.govpaas.catalog.CatalogLoader} returns is complete and internally consistent (a
 * broken file is refused at load with its file and field named), and that a deploy request's
 * parameters are judged by exactly one path, the version's
 * {@link org.govpaas.catalog.ParameterSchema}, whether they come from a JSON body or, through
 * {@code coerce}, from a form; the same schema yields the form's fields. Values are compared
 * with limits, never interpreted.
 */
package org.govpaas.catalog;
