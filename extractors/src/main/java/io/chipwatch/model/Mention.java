package io.chipwatch.model;

/**
 * One place in the body where an entity is named.
 *
 * @param type    ORG, PERSON, PRODUCT, PLACE or TECH
 * @param name    canonical name of the entity
 * @param surface the text as written
 * @param start   offset in the body
 * @param end     offset just past the mention in the body
 */
public record Mention(String type, String name, String surface, int start, int end) {
}
