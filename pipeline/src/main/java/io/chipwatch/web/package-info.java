/** The analysts' HTTP API ({@code /api/...}) and web page ({@code /}), over the {@code SearchStore} port. */
package io.chipwatch.web;
