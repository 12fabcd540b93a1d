/**
 * Alerts on announcements: rules that pick events out of enriched articles, the identity that
 * tells a new announcement from an update of one already sent, the message text, and the sinks
 * (webhook, Slack, DingTalk, Feishu, WeCom, e-mail, the search index) that deliver it, and the ledger that
 * remembers what was sent and delivered. Running all this on the bus and retrying deliveries
 * are the work of the alert and delivery stages ({@code io.chipwatch.stage}).
 */
package io.chipwatch.alert;
