package io.chipwatch.yaml;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StrictYamlTest {

    record Bus(String kind, Integer partitions, Boolean durable) {
    }

    record Site(String name, List<String> hosts) {
        Site {
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
        }
    }

    record File(Bus bus, List<Site> sites, String data) {
    }

    private static File read(String yaml) throws Exception {
        return new StrictYaml().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "x.yml", File.class);
    }

    @Test
    void aWellFormedFileBindsItsValues() throws Exception {
        File f = read("bus:\n  kind: memory\n  partitions: 8\n  durable: true\nsites:\n  - {name: a, hosts: [a.cn]}\ndata: d\n");

        assertThat(f.bus()).isEqualTo(new Bus("memory", 8, true));
        assertThat(f.sites()).containsExactly(new Site("a", List.of("a.cn")));
    }

    @Test
    void everyMistakeIsReportedAtOnceWithItsLineAndPath() {
        String yaml = "bus:\n  kind: memory\n  partitions: lots\n  durable: \"yes\"\n  partitons: 3\nsites:\n  - name: a\n    hosts: a.cn\n  - name: b\n    colour: red\ndatta: d\n";

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> read(yaml));

        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(6);
        assertThat(e.problems().get(0)).startsWith("x.yml:3: bus.partitions: 'lots' is not a whole number");
        assertThat(e.problems().get(1)).startsWith("x.yml:4: bus.durable:");
        assertThat(e.problems().get(2)).matches("x\\.yml(:5)?: bus\\.partitons: unknown key 'partitons'; known keys here: durable, kind, partitions");
        assertThat(e.problems().get(3)).startsWith("x.yml:8: sites[0].hosts: ");
        // records are read ahead into a buffer, which keeps no line numbers: their unknown keys have a path only
        assertThat(e.problems().get(4)).matches("x\\.yml(:10)?: sites\\[1]\\.colour: unknown key 'colour'; known keys here: hosts, name");
        assertThat(e.problems().get(5)).matches("x\\.yml(:11)?: datta: unknown key 'datta'.*");
    }

    @Test
    void aQuotedNumberIsNotANumber() {
        assertThatThrownBy(() -> read("bus:\n  partitions: \"4\"\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("x.yml:2: bus.partitions: '4' is not a whole number");
    }

    @Test
    void aValueItsRecordRefusesIsReportedWithTheRecordsReason() {
        assertThatThrownBy(() -> read("sites:\n  - name: ' '\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("name must not be blank");
    }

    @Test
    void brokenYamlAndEmptyFilesAreInvalid() {
        assertThatThrownBy(() -> read("bus: [\n")).isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("x.yml:");
        assertThatThrownBy(() -> read("")).isInstanceOf(InvalidConfigException.class).hasMessage("x.yml: the file is empty");
    }
}
