/** Plain-text helpers shared by the extractors: line cleaning, boilerplate lines, plain-text articles. */
package io.chipwatch.text;
