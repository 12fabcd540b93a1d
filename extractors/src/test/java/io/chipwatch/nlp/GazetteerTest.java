package io.chipwatch.nlp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GazetteerTest {

    @Test
    void shippedGazetteerCoversEveryTypeWithAtLeast250Entries() throws IOException {
        Gazetteer g = Gazetteer.defaults();

        assertThat(g.size()).isGreaterThanOrEqualTo(250);
        Map<String, Long> perType = g.entries().stream().collect(Collectors.groupingBy(GazetteerEntry::type, Collectors.counting()));
        assertThat(perType).containsOnlyKeys(GazetteerEntry.TYPES);
    }

    @Test
    void misspellingsAndScriptsResolveToOneCanonicalEntry() throws IOException {
        Gazetteer g = Gazetteer.defaults();

        assertThat(g.lookup("升腾")).extracting(GazetteerEntry::name).containsExactly("昇腾");
        assertThat(g.lookup("nvidia")).extracting(GazetteerEntry::name).containsExactly("英伟达");
        assertThat(g.lookup("輝達")).extracting(GazetteerEntry::name).containsExactly("英伟达");
        assertThat(g.lookup("不是任何公司")).isEmpty();
    }

    @Test
    void productsNameAVendorThatExists() throws IOException {
        Gazetteer g = Gazetteer.defaults();

        assertThat(g.entries()).filteredOn(e -> e.type().equals("PRODUCT"))
                .allSatisfy(e -> assertThat(g.byName(e.vendor())).as("vendor of %s", e.name()).isPresent());
    }

    @Test
    void aDanglingVendorOrAnUnknownKeyIsRejectedAtLoad() {
        String dangling = "entries:\n  - {name: X1, type: PRODUCT, vendor: 不存在}\n";
        String unknownKey = "entries:\n  - {name: X1, type: ORG, colour: red}\n";

        assertThatThrownBy(() -> Gazetteer.read(new ByteArrayInputStream(dangling.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("不存在");
        assertThatThrownBy(() -> Gazetteer.read(new ByteArrayInputStream(unknownKey.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("colour");
    }
}
