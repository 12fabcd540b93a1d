/** Reading configuration YAML strictly: typed binding that reports every mistake at once, with its place. */
package io.chipwatch.yaml;
