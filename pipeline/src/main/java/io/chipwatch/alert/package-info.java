/**
 * Alerts on announcements: rules that pick events out of enriched articles, the identity that
 * tells a new announcement from an update of one already sent, the message text, and the sinks
 * (webhook, Slack, DingTalk, Feishu, WeCom, e-mail) that deliver it. Keeping state between
 * articles and retrying deliveries are the alert stage's work, not this package's.
 */
package io.chipwatch.alert;
