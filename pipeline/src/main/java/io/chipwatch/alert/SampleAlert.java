package io.chipwatch.alert;

import io.chipwatch.model.Ids;

import java.time.Instant;
import java.util.List;

/**
 * A made-up alert for trying a rule's sinks ({@code chipwatch alerts test}). It says it is a test
 * in its headline and sentence, so nobody in a chat group takes it for news, and its id is
 * fresh each time, so receivers that drop repeats still show it.
 */
public final class SampleAlert {

    static final String MARK = "【测试】";

    private SampleAlert() {
    }

    public static Alert of(AlertRule rule, Instant now) {
        String org = rule.orgs().isEmpty() ? "示例半导体" : rule.orgs().get(0);
        String product = rule.products().isEmpty() ? "示例芯片X1" : rule.products().get(0);
        AnnouncementIdentity identity = new AnnouncementIdentity(org, product, rule.events().get(0), null);
        String key = new IdentityKeys().key(identity);
        SourceLink source = new SourceLink(null, "chipwatch 测试告警", null);
        return new Alert(Ids.sha1("test\n" + rule.name() + "\n" + now), Alert.Kind.NEW, 1, rule.name(), key, identity,
                MARK + AlertComposer.headline(identity), List.of(),
                "这是一条测试告警，用于检查规则 " + rule.name() + " 的告警渠道是否畅通，并非真实新闻。", List.of(source), List.of(), now);
    }
}
