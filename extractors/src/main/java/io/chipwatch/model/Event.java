package io.chipwatch.model;

/**
 * Something that happened or is planned: a launch, a deal, an export control.
 *
 * @param type    product_announcement, mass_production, investment_deal, supply_deal,
 *                partnership, export_control, ipo, funding or other
 * @param org     canonical name of the acting organisation, or null
 * @param product canonical name of the product concerned, or null
 * @param date    when it happened or is planned (FORMAT.md period label), or null
 * @param status  released (on or before publication) or planned
 * @param trigger the word that signalled the event
 * @param text    the sentence it came from
 * @param start   offset of the sentence in the body
 * @param end     offset just past the sentence in the body
 */
public record Event(String type, String org, String product, String date, String status,
                    String trigger, String text, int start, int end) {
}
