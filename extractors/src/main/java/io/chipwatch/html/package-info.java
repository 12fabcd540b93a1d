/** HTML bytes to {@link io.chipwatch.model.Article}: charset, metadata, content block, boilerplate. */
package io.chipwatch.html;
