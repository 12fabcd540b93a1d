package io.chipwatch.alert;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertThrottleTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Fixtures.NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRuleSendsAtMostItsLimitInAnyHour() {
        TestClock clock = new TestClock();
        AlertThrottle throttle = new AlertThrottle(clock);
        AlertRule two = new AlertRule("two", List.of("product_announcement"), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of("ops"), 2);
        AlertRule other = new AlertRule("other", List.of("product_announcement"), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of("ops"), 1);

        assertThat(throttle.admit(two)).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        assertThat(throttle.admit(two)).isTrue();
        assertThat(throttle.admit(two)).isFalse();
        assertThat(throttle.admit(other)).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertThat(throttle.admit(two)).isTrue();
        assertThat(throttle.admit(two)).isFalse();
    }
}
