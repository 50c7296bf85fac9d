package com.zhidian.members.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zhidian.core.Ids;
import com.zhidian.core.testing.TestTables;
import com.zhidian.members.domain.PendingPoints;
import com.zhidian.members.domain.PointsAccount;
import com.zhidian.members.domain.PointsChange;
import com.zhidian.members.domain.PointsRepository;
import com.zhidian.members.domain.PointsRules;
import com.zhidian.members.domain.PointsSettings;
import com.zhidian.members.fakes.InMemoryPoints;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Two jobs release one earning at once: the second, planned from the earning as it was (open) and the account as it
 * is after the first, is refused (only a refund's reversal may settle a released earning again). The in-memory
 * repository the service's properties run on keeps DynamoDB's condition: once it did not, and a double release made
 * the account's pending points fall below its open earnings (PointsProperties, CI of 2026-12-05).
 */
class SecondReleaseTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    static Stream<PointsRepository> repositories() {
        return Stream.of(new InMemoryPoints(), new DynamoPointsRepository(TestTables.client()));
    }

    @ParameterizedTest
    @MethodSource("repositories")
    void theSecondReleaseOfOneEarning_isRefused(PointsRepository repo) {
        String t = Ids.next("t"), m = Ids.next("mb");
        open(repo, PointsAccount.opened(t, m));
        PointsSettings settings = new PointsSettings(1, 7, PointsSettings.Expiry.MONTHS_AFTER_CREDIT, 12);
        PointsChange a = PointsRules.earn(repo.account(t, m).orElseThrow(), settings, "or_a", "st_1", 10_000, T0);
        repo.commit(a);
        repo.commit(PointsRules.earn(repo.account(t, m).orElseThrow(), settings, "or_b", "st_1", 20_000, T0));
        PendingPoints asRead = a.pendingCreated();
        repo.commit(PointsRules.release(repo.account(t, m).orElseThrow(), asRead, T0, null));
        PointsAccount after = repo.account(t, m).orElseThrow();
        assertThrows(PointsRepository.VersionConflict.class, () -> repo.commit(PointsRules.release(after, asRead, T0, null)));
        assertEquals(200, repo.account(t, m).orElseThrow().pending(), "or_b's points are still pending, once");
    }

    private static void open(PointsRepository repo, PointsAccount a) {
        if (repo instanceof InMemoryPoints mem) {
            mem.open(a);
            return;
        }
        TestTables.client().transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(p -> p.tableName(
                com.zhidian.core.Env.tableName()).item(DynamoPointsRepository.accountItem(a))).build()));
    }
}
