package com.zhidian.members.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.members.application.TextBudget;
import com.zhidian.members.fakes.InMemoryTextLog;
import com.zhidian.members.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The allowance of texted codes: never more than it says in any window, and never a refusal while there is room. */
class TextAllowanceProperties {
    private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");

    @Property(tries = 300)
    void neverMoreThanTheAllowanceInAnyWindow_andNoRefusalWithRoom(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 1800) Integer> gapsSeconds) {
        MutableClock clock = new MutableClock(T0);
        TextBudget budget = new TextBudget(new InMemoryTextLog(), clock);
        List<Instant> texted = new ArrayList<>();
        for (int gap : gapsSeconds) {
            clock.advance(Duration.ofSeconds(gap));
            Instant now = clock.instant();
            long lastHour = texted.stream().filter(t -> t.isAfter(now.minus(Duration.ofHours(1)))).count();
            long lastDay = texted.stream().filter(t -> t.isAfter(now.minus(Duration.ofDays(1)))).count();
            boolean room = lastHour < TextAllowance.PER_HOUR && lastDay < TextAllowance.PER_DAY;
            try {
                budget.take("t-1", "13800138000");
                assertTrue(room, "texted although a window was full");
                texted.add(now);
            } catch (MembersErrors.TooManyTexts refused) {
                assertTrue(!room, "refused with room in both windows");
                // the wait it names is enough: at that moment the same phone may be texted again
                assertEquals(now.plusSeconds(refused.retryAfterSeconds()).isBefore(TextAllowance.nextAllowed(texted, now)), false);
            }
        }
    }

    @Test
    void theSixthCodeInAnHourWaitsForTheFirstToLeaveIt() {
        MutableClock clock = new MutableClock(T0);
        TextBudget budget = new TextBudget(new InMemoryTextLog(), clock);
        for (int i = 0; i < 5; i++) {
            budget.take("t-1", "13800138000");
            clock.advance(Duration.ofMinutes(1));
        }
        MembersErrors.TooManyTexts refused = org.junit.jupiter.api.Assertions.assertThrows(MembersErrors.TooManyTexts.class,
                () -> budget.take("t-1", "13800138000"));
        assertEquals(Duration.ofMinutes(55).toSeconds(), refused.retryAfterSeconds());
        budget.take("t-1", "13900139000");   // another phone has its own allowance
        budget.take("t-2", "13800138000");   // and the same phone at another shop too
        clock.advance(Duration.ofMinutes(55));
        budget.take("t-1", "13800138000");
    }
}
