package com.zhidian.members.application;

import com.zhidian.members.domain.MembersErrors;
import com.zhidian.members.domain.TextAllowance;
import com.zhidian.members.domain.TextLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Takes one code's place in a phone's allowance before the code is texted, or refuses with when to try again. */
public final class TextBudget {
    private final TextLog log;
    private final Clock clock;

    public TextBudget(TextLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void take(String tenantId, String phone) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            TextLog.Sent sent = log.read(tenantId, phone);
            Instant next = TextAllowance.nextAllowed(sent.at(), now);
            if (next.isAfter(now)) throw new MembersErrors.TooManyTexts(Math.max(1, Duration.between(now, next).toSeconds()));
            List<Instant> after = new ArrayList<>(TextAllowance.counted(sent.at(), now));
            after.add(now);
            if (log.write(tenantId, phone, after, sent.version())) return;
        }
        // three sends for one phone in the same moment: the others went; this one waits its turn like any other
        throw new MembersErrors.TooManyTexts(1);
    }
}
